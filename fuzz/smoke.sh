#!/usr/bin/env bash
# Smoke run of every fuzz target: installs cargo-fuzz if it is missing, builds the targets once, and runs
# each for N seconds (default 30) from its committed seeds. Exits 1 if any target crashed; the crashing
# input is in fuzz/artifacts/<target>/ and the fuzzer's output in fuzz/target/smoke-<target>.log.
#
#   bash fuzz/smoke.sh [seconds]
#
# Works on the stable toolchain: the targets are built without a sanitizer (-s none; the code under test
# is safe Rust). FUZZ_SANITIZER=address builds with AddressSanitizer instead, which needs nightly flags
# (this script then sets RUSTC_BOOTSTRAP=1 for the build). FUZZ_DEV=1 builds without optimizations (cargo
# fuzz --dev): a fraction of the build time and fewer executions a second, which is what a smoke run in CI
# wants; the long runs use the default optimized build.
set -euo pipefail
seconds="${1:-30}"
cd "$(dirname "$0")"
sanitizer="${FUZZ_SANITIZER:-none}"
profile=()
if [ "${FUZZ_DEV:-0}" = 1 ]; then
  profile=(--dev)
fi
if [ "$sanitizer" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
started=$SECONDS

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

echo "== building the fuzz targets (sanitizer: $sanitizer${profile:+, unoptimized})"
cargo fuzz build "${profile[@]}" -s "$sanitizer"
mkdir -p target

status=0
for target in $(cargo fuzz list); do
  log="target/smoke-$target.log"
  echo "== $target for ${seconds}s"
  # Each target is one process (libFuzzer's default), so the run takes one core.
  # From the committed seeds only, in a scratch corpus: libFuzzer reads its whole corpus before the time
  # limit counts, and the corpus a long run leaves (or seed.py's 1,475 spec files) takes many minutes.
  corpus=$(mktemp -d)
  cp corpus/"$target"/seed-* "$corpus"/
  if cargo fuzz run "${profile[@]}" -s "$sanitizer" "$target" "$corpus" -- -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs|stat::number_of_executed_units' "$log" | head -1
  else
    echo "$target FAILED (whole output in fuzz/$log):" >&2
    grep -E -A4 'panicked at|==ERROR|ERROR: libFuzzer|^SUMMARY|Test unit written|Reproduce with|Minimize test case' "$log" >&2 || tail -n 40 "$log" >&2
    status=1
  fi
  rm -rf "$corpus"
done
echo "== smoke run finished in $((SECONDS - started))s"
exit "$status"
