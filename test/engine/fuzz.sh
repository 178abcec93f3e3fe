#!/bin/sh
# Fuzz the engine's reader. Usage: test/engine/fuzz.sh [SECONDS (default 60)]
# With FUZZ_RUNS=N it runs N inputs from a fixed seed instead: the same inputs every
# time, so a test run is reproducible (npm test uses this).
# Builds a libFuzzer+ASan target (-m32), seeds the corpus with the conformance
# cases compiled to bitcode (-O0/-O2), runs for SECONDS; exits non-zero on a crash.
set -e
T=${1:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${FUZZ_DIR:-/tmp/bf-fuzz}
mkdir -p "$W/corpus" "$W/seed"
I=$ROOT/interpreter
clang-14 -m32 -g -O1 -fsanitize=fuzzer,address -I "$I" "$ROOT/test/engine/fuzz_reader.c" \
  "$I/bitstream.c" "$I/module.c" "$I/lower.c" "$I/exec.c" "$I/ffi.c" -o "$W/fuzz_reader" \
  $(test -e /usr/lib32/libstdc++.so || echo -nostdlib++ /usr/lib32/libstdc++.so.6)
for c in "$ROOT"/test/engine/cases/*.c; do
  n=$(basename "$c" .c)
  [ -f "$W/seed/$n.O2.bc" ] || clang-14 -m32 -msse2 -mfpmath=sse -w -O2 -emit-llvm -c "$c" -o "$W/seed/$n.O2.bc"
  [ -f "$W/seed/$n.O0.bc" ] || clang-14 -m32 -msse2 -mfpmath=sse -w -O0 -emit-llvm -c "$c" -o "$W/seed/$n.O0.bc"
done
cd "$W"
[ -n "$NO_RUN" ] && exit 0
# The fuzzer's status is the script's (a pipe into tail would hide a crash).
status=0
if [ -n "$FUZZ_RUNS" ]; then LIMIT="-runs=$FUZZ_RUNS -seed=1"; else LIMIT="-max_total_time=$T"; fi
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 ./fuzz_reader $LIMIT -rss_limit_mb=1024 \
  -max_len=200000 -timeout=10 -print_final_stats=1 corpus seed > fuzz.log 2>&1 || status=$?
tail -40 fuzz.log
exit $status
