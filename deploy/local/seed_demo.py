"""Seeds a small demo selection through the registration API only (no database access): a Kota Kupang CPNS period,
three formations, and applicants who sign up, upload the six national documents (small generated JPEG and PDF files)
and submit. Prints what it did. Standard library only. The selection simulator (issue 9) will take this over."""
import json
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

REG, ANN, ADMIN_EMAIL, ADMIN_PASSWORD, COUNT = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
APPLICANT_PASSWORD = "Demo-Pelamar-2026"


def call(method, url, body=None, token=None, raw=None, expect=(200, 201)):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if raw is not None:
        data = raw
        headers["Content-Type"] = "application/octet-stream"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        payload = error.read()
        if error.code in expect:
            return error.code, json.loads(payload or b"{}")
        raise SystemExit(f"{method} {url}: HTTP {error.code}: {payload.decode(errors='replace')}")


def login(username, password):
    return call("POST", f"{REG}/v1/auth/token", {"username": username, "password": password})[1]["accessToken"]


def pdf(text):
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = "%PDF-1.4\n", []
    for index, obj in enumerate(objects):
        offsets.append(len(out))
        out += f"{index + 1} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode()


def jpeg(marker):
    # SOI, a comment segment with the marker (so each file differs), then a minimal grey JFIF image.
    comment = marker.encode()[:200]
    body = bytes.fromhex(
        "ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d"
        "1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080008000801011100ffc4001f0000010501"
        "010101010100000000000000000102030405060708090a0bffda0008010100003f00d2cf20ffd9")
    return b"\xff\xd8\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + body


def nik(serial, female, birth):
    day = birth.day + (40 if female else 0)
    return f"5371{1 + serial % 6:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


now = datetime.now(timezone.utc)
admin = login(ADMIN_EMAIL, ADMIN_PASSWORD)
period = call("POST", f"{REG}/v1/admin/periods", {
    "agencyName": "Pemerintah Kota Kupang", "agencyCode": "KPG", "name": "Seleksi CPNS Kota Kupang (demo)",
    "program": "CPNS", "fiscalYear": now.year, "timeZone": "Asia/Makassar",
    "registrationOpensAt": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "registrationClosesAt": (now + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M:%SZ")}, token=admin)[1]
period_id = period["periodId"]
specs = [("Pranata Komputer Ahli Pertama", "umum", "Teknik Informatika"),
         ("Perawat Ahli Pertama", "umum", "Keperawatan"),
         ("Analis Kebijakan Ahli Pertama", "cumlaude", "Ilmu Pemerintahan")]
formations = []
for position, kind, major in specs:
    formation = call("POST", f"{REG}/v1/admin/periods/{period_id}/formations", {
        "positionName": position, "unitName": "Pemerintah Kota Kupang", "placement": "Kota Kupang", "kind": kind,
        "quota": 2, "educationRequirements": [{"level": "S-1", "majors": [major]}]}, token=admin)[1]
    formations.append((formation["formationId"], major))

# Officers for the verification, exam-scoring and announcements services (re-running the seed finds them already there).
OFFICERS = [("verifikator@kupangkota.go.id", "Yuliana Ndun", ["verifier"], "Verifikator-Kupang-2026"),
            ("pengawas@kupangkota.go.id", "Daniel Tefa", ["supervisor"], "Pengawas-Kupang-2026"),
            ("ujian@kupangkota.go.id", "Agustina Lakapu", ["exam_officer"], "Ujian-Kupang-2026"),
            ("pengumuman@kupangkota.go.id", "Marthen Bessie", ["announcer"], "Pengumuman-Kupang-2026")]
for officer_email, display_name, roles, officer_password in OFFICERS:
    call("POST", f"{REG}/v1/admin/officers", {"email": officer_email, "displayName": display_name, "roles": roles,
                                               "password": officer_password}, token=admin, expect=(201, 409))

given = ["Maria", "Yohanes", "Agustina", "Fransiskus", "Elisabeth", "Petrus", "Yuliana", "Daniel"]
family = ["Fanggidae", "Ndun", "Tefa", "Lakapu", "Bessie", "Manafe", "Nalle", "Sabu", "Benu"]
run = int(time.time()) % 9000  # keeps NIKs, KK numbers and e-mails unique when the seed runs again
submitted = 0
for serial in range(1, COUNT + 1):
    unique = run + serial
    female = serial % 2 == 1
    birth = datetime(1991 + serial % 8, 1 + serial % 12, 1 + serial % 28)
    email = f"demo{serial}.{run}@example.org"
    status, account = call("POST", f"{REG}/v1/accounts", {
        "nik": nik(unique % 9999 + 1, female, birth), "kkNumber": f"5371{unique:012d}",
        "fullName": f"{given[serial % 8]} {family[serial % 9]} {family[(serial // 9) % 9]}",
        "birthDate": birth.strftime("%Y-%m-%d"), "email": email, "phone": f"0813{unique:08d}",
        "password": APPLICANT_PASSWORD}, expect=(201, 409))
    if status == 409:
        continue
    token = login(email, APPLICANT_PASSWORD)
    formation_id, major = formations[serial % 3]
    application = call("POST", f"{REG}/v1/applications", {"formationId": formation_id}, token=token)[1]
    application_id = application["applicationId"]
    for code, is_pdf in [("pas-foto", False), ("swafoto", False), ("ktp", False), ("surat-lamaran", True),
                         ("ijazah", True), ("transkrip-nilai", True)]:
        data = pdf(f"{code} {serial}") if is_pdf else jpeg(f"{code} {serial}")
        call("PUT", f"{REG}/v1/applications/{application_id}/documents/{code}", raw=data, token=token)
    call("POST", f"{REG}/v1/applications/{application_id}/submission", {
        "education": {"level": "S-1", "major": major, "institution": "Universitas Nusa Cendana"},
        "academicGrade": {"kind": "IPK", "value": f"3.{10 + serial * 3 % 89:02d}", "scaleMaximum": "4.00"}},
        token=token)
    submitted += 1

print(json.dumps({"periodId": period_id, "submitted": submitted,
                  "applicantLogin": f"demo1.{run}@example.org ... demo{COUNT}.{run}@example.org",
                  "applicantPassword": APPLICANT_PASSWORD,
                  "officers": " ".join(f"{e} ({r[0]}, password {p})" for e, _, r, p in OFFICERS)}))
