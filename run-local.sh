#!/usr/bin/env bash
# Runs the whole orderflow stack locally: one Kafka broker and the five services, each in its own JVM.
# Needs nothing but Java 17. Builds what is missing first (or everything, with --build).
# Options are the launcher's (--help lists them); state and logs go to .data/ unless --data-dir says otherwise.
set -euo pipefail

cd "$(dirname "$0")"

services=(orders-service basket-service payment-service stock-service fulfillment-service)
build=false
need_jars=true
args=()
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --no-services) need_jars=false; args+=("$arg") ;;
    -h|--help) need_jars=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

if [[ ! -d local-stack/target/classes || ! -d local-stack/target/lib ]]; then
  build=true
fi
if [[ "$need_jars" == true ]]; then
  for service in "${services[@]}"; do
    if ! compgen -G "$service/target/$service-*-exec.jar" > /dev/null; then
      build=true
    fi
  done
fi

if [[ "$build" == true ]]; then
  echo "Building (./mvnw -q -B -DskipTests install)..."
  ./mvnw -q -B -DskipTests install
fi

# exec: the launcher replaces this shell, so Ctrl-C reaches it and it stops the children in order.
exec "$java_cmd" -cp "local-stack/target/classes:local-stack/target/lib/*" io.orderflow.localstack.LocalStack ${args[@]+"${args[@]}"}
