"""docker-compose.yml against the services: variables, commands, health checks, ports, start order, Prometheus."""

import re

import yaml

from environment_rules import check_environment, effective_http_port
from service_config import SERVICES


def _environment(service: dict) -> dict:
    environment = service.get("environment") or {}
    if isinstance(environment, list):  # the KEY=value list form
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in environment)
    return dict(environment)


def check_compose(path: str, configurations: dict, facts: dict) -> list[str]:
    with open(path, encoding="utf-8") as file:
        compose = yaml.safe_load(file)  # resolves the anchors and << merges, as Compose does
    services = compose.get("services") or {}
    errors = []

    for name in SERVICES:
        if name not in services:
            errors.append(f"compose: service {name} is missing")
            continue
        service = services[name]
        environment = _environment(service)
        errors += check_environment("compose", name, environment, configurations[name])
        port = effective_http_port(environment, facts["dockerfile"]["http_port"])
        errors += _check_command(name, service.get("command"), facts)
        errors += _check_healthcheck(name, service.get("healthcheck"), port, facts)
        published = [str(p) for p in service.get("ports") or []]
        if not any(p.rsplit(":", 1)[-1] == str(port) for p in published):
            errors.append(f"compose: {name} publishes {published}, none of them its container port {port}")
        if "build" not in service and "image" not in service:
            errors.append(f"compose: {name} has neither build nor image")

    errors += _check_start_order(services)
    errors += _check_volumes(compose, services)
    return errors


def _check_command(name: str, command, facts: dict) -> list[str]:
    if not isinstance(command, list) or len(command) < 2:
        return [f"compose: {name} must have an exec-form command [executable, subcommand], not {command!r}"]
    errors = []
    if command[0] != name:
        errors.append(f"compose: service {name} runs executable {command[0]!r}")
    if command[0] not in facts["dockerfile"]["products"]:
        errors.append(f"compose: {name} runs {command[0]!r}, which deploy/Dockerfile does not install")
    if command[1] not in facts["subcommands"]:
        errors.append(f"compose: {name} runs subcommand {command[1]!r}; known: {sorted(facts['subcommands'])}")
    return errors


def _check_healthcheck(name: str, healthcheck, port: int, facts: dict) -> list[str]:
    if not healthcheck or not healthcheck.get("test"):
        return [f"compose: {name} has no healthcheck (depends_on service_healthy needs one)"]
    test = " ".join(healthcheck["test"]) if isinstance(healthcheck["test"], list) else healthcheck["test"]
    match = re.search(r"http://(?:127\.0\.0\.1|localhost):(\d+)(/\S*)", test)
    if not match:
        return [f"compose: {name}'s healthcheck does not call an HTTP endpoint: {test!r}"]
    errors = []
    if int(match.group(1)) != port:
        errors.append(f"compose: {name}'s healthcheck calls port {match.group(1)}, the service listens on {port}")
    path = match.group(2).rstrip('"')
    if path != "/health/ready" or path not in facts["operations_routes"]:
        errors.append(f"compose: {name}'s healthcheck calls {path}, expected /health/ready")
    return errors


def _check_start_order(services: dict) -> list[str]:
    errors = []
    for name, service in services.items():
        depends = service.get("depends_on") or {}
        if isinstance(depends, list):
            errors.append(f"compose: {name}'s depends_on must name conditions, not only services")
            continue
        for target, rule in depends.items():
            if target not in services:
                errors.append(f"compose: {name} depends on unknown service {target}")
                continue
            condition = (rule or {}).get("condition")
            if condition == "service_healthy" and not services[target].get("healthcheck"):
                errors.append(f"compose: {name} waits for {target} to be healthy, but {target} has no healthcheck")
            if condition == "service_completed_successfully" and services[target].get("restart") not in ("no", None):
                errors.append(f"compose: {name} waits for one-shot {target}, which restarts")
        if name in SERVICES:
            for needed in ("postgres", "kafka-topics"):
                if needed not in depends:
                    errors.append(f"compose: {name} starts without waiting for {needed}")
    return errors


def _check_volumes(compose: dict, services: dict) -> list[str]:
    declared = set((compose.get("volumes") or {}).keys())
    errors = []
    for name, service in services.items():
        for volume in service.get("volumes") or []:
            source = str(volume).split(":", 1)[0]
            if not source.startswith((".", "/")) and source not in declared:
                errors.append(f"compose: {name} mounts undeclared volume {source}")
    for stateful, path in (("kafka", "/var/lib/kafka/data"), ("postgres", "/var/lib/postgresql/data")):
        mounts = [str(v) for v in services.get(stateful, {}).get("volumes") or []]
        if not any(m.split(":")[1:2] == [path] and m.split(":")[0] in declared for m in mounts):
            errors.append(f"compose: {stateful} keeps {path} on no named volume (data lost on re-creation)")
    return errors


def check_prometheus(path: str, compose_path: str, facts: dict) -> list[str]:
    """Prometheus scrapes every service at its container port and /metrics."""
    with open(path, encoding="utf-8") as file:
        configuration = yaml.safe_load(file)
    with open(compose_path, encoding="utf-8") as file:
        services = yaml.safe_load(file)["services"]
    targets = {}
    for job in configuration.get("scrape_configs") or []:
        for static in job.get("static_configs") or []:
            for target in static.get("targets") or []:
                targets[target] = job.get("metrics_path", "/metrics")
    errors = []
    for name in SERVICES:
        port = effective_http_port(_environment(services.get(name, {})), facts["dockerfile"]["http_port"])
        expected = f"{name}:{port}"
        if expected not in targets:
            errors.append(f"prometheus: no scrape target {expected} (have {sorted(targets)})")
        elif targets[expected] not in facts["operations_routes"]:
            errors.append(f"prometheus: {expected} is scraped at {targets[expected]}, not a metrics endpoint")
    return errors
