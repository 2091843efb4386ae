#!/usr/bin/env bash
# Submits the guide's two cases and a handful of others to the running local stack (deploy/local/run.sh), then
# shows, for each complaint, the mailboxes its emails landed in.
#   deploy/local/submit-samples.sh           show what arrived within 60 s
#   deploy/local/submit-samples.sh --check   also fail unless every complaint reached its authorities, and unless
#                                            a body can acknowledge the first one from the link in its email, the
#                                            status API then shows its registration number, and its complainant is
#                                            told so by email, and a caseworker sees it and opens its complainant
#                                            in the console (CI)
set -euo pipefail
intake="${INTAKE_URL:-http://localhost:8080}"
mailbox="${MAILBOX_URL:-http://localhost:8025}"
cases="${CASE_URL:-http://localhost:8086}"
check="${1:-}"

declare -a names bodies
add() { names+=("$1"); bodies+=("$2"); }

add "Kostanay school: head teacher propositions, then extorts, a cloakroom attendant" \
'{"channel":"HOTLINE","language":"ru",
  "incident":{"categories":["SEXUAL_HARASSMENT","EXTORTION"],"description":"Директор школы делал непристойные предложения, затем требовал деньги за сохранение работы.","occurredOn":"2011-05-20","ongoing":true},
  "location":{"country":"KZ","region":"KZ-39","districtCode":"392410000","settlement":"Pertsevka"},
  "workplace":{"sector":"PUBLIC","type":"SCHOOL","organizationName":"Secondary school No. 1"},
  "accused":{"role":"HEAD_OF_ORGANIZATION","publicOfficial":true},
  "complainant":{"mode":"CONFIDENTIAL","name":"Айгуль","email":"aigul@example.org","phone":"+7 701 555 0199","preferredLanguage":"kk","consentToContact":true}}'

add "Almaty analyst: refused her manager, lost her bonus, then her job" \
'{"channel":"WEB","language":"en",
  "incident":{"categories":["SEXUAL_HARASSMENT","RETALIATION"],"description":"My manager made advances; after I refused, my bonus was cut and I was dismissed.","occurredOn":"2024-03-01","ongoing":false},
  "location":{"country":"KZ","region":"KZ-75","settlement":"Almaty"},
  "workplace":{"sector":"PRIVATE","type":"COMPANY","organizationName":"Example Capital LLP"},
  "accused":{"role":"SUPERVISOR","publicOfficial":false},
  "complainant":{"mode":"OPEN","name":"Dana","email":"dana@example.org","preferredLanguage":"en","consentToContact":true}}'

add "Astana kindergarten: a minor, immediate danger" \
'{"channel":"HOTLINE","language":"kk",
  "incident":{"categories":["SEXUAL_VIOLENCE"],"description":"Балабақшада баланың қауіпсіздігіне қатер бар.","ongoing":true},
  "location":{"country":"KZ","region":"KZ-71"},
  "workplace":{"sector":"PUBLIC","type":"KINDERGARTEN"},
  "accused":{"role":"COLLEAGUE"},"victim":{"minor":true},"risk":{"immediateDanger":true},
  "complainant":{"mode":"CONFIDENTIAL","phone":"+7 702 000 1122","preferredLanguage":"kk","consentToContact":true}}'

add "Shymkent bus depot: anonymous retaliation complaint" \
'{"channel":"WEB","language":"ru",
  "incident":{"categories":["RETALIATION"],"description":"После жалобы на домогательства водителя перевели на худший маршрут."},
  "location":{"country":"KZ","region":"KZ-79"},
  "workplace":{"sector":"PRIVATE","type":"TRANSPORT"},
  "accused":{"role":"SUPERVISOR"},
  "complainant":{"mode":"ANONYMOUS"}}'

add "Karaganda hospital: extortion by a client, retired region code KZ-KAR" \
'{"channel":"PARTNER_API","language":"ru",
  "incident":{"categories":["EXTORTION"],"description":"Пациент требует деньги, угрожая распространить ложные слухи."},
  "location":{"country":"KZ","region":"KZ-KAR"},
  "workplace":{"sector":"PUBLIC","type":"HEALTHCARE"},
  "accused":{"role":"CLIENT"},
  "complainant":{"mode":"OPEN","name":"Olga","email":"olga@example.org","preferredLanguage":"ru","consentToContact":true}}'

add "Abroad: a Kazakh worker in Novosibirsk (no jurisdiction: triage)" \
'{"channel":"WEB","language":"ru",
  "incident":{"categories":["SEXUAL_HARASSMENT"],"description":"Работодатель в Новосибирске домогается."},
  "location":{"country":"RU","region":"Novosibirsk Oblast"},
  "complainant":{"mode":"CONFIDENTIAL","email":"worker@example.org","preferredLanguage":"ru","consentToContact":true}}'

references=()
tracking_codes=()
for i in "${!names[@]}"; do
  response="$(curl -sS -X POST "$intake/api/v1/complaints" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: sample-$(date +%s%N)-$i" -d "${bodies[i]}" -w '\n%{http_code}')"
  status="${response##*$'\n'}"
  body="${response%$'\n'*}"
  if [[ "$status" != 202 ]]; then
    echo "error: '${names[i]}' was answered $status: $body" >&2
    exit 1
  fi
  reference="$(sed -n 's/.*"reference":"\([^"]*\)".*/\1/p' <<<"$body")"
  references+=("$reference")
  tracking_codes+=("$(sed -n 's/.*"trackingCode":"\([^"]*\)".*/\1/p' <<<"$body")")
  printf '%-20s %s\n' "$reference" "${names[i]}"
done

echo
echo "Waiting for their emails (mailbox: $mailbox/)..."
missing=()
for _ in $(seq 1 120); do
  listing="$(curl -fsS "$mailbox/api/messages.tsv")"
  missing=()
  for reference in "${references[@]}"; do
    grep -q "$reference" <<<"$listing" || missing+=("$reference")
  done
  ((${#missing[@]} == 0)) && break
  sleep 0.5
done

echo
for i in "${!references[@]}"; do
  echo "${references[i]}  ${names[i]}"
  awk -F'\t' -v ref="${references[i]}" 'index($3, ref) { printf "    #%-4s %-45s %s\n", $1, $2, $4 }' <<<"$listing"
done
echo
echo "Open $mailbox/ to read them; the .eml files are in .local/mail."
failed=0
if ((${#missing[@]})); then
  echo "No email within 60 s for: ${missing[*]}" >&2
  failed=1
fi
# Not twice either: every Message-ID in the mailbox once (the notification service derives it from complaint,
# recipient and template).
twice="$(curl -fsS "$mailbox/api/messages.tsv" | cut -f5 | sort | uniq -d)"
if [[ -n "$twice" ]]; then
  echo "Delivered more than once: $twice" >&2
  failed=1
fi
[[ "$check" == --check ]] || exit 0

# Play the first complaint's first body: open the acknowledgement link of its email, confirm receipt with a
# registration number, and read the number back from the status API with the complaint's tracking code.
reference="${references[0]}"
link=""
for _ in $(seq 1 60); do
  # The listing is read whole before awk stops at its first match: a pipe closed early fails curl (exit 23).
  listing="$(curl -fsS "$mailbox/api/messages.tsv")"
  link="$(awk -F'\t' -v ref="$reference" \
    'index($3, ref) && $7 != "" { split($7, links, ","); print links[1]; exit }' <<<"$listing")"
  [[ -n "$link" ]] && break
  sleep 0.5
done
if [[ -z "$link" ]]; then
  echo "No email about $reference carries an acknowledgement link" >&2
  exit 1
fi
origin="$(sed -E 's#^(https?://[^/]+).*#\1#' <<<"$link")"
number="KST-$(date +%s)"
echo
echo "Acknowledging $reference as its first body ($link) with number $number..."
page_status="$(curl -sS -o /dev/null -w '%{http_code}' "$link")"
post_status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$link" -H "Origin: $origin" \
  --data-urlencode "registrationNumber=$number")"
if [[ "$page_status" != 200 || "$post_status" != 200 ]]; then
  echo "The acknowledgement page answered $page_status, its form $post_status (both should be 200)" >&2
  exit 1
fi
status=""
for _ in $(seq 1 60); do
  status="$(curl -sS -X POST "$cases/api/v1/complaints/status" -H 'Content-Type: application/json' \
    -d "{\"reference\":\"$reference\",\"trackingCode\":\"${tracking_codes[0]}\"}")"
  grep -q "\"registrationNumber\":\"$number\"" <<<"$status" && break
  status=""
  sleep 0.5
done
if [[ -z "$status" ]]; then
  echo "The status of $reference does not show registration number $number within 30 s" >&2
  exit 1
fi
echo "The status of $reference shows the acknowledgement ($number)."

# Its complainant gave an email and agreed to be contacted: the case service's news of the acknowledgement reaches
# her, in Kazakh, through the notification service ("... бойынша жаңалық", the complainant-update letter).
news=""
for _ in $(seq 1 60); do
  listing="$(curl -fsS "$mailbox/api/messages.tsv")"
  news="$(awk -F'\t' -v ref="$reference" \
    'index($2, "aigul@example.org") && index($3, ref) && index($4, "жаңалық") { print $4; exit }' <<<"$listing")"
  [[ -n "$news" ]] && break
  sleep 0.5
done
if [[ -z "$news" ]]; then
  echo "The complainant of $reference was not told of the acknowledgement within 30 s" >&2
  exit 1
fi
echo "Its complainant was told: $news"

# A caseworker sees the case in the console, and opens its complainant (a CONFIDENTIAL complaint): the address she
# gave comes from the complaint's own sealed record. Each opening is audited.
console="$(curl -fsS -u dev-staff:dev-staff-password "$cases/console/cases/$reference?lang=en")"
if ! grep -q "$number" <<<"$console"; then
  echo "The console's page of $reference does not show registration number $number" >&2
  exit 1
fi
opened="$(curl -fsS -u dev-staff:dev-staff-password -H "Origin: $cases" -d lang=en \
  "$cases/console/cases/$reference/complainant")"
if ! grep -q "aigul@example.org" <<<"$opened"; then
  echo "The console did not open the complainant of $reference" >&2
  exit 1
fi
echo "The console shows $reference with its acknowledgement, and opens its complainant for a caseworker."
exit "$failed"
