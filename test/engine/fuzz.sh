#!/bin/sh
# Fuzz the engine's reader, verifier and lowering (fuzz_reader.c: libFuzzer + ASan, -m32).
#   test/engine/fuzz.sh [SECONDS (default 60)]
#   FUZZ_RUNS=N test/engine/fuzz.sh       N inputs from a fixed seed (npm test)
# Exits non-zero on a crash (the crashing input is copied to images/obj/engine-fuzz/crashes/).
#
# With FUZZ_RUNS the run is reproducible: the same inputs in the same order every
# time, which the target shows as "fuzz inputs: N digest: D" every 10,000 inputs.
# - The seed corpus (the suite's cases at -O0 and -O2) is built once into
#   images/obj/engine-fuzz/seed-<hash of clang's version, the flags and the case
#   sources> and only read; the target likewise (fuzz_reader-<hash of its sources>).
# - New inputs go to a fresh empty directory, removed at the end: nothing grows
#   between runs. -reload=0: no time-based rereading of it.
# - -seed=1; no value profile; ASLR off (setarch -R): libFuzzer mutates inputs
#   towards the operands of the comparisons the target makes, some of which are
#   addresses (handler addresses in the decoded code, heap pointers).
# - -timeout and -rss_limit_mb only decide when to report a hang or memory use as a
#   crash; they never change which inputs run.
set -e
T=${1:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
I=$ROOT/interpreter
CACHE=$ROOT/images/obj/engine-fuzz
CLANG=clang-14
SEED_FLAGS="-m32 -msse2 -mfpmath=sse -w -emit-llvm -c"
mkdir -p "$CACHE"
hash() { sha256sum | cut -c1-16; }

# Built in a temporary directory and renamed into place, so that concurrent
# runs never see half a cache entry.
SOURCES="$I/bitstream.c $I/module.c $I/verify.c $I/patterns.c $I/simd.c $I/fp80.c $I/lower.c $I/lower_cells.c $I/lower_ops.c $I/lower_mem.c $I/lower_calls.c $I/lower_branch.c $I/lower_fuse.c $I/lower_uses.c $I/exec.c $I/ffi.c"
TARGET_KEY=$( ($CLANG --version; cat "$ROOT/test/engine/fuzz_reader.c" $SOURCES "$I"/*.h) | hash)
TARGET=$CACHE/fuzz_reader-$TARGET_KEY
if [ ! -x "$TARGET" ]; then
  $CLANG -m32 -g -O1 -fsanitize=fuzzer,address -I "$I" "$ROOT/test/engine/fuzz_reader.c" $SOURCES -o "$TARGET.tmp$$" \
    $(test -e /usr/lib32/libstdc++.so || echo -nostdlib++ /usr/lib32/libstdc++.so.6)
  mv "$TARGET.tmp$$" "$TARGET"
  for old in "$CACHE"/fuzz_reader-*; do [ "$old" = "$TARGET" ] || rm -f "$old"; done   # a cache, not an archive
fi
SEED_KEY=$( ($CLANG --version; echo "$SEED_FLAGS"; for c in "$ROOT"/test/engine/cases/*.c; do basename "$c"; cat "$c"; done) | hash)
SEED=$CACHE/seed-$SEED_KEY
if [ ! -d "$SEED" ]; then
  NEW=$(mktemp -d "$CACHE/seed.tmp.XXXXXX")
  for c in "$ROOT"/test/engine/cases/*.c; do
    n=$(basename "$c" .c)
    $CLANG $SEED_FLAGS -O0 "$c" -o "$NEW/$n.O0.bc"
    $CLANG $SEED_FLAGS -O2 "$c" -o "$NEW/$n.O2.bc"
  done
  mv "$NEW" "$SEED" 2>/dev/null || rm -rf "$NEW"     # another run got there first
  for old in "$CACHE"/seed-*; do [ "$old" = "$SEED" ] || rm -rf "$old"; done
fi
[ -n "$NO_RUN" ] && exit 0

W=$(mktemp -d "${TMPDIR:-/tmp}/bf-fuzz-XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir "$W/new"
if [ -n "$FUZZ_RUNS" ]; then LIMIT="-runs=$FUZZ_RUNS -seed=1"; else LIMIT="-max_total_time=$T"; fi
NOASLR=$(setarch "$(uname -m)" -R true 2>/dev/null && echo "setarch $(uname -m) -R")
# LeakSanitizer stops the world through ptrace, which QEMU's user-mode emulator
# (it runs i386 programs where the kernel cannot: scripts/setup.js) lacks: the
# target hangs at exit there. QEMU_STRACE is read by the emulator only.
LEAKS=1
if QEMU_STRACE=1 "$TARGET" -help=1 2>&1 | head -1 | grep -qE '^[0-9]+ [a-z_0-9]+\('; then
  LEAKS=0
  echo "fuzz.sh: i386 programs run under QEMU user-mode emulation here: leak detection off"
fi
# The fuzzer's status is the script's (a pipe into tail would hide a crash).
status=0
(cd "$W" && ASAN_OPTIONS=detect_leaks=$LEAKS:allocator_may_return_null=1 $NOASLR "$TARGET" $LIMIT -reload=0 -use_value_profile=0 \
  -rss_limit_mb=2048 -max_len=200000 -timeout=30 -print_final_stats=1 -artifact_prefix="$W/" new "$SEED" > "$W/fuzz.log" 2>&1) || status=$?
grep -E '^fuzz inputs:' "$W/fuzz.log" || true
tail -40 "$W/fuzz.log" | grep -vE '^fuzz inputs:'
if ls "$W"/crash-* "$W"/leak-* "$W"/timeout-* "$W"/oom-* >/dev/null 2>&1; then
  mkdir -p "$CACHE/crashes" && cp "$W"/crash-* "$W"/leak-* "$W"/timeout-* "$W"/oom-* "$CACHE/crashes/" 2>/dev/null || true
  echo "fuzz.sh: crashing inputs copied to $CACHE/crashes/"
fi
exit $status
