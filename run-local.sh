#!/usr/bin/env bash
# Runs the whole orderflow stack locally: one Kafka broker, the dev issuer (OAuth2) and the five services, each in
# its own JVM.
# Needs nothing but Java 17. Builds what is missing first (or everything, with --build).
# Options are the launcher's (--help lists them); state and logs go to .data/ unless --data-dir says otherwise.
set -euo pipefail

cd "$(dirname "$0")"
# shellcheck source=scripts/launcher.sh
source scripts/launcher.sh

orderflow_split_args "$@"
java_cmd="$(orderflow_java)"
need_jars=true
for arg in ${args[@]+"${args[@]}"}; do
  case "$arg" in
    --no-services|-h|--help) need_jars=false ;;
  esac
done

if [[ ! -d local-stack/target/classes || ! -d local-stack/target/lib ]]; then
  build=true
fi
if [[ "$need_jars" == true ]] && orderflow_service_jar_missing .; then
  build=true
fi

if [[ "$build" == true ]]; then
  echo "Building (./mvnw -q -B -DskipTests install)..."
  ./mvnw -q -B -DskipTests install
fi

# exec: the launcher replaces this shell, so Ctrl-C reaches it and it stops the children in order.
exec "$java_cmd" -cp "local-stack/target/classes:local-stack/target/lib/*" io.orderflow.localstack.LocalStack ${args[@]+"${args[@]}"}
