#!/usr/bin/env bash
# Smoke run of every fuzz target: installs cargo-fuzz if it is missing, seeds the corpora from spec/, builds
# the targets once, and runs each for N seconds (default 30). Exits 1 if any target crashed; the crashing
# input is in fuzz/artifacts/<target>/ and the fuzzer's output in fuzz/target/smoke-<target>.log.
#
#   bash fuzz/smoke.sh [seconds]
#
# Works on the stable toolchain: the targets are built without a sanitizer (-s none; the code under test
# is safe Rust). FUZZ_SANITIZER=address builds with AddressSanitizer instead, which needs nightly flags
# (this script then sets RUSTC_BOOTSTRAP=1 for the build).
set -euo pipefail
seconds="${1:-30}"
cd "$(dirname "$0")"
sanitizer="${FUZZ_SANITIZER:-none}"
if [ "$sanitizer" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
started=$SECONDS

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

if command -v python3 >/dev/null 2>&1; then
  python3 seed.py
else
  echo "python3 not found: fuzzing from the committed seeds only" >&2
fi

echo "== building the fuzz targets (sanitizer: $sanitizer)"
cargo fuzz build -s "$sanitizer"
mkdir -p target

status=0
for target in $(cargo fuzz list); do
  log="target/smoke-$target.log"
  echo "== $target for ${seconds}s"
  # Each target is one process (libFuzzer's default), so the run takes one core.
  if cargo fuzz run -s "$sanitizer" "$target" -- -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs|stat::number_of_executed_units' "$log" | head -1
  else
    echo "$target FAILED (whole output in fuzz/$log):" >&2
    grep -E -A4 'panicked at|==ERROR|ERROR: libFuzzer|^SUMMARY|Test unit written|Reproduce with|Minimize test case' "$log" >&2 || tail -n 40 "$log" >&2
    status=1
  fi
done
echo "== smoke run finished in $((SECONDS - started))s"
exit "$status"
