"""The services' own account of their configuration: `<service> print-configuration`, parsed.

The executables are the one source of truth for which environment variables exist (Shared/ServiceKit ConfigurationKey);
the deployment checks and the operations guide's generated table both read them from here. Standard library only, so
that the generator runs with any python3.
"""

import os
import re
import subprocess
from dataclasses import dataclass

SERVICES = ("registration", "verification", "exam-scoring", "announcements")

# `| `NAME` | default | meaning |`, as ServiceMain.configurationTable prints it.
_ROW = re.compile(r"^\| `(?P<name>[A-Z0-9_]+)` \| (?P<default>.*?) \| (?P<help>.*) \|$")


@dataclass(frozen=True)
class Variable:
    name: str
    default: str | None  # None: required (no default); "" : empty default
    help: str
    secret: bool

    @property
    def required(self) -> bool:
        return self.default is None


def _parse_default(text: str) -> str | None:
    if text == "**required**":
        return None
    if text == "(empty)":
        return ""
    if text.startswith("`") and text.endswith("`"):
        return text[1:-1]
    raise ValueError(f"unexpected default column {text!r}")


def parse_table(text: str) -> dict[str, Variable]:
    """Parses the Markdown table of one service; fails loudly on a format it does not know."""
    variables: dict[str, Variable] = {}
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        match = _ROW.match(line)
        if match is None:
            raise ValueError(f"unexpected print-configuration line: {line!r}")
        help_text = match["help"]
        secret = help_text.endswith(" (secret)")
        if secret:
            help_text = help_text[: -len(" (secret)")]
        variables[match["name"]] = Variable(match["name"], _parse_default(match["default"]), help_text, secret)
    if not variables:
        raise ValueError("print-configuration printed no variables")
    return variables


def binary_directory(repo_root: str, explicit: str | None = None) -> str:
    """Where the built executables are: `--bin-dir`, else $ASN_BIN_DIR, else the debug build."""
    return explicit or os.environ.get("ASN_BIN_DIR") or os.path.join(repo_root, ".build", "debug")


def read_all(bin_dir: str) -> dict[str, dict[str, Variable]]:
    """Runs every service's `print-configuration` (it reads no configuration, so no environment is needed)."""
    result = {}
    for service in SERVICES:
        executable = os.path.join(bin_dir, service)
        if not os.access(executable, os.X_OK):
            raise FileNotFoundError(f"{executable} is missing: build first (swift build --product {service})")
        output = subprocess.run([executable, "print-configuration"], check=True, capture_output=True, text=True,
                                timeout=60).stdout
        result[service] = parse_table(output)
    return result
