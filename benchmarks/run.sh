#!/usr/bin/env bash
# The order-flow benchmark in one command: the broker's own limit, then the whole suite (one broker, the dev issuer and the
# five services as child JVMs, on free ports, fresh state in benchmarks/target/stack) under closed- and
# open-loop load, with correctness checks. Builds what is missing first (or everything, with --build).
# Options are the benchmark's (--help lists them). Exit code 0 when every check passed, 1 when one failed.
# --compare REF runs it on this build and on git ref REF (built in its own worktree under
# benchmarks/target/compare), alternating, and prints the ratios (docs/benchmarks.md, "Comparing two builds").
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=../scripts/launcher.sh
source scripts/launcher.sh

orderflow_split_args "$@"
java_cmd="$(orderflow_java)"

if [[ ! -d benchmarks/target/classes || ! -d benchmarks/target/lib ]]; then
  build=true
fi
if orderflow_service_jar_missing .; then
  build=true
fi

if [[ "$build" == true ]]; then
  echo "Building the services and the benchmark (./mvnw -q -B -DskipTests install -pl benchmarks -am)..."
  ./mvnw -q -B -DskipTests install -pl benchmarks -am
fi

exec "$java_cmd" -Xmx1g -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.orderflow.bench.Benchmark ${args[@]+"${args[@]}"}
