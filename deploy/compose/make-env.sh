#!/usr/bin/env bash
# Makes the keys and accounts the compose stack runs with, fresh and random, so that it never runs with the
# development keys that anyone can read in this repository (docs/security.md, "Keys").
#
#   deploy/compose/make-env.sh           write deploy/compose/.env and deploy/compose/secrets/ unless they exist
#   deploy/compose/make-env.sh --force   replace them: complaints sealed with the old keys can no longer be opened
#
# Writes:
#   deploy/compose/.env                     the keys and the accounts' bcrypt hashes, read by docker compose
#   deploy/compose/secrets/passwords.txt    the accounts' passwords (caseworker, administrator, scraper)
#   deploy/compose/secrets/scraper-password the scraper's password alone, mounted into Prometheus
# All three are secrets: readable by you alone (Prometheus's copy excepted, see below) and never committed
# (.gitignore). The bcrypt hashes come from htpasswd when it is installed, otherwise from the JDK and the
# spring-security-crypto jar inside the built intake jar or in the local Maven repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# HOTLINE_COMPOSE_ENV_DIR writes elsewhere (the manifest checks use it; compose reads it with --env-file).
out="${HOTLINE_COMPOSE_ENV_DIR:-$here}"
env_file="$out/.env"
secrets="$out/secrets"

if [[ "${1:-}" != "--force" && -e "$env_file" ]]; then
  echo "$env_file exists; keeping it (--force makes new keys, and what was sealed with the old ones is lost)."
  exit 0
fi
command -v openssl >/dev/null || { echo "error: openssl is needed to make random keys" >&2; exit 1; }

key() { openssl rand -base64 32; }
password() { openssl rand -base64 24 | tr -d '/+=' | cut -c1-24; }

# bcrypt: htpasswd when installed; otherwise spring-security-crypto (the services' own check) run by the JDK.
crypto_jar=""
if ! command -v htpasswd >/dev/null; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  intake_jar="$root/intake-service/target/intake-service-0.1.0-SNAPSHOT.jar"
  # The JDK's jar tool, also where only java is on the PATH.
  jar_tool="$(command -v jar || echo "$(dirname "$(readlink -f "$(command -v java)")")/jar")"
  entry=""
  if [[ -f "$intake_jar" && -x "$jar_tool" ]]; then
    entry="$("$jar_tool" tf "$intake_jar" | grep '^BOOT-INF/lib/spring-security-crypto-.*\.jar$' || true)"
  fi
  if [[ -n "$entry" ]]; then
    (cd "$work" && "$jar_tool" xf "$intake_jar" "$entry")
    crypto_jar="$work/$entry"
  else
    crypto_jar="$(ls "$HOME"/.m2/repository/org/springframework/security/spring-security-crypto/*/spring-security-crypto-*[0-9].jar 2>/dev/null | tail -1)"
    [[ -n "$crypto_jar" ]] || { echo "error: bcrypt needs htpasswd (apache2-utils) or a build first (./mvnw package -DskipTests)" >&2; exit 1; }
  fi
fi
bcrypt() {
  if [[ -z "$crypto_jar" ]]; then
    htpasswd -nbBC 12 "" "$1" | tr -d ':\n'
  else
    java -cp "$crypto_jar" "$here/BcryptHash.java" "$1"
  fi
}

umask 077
mkdir -p "$secrets"
caseworker="$(password)"
administrator="$(password)"
scraper="$(password)"
echo "Making keys and hashing three passwords (bcrypt, cost 12)..."
{
  echo "# Written by deploy/compose/make-env.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). SECRETS: never commit or share."
  echo "# Losing HOTLINE_SEALING_KEY loses every sealed complainant field; keep a copy where your other secrets are."
  echo "HOTLINE_SEALING_KEY=$(key)"
  echo "HOTLINE_INTAKE_IDENTITY_SECRET=$(key)"
  echo "HOTLINE_ACKNOWLEDGEMENT_LINK_KEY=$(key)"
  echo "# Accounts (docs/security.md, \"Roles and credentials\"); the passwords are in secrets/passwords.txt."
  echo "HOTLINE_CASEWORKER_NAME=caseworker"
  echo "HOTLINE_CASEWORKER_PASSWORD_HASH='$(bcrypt "$caseworker")'"
  echo "HOTLINE_ADMINISTRATOR_NAME=administrator"
  echo "HOTLINE_ADMINISTRATOR_PASSWORD_HASH='$(bcrypt "$administrator")'"
  echo "HOTLINE_SCRAPER_PASSWORD_HASH='$(bcrypt "$scraper")'"
  echo "# Your NGO, as the emails name it: edit these before the first complaint."
  echo "NGO_NAME_KK='Сенім желісі'"
  echo "NGO_NAME_RU='Линия доверия'"
  echo "NGO_NAME_EN='Trust line'"
  echo "NGO_EMAIL=hotline@ngo.example"
  echo "NGO_PHONE='+7 700 000 00 00'"
  echo "NGO_CASEWORKER_MAILBOX=caseworkers@ngo.example"
  echo "NGO_FROM_ADDRESS=notifications@ngo.example"
} > "$env_file.tmp"
mv "$env_file.tmp" "$env_file"
printf 'caseworker %s\nadministrator %s\nscraper %s\n' "$caseworker" "$administrator" "$scraper" \
  > "$secrets/passwords.txt"
# Prometheus runs as another user in its container and must read its password.
printf '%s' "$scraper" > "$secrets/scraper-password"
chmod 644 "$secrets/scraper-password"
echo "Wrote $env_file and $secrets/ (passwords.txt holds the accounts' passwords)."
