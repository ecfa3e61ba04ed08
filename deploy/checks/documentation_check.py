"""Topic lists, alert rules and the operations guide against the code."""

import os
import re
import subprocess
import sys

import yaml

_METRIC = re.compile(r"\b((?:asn|hb|http_server)_[a-z0-9_]+)")
_HISTOGRAM_SUFFIXES = ("_bucket", "_count", "_sum")


def _base_metric(name: str, known: set[str]) -> str:
    if name in known:
        return name
    for suffix in _HISTOGRAM_SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in known:
            return name[: -len(suffix)]
    return name


def check_topic_script(repo_root: str, topics: set[str]) -> list[str]:
    with open(os.path.join(repo_root, "deploy", "kafka", "create-topics.sh"), encoding="utf-8") as file:
        match = re.search(r"^topics=\(\n(.*?)^\)", file.read(), flags=re.MULTILINE | re.DOTALL)
    if not match:
        return ["deploy/kafka/create-topics.sh: no topics=( ... ) list"]
    listed = set(match.group(1).split())
    errors = []
    if topics - listed:
        errors.append(f"deploy/kafka/create-topics.sh misses topics the code uses: {sorted(topics - listed)}")
    if listed - topics:
        errors.append(f"deploy/kafka/create-topics.sh creates topics the code never uses: {sorted(listed - topics)}")
    return errors


def check_alert_rules(path: str, metrics: set[str]) -> list[str]:
    with open(path, encoding="utf-8") as file:
        rules = yaml.safe_load(file)
    errors = []
    count = 0
    for group in rules.get("groups") or []:
        for rule in group.get("rules") or []:
            count += 1
            if not rule.get("alert") or not rule.get("expr"):
                errors.append(f"{path}: a rule without alert name or expr in group {group.get('name')}")
                continue
            for name in _METRIC.findall(str(rule["expr"])):
                if _base_metric(name, metrics) not in metrics:
                    errors.append(f"alert {rule['alert']}: metric {name} is exported by no service")
    if count == 0:
        errors.append(f"{path}: no alert rules")
    return errors


def check_guide(repo_root: str, metrics: set[str], bin_dir: str) -> list[str]:
    errors = []
    with open(os.path.join(repo_root, "deploy", "README.md"), encoding="utf-8") as file:
        guide = file.read()
    for name in sorted(metrics):
        if f"`{name}`" not in guide:
            errors.append(f"deploy/README.md does not describe metric `{name}`")
    generator = os.path.join(repo_root, "deploy", "tools", "generate-config-reference")
    result = subprocess.run([sys.executable, generator, "--check", "--bin-dir", bin_dir], capture_output=True,
                            text=True, timeout=120)
    if result.returncode != 0:
        errors.append((result.stdout + result.stderr).strip() or "generate-config-reference --check failed")
    return errors
