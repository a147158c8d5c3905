#!/usr/bin/env bash
# docker-compose's kafka container command (apache/kafka image): creates the admin's SCRAM credential when the
# storage is formatted, then hands over to the image's own start script.
#
# Why not the image's CLUSTER_ID auto-format alone: it cannot add SCRAM users, and the broker only accepts the
# admin (inter-broker traffic, kafka-init) once the admin's credential is in the cluster metadata. A storage
# formatted here is "already formatted" for the image's start script, which goes on to start the broker.
set -euo pipefail

: "${CLUSTER_ID:?}" "${ORDERFLOW_KAFKA_ADMIN_PASSWORD:?}"
data=/var/lib/kafka/data

# The broker's own SASL login (inter-broker, INTERNAL listener) as the super user; read by KAFKA_OPTS.
umask 077
cat > /tmp/kafka_server_jaas.conf <<JAAS
KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required
  username="admin"
  password="${ORDERFLOW_KAFKA_ADMIN_PASSWORD}";
};
JAAS

if [ ! -f "$data/meta.properties" ]; then
  # Only what the storage tool needs to know; the broker's real settings come from the KAFKA_* environment.
  cat > /tmp/format.properties <<PROPS
process.roles=broker,controller
node.id=${KAFKA_NODE_ID:-1}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=CONTROLLER
listeners=INTERNAL://:9092,CONTROLLER://localhost:9093
listener.security.protocol.map=INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
log.dirs=$data
PROPS
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config /tmp/format.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${ORDERFLOW_KAFKA_ADMIN_PASSWORD}]"
  rm -f /tmp/format.properties
fi

# The healthcheck's (and an operator's docker exec) client config, as the admin over the INTERNAL listener.
cat > /tmp/admin-client.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ORDERFLOW_KAFKA_ADMIN_PASSWORD}";
ssl.truststore.location=/etc/kafka/certs/truststore.p12
ssl.truststore.type=PKCS12
ssl.truststore.password=${KAFKA_SSL_TRUSTSTORE_PASSWORD}
PROPS

exec /etc/kafka/docker/run
