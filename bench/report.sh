#!/usr/bin/env bash
# Prints the benchmark tables for the README, in one run of each binary (the run-time part about 5 minutes
# on 2 cores; the generator at x100 of spec/ most of an hour and 10 GB):
# the run-time cases (deserialize, validate, jsonschema, typify; then the response cases) and the generator's phases on synthetic specs,
# with typify's time on the same number of fields.
#   bash bench/report.sh            # everything
#   bash bench/report.sh --quick    # a smoke run: fewer rounds, the small sizes only
set -euo pipefail
cd "$(dirname "$0")/.."

echo "## Run time: deserialize and validate an \"Update a VPC channel\" body"
echo
cargo run -q -p bench --release --bin report -- "$@"
echo
echo "## Generator: phases on the spec replicated (codegen::Config, Layout::Crate)"
echo
cargo run -q -p bench --release --features typify-timing --bin codegen-scale -- "$@"
