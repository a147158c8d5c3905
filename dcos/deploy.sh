#!/usr/bin/env bash
# Deploys orderflow on a DC/OS cluster with the dcos CLI (already attached to the cluster):
#   1. installs the Kafka package with kafka-options.json (3 brokers, RF 3, min ISR 2), unless it is there;
#   2. waits until the three brokers are deployed;
#   3. creates the shared topics and the dead-letter topics (6 partitions, RF 3) that do not exist yet;
#   4. adds (or updates) the Marathon group orderflow-group.json: the five services.
# Re-running it is safe: every step skips what already exists.
#
# Environment:
#   IMAGE_REGISTRY   registry prefix for the images, e.g. "registry.example.com/" (default: none,
#                    i.e. the agents' default registry); the images are built by ./mvnw -Pimages.
#   IMAGE_TAG        image tag (default: the one in orderflow-group.json, the project version)
#   KAFKA_PACKAGE, KAFKA_PACKAGE_VERSION   see dcos/README.md for why confluent-kafka 2.10.0-5.5.1
#   WAIT_SECONDS     how long to wait for Kafka and for the Marathon deployment (default 900)
#   POLL_SECONDS     pause between two status polls (default 10)
set -euo pipefail

cd "$(dirname "$0")"

KAFKA_PACKAGE="${KAFKA_PACKAGE:-confluent-kafka}"
# Confluent Platform 5.5.1 = Apache Kafka 2.5.1: exactly_once_v2 needs brokers 2.5 or newer.
KAFKA_PACKAGE_VERSION="${KAFKA_PACKAGE_VERSION:-2.10.0-5.5.1}"
# Must equal service.name in kafka-options.json: the apps' KAFKA_BOOTSTRAP_SERVERS is broker.<name>.l4lb...
KAFKA_SERVICE_NAME=kafka
IMAGE_REGISTRY="${IMAGE_REGISTRY:-}"
IMAGE_TAG="${IMAGE_TAG:-}"
WAIT_SECONDS="${WAIT_SECONDS:-900}"
POLL_SECONDS="${POLL_SECONDS:-10}"

# Must equal Topics.PARTITIONS: the topics each service merges must be co-partitioned.
PARTITIONS=6
REPLICATION=3
# Topics.ALL, then one dead-letter topic per service (<spring.application.name>-dlq).
# deploy-tests checks this list against the code.
topics=(
  order-commands
  orders
  order-validations
  shipments
  basket-checkouts
  stock-requests
  payment-requests
  stock-commands
  account-commands
  basket-commands
  order-command-results
  stock-command-results
  account-command-results
  basket-command-results
  orders-service-dlq
  basket-service-dlq
  payment-service-dlq
  stock-service-dlq
  fulfillment-service-dlq
)

die() {
  echo "deploy.sh: $*" >&2
  exit 1
}

log() {
  echo "deploy.sh: $*"
}

kafka_cli() {
  dcos "$KAFKA_PACKAGE" --name="$KAFKA_SERVICE_NAME" "$@"
}

# Polls "$@" until it succeeds or WAIT_SECONDS have passed.
wait_until() {
  local what="$1"
  shift
  local deadline=$(( $(date +%s) + WAIT_SECONDS ))
  until "$@"; do
    if (( $(date +%s) >= deadline )); then
      die "gave up after ${WAIT_SECONDS} s waiting for ${what}"
    fi
    sleep "$POLL_SECONDS"
  done
}

kafka_deployed() {
  kafka_cli plan status deploy 2>/dev/null | head -n 1 | grep -q '(COMPLETE)'
}

no_orderflow_deployment() {
  ! dcos marathon deployment list --json 2>/dev/null | grep -q '"/orderflow/'
}

if ! command -v dcos > /dev/null 2>&1; then
  die "the dcos CLI is not on PATH. Install the DC/OS CLI and attach it to your cluster ('dcos cluster setup <cluster-url>'), then run this script again."
fi
if ! dcos cluster list --attached > /dev/null 2>&1; then
  die "the dcos CLI is not attached to a cluster: run 'dcos cluster setup <cluster-url>' first."
fi

if dcos marathon app show "/${KAFKA_SERVICE_NAME}" > /dev/null 2>&1; then
  log "Kafka service /${KAFKA_SERVICE_NAME} already installed; installing only its CLI subcommand"
  dcos package install "$KAFKA_PACKAGE" --package-version="$KAFKA_PACKAGE_VERSION" --cli --yes
else
  log "installing ${KAFKA_PACKAGE} ${KAFKA_PACKAGE_VERSION} with kafka-options.json"
  dcos package install "$KAFKA_PACKAGE" --package-version="$KAFKA_PACKAGE_VERSION" \
    --options=kafka-options.json --yes
fi

log "waiting for the Kafka brokers (plan 'deploy' COMPLETE)"
wait_until "the Kafka deploy plan" kafka_deployed

existing_topics="$(kafka_cli topic list)"
for topic in "${topics[@]}"; do
  if grep -q "\"${topic}\"" <<< "$existing_topics"; then
    log "topic ${topic} exists"
  else
    log "creating topic ${topic} (${PARTITIONS} partitions, replication ${REPLICATION})"
    kafka_cli topic create "$topic" --partitions="$PARTITIONS" --replication="$REPLICATION"
  fi
done

group_file="$(mktemp)"
trap 'rm -f "$group_file"' EXIT
# Plain sed expressions (no -i): the dcos CLI also runs on macOS.
sed_args=(-e "s#\"image\": \"orderflow/#\"image\": \"${IMAGE_REGISTRY}orderflow/#")
if [[ -n "$IMAGE_TAG" ]]; then
  sed_args+=(-e "s#\\(\"image\": \"[^\"]*:\\)[^\"]*\"#\\1${IMAGE_TAG}\"#")
fi
sed "${sed_args[@]}" orderflow-group.json > "$group_file"

if dcos marathon group show /orderflow > /dev/null 2>&1; then
  log "updating Marathon group /orderflow"
  dcos marathon group update /orderflow < "$group_file"
else
  log "adding Marathon group /orderflow"
  dcos marathon group add "$group_file"
fi

log "waiting for the Marathon deployment of /orderflow"
wait_until "the /orderflow deployment" no_orderflow_deployment
log "done: the services answer on their VIPs, e.g. orderflow-orders-service.marathon.l4lb.thisdcos.directory:8081"
