#!/usr/bin/env bash
# Writes prometheus-rule.yaml from deploy/monitoring/alerts.yml: the same groups, comments included, as the spec
# of a PrometheusRule. deploy/manifest-checks fails while the two differ.
set -euo pipefail
cd "$(dirname "$0")"
{
  cat <<'HEAD'
# The alert rules of deploy/monitoring/alerts.yml, for the Prometheus operator. Written by refresh-rules.sh:
# deploy/manifest-checks fails when its groups differ from alerts.yml's; after changing alerts.yml, run
#   deploy/k8s/prometheus-operator/refresh-rules.sh
# Add the label your Prometheus's ruleSelector expects (kube-prometheus-stack: release: <its release name>).
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: hotline-alerts
spec:
HEAD
  sed -n '/^groups:/,$p' ../../monitoring/alerts.yml | sed 's/^\(.\)/  \1/'
} > prometheus-rule.yaml
