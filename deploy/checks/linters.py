"""The external validators, installed from PyPI by deploy/local/install.sh (pinned there). A missing tool is a
failure, never a skip: CI runs on a fresh machine, and a check that silently does not run proves nothing."""

import glob
import os
import shutil
import subprocess
import sys


def _tool(name: str) -> str | None:
    # The virtualenv that runs this script first (where install.sh puts them), then PATH.
    beside = os.path.join(os.path.dirname(sys.executable), name)
    return beside if os.access(beside, os.X_OK) else shutil.which(name)


def _run(name: str, arguments: list[str], repo_root: str) -> list[str]:
    executable = _tool(name)
    if executable is None:
        return [f"{name} is not installed (deploy/local/install.sh installs it into .stack/venv)"]
    result = subprocess.run([executable, *arguments], cwd=repo_root, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        return [f"{name} failed:\n    " + "\n    ".join(output.splitlines()[-40:])]
    return []


def run_linters(repo_root: str) -> dict[str, list[str]]:
    """Each linter's errors by name (an empty list: it passed)."""
    k8s = sorted(os.path.relpath(p, repo_root) for p in glob.glob(os.path.join(repo_root, "deploy", "k8s", "*.yaml")))
    return {
        "hadolint deploy/Dockerfile": _run("hadolint", ["deploy/Dockerfile"], repo_root),
        "yamllint": _run("yamllint", ["--strict", "-c", "deploy/checks/yamllint.yml", "docker-compose.yml",
                                      "deploy/k8s", "deploy/prometheus"], repo_root),
        # The Compose specification's JSON schema, vendored inside check-jsonschema (its version pins the schema).
        "compose-spec schema": _run("check-jsonschema", ["--builtin-schema", "vendor.compose-spec",
                                                         "docker-compose.yml"], repo_root),
        # Kubernetes' OpenAPI schemas bundled in kubernetes-validate; --strict rejects unknown fields (typos).
        "kubernetes-validate --strict": _run("kubernetes-validate", ["--strict", "--quiet", *k8s], repo_root)
        if k8s else ["deploy/k8s holds no manifests"],
    }
