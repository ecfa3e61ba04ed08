#!/usr/bin/env bash
# Seeds a small demo selection through the public APIs (deploy/local/seed_demo.py): a Kota Kupang CPNS period, three
# formations, and applicants who sign up, upload their documents and submit, so the public counts have something to
# show. Re-running adds another period with new applicants.
source "$(dirname "$0")/common.sh"

REG="http://127.0.0.1:$(service_port registration)"
ANN="http://127.0.0.1:$(service_port announcements)"
COUNT="${ASN_DEMO_APPLICANTS:-30}"

say "Seeding a demo selection period with ${COUNT} applicants"
result="$(python3 "${REPO_ROOT}/deploy/local/seed_demo.py" "${REG}" "${ANN}" "${ASN_DEMO_ADMIN_EMAIL}" \
  "${ASN_DEMO_ADMIN_PASSWORD}" "${COUNT}")" || die "seeding failed"
json_field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$1'])" "${result}"; }
period_id="$(json_field periodId)"
count="$(json_field submitted)"
say "Submitted ${count} demo applications in period ${period_id}; waiting for the public counts"
for _ in $(seq 60); do
  visible="$(curl -fsS "${ANN}/v1/formations/counts?periodId=${period_id}" 2>/dev/null |
    python3 -c 'import json,sys; print(sum(i["applicants"] for i in json.load(sys.stdin)["items"]))' 2>/dev/null || echo 0)"
  [ "${visible}" = "${count}" ] && break
  sleep 0.5
done
say "${visible:-0} of ${count} applications visible in the announcements service"
echo "  periods:        ${REG}/v1/periods"
echo "  public counts:  ${ANN}/v1/formations/counts?periodId=${period_id}"
echo "  applicants:     $(json_field applicantLogin) (password $(json_field applicantPassword))"
echo "  officers:       $(json_field officers)"
echo "  verification:   http://127.0.0.1:$(service_port verification)/v1/queue (officer token; see README, Verification)"
