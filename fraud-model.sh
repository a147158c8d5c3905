#!/usr/bin/env bash
# The fraud model's tool (docs/fraud-model.md):
#
#   ./fraud-model.sh train                          # data set (seed 42), trees, held-out figures, release v1
#   ./fraud-model.sh train --version 2 --threshold 0.8 --out /tmp/v2.json
#   ./fraud-model.sh --build train ...              # rebuild the tool first
#
# Java only: builds fraud-model (and what it needs) with ./mvnw on first use.
set -euo pipefail

cd "$(dirname "$0")"
source scripts/launcher.sh

orderflow_split_args "$@"
java_cmd="$(orderflow_java)"

if [[ ! -d fraud-model/target/classes || ! -d fraud-model/target/lib ]]; then
  build=true
fi
if [[ "$build" == true ]]; then
  echo "Building the fraud-model tool (./mvnw -q -B -DskipTests package -pl fraud-model -am)..."
  ./mvnw -q -B -DskipTests package -pl fraud-model -am
fi

exec "$java_cmd" -cp "fraud-model/target/classes:fraud-model/target/lib/*" io.orderflow.fraud.tool.FraudModelTool \
  ${args[@]+"${args[@]}"}
