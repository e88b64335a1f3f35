#!/usr/bin/env bash
# Checks that every generated service crate builds with each operation's feature alone
# (`--no-default-features --features <operation>`), with none, and with all, warnings denied: an SDK that
# turns on only the operations it calls must compile. The `http` feature (the operations' glue to the
# `http` crate) must build alone and beside every operation, clippy-clean.
# Every operation's feature of a service of up to $SAMPLE operations is checked alone; of a larger
# service, $SAMPLE of them spread evenly over its operations in name order (the first and the last
# among them): which types a feature compiles is decided by one rule in lowering for every service,
# so a sample of each service finds a rule's mistake, and a check of all 1,453 operations of the
# checked-in cloud takes 15 minutes of CI. `--all` checks every one.
# Usage: bash tests/each_feature.sh [--all] [service...]
set -euo pipefail
cd "$(dirname "$0")/.."

SAMPLE=24
if [ "${1:-}" = "--all" ]; then
  SAMPLE=0
  shift
fi

# Its own target directory: denying warnings changes the flags, which would rebuild the workspace's.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/each-feature"
export RUSTFLAGS="-D warnings"

services=("$@")
if [ ${#services[@]} -eq 0 ]; then
  for dir in generated/services/*/; do services+=("$(basename "$dir")"); done
fi

# The glue crate the `http` features turn on, on its own.
cargo clippy -q --offline -p api-gateway-models-wire -- -D warnings

checked=0
for service in "${services[@]}"; do
  manifest="generated/services/$service/Cargo.toml"
  package=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -1)
  # The operations' features: the lines `name = []` of the [features] table.
  features=$(sed -n '/^\[features\]/,/^\[/{s/^\([a-z0-9_]*\) = \[\]$/\1/p}' "$manifest")
  total=$(echo "$features" | wc -w)
  if [ "$SAMPLE" -gt 0 ] && [ "$total" -gt "$SAMPLE" ]; then
    # The i-th of SAMPLE picks, i = 0..SAMPLE-1, is feature number i * (total - 1) / (SAMPLE - 1).
    features=$(echo "$features" | awk -v n="$total" -v k="$SAMPLE" '
      BEGIN { for (i = 0; i < k; i++) pick[int(i * (n - 1) / (k - 1)) + 1] = 1 }
      NF && pick[++row]')
  fi
  cargo check -q --offline -p "$package" --no-default-features
  for feature in $features; do
    cargo check -q --offline -p "$package" --no-default-features --features "$feature" \
      || { echo "$package: the feature \`$feature\` alone does not build" >&2; exit 1; }
    checked=$((checked + 1))
  done
  for features in "--no-default-features --features http" "--features http"; do
    # shellcheck disable=SC2086
    cargo clippy -q --offline -p "$package" $features -- -D warnings \
      || { echo "$package: \`$features\` does not build clippy-clean" >&2; exit 1; }
  done
done
echo "each of $checked operations' features builds alone, in ${#services[@]} service crates (--all: every one)"
