#!/usr/bin/env bash
# Checks that every generated service crate builds with each operation's feature alone
# (`--no-default-features --features <operation>`), with none, and with all, warnings denied: an SDK that
# turns on only the operations it calls must compile. The `http` feature (the operations' glue to the
# `http` crate) must build alone and beside every operation, clippy-clean.
# Usage: bash tests/each_feature.sh [service...]
set -euo pipefail
cd "$(dirname "$0")/.."

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
echo "each of $checked operations' features builds alone, in ${#services[@]} service crates"
