"""The one rule compose and Kubernetes share: a service's ASN_* variables against its `print-configuration`."""

import re

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, $NAME
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def may_be_empty(value) -> bool:
    """Whether a (compose-interpolated) value can end up empty: `${X:-}` can, `${X:?...}` and literals cannot."""
    if value is None:
        return True
    text = str(value)
    literal = _INTERPOLATION.sub("", text)
    if literal.strip():
        return False
    for match in _INTERPOLATION.finditer(text):
        operator, default = match.group(2), match.group(3)
        if operator in (":?", "?"):
            return False
        if operator in (":-", "-") and default:
            return False
    return True


def check_environment(where: str, service: str, environment: dict, configuration: dict) -> list[str]:
    """Every ASN_* name exists in the service's configuration; every required one is set to something non-empty."""
    errors = []
    for name in sorted(environment):
        if name.startswith("ASN_") and name not in configuration:
            errors.append(f"{where}: {service} does not read {name} (not in its print-configuration)")
    for name, variable in sorted(configuration.items()):
        if variable.required:
            if name not in environment:
                errors.append(f"{where}: {service} needs {name} (required, no default) but it is not set")
            elif may_be_empty(environment[name]):
                errors.append(f"{where}: {service}'s required {name} may be empty ({environment[name]!r})")
    return errors


def effective_http_port(environment: dict, image_port: int) -> int:
    """The port the service listens on in its container: its own setting, else the image's."""
    value = environment.get("ASN_HTTP_PORT")
    return int(value) if value is not None and str(value).isdigit() else image_port
