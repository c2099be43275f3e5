#!/usr/bin/env bash
# Builds one fuzz target and runs it: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#   Fuzz/run.sh --list          the targets
#   Fuzz/run.sh --supported     exit 0 when this toolchain has libFuzzer (swiftc -sanitize=fuzzer)
# The build is release with ASan and libFuzzer, in Fuzz/.build; the run works in
# Fuzz/.work/TARGET (its growing corpus, crash-* files, scratch files), at nice 19.
# SWIFT=/work/bin/swiftl on a shared machine serialises the build with other builds.
set -euo pipefail
cd "$(dirname "$0")"
targets="article deck snapshot review-log replay-csv anki-text anki-package answer"
swift=${SWIFT:-swift}

case "${1:-}" in
  --list) echo "$targets" | tr ' ' '\n'; exit 0 ;;
  --supported)
    # A one-file libFuzzer program: the toolchain has the fuzzer runtime when it links.
    probe=$(mktemp -d)
    trap 'rm -rf "$probe"' EXIT
    printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>?, _ n: Int) -> Int32 { 0 }\n' > "$probe/probe.swift"
    swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1
    exit $? ;;
esac

if [ $# -lt 2 ] || [[ " $targets " != *" $1 "* ]] || ! [[ $2 =~ ^[0-9]+$ ]]; then
  echo "usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]; targets: $targets" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2

# Per target: the longest input, the seconds one input may take before it counts as a hang.
max_len=8192 timeout=10
case $target in
  article) max_len=4096 timeout=30 ;;
  anki-text) max_len=4096 ;;
  anki-package) max_len=131072 timeout=30 ;;
  answer) max_len=512 ;;
esac

work=.work/$target
mkdir -p "$work/corpus" "$work/seeds" "$work/tmp"

# -enable-testing: the anki-package target reads collections through AnkiInterop internals.
echo "run.sh: building fuzz-$target (log: Fuzz/$work/build.log)"
build() {
  "$swift" build --package-path . --scratch-path .build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing \
    --product "fuzz-$target" > "$work/build.log" 2>&1
}
if ! build; then
  # SwiftPM keeps the plan of a path dependency whose files were added or removed (after a
  # pull or a merge): "missing inputs", or "cannot find 'X' in scope" for a type in a new
  # file. Planning again from clean fixes it; a real compile error fails again below.
  echo "run.sh: the build failed; building from clean in case the main package's files changed"
  "$swift" package --package-path . --scratch-path .build clean
  build || true
  if ! grep -q "Build of product .* complete" "$work/build.log"; then
    grep -e "error:" -A3 "$work/build.log" | head -n 40 >&2 || tail -n 40 "$work/build.log" >&2
    echo "run.sh: the build of fuzz-$target failed" >&2
    exit 1
  fi
fi
bin=.build/release/fuzz-$target
shared=../../shared

# Seeds: the project's own inputs (in the tree, read where they are), the derived ones
# in Fuzz/corpus/TARGET, and third-party files beside the project (../shared), never copied in.
seeds=()
[ -d "corpus/$target" ] && seeds+=("corpus/$target")
add() { for d in "$@"; do [ -e "$d" ] && seeds+=("$d"); done; return 0; }
# Copies single files (libFuzzer takes folders) into the work folder's seeds, prefixed with a mode byte.
seed_file() { local mode=$1 file=$2; [ -f "$file" ] || return 0; { printf "$mode"; cat "$file"; } > "$work/seeds/$(basename "$file")"; }
case $target in
  article)
    add ../Tests/ArticlesTests/Fixtures ../Tests/CardGenerationTests/Fixtures ../decks/sources \
        "$shared/data/web-pages" "$shared/eval/squad-dev/articles" ;;
  deck) add ../decks ;;
  replay-csv) add ../Tests/SchedulingTests/Fixtures "$shared/eval/fsrs/data" ;;
  anki-text) seed_file "" "$shared/tools/anki/fixtures/basic-and-cloze.notes.txt" ;;
  anki-package)
    # Mode 1: SQL that makes a collection; mode 0: a collection's SQLite image; none: an .apkg.
    for f in ../Tests/AnkiInteropTests/Fixtures/*.sql; do seed_file '\001' "$f"; done
    add "$shared/tools/anki/fixtures"
    python3 - "$work/seeds" ../Tests/AnkiInteropTests/Fixtures "$shared/tools/anki/fixtures" <<'PY' || echo "run.sh: no collection images made ($?)"
import glob, os, shutil, sqlite3, subprocess, sys, tempfile, zipfile
out, own, shared = sys.argv[1:4]
def image(db):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "c.db")
        target = sqlite3.connect(path)
        db.backup(target)
        target.close()
        return open(path, "rb").read()
def save(name, data):
    open(os.path.join(out, name), "wb").write(data)
for sql in glob.glob(os.path.join(own, "*.sql")):
    db = sqlite3.connect(":memory:")
    db.executescript(open(sql).read())
    save(os.path.basename(sql) + ".image", b"\x00" + image(db))
for apkg in glob.glob(os.path.join(shared, "*.apkg")):
    with zipfile.ZipFile(apkg) as z, tempfile.TemporaryDirectory() as d:
        names = z.namelist()
        if "collection.anki21b" in names and shutil.which("zstd"):
            z.extract("collection.anki21b", d)
            subprocess.run(["zstd", "-q", "-d", os.path.join(d, "collection.anki21b"), "-o", os.path.join(d, "c.db")], check=True)
        elif "collection.anki21" in names:
            z.extract("collection.anki21", d)
            os.rename(os.path.join(d, "collection.anki21"), os.path.join(d, "c.db"))
        else:
            continue
        data = open(os.path.join(d, "c.db"), "rb").read()
        save(os.path.basename(apkg) + ".image", b"\x00" + data)
        db = sqlite3.connect(os.path.join(d, "c.db"))
        try:
            save(os.path.basename(apkg) + ".sql", b"\x01" + ";\n".join(db.iterdump()).encode() + b";\n")
        except sqlite3.Error as e:
            # Anki's collections index with its own collation (unicase), which Python's
            # sqlite3 does not have: no SQL dump then, but the image above is a seed.
            print(f"run.sh: no SQL dump of {os.path.basename(apkg)} ({e})")
PY
    ;;
esac
seeds+=("$work/seeds")

export SWIFT_BACKTRACE=enable=no TMPDIR=$PWD/$work/tmp LSAN_OPTIONS=suppressions=$PWD/lsan.supp:print_suppressions=0
dict=()
[ -f "dict/$target.dict" ] && dict=("-dict=dict/$target.dict")
echo "run.sh: fuzz-$target for ${seconds}s; seeds: ${seeds[*]}"
status=0
# Leak checks are off unless asked for (-detect_leaks=1): readers that work on several
# threads (generate, the parallel log pass) make LeakSanitizer scan the heap after almost
# every input, a quarter of the speed; with them on, the runs found only the two leaks of
# other libraries in lsan.supp.
nice -n 19 "$bin" "$work/corpus" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" \
  -timeout="$timeout" -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix="$work/" -print_final_stats=1 "$@" || status=$?
rm -rf "$work/tmp"
if [ "$status" -ne 0 ]; then
  echo "run.sh: fuzz-$target stopped with status $status; the input is in $work/ (crash-*, timeout-*, oom-*)" >&2
fi
exit "$status"
