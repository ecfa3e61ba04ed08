#!/usr/bin/env python3
"""Checks the deployment files without a Docker engine or a cluster (part of `make test`, deploy/local/test.sh).

    .stack/venv/bin/python deploy/checks/validate.py [--bin-dir .build/debug]

Lints (hadolint, yamllint, the Compose specification's schema, Kubernetes' schemas) and cross-checks against the code:
every ASN_* variable in docker-compose.yml and deploy/k8s exists in that service's `print-configuration` and every
required one is set; commands name executables the image installs and subcommands the services know; health checks,
probes, ports and Prometheus targets point at the real operations endpoints; the topic script creates exactly the
code's topics; alert rules use only exported metrics; deploy/README.md's configuration table is current. Exits 1 on
any failure; a missing tool or binary is a failure, not a skip.
"""

import argparse
import os
import sys
import time

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import yaml  # noqa: F401  (PyYAML, installed with yamllint by deploy/local/install.sh)
except ImportError:
    print("error: PyYAML is missing: run deploy/local/install.sh and use .stack/venv/bin/python", file=sys.stderr)
    sys.exit(1)

import repository_facts  # noqa: E402
from compose_check import check_compose, check_prometheus  # noqa: E402
from documentation_check import check_alert_rules, check_guide, check_topic_script  # noqa: E402
from k8s_check import check_k8s  # noqa: E402
from linters import run_linters  # noqa: E402
from service_config import binary_directory, read_all  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin-dir", help="directory of the built service executables (default .build/debug)")
    arguments = parser.parse_args()
    bin_dir = binary_directory(REPO_ROOT, arguments.bin_dir)
    started = time.monotonic()

    results: dict[str, list[str]] = {}

    def record(name, check):
        try:
            results[name] = check()
        except Exception as error:  # a check that cannot run has failed
            results[name] = [f"{type(error).__name__}: {error}"]

    configurations = {}
    facts = {}

    def load_facts():
        configurations.update(read_all(bin_dir))
        facts.update(
            dockerfile=repository_facts.dockerfile(REPO_ROOT),
            subcommands=repository_facts.subcommands(REPO_ROOT),
            operations_routes=repository_facts.operations_routes(REPO_ROOT),
            topics=repository_facts.topics(REPO_ROOT),
            metrics=repository_facts.metric_names(REPO_ROOT),
            products=repository_facts.executable_products(REPO_ROOT),
        )
        missing = facts["dockerfile"]["products"] - facts["products"]
        return [f"deploy/Dockerfile builds products Package.swift does not declare: {sorted(missing)}"] if missing else []

    record("services' print-configuration and code facts", load_facts)
    if results["services' print-configuration and code facts"]:
        return report(results, started)

    compose = os.path.join(REPO_ROOT, "docker-compose.yml")
    prometheus = os.path.join(REPO_ROOT, "deploy", "prometheus")
    record("compose: variables, commands, health checks, ports, order",
           lambda: check_compose(compose, configurations, facts))
    record("prometheus: scrape targets",
           lambda: check_prometheus(os.path.join(prometheus, "prometheus.yml"), compose, facts))
    record("prometheus: alert rules use exported metrics",
           lambda: check_alert_rules(os.path.join(prometheus, "alerts.yml"), facts["metrics"]))
    record("k8s: variables, commands, probes, selectors, topic job",
           lambda: check_k8s(os.path.join(REPO_ROOT, "deploy", "k8s"), REPO_ROOT, configurations, facts))
    record("kafka: topic script matches the code's topics", lambda: check_topic_script(REPO_ROOT, facts["topics"]))
    record("deploy/README.md: configuration table current, metrics described",
           lambda: check_guide(REPO_ROOT, facts["metrics"], bin_dir))
    for name, errors in run_linters(REPO_ROOT).items():
        results[name] = errors
    return report(results, started)


def report(results: dict[str, list[str]], started: float) -> int:
    failed = [name for name, errors in results.items() if errors]
    for name, errors in results.items():
        print(f"{'FAIL' if errors else 'ok  '}  {name}")
        for error in errors:
            print(f"        {error}")
    print(f"deployment checks: {len(results) - len(failed)} ok, {len(failed)} failing "
          f"({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
