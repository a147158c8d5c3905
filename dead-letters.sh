#!/usr/bin/env bash
# Lists a service's dead letters (<service>-dlq) and replays chosen ones once their cause is fixed.
# Needs nothing but Java 17. Builds the tool first when it is missing (or with --build).
# ./dead-letters.sh --help lists the commands and options; docs/operations.md ("Dead letters") says when to use them.
set -euo pipefail

# No cd: a relative --command-config FILE is the caller's.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/launcher.sh
source "$root/scripts/launcher.sh"

orderflow_split_args "$@"
java_cmd="$(orderflow_java)"

classes="$root/local-stack/target/classes"
if [[ ! -f "$classes/io/orderflow/localstack/deadletters/DeadLetters.class" || ! -d "$root/local-stack/target/lib" ]]; then
  build=true
fi

if [[ "$build" == true ]]; then
  maven=(-q -B -DskipTests -pl local-stack -am package)
  echo "Building the dead-letter tool (./mvnw ${maven[*]})..." >&2
  # Offline first: with the dependencies already in ~/.m2 no network is needed; online only if that fails.
  if ! (cd "$root" && ./mvnw -o "${maven[@]}" > /dev/null 2>&1); then
    (cd "$root" && ./mvnw "${maven[@]}") >&2
  fi
fi

# The local stack's broker wants credentials: without --command-config, connect as its admin (docs/security.md).
admin_config="$root/.data/kafka/admin-client.properties"
if [[ -z "${KAFKA_COMMAND_CONFIG:-}" && -f "$admin_config" ]]; then
  export KAFKA_COMMAND_CONFIG="$admin_config"
fi

exec "$java_cmd" -cp "$classes:$root/local-stack/target/lib/*" io.orderflow.localstack.deadletters.DeadLetters ${args[@]+"${args[@]}"}
