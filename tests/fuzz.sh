#!/bin/sh
# Runs the property-based fuzzing of tests/fuzz.rs (card reader, extractor, query parameter
# binding) for a bounded time: CASES cases per property (default 20000), stopped after SECONDS
# (default 600). Failing inputs are kept in tests/proptest-regressions/fuzz.txt and tried first
# on every later run, `cargo test` included.
set -eu
cd "$(dirname "$0")/.."
cases=${CASES:-20000}
seconds=${SECONDS_LIMIT:-600}
cargo build --release --tests --quiet
start=$(date +%s)
PROPTEST_CASES=$cases timeout "$seconds" cargo test --release --quiet --test fuzz -- --test-threads 2
echo "fuzz: $cases cases per property, 5 properties, failures: 0, $(( $(date +%s) - start )) s"
