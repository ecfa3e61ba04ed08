"""Facts the deployment files must agree with, read from the code itself (not restated by hand here).

Each reader fails loudly when the code's shape changes, so a check can never pass by finding nothing.
"""

import os
import re


def _read(repo_root: str, *path: str) -> str:
    with open(os.path.join(repo_root, *path), encoding="utf-8") as file:
        return file.read()


def _nonempty(values, what: str):
    if not values:
        raise ValueError(f"found no {what}: has the code moved?")
    return values


def executable_products(repo_root: str) -> set[str]:
    """The executables Package.swift declares."""
    return _nonempty(set(re.findall(r'\.executable\(\s*name:\s*"([^"]+)"', _read(repo_root, "Package.swift"))),
                     "executable products in Package.swift")


def subcommands(repo_root: str) -> set[str]:
    """The commands every service executable understands (ServiceMain's `case "..."` labels)."""
    text = _read(repo_root, "Shared", "ServiceKit", "Lifecycle", "ServiceMain.swift")
    labels = set()
    for case in re.findall(r'^\s*case ((?:"[^"]+"(?:,\s*)?)+):', text, flags=re.MULTILINE):
        labels.update(re.findall(r'"([^"]+)"', case))
    return _nonempty(labels, "subcommands in ServiceMain.swift")


def operations_routes(repo_root: str) -> set[str]:
    """The unauthenticated operations endpoints (health, metrics, info)."""
    text = _read(repo_root, "Shared", "ServiceKit", "Operations", "OperationsRoutes.swift")
    return _nonempty(set(re.findall(r'router\.get\("(/[^"]*)"\)', text)), "routes in OperationsRoutes.swift")


def topics(repo_root: str) -> set[str]:
    """Every topic name (without prefix): one per producing context, plus the dead letters."""
    events = _read(repo_root, "Shared", "RecruitmentEvents", "Envelope", "RecruitmentTopic.swift")
    names = set(re.findall(r'case \w+ = "([^"]+)"', events))
    configuration = _read(repo_root, "Shared", "ServiceKit", "Configuration", "ServiceConfiguration.swift")
    names.update(re.findall(r'deadLetterTopicName: String \{ kafkaNamePrefix \+ "([^"]+)" \}', configuration))
    if not any("dead-letters" in n for n in names):
        raise ValueError("the dead-letter topic name was not found in ServiceConfiguration.swift")
    return _nonempty(names, "topics")


def metric_names(repo_root: str) -> set[str]:
    """Prometheus metric names the services export: ours (asn_*) and Hummingbird's HTTP metrics."""
    names = set()
    for directory in ("Shared", "Services"):
        for root, _, files in os.walk(os.path.join(repo_root, directory)):
            for name in files:
                if name.endswith(".swift"):
                    with open(os.path.join(root, name), encoding="utf-8") as file:
                        names.update(re.findall(r'label:\s*"(asn_[a-z0-9_]+)"', file.read()))
    middleware = os.path.join(repo_root, ".build", "checkouts", "hummingbird", "Sources", "Hummingbird", "Middleware",
                              "MetricsMiddleware.swift")
    with open(middleware, encoding="utf-8") as file:  # present after any build; its absence is an error
        # swift-prometheus turns the dots of swift-metrics labels into underscores.
        names.update(n.replace(".", "_") for n in re.findall(r'label:\s*"([a-z_.]+)"', file.read()))
    return _nonempty(names, "metric labels")


def dockerfile(repo_root: str) -> dict:
    """What deploy/Dockerfile builds and how its runtime stage is set up."""
    text = _read(repo_root, "deploy", "Dockerfile")
    products = re.search(r"for product in ([^;]+);", text)
    port = re.search(r"\bASN_HTTP_PORT=(\d+)", text)
    health = re.search(r'HEALTHCHECK[^\n]*\n[^\n]*CMD[^\n]*?(/health/[a-z]+)', text)
    command = re.search(r'^CMD \["([^"]+)"', text, flags=re.MULTILINE)
    if not (products and port and health and command):
        raise ValueError("deploy/Dockerfile: product loop, ASN_HTTP_PORT, HEALTHCHECK or CMD not found")
    return {
        "products": set(products.group(1).split()),
        "http_port": int(port.group(1)),
        "healthcheck_path": health.group(1),
        "default_command": command.group(1),
    }
