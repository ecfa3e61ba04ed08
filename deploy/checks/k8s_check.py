"""deploy/k8s against the services: variables, commands, probes, ports, selectors, the topic Job's script."""

import glob
import os

import yaml

from environment_rules import check_environment, effective_http_port
from service_config import SERVICES

NAMESPACE = "asn-recruitment"


def load_objects(directory: str) -> list[tuple[str, dict]]:
    objects = []
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        with open(path, encoding="utf-8") as file:
            for document in yaml.safe_load_all(file):
                if document:
                    objects.append((os.path.basename(path), document))
    return objects


def check_k8s(directory: str, repo_root: str, configurations: dict, facts: dict) -> list[str]:
    objects = load_objects(directory)
    by_kind: dict[str, dict[str, dict]] = {}
    errors = []
    for file, obj in objects:
        kind, name = obj.get("kind"), obj.get("metadata", {}).get("name")
        by_kind.setdefault(kind, {})[name] = obj
        if kind != "Namespace" and obj.get("metadata", {}).get("namespace") != NAMESPACE:
            errors.append(f"k8s {file}: {kind}/{name} is not in namespace {NAMESPACE}")
    if NAMESPACE not in by_kind.get("Namespace", {}):
        errors.append(f"k8s: no Namespace {NAMESPACE}")

    deployments = by_kind.get("Deployment", {})
    for service in SERVICES:
        if service not in deployments:
            errors.append(f"k8s: no Deployment {service}")
            continue
        errors += _check_deployment(service, deployments[service], by_kind, configurations[service], facts)
    errors += _check_selectors(by_kind)
    errors += _check_topic_job(by_kind, repo_root)
    return errors


def _data(obj: dict) -> dict:
    return {**(obj.get("data") or {}), **(obj.get("stringData") or {})}


def _check_deployment(service: str, deployment: dict, by_kind: dict, configuration: dict, facts: dict) -> list[str]:
    where = f"k8s Deployment {service}"
    containers = deployment["spec"]["template"]["spec"]["containers"]
    if len(containers) != 1:
        return [f"{where}: expected one container, found {len(containers)}"]
    container = containers[0]
    errors = []

    command = (container.get("command") or []) + (container.get("args") or [])
    if len(command) < 2 or command[0] != service or command[0] not in facts["dockerfile"]["products"]:
        errors.append(f"{where}: runs {command!r}; expected [{service!r}, subcommand] (an executable of the image)")
    elif command[1] not in facts["subcommands"]:
        errors.append(f"{where}: unknown subcommand {command[1]!r}")

    environment = {}
    for source in container.get("envFrom") or []:
        for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            if key in source:
                referenced = by_kind.get(kind, {}).get(source[key]["name"])
                if referenced is None:
                    errors.append(f"{where}: envFrom names missing {kind} {source[key]['name']}")
                else:
                    environment.update(_data(referenced))
    for variable in container.get("env") or []:
        environment[variable["name"]] = variable.get("value", "(from a reference)")
    errors += check_environment("k8s", service, environment, configuration)

    port = effective_http_port(environment, facts["dockerfile"]["http_port"])
    ports = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}
    if port not in ports.values():
        errors.append(f"{where}: declares container ports {ports}, the service listens on {port}")
    for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
        errors += _check_probe(where, probe, container.get(probe), path, ports, port, facts)
    if "startupProbe" in container:
        errors += _check_probe(where, "startupProbe", container["startupProbe"], "/health/live", ports, port, facts)
    resources = container.get("resources") or {}
    if not resources.get("requests") or not (resources.get("limits") or {}).get("memory"):
        errors.append(f"{where}: needs resource requests and a memory limit")
    return errors


def _check_probe(where, probe, spec, path, ports, port, facts) -> list[str]:
    if not spec or "httpGet" not in spec:
        return [f"{where}: no HTTP {probe}"]
    get = spec["httpGet"]
    errors = []
    if get.get("path") != path or path not in facts["operations_routes"]:
        errors.append(f"{where}: {probe} calls {get.get('path')}, expected {path}")
    target = get.get("port")
    resolved = ports.get(target) if isinstance(target, str) else target
    if resolved != port:
        errors.append(f"{where}: {probe} port {target!r} is not the service's port {port}")
    return errors


def _pod_labels(by_kind: dict) -> dict[str, dict]:
    return {name: d["spec"]["template"]["metadata"].get("labels", {}) for name, d in by_kind.get("Deployment", {}).items()}


def _selects(selector: dict, labels: dict) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def _check_selectors(by_kind: dict) -> list[str]:
    pods = _pod_labels(by_kind)
    errors = []
    for name, deployment in by_kind.get("Deployment", {}).items():
        if not _selects(deployment["spec"]["selector"].get("matchLabels", {}), pods[name]):
            errors.append(f"k8s Deployment {name}: its selector does not match its own pod labels")
    for name, service in by_kind.get("Service", {}).items():
        selected = [d for d, labels in pods.items() if _selects(service["spec"].get("selector", {}), labels)]
        if not selected:
            errors.append(f"k8s Service {name}: selects no Deployment's pods")
            continue
        container = by_kind["Deployment"][selected[0]]["spec"]["template"]["spec"]["containers"][0]
        named = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}
        for port in service["spec"].get("ports") or []:
            target = port.get("targetPort", port["port"])
            if (named.get(target) if isinstance(target, str) else target) not in named.values():
                errors.append(f"k8s Service {name}: targetPort {target!r} is no port of {selected[0]}")
    for name, budget in by_kind.get("PodDisruptionBudget", {}).items():
        if not any(_selects(budget["spec"]["selector"].get("matchLabels", {}), labels) for labels in pods.values()):
            errors.append(f"k8s PodDisruptionBudget {name}: selects no Deployment's pods")
    for name, autoscaler in by_kind.get("HorizontalPodAutoscaler", {}).items():
        target = autoscaler["spec"]["scaleTargetRef"]
        if target.get("kind") != "Deployment" or target.get("name") not in pods:
            errors.append(f"k8s HorizontalPodAutoscaler {name}: scales unknown {target}")
    if not by_kind.get("PodDisruptionBudget"):
        errors.append("k8s: no PodDisruptionBudget")
    return errors


def _check_topic_job(by_kind: dict, repo_root: str) -> list[str]:
    with open(os.path.join(repo_root, "deploy", "kafka", "create-topics.sh"), encoding="utf-8") as file:
        script = file.read()
    jobs = by_kind.get("Job", {})
    if "kafka-topics" not in jobs:
        return ["k8s: no Job kafka-topics"]
    errors = []
    spec = jobs["kafka-topics"]["spec"]["template"]["spec"]
    volumes = {v["name"]: v.get("configMap", {}).get("name") for v in spec.get("volumes") or []}
    container = spec["containers"][0]
    for mount in container.get("volumeMounts") or []:
        config_map = by_kind.get("ConfigMap", {}).get(volumes.get(mount["name"]))
        if config_map is None:
            errors.append(f"k8s Job kafka-topics: volume {mount['name']} is no ConfigMap of these manifests")
            continue
        for key, content in _data(config_map).items():
            if f"{mount['mountPath']}/{key}" in (container.get("command") or []) and content != script:
                errors.append(f"k8s ConfigMap {volumes[mount['name']]}: {key} differs from deploy/kafka/create-topics.sh")
            if f"{mount['mountPath']}/{key}" in (container.get("command") or []):
                return errors
    return errors + ["k8s Job kafka-topics: its command does not run the mounted create-topics.sh"]
