from datetime import timedelta
from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "digest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_relative_paths(tmp_path):
    config = load_config(write(tmp_path, "title: X\n"))
    assert config.title == "X"
    assert config.inputs == [(tmp_path / "../inputs").resolve()]
    assert config.output == (tmp_path / "../output").resolve()
    assert config.page_size == "A4"


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    path = write(tmp_path, "title: X\n\ntitel: Y\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:3: unknown key 'titel' (did you mean 'title'?)"
    assert err.value.exit_code == 2


def test_nested_unknown_key(tmp_path):
    path = write(tmp_path, "email:\n  enabled: false\n  hots: x\n")
    with pytest.raises(ConfigError, match=r":3: unknown key 'email.hots' \(did you mean 'email.host'\?\)"):
        load_config(path)


def test_wrong_type_names_key_and_line(tmp_path):
    path = write(tmp_path, "title: X\nemail:\n  port: twenty-five\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:3: 'email.port' must be a number")


def test_bool_is_not_a_number(tmp_path):
    with pytest.raises(ConfigError, match="'limits.max_file_bytes' must be a number"):
        load_config(write(tmp_path, "limits:\n  max_file_bytes: true\n"))


def test_bad_choice(tmp_path):
    with pytest.raises(ConfigError, match=r":1: 'page_size' must be one of A4, Letter"):
        load_config(write(tmp_path, "page_size: A3\n"))


def test_invalid_yaml_names_line(tmp_path):
    path = write(tmp_path, "title: X\ninputs: [a, b\n")
    with pytest.raises(ConfigError, match=rf"^{path}:\d+: not valid YAML"):
        load_config(path)


def test_password_in_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="email.password_env"):
        load_config(write(tmp_path, "email:\n  password: hunter2\n"))


def test_output_inside_inputs_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="must not be inside the inputs folder"):
        load_config(write(tmp_path, "inputs: [in]\noutput: in/out\n"))


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_shipped_config_is_valid():
    config = load_config(Path(__file__).parent.parent / "config" / "digest.yaml")
    assert config.inputs[0].name == "inputs"


@pytest.mark.parametrize("every,at,interval,unit", [
    ("day", '"07:00"', 1, "days"), ("monday", '"08:30"', 1, "monday"), ("6 hours", '":15"', 6, "hours"),
    ("30 seconds", "", 30, "seconds"), ("1 second", "", 1, "seconds"), ("2 weeks", "", 2, "weeks"),
    ("2 days", '"06:00:30"', 2, "days"),
])
def test_schedule_every_is_parsed(tmp_path, every, at, interval, unit):
    config = load_config(write(tmp_path, f"schedule:\n  every: {every}\n  at: {at}\n  timezone: Europe/Berlin\n"))
    assert (config.schedule.interval, config.schedule.unit) == (interval, unit)
    assert config.schedule.timezone == "Europe/Berlin"


def test_default_at_is_dropped_for_short_intervals(tmp_path):
    config = load_config(write(tmp_path, "schedule:\n  every: 30 seconds\n"))
    assert config.schedule.at is None and config.schedule.unit == "seconds"


@pytest.mark.parametrize("body,line,message", [
    ("  every: fortnight\n", 2, "'schedule.every' must be like day"),
    ("  every: 0 hours\n", 2, "'schedule.every' must be like day"),
    ("  every: 2 mondays\n", 2, "cannot repeat a weekday"),
    ("  every: day\n  at: '7am'\n", 3, "'schedule.at' must be HH:MM"),
    ("  every: day\n  at: '25:00'\n", 3, "'schedule.at' must be HH:MM"),
    ("  every: 6 hours\n  at: '07:00'\n", 3, "'schedule.at' must be ':MM'"),
    ("  every: 10 seconds\n  at: ':30'\n", 3, "cannot be used with 'every: 10 seconds'"),
    ("  every: 2 weeks\n  at: '06:00'\n", 3, "cannot be used with 'every: 2 weeks'"),
    ("  timezone: Mars/Olympus\n", 2, "'schedule.timezone' is not a known time zone"),
])
def test_bad_schedule_names_line_and_key(tmp_path, body, line, message):
    path = write(tmp_path, "schedule:\n" + body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert message in str(err.value)
    assert err.value.exit_code == 2


def test_subject_with_unknown_placeholder(tmp_path):
    path = write(tmp_path, "email:\n  subject: '{title} for {reader}'\n")
    with pytest.raises(ConfigError, match=rf"^{path}:2: 'email.subject' may use {{title}} and {{date}} only"):
        load_config(path)


def test_inputs_entries_of_every_kind(tmp_path):
    config = load_config(write(tmp_path, """inputs:
  - ../inputs
  - folder: drop/
    since: 36 hours
  - feed: https://news.example/world/rss.xml
    since: 1 day
    match: [meet, talks]
  - urls: links.txt
  - url: https://news.example/2024/03/19/envoy-meets-leader
fetch:
  timeout: 5 seconds
  per_host_delay: 0.5
"""))
    assert config.inputs == [(tmp_path / "../inputs").resolve(), tmp_path / "drop"]
    assert [(e.kind, e.location, e.since, e.match, e.line) for e in config.sources] == [
        ("folder", str((tmp_path / "../inputs").resolve()), None, [], 2),
        ("folder", str(tmp_path / "drop"), timedelta(hours=36), [], 3),
        ("feed", "https://news.example/world/rss.xml", timedelta(days=1), ["meet", "talks"], 5),
        ("urls", str(tmp_path / "links.txt"), None, [], 8),
        ("url", "https://news.example/2024/03/19/envoy-meets-leader", None, [], 9),
    ]
    assert (config.fetch.timeout, config.fetch.per_host_delay, config.fetch.allow_private_hosts) == (5, 0.5, False)


def test_a_plain_path_is_still_a_folder(tmp_path):
    config = load_config(write(tmp_path, "inputs: news\n"))
    assert config.inputs == [tmp_path / "news"] and config.sources[0].kind == "folder"


@pytest.mark.parametrize("text, message", [
    ("inputs:\n  - feed: http://x/rss\n    sinse: 1 day\n",
     r":3: unknown key 'sinse' in inputs entry 1 \(did you mean 'since'\?\)"),
    ("inputs:\n  - feed: http://x/rss\n    url: http://x/a\n",
     ":2: inputs entry 1 must have exactly one of folder, feed, urls, url, not feed, url"),
    ("inputs:\n  - in\n  - feed: ftp://x/rss\n", r":3: 'feed' in inputs entry 2 must start with http:// or https://"),
    ("inputs:\n  - url: https:///path\n", ":2: 'url' in inputs entry 1 has no host name"),
    ("inputs:\n  - url: http://x:port/a\n", ":2: 'url' in inputs entry 1 is not a valid URL"),
    ("inputs:\n  - feed: http://x/rss\n    since: yesterday\n",
     r":3: 'since' in inputs entry 1 \(feed\) must be a span like '1 day', '24 hours' or '2 weeks', "
     "not 'yesterday'"),
    ("inputs:\n  - folder: in\n    since: 0 days\n", ":3: 'since' in inputs entry 1 \\(folder\\) must be a span"),
    ("inputs:\n  - url: http://x/a\n    match: [meet]\n",
     ":3: 'match' in inputs entry 1 \\(url\\) applies to feeds only"),
    ("inputs:\n  - feed: http://x/rss\n    match: [1]\n", ":3: 'match' in inputs entry 1 \\(feed\\) must be a word"),
    ("inputs:\n  - [a, b]\n", ":2: inputs entry 1 must be a folder path or a mapping"),
    ("fetch:\n  timeout: soon\n", ":2: 'fetch.timeout' must be a positive number of seconds or a span"),
    ("fetch:\n  timeout: 0\n", ":2: 'fetch.timeout' must be a positive number"),
    ("fetch:\n  per_host_delay: -1\n", ":2: 'fetch.per_host_delay' must be a number of seconds"),
    ("fetch:\n  parallel: 0\n", ":2: 'fetch.parallel' must be between 1 and 32"),
    ("fetch:\n  allow_private_hosts: 'yes'\n", ":2: 'fetch.allow_private_hosts' must be true/false"),
    ("fetch:\n  max_byte: 5\n", r":2: unknown key 'fetch.max_byte' \(did you mean 'fetch.max_bytes'\?\)"),
])
def test_inputs_and_fetch_mistakes_name_line_and_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=f"^{path}{message}"):
        load_config(path)


@pytest.mark.parametrize("text, line, message", [
    ("extract:\n  engine: ray\n", 2, "'extract.engine' must be one of local, dask, not 'ray'"),
    ("title: X\nextract:\n  engine: dask\n", 3, "'extract.engine: dask' needs 'extract.scheduler' (tcp://host:8786)"),
    ("extract:\n  engine: dask\n  scheduler: http://host:8786\n", 3,
     "'extract.scheduler' must be a Dask scheduler address like tcp://host:8786, not 'http://host:8786'"),
    ("extract:\n  engine: dask\n  scheduler: tcp://host\n", 3,
     "'extract.scheduler' must be a Dask scheduler address like tcp://host:8786, not 'tcp://host'"),
    ("extract:\n  timeout: 0\n", 2,
     "'extract.timeout' must be a positive number of seconds or a span like '20 seconds', not 0"),
])
def test_extract_engine_errors_name_file_line_and_key(tmp_path, text, line, message):
    pytest.importorskip("distributed")  # without it, 'engine: dask' fails for that reason first
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:{line}: {message}"


def test_dask_engine_with_its_scheduler(tmp_path):
    pytest.importorskip("distributed")
    config = load_config(write(tmp_path, "extract:\n  engine: dask\n  scheduler: ' tcp://[::1]:8786'\n"
                                         "  timeout: 1 minute\n"))
    assert (config.extract.engine, config.extract.scheduler, config.extract.timeout) == ("dask", "tcp://[::1]:8786", 60)
    assert load_config(write(tmp_path, "title: X\n")).extract.engine == "local"
