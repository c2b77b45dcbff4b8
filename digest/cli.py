"""The `digest` command: runs the stages in order and turns errors into exit codes.

0: briefing written; 1: the run failed (the previous briefing is kept);
2: usage or config error (the message names file, line and key).
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import schedule as schedule_lib

from . import __version__
from .articlecache import ArticleCache
from .cache import ExtractionCache, RunStamp
from .collect import collect
from .config import DASK_MISSING, dask_installed, load_config, output_in_inputs, scheduler_problem
from .deliver import email
from .deliver.schedule import loop, plan, stop_on_signals
from .errors import ConfigError, DeliveryError, DigestError
from .extract import EXTRACTOR_VERSION, MAX_CHARS, extract, load_model, model_id, processes_for
from .history import SENT, WRITTEN, has_new, load_seen, mark_new, save_seen
from .lock import job_lock
from .models import Article, Config, Extraction, InputEntry, Skipped
from .window import FirstSeen, Window, window_for

log = logging.getLogger("digest")


def _setup_logging(verbose: bool) -> None:
    # Libraries log at WARNING unless -v: WeasyPrint's and fontTools' INFO lines
    # would bury a scheduled job's own log.
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").setLevel(logging.DEBUG if verbose else logging.ERROR)


def _parse_date(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD")


def config_option(f):
    return click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
                        help="Config file (default: config/digest.yaml if present).")(f)


def scheduler_option(f):
    return click.option("--scheduler", help="Extract on the Dask cluster of this scheduler (tcp://host:8786) "
                                            "instead of extract.engine in the config.")(f)


def _load(config_path: Path | None, inputs: tuple[Path, ...] = (), output: Path | None = None,
          scheduler: str | None = None) -> Config:
    config = load_config(config_path)
    if inputs:
        # --inputs replaces every inputs entry, feeds and URLs too: each folder given is one folder entry
        config.inputs = [p.resolve() for p in inputs]
        config.sources = [InputEntry("folder", str(p)) for p in config.inputs]
    if output is not None:
        config.output = output.resolve()
    if scheduler is not None:
        problem = scheduler_problem(scheduler) or (None if dask_installed() else DASK_MISSING)
        if problem:
            raise ConfigError(f"--scheduler {problem}")
        config.extract = replace(config.extract, engine="dask", scheduler=scheduler.strip())
    problem = output_in_inputs(config.inputs, config.output)
    if problem:
        raise ConfigError(problem)
    return config


def _fail(exc: DigestError) -> None:
    click.echo(f"digest: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group()
@click.version_option(__version__, prog_name="digest")
@click.option("-v", "--verbose", is_flag=True, help="Log debugging detail.")
def main(verbose: bool) -> None:
    """Turn a folder of news articles into a dated PDF briefing of meetings.

    Example: digest run --date 2024-03-20
    """
    _setup_logging(verbose)


@main.command()
@config_option
@click.option("--date", "briefing_date", callback=_parse_date, help="Briefing date, YYYY-MM-DD (default: today).")
@click.option("--inputs", type=click.Path(path_type=Path), multiple=True,
              help="Read articles from this folder instead (repeat for several).")
@click.option("--output", type=click.Path(path_type=Path), help="Write the briefing into this folder instead.")
@click.option("--send", is_flag=True, help="Email the briefing to the configured readers.")
@click.option("--dry-run", is_flag=True, help="Write the email as briefing-<date>.eml beside the PDF instead of sending.")
@click.option("--force", is_flag=True, help="Render even if schedule.skip_unchanged is on and nothing is new.")
@scheduler_option
def run(config_path, briefing_date, inputs, output, send, dry_run, force, scheduler) -> None:
    """Collect, extract, merge and render one briefing; optionally email it.

    Example: digest run --date 2024-03-20 --output out/ --send
    """
    try:
        config = _load(config_path, inputs, output, scheduler)
        written = run_job(config, briefing_date or _today(config), send=send, dry_run=dry_run, force=force)
    except DigestError as exc:
        _fail(exc)
    for path in written.values():
        click.echo(str(path))


def _today(config: Config) -> date:
    """Today in the schedule's time zone, so a 07:00 Berlin run is dated by Berlin's calendar."""
    zone = ZoneInfo(config.schedule.timezone) if config.schedule.timezone else None
    return datetime.now(zone).date()


def run_job(config: Config, briefing_date: date, send: bool = False, dry_run: bool = False,
            force: bool = False, nlp=None) -> dict[str, Path]:
    """One complete run under the output folder's lock; returns the files written ({} if skipped).

    The run state (what the briefing contained) is saved last, only when the
    briefing was written and, if asked, sent: a failed send is retried by the
    next run instead of being skipped as "nothing new". A dry run saves none.
    "New" is relative to the last briefing sent when this run sends, and to the
    last one written otherwise, so a preview never empties the next mail. A
    reader the server refused while others got the mail fails the run (exit 1,
    naming the address) after the state is saved: the others are not mailed twice.
    """
    # Here, not at the top: merge, render and web import rapidfuzz, Jinja, the charts and the
    # HTTP and feed libraries, which `--help` never needs (most of its start-up).
    from .merge import merge
    from .render import check_templates, output_paths, packaged_templates, remove_leftovers, write_outputs
    from .web import read_web

    started = time.time()
    if send:
        email.check_ready(config.email)
    check_templates(config)  # a template mistake fails now (exit 2), not after the extraction
    with job_lock(config.output):
        remove_leftovers(config.output, started)
        first_seen = FirstSeen(config.output, datetime.now(timezone.utc))
        folders, web = _windows(config, briefing_date, first_seen)
        # Pages are fetched before the run stamp is checked: only a conditional request can tell
        # whether a page changed, and the archived copies are then inputs like any file.
        fetched, skipped_web = read_web(web, config.fetch, config.output, _progress, MAX_CHARS) if web else ([], [])
        first_seen.save()
        stamp = RunStamp(config.output / ".cache" / f"briefing-{briefing_date.isoformat()}.stamp",
                         config.inputs + [a.path for a in fetched], briefing_date, config, model_id(config.model),
                         [packaged_templates(), config.templates], __version__)
        if not (send or dry_run or force) and stamp.matches():
            log.info("nothing changed since the last run: the briefing is up to date")
            return stamp.outputs()
        with _progress("collect", 1) as bar, ArticleCache(config.output / ".cache" / "articles.sqlite") as cache:
            articles, skipped = collect(config.inputs, config.max_file_bytes, briefing_date, MAX_CHARS,
                                        windows=folders, fetched=fetched, cache=cache)
            bar.update(1)
        first_seen.save()
        skipped = skipped_web + skipped
        for s in skipped:
            log.warning("skipped %s: %s", s.path, s.reason)
        _require_articles(articles, skipped, config)
        log.info("read %d articles (%d skipped)", len(articles), len(skipped))
        seen = load_seen(config.output, SENT if send or dry_run else WRITTEN)  # a dry run shows the next mail
        if config.schedule.skip_unchanged and not force and not has_new(articles, seen):
            if not stamp.mixed(list(output_paths(config.output, briefing_date).values())):
                log.info("nothing new since the previous briefing: not rendered, not sent")
                return {}
            log.warning("the briefing files of %s are not one complete set (an interrupted run): rendering again",
                        briefing_date)
        extractions = _extract_cached(articles, skipped, config, nlp)
        _require_articles([x.article for x in extractions], skipped, config)  # all failed on the cluster
        briefing = merge(extractions, briefing_date, config.title, skipped)
        new = mark_new(briefing, seen)
        log.info("%d meetings, %d actors, %d positions; %d of %d sources new", len(briefing.meetings),
                 len(briefing.actors), len(briefing.positions), new, len(briefing.sources))
        with _progress("render", 1) as bar:
            written = write_outputs(briefing, config, config.output)
            bar.update(1)
        stamp.write(written, reusable=False)  # a whole set now, though this run has not finished
        refused: dict[str, str] = {}
        if send or dry_run:
            message = email.compose(briefing, config.email, written["pdf"], email.bottom_line(briefing))
            if dry_run:
                written["eml"] = email.write_eml(message, written["pdf"].with_suffix(".eml"))
                log.info("dry run: not sent; envelope recipients: %s", ", ".join(email.recipients(config.email)))
                return written
            refused = email.send(message, config.email)
        save_seen(config.output, briefing, (WRITTEN, SENT) if send else (WRITTEN,))
        stamp.write(written)  # last, like the state: a dry or failed run must not let the next one stop early
        if refused:
            raise DeliveryError("the briefing did not reach " + "; ".join(f"{a} ({r})" for a, r in refused.items())
                                + "; the other readers got it", f"{config.email.host}:{config.email.port}")
        return written


def _windows(config: Config, briefing_date: date, first_seen: FirstSeen
             ) -> tuple[dict[Path, Window], list[tuple[InputEntry, Window | None]]]:
    """The `since:` windows: by folder for collect, and the web entries each with its own."""
    zone = ZoneInfo(config.schedule.timezone) if config.schedule.timezone else None
    now = first_seen.now
    folders, web = {}, []
    for entry in _entries(config):
        window = window_for(entry.since, briefing_date, now, zone, first_seen) if entry.since else None
        if entry.kind == "folder":
            if window is not None:
                folders[Path(entry.location)] = window
        else:
            web.append((entry, window))
    return folders, web


def _entries(config: Config) -> list[InputEntry]:
    """The config's inputs entries; a Config built in code may give only folders."""
    return config.sources or [InputEntry("folder", str(p)) for p in config.inputs]


def _require_articles(articles: list[Article], skipped: list[Skipped], config: Config) -> None:
    """No readable article means no briefing: say plainly whether inputs were missing or all skipped."""
    if articles:
        return
    if not skipped:
        where = ", ".join(e.location for e in _entries(config))
        raise DigestError(f"no article files in {where}; no briefing written")
    raise DigestError(f"all {len(skipped)} input files were skipped (reasons above); no briefing written")


def _extract_cached(articles: list[Article], skipped: list[Skipped], config: Config, nlp=None) -> list[Extraction]:
    """Extract only the articles the cache lacks; the model is not even loaded when none are missing.

    Texts over the model's length limit never get here: collect skips them.
    """
    cache = ExtractionCache(config.output / ".cache" / "extractions", model_id(config.model), EXTRACTOR_VERSION)
    found = [cache.get(a) for a in articles]
    missing = [a for a, x in zip(articles, found) if x is None]
    log.info("%d articles cached, %d to extract", len(articles) - len(missing), len(missing))
    if not missing:
        return found
    if config.extract.engine == "dask":
        new = _extract_on_dask(missing, skipped, config, cache)
    else:
        nlp = nlp or load_model(config.model)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        with _progress("extract", len(missing)) as bar:
            extracted = extract(missing, nlp, processes_for(len(missing), cores), bar.update)
        for x in extracted:
            cache.put(x)
        new = {id(x.article): x for x in extracted}
    kept = (x or new.get(id(a)) for a, x in zip(articles, found))
    return [x for x in kept if x is not None]  # None: failed on a Dask worker, already in `skipped`


def _extract_on_dask(missing: list[Article], skipped: list[Skipped], config: Config,
                     cache: ExtractionCache) -> dict[int, Extraction]:
    """Extract on the cluster, caching each result as it arrives: a run cut short keeps what finished."""
    from .cluster import DaskEngine  # needs the dask extra; only this engine imports it

    new = {}
    with DaskEngine(config.extract.scheduler, config.extract.timeout, config.model) as engine:
        with _progress("extract", len(missing)) as bar:
            for item in engine.extract(missing, cache.key):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    log.warning("skipped %s: %s", item.path, item.reason)
                else:
                    cache.put(item)
                    new[id(item.article)] = item
                bar.update(1)
    return new


def _progress(stage: str, total: int):
    """A progress bar on a terminal; nothing at all when stderr is a file, pipe or log."""
    from tqdm import tqdm

    return tqdm(total=total, desc=stage, unit="article" if total > 1 else "step", file=sys.stderr,
                disable=not sys.stderr.isatty(), leave=False)


@main.command()
@config_option
@click.option("--inputs", type=click.Path(path_type=Path), multiple=True,
              help="Check this folder instead (repeat for several).")
@click.option("--date", "briefing_date", callback=_parse_date,
              help="Read datelines and count what the 'since' windows admit for this briefing date, "
                   "YYYY-MM-DD (default: today).")
def check(config_path, inputs, briefing_date) -> None:
    """Validate the config and templates and read every input, without extracting or rendering.

    Finds what `run` would stop at: config and template mistakes (exit 2), an
    output folder that cannot be written and inputs the language model would
    refuse (exit 1 when the output cannot be written or nothing is readable,
    in the folders or the feeds).

    Feeds are fetched and their entries counted; the pages are not fetched.

    Example: digest check --config config/digest.yaml
    """
    from .render import check_templates

    try:
        config = _load(config_path, inputs)
        check_templates(config)
        day = briefing_date or _today(config)
        # Read-only: first-seen times are looked at, not recorded, and nothing is archived.
        first_seen = FirstSeen(config.output, datetime.now(timezone.utc))
        folders, web = _windows(config, day, first_seen)
        articles, skipped = collect(config.inputs, config.max_file_bytes, day, MAX_CHARS, windows=folders)
        web_lines = []
        if web:
            from .web import preview  # the HTTP and feed libraries, only when there are feeds or pages

            web_lines = preview(web, config.fetch)
    except DigestError as exc:
        _fail(exc)
    for a in articles:
        click.echo(f"ok       {a.path}  published {a.published or 'not stated'}")
    for s in skipped:
        click.echo(f"skipped  {s.path}: {s.reason}")
    for kind, line in web_lines:
        click.echo(f"{kind:<8} {line}")
    click.echo(f"{len(articles)} readable, {len(skipped)} skipped"
               + (f"; {len(web)} web input{'' if len(web) == 1 else 's'}" if web else ""))
    unwritable = _unwritable(config.output)
    if unwritable:
        click.echo(f"output   {config.output}: {unwritable}")
    for line in _settings_summary(config):
        click.echo(line)
    if unwritable or (not articles and all(kind == "skipped" for kind, _ in web_lines)):
        sys.exit(1)


def _unwritable(output: Path) -> str | None:
    """Why a run could not write into `output` (or create it), or None.

    Asks the kernel (access(2), which also knows read-only file systems) about
    the folder or, when it does not exist yet, the nearest folder above it.
    """
    existing = output
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return f"cannot be created: {existing} is not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return "cannot be written" if existing == output else f"cannot be created: {existing} cannot be written"
    return None


def _settings_summary(config: Config) -> list[str]:
    """What `digest schedule` and `--send` would do, so an operator can check before leaving it running."""
    s, m = config.schedule, config.email
    lines = [f"schedule: every {s.every}" + (f" at {s.at}" if s.at else "")
             + (f" ({s.timezone})" if s.timezone else "") + ("; skip unchanged" if s.skip_unchanged else "")]
    readers = len(email.recipients(m))
    x = config.extract
    lines.append(f"extract: on the Dask cluster at {x.scheduler}" if x.engine == "dask" else "extract: on this machine")
    lines.append(f"email: {'enabled' if m.enabled else 'disabled'}; {readers} reader{'' if readers == 1 else 's'} "
                 f"via {m.host}:{m.port} ({m.security})")
    if m.username:
        state = "set" if m.password is not None else "NOT SET: sending will fail"
        lines.append(f"email: login as {m.username}; password from environment variable "
                     f"{m.password_env or '(email.password_env is empty)'}: {state}")
    return lines


@main.command()
@config_option
@click.option("--now", "run_now", is_flag=True, help="Also run once right away.")
@scheduler_option
def schedule(config_path, run_now, scheduler) -> None:
    """Run the job on the config's schedule until stopped (SIGTERM or Ctrl-C, exit 0).

    Runs are mailed when email.enabled is true. A failed run is logged and the
    next one still happens.

    Example: digest schedule --config config/digest.yaml --now
    """
    try:
        config = _load(config_path, scheduler=scheduler)
        # Loaded once for all runs; with the dask engine the workers hold it instead.
        nlp = load_model(config.model) if config.extract.engine == "local" else None
    except DigestError as exc:
        _fail(exc)
    s = config.schedule
    log.info("scheduled every %s%s%s; output %s; email %s", s.every, f" at {s.at}" if s.at else "",
             f" ({s.timezone})" if s.timezone else "", config.output, "on" if config.email.enabled else "off")

    def job() -> str:
        written = run_job(config, _today(config), send=config.email.enabled, nlp=nlp)
        return f"wrote {written['pdf']}" if written else "nothing new, skipped"

    scheduler = schedule_lib.Scheduler()
    plan(scheduler, s, job)
    stop = threading.Event()
    stop_on_signals(stop)
    loop(scheduler, stop, run_now=run_now)


if __name__ == "__main__":
    main()
