#!/bin/bash
# Creates the suite's Kafka topics, idempotently, with the Kafka distribution's own tool (run inside an apache/kafka
# container: the compose service `kafka-topics`, the Kubernetes Job `kafka-topics`). The broker's topic
# auto-creation is off on purpose: a topic created by accident would get the broker's default retention, and the
# suite keeps every event forever (retention.ms=-1: the topics are the other services' source of truth for replays).
#
# The services also create missing topics at start with the same settings (Shared/ServiceKit ServiceRuntime), so
# this job is the explicit, reviewable place for production, not a hidden requirement.
#
# Environment: KAFKA_BOOTSTRAP (host:port), ASN_KAFKA_NAME_PREFIX (optional topic prefix, as the services'),
# ASN_KAFKA_TOPIC_PARTITIONS (default 6), ASN_KAFKA_REPLICATION_FACTOR (default 1), KAFKA_COMMAND_CONFIG (optional
# client properties file, e.g. for SASL/TLS).
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:?set KAFKA_BOOTSTRAP, e.g. kafka:9092}"
prefix="${ASN_KAFKA_NAME_PREFIX:-}"
partitions="${ASN_KAFKA_TOPIC_PARTITIONS:-6}"
replication="${ASN_KAFKA_REPLICATION_FACTOR:-1}"
tool="${KAFKA_TOPICS_TOOL:-/opt/kafka/bin/kafka-topics.sh}"
extra=()
[ -n "${KAFKA_COMMAND_CONFIG:-}" ] && extra=(--command-config "${KAFKA_COMMAND_CONFIG}")

# One topic per producing context (Shared/RecruitmentEvents RecruitmentTopic) and the dead letters of every
# projection (Shared/ServiceKit ServiceConfiguration.deadLetterTopicName). deploy/checks verifies this list.
topics=(
  recruitment.registration
  recruitment.verification
  recruitment.exam
  recruitment.announcement
  recruitment.dead-letters
)

# The broker may still be electing its controller when this starts.
for attempt in $(seq 1 60); do
  "${tool}" --bootstrap-server "${bootstrap}" "${extra[@]}" --list >/dev/null 2>&1 && break
  [ "${attempt}" = 60 ] && { echo "error: Kafka at ${bootstrap} did not answer" >&2; exit 1; }
  sleep 2
done

for topic in "${topics[@]}"; do
  "${tool}" --bootstrap-server "${bootstrap}" "${extra[@]}" --create --if-not-exists \
    --topic "${prefix}${topic}" --partitions "${partitions}" --replication-factor "${replication}" \
    --config retention.ms=-1
done
"${tool}" --bootstrap-server "${bootstrap}" "${extra[@]}" --describe --topic "${prefix}recruitment\..*"
echo "topics ready"
