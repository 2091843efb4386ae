#!/usr/bin/env bash
# Grants the hotline's Kafka ACLs (deploy/kafka/acls.txt) on a cluster not run by Strimzi. Idempotent: an ACL that
# exists already is left as it is. Usage:
#
#   apply-acls.sh <bootstrap> <admin.properties> [acls.txt]
#
# admin.properties holds the admin client's settings (a super user's SASL_SSL login, the brokers' CA). KAFKA_ACLS_CMD
# is the kafka-acls command (default: the Apache distribution's script on the PATH; the project's Kafka image has
# /opt/kafka/bin/kafka-acls.sh). With KAFKA_ACLS_DRY_RUN=true it prints the commands instead of running them.
set -euo pipefail
bootstrap="$1" command_config="$2"
file="${3:-$(dirname "$0")/acls.txt}"
read -ra acls <<<"${KAFKA_ACLS_CMD:-kafka-acls.sh}"
while read -r principal type pattern name operations; do
  [[ -z $principal || $principal == \#* ]] && continue
  case $type in
    topic|group|transactional-id) ;;
    *) echo "acls.txt: unknown resource type '$type' for $principal" >&2; exit 1 ;;
  esac
  case $pattern in
    literal|prefixed) ;;
    *) echo "acls.txt: unknown pattern type '$pattern' for $principal" >&2; exit 1 ;;
  esac
  command=("${acls[@]}" --bootstrap-server "$bootstrap" --command-config "$command_config" --add
    --allow-principal "User:$principal" "--$type" "$name" --resource-pattern-type "$pattern")
  IFS=',' read -ra each <<<"$operations"
  for operation in "${each[@]}"; do command+=(--operation "$operation"); done
  if [[ ${KAFKA_ACLS_DRY_RUN:-false} == true ]]; then
    echo "${command[*]}"
  else
    "${command[@]}"
  fi
done <"$file"
