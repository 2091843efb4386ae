#!/usr/bin/env bash
# The test command: every test of every module, as `./mvnw -B verify` runs them, after making sure this machine has
# what they need. On a Debian machine with only a JDK, run as root (or with sudo available), it installs from
# Debian's packages what is missing and starts a Docker engine; elsewhere it says what is missing, and the tests that
# need it are skipped with that message. With CI=true nothing may be skipped: a missing tool fails its tests.
#
#   ./test.sh                     # everything, system tests included (about 45 minutes on 2 cores)
#   ./test.sh -DskipSystemTests   # without the system tests (about 15 minutes); any Maven option passes through
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '==> %s\n' "$*"; }

java -version 2>&1 | head -1
if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  echo "The tests need Java 17 or newer (java -version)." >&2
  exit 1
fi

# Who may install: root, or a user with passwordless sudo, on a machine with apt-get.
as_root=()
can_install=false
if command -v apt-get >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    can_install=true
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    can_install=true
    as_root=(sudo -n)
  fi
fi

# command | Debian package | what needs it
tools=(
  "kubectl|kubernetes-client|the Kubernetes manifest checks (deploy/manifest-checks)"
  "promtool|prometheus|the Prometheus rule checks (deploy/manifest-checks)"
  "kcat|kcat|the integrator's kcat example (intake-service KcatIT)"
  "chromium|chromium|the browser tests of the pages (intake-service ComplaintFormIT, case-service PagesIT, system-tests JourneyIT)"
  "chromedriver|chromium-driver|the browser tests of the pages, which drive chromium through it"
  "curl|curl|the local stack's scripts"
  "openssl|openssl|the compose stack's key maker (deploy/compose/make-env.sh) and its check"
  "dockerd|docker.io|the system tests (system-tests), which run the services in containers"
  "debootstrap|debootstrap|a local base image for the system tests where no image registry is reachable"
)
missing=()
for entry in "${tools[@]}"; do
  IFS='|' read -r command package _ <<<"$entry"
  command -v "$command" >/dev/null || missing+=("$package")
done
# The compose file check takes docker-compose (v1) or the Docker CLI's compose plugin (v2).
if ! command -v docker-compose >/dev/null && ! docker compose version >/dev/null 2>&1; then
  missing+=(docker-compose)
fi
if ((${#missing[@]})) && $can_install; then
  say "Installing from Debian's packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
elif ((${#missing[@]})); then
  say "Missing, and not installed (run as root, or with sudo, on Debian to install them): ${missing[*]}"
  for entry in "${tools[@]}"; do
    IFS='|' read -r command package needs <<<"$entry"
    command -v "$command" >/dev/null || say "  without $command ($package): $needs will be skipped"
  done
fi

# A Docker engine for the system tests, started when one is installed and none answers.
docker_ok=false
if docker info >/dev/null 2>&1; then
  docker_ok=true
elif command -v dockerd >/dev/null && $can_install; then
  say "Starting the Docker engine (log: ${TMPDIR:-/tmp}/hotline-dockerd.log)"
  ("${as_root[@]}" dockerd > "${TMPDIR:-/tmp}/hotline-dockerd.log" 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  if docker info >/dev/null 2>&1; then
    docker_ok=true
  else
    tail -20 "${TMPDIR:-/tmp}/hotline-dockerd.log" >&2 || true
    say "The Docker engine did not start: the system tests will be skipped"
  fi
else
  say "No Docker engine answers (docker info): the system tests will be skipped"
fi

# The system tests' images are built on a Java 17 base: the public Eclipse Temurin image where a registry answers,
# else one made from Debian's packages (deploy/docker/build-base-image.sh, about 4 minutes once, then cached).
options=()
if $docker_ok; then
  local_base=hotline/jre17-base:bookworm
  if docker image inspect "$local_base" >/dev/null 2>&1; then
    options+=("-Dsystem-tests.base-image=$local_base")
  elif docker image inspect eclipse-temurin:17-jre >/dev/null 2>&1 \
      || timeout 60 docker pull -q eclipse-temurin:17-jre >/dev/null 2>&1; then
    say "System tests on eclipse-temurin:17-jre"
  else
    say "No image registry answers: building $local_base from Debian's packages"
    "${as_root[@]}" deploy/docker/build-base-image.sh "$local_base"
    options+=("-Dsystem-tests.base-image=$local_base")
  fi
  # Testcontainers: no reaper container (it would have to be pulled); the tests remove their own containers.
  export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
  export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
fi

say "./mvnw -B -ntp verify ${options[*]} $*"
exec ./mvnw -B -ntp verify "${options[@]}" "$@"
