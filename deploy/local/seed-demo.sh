#!/usr/bin/env bash
# Seeds a small demo selection through the public APIs: a Kota Kupang CPNS period, three formations, and a few dozen
# registrations, so the public counts have something to show. Idempotent enough: re-running adds another period.
source "$(dirname "$0")/common.sh"

REG="http://127.0.0.1:$(service_port registration)"
ANN="http://127.0.0.1:$(service_port announcements)"
ADMIN_TOKEN="${ASN_REGISTRATION_ADMIN_TOKEN:-local-admin-token}"
auth=(-H "Authorization: Bearer ${ADMIN_TOKEN}" -H "Content-Type: application/json")

post() { curl -fsS -X POST "$@"; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

now="$(date -u +%s)"
opens="$(date -u -d "@$((now - 3600))" +%Y-%m-%dT%H:%M:%SZ)"
closes="$(date -u -d "@$((now + 14 * 86400))" +%Y-%m-%dT%H:%M:%SZ)"

say "Seeding a demo selection period"
period_id="$(post "${auth[@]}" "${REG}/v1/admin/periods" -d @- <<JSON | json_field periodId
{"agencyName": "Pemerintah Kota Kupang", "agencyCode": "KPG", "name": "Seleksi CPNS Kota Kupang (demo)",
 "program": "CPNS", "fiscalYear": $(date -u +%Y), "timeZone": "Asia/Makassar",
 "registrationOpensAt": "${opens}", "registrationClosesAt": "${closes}"}
JSON
)"

formations=()
for spec in "Pranata Komputer Ahli Pertama|umum|S-1|Teknik Informatika" \
            "Perawat Ahli Pertama|umum|S-1|Keperawatan" \
            "Analis Kebijakan Ahli Pertama|cumlaude|S-1|Ilmu Pemerintahan"; do
  IFS='|' read -r position kind level major <<<"${spec}"
  formations+=("$(post "${auth[@]}" "${REG}/v1/admin/periods/${period_id}/formations" -d @- <<JSON | json_field formationId
{"positionName": "${position}", "unitName": "Pemerintah Kota Kupang", "placement": "Kota Kupang", "kind": "${kind}",
 "quota": 2, "educationRequirements": [{"level": "${level}", "majors": ["${major}"]}]}
JSON
)")
done

majors=("Teknik Informatika" "Keperawatan" "Ilmu Pemerintahan")
given=(Maria Yohanes Agustina Fransiskus Elisabeth Petrus Yuliana Daniel)
family=(Fanggidae Ndun Tefa Lakapu Bessie Manafe Nalle Sabu Benu)
count=0
for serial in $(seq 1 30); do
  f=$((serial % 3)); day=$((1 + serial % 28)); sex=$((serial % 2)); [ "$sex" = 1 ] && day=$((day + 40))
  nik="$(printf '53710%d%02d%02d%02d%04d' $((1 + serial % 6)) "$day" $((1 + serial % 12)) $((91 + serial % 8)) "$((RANDOM % 9000 + serial))")"
  birth="$(printf '19%02d-%02d-%02d' $((91 + serial % 8)) $((1 + serial % 12)) $((1 + serial % 28)))"
  if post -H "Content-Type: application/json" "${REG}/v1/registrations" -o /dev/null -d @- <<JSON 2>/dev/null; then count=$((count + 1)); fi
{"nik": "${nik}", "kkNumber": "$(printf '5371%012d' "$((RANDOM * 1000 + serial))")", "fullName": "${given[$((serial % 8))]} ${family[$((serial % 9))]} ${family[$(((serial / 9) % 9))]}",
 "birthDate": "${birth}", "email": "demo${serial}@example.org", "phone": "$(printf '0813%08d' "$serial")",
 "formationId": "${formations[$f]}",
 "education": {"level": "S-1", "major": "${majors[$f]}"},
 "academicGrade": {"kind": "IPK", "value": "3.$((10 + serial * 3 % 89))", "scaleMaximum": "4.00"}}
JSON
done
say "Registered ${count} demo applicants in period ${period_id}; waiting for the public counts"
for _ in $(seq 60); do
  visible="$(curl -fsS "${ANN}/v1/formations/counts?periodId=${period_id}" 2>/dev/null |
    python3 -c 'import json,sys; print(sum(i["applicants"] for i in json.load(sys.stdin)["items"]))' 2>/dev/null || echo 0)"
  [ "${visible}" = "${count}" ] && break
  sleep 0.5
done
say "${visible:-0} of ${count} applications visible in the announcements service"
echo "  periods:        ${REG}/v1/periods"
echo "  public counts:  ${ANN}/v1/formations/counts?periodId=${period_id}"
