#!/usr/bin/env bash
# Builds the four service images from the jars of `./mvnw -B package -DskipTests`, tagged for a release:
#
#   deploy/docker/build-images.sh 0.1.0                          # hotline/<service>:0.1.0
#   deploy/docker/build-images.sh 0.1.0 registry.example/ngo     # registry.example/ngo/hotline/<service>:0.1.0
#
# The tag is what the production overlay pins (deploy/k8s/overlays/production, images:); deploy/manifest-checks
# refuses a production overlay whose tags are not release versions (no SNAPSHOT, latest or branch names). Each image
# is labelled with its version and the commit it was built from (org.opencontainers.image.*). BASE_IMAGE (default:
# the Dockerfile's eclipse-temurin:17-jre) is passed through; DRY_RUN=1 prints the docker commands instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

tag="${1:?usage: deploy/docker/build-images.sh <tag> [registry]}"
registry="${2:-}"
if [[ ! "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]]; then
  echo "not a valid image tag: $tag" >&2
  exit 2
fi
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"

# service | management port (its health and metrics)
services=("intake-service|8081" "routing-service|8083" "notification-service|8085" "case-service|8087")
for entry in "${services[@]}"; do
  service="${entry%%|*}"
  port="${entry##*|}"
  jars=("$service"/target/"$service"-*.jar)
  jar="${jars[0]}"
  if [[ ! -f "$jar" && -z "${DRY_RUN:-}" ]]; then
    echo "no jar under $service/target: run ./mvnw -B package -DskipTests first" >&2
    exit 1
  fi
  image="${registry:+$registry/}hotline/$service:$tag"
  command=(docker build -f deploy/docker/Dockerfile
    --build-arg "JAR=$jar" --build-arg "MANAGEMENT_PORT=$port"
    ${BASE_IMAGE:+--build-arg "BASE_IMAGE=$BASE_IMAGE"}
    --label "org.opencontainers.image.title=$service"
    --label "org.opencontainers.image.version=$tag"
    --label "org.opencontainers.image.revision=$revision"
    -t "$image" .)
  if [[ -n "${DRY_RUN:-}" ]]; then
    printf '%q ' "${command[@]}"; echo
  else
    echo "==> $image"
    "${command[@]}"
  fi
done
