#!/usr/bin/env bash
# Seeds a demo selection with the selection simulator (asn-sim, Shared/SelectionSimulator): a Kota Kupang period with
# formations of several kinds, ~200 applicants who register, are verified (some TMS, some objections), sit the SKD
# (results paced so the public live scoreboard moves for a few minutes), the SKB, and every stage's announcement,
# checked at the end against the transparency log. Usage: seed-demo.sh [background|foreground]. Re-running adds
# another period with new applicants.
source "$(dirname "$0")/common.sh"

MODE="${1:-background}"
SIM="${REPO_ROOT}/.build/${ASN_BUILD_CONFIGURATION:-debug}/asn-sim"
[ -x "${SIM}" ] || die "${SIM} is missing: build first (deploy/local/services.sh build)"
SIM_LOG="${LOG_DIR}/simulator.log"
args=(
  --registration "http://127.0.0.1:$(service_port registration)"
  --verification "http://127.0.0.1:$(service_port verification)"
  --exam-scoring "http://127.0.0.1:$(service_port exam-scoring)"
  --announcements "http://127.0.0.1:$(service_port announcements)"
  --admin-email "${ASN_DEMO_ADMIN_EMAIL}" --admin-password "${ASN_DEMO_ADMIN_PASSWORD}"
  --officer-password "${ASN_DEMO_OFFICER_PASSWORD:-Simulasi-Petugas-2026}"
  --applicants "${ASN_DEMO_APPLICANTS:-200}" --skd-pace "${ASN_DEMO_SKD_PACE:-180}"
)
mkdir -p "${LOG_DIR}"
if [ "${MODE}" = "foreground" ]; then
  say "Simulating a demo selection (${ASN_DEMO_APPLICANTS:-200} applicants; log also in ${SIM_LOG})"
  "${SIM}" "${args[@]}" 2>&1 | tee "${SIM_LOG}"
  exit "${PIPESTATUS[0]}"
fi
say "Simulating a demo selection in the background (${ASN_DEMO_APPLICANTS:-200} applicants): tail -f ${SIM_LOG}"
nohup "${SIM}" "${args[@]}" >"${SIM_LOG}" 2>&1 &
echo $! >"${STATE_DIR}/simulator.pid"
