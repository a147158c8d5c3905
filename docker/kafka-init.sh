#!/usr/bin/env bash
# docker-compose's one-shot kafka-init step (apache/kafka image), as the super user User:admin over SASL_SSL:
#   1. a SCRAM-SHA-512 user per service, named after its module (= its Streams application id);
#   2. the shared and dead-letter topics (6 partitions, RF 1): the services may only describe them;
#   3. the ACLs the local stack's KafkaAcls computes from Topics.ACCESS.
# Every step is idempotent (users are upserted, topics --if-not-exists, an existing ACL is left as it is), so
# compose may run it on every "up". deploy-tests checks the users, topics and allow lines against the code.
set -euo pipefail

: "${BOOTSTRAP:=kafka:9092}"
bin=/opt/kafka/bin
config=/tmp/admin-client.properties

umask 077
cat > "$config" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ORDERFLOW_KAFKA_ADMIN_PASSWORD:?}";
ssl.truststore.location=/etc/kafka/certs/truststore.p12
ssl.truststore.type=PKCS12
ssl.truststore.password=${ORDERFLOW_KAFKA_TRUSTSTORE_PASSWORD:?}
PROPS

# scram_user NAME PASSWORD_VARIABLE: creates or updates NAME's SCRAM-SHA-512 credential.
scram_user() {
  local password="${!2:?$2 is not set}"
  "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[password=${password}]" > /dev/null
  echo "kafka-init: SCRAM user $1"
}

# allow PRINCIPAL TYPE NAME PATTERN OPERATION...: one ALLOW binding per operation, from any host.
allow() {
  local principal="$1" type="$2" name="$3" pattern="$4"
  shift 4
  local args=()
  for operation in "$@"; do
    args+=(--operation "$operation")
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "$principal" --allow-host '*' "${args[@]}" \
    "--${type//_/-}" "$name" --resource-pattern-type "$pattern" > /dev/null
  echo "kafka-init: $principal $* on $type $name ($pattern)"
}

scram_user orders-service ORDERFLOW_KAFKA_ORDERS_SERVICE_PASSWORD
scram_user basket-service ORDERFLOW_KAFKA_BASKET_SERVICE_PASSWORD
scram_user payment-service ORDERFLOW_KAFKA_PAYMENT_SERVICE_PASSWORD
scram_user stock-service ORDERFLOW_KAFKA_STOCK_SERVICE_PASSWORD
scram_user fulfillment-service ORDERFLOW_KAFKA_FULFILLMENT_SERVICE_PASSWORD

# Topics.ALL, then one dead-letter topic per service (<module>-dlq).
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
for topic in "${topics[@]}"; do
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --create --if-not-exists \
    --topic "$topic" --partitions 6 --replication-factor 1 > /dev/null
done
echo "kafka-init: ${#topics[@]} topics"

# KafkaAcls.forServices(<the five modules>), grouped by resource.
allow User:orders-service topic order-commands literal WRITE DESCRIBE READ
allow User:orders-service topic orders literal WRITE DESCRIBE
allow User:orders-service topic order-validations literal READ DESCRIBE
allow User:orders-service topic shipments literal READ DESCRIBE
allow User:orders-service topic basket-checkouts literal READ DESCRIBE
allow User:orders-service topic stock-requests literal WRITE DESCRIBE
allow User:orders-service topic payment-requests literal WRITE DESCRIBE
allow User:orders-service topic order-command-results literal WRITE DESCRIBE READ
allow User:orders-service topic orders-service-dlq literal WRITE DESCRIBE
allow User:orders-service topic orders-service- prefixed ALL
allow User:orders-service group orders-service prefixed READ
allow User:orders-service transactional_id orders-service prefixed WRITE DESCRIBE
allow User:basket-service topic basket-checkouts literal WRITE DESCRIBE
allow User:basket-service topic basket-commands literal WRITE DESCRIBE READ
allow User:basket-service topic basket-command-results literal WRITE DESCRIBE READ
allow User:basket-service topic basket-service-dlq literal WRITE DESCRIBE
allow User:basket-service topic basket-service- prefixed ALL
allow User:basket-service group basket-service prefixed READ
allow User:basket-service transactional_id basket-service prefixed WRITE DESCRIBE
allow User:payment-service topic order-validations literal WRITE DESCRIBE
allow User:payment-service topic payment-requests literal READ DESCRIBE
allow User:payment-service topic account-commands literal WRITE DESCRIBE READ
allow User:payment-service topic account-command-results literal WRITE DESCRIBE READ
allow User:payment-service topic payment-service-dlq literal WRITE DESCRIBE
allow User:payment-service topic payment-service- prefixed ALL
allow User:payment-service group payment-service prefixed READ
allow User:payment-service transactional_id payment-service prefixed WRITE DESCRIBE
allow User:stock-service topic order-validations literal WRITE DESCRIBE
allow User:stock-service topic stock-requests literal READ DESCRIBE
allow User:stock-service topic stock-commands literal WRITE DESCRIBE READ
allow User:stock-service topic stock-command-results literal WRITE DESCRIBE READ
allow User:stock-service topic stock-service-dlq literal WRITE DESCRIBE
allow User:stock-service topic stock-service- prefixed ALL
allow User:stock-service group stock-service prefixed READ
allow User:stock-service transactional_id stock-service prefixed WRITE DESCRIBE
allow User:fulfillment-service topic orders literal READ DESCRIBE
allow User:fulfillment-service topic shipments literal WRITE DESCRIBE
allow User:fulfillment-service topic fulfillment-service-dlq literal WRITE DESCRIBE
allow User:fulfillment-service topic fulfillment-service- prefixed ALL
allow User:fulfillment-service group fulfillment-service prefixed READ
allow User:fulfillment-service transactional_id fulfillment-service prefixed WRITE DESCRIBE
echo "kafka-init: done"
