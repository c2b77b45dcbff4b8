"""The `digest` command: runs the stages in order and turns errors into exit codes.

0: briefing written; 1: the run failed (the previous briefing is kept);
2: usage or config error (the message names file, line and key).
"""
from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__
from .cache import ExtractionCache, RunStamp
from .collect import collect
from .config import load_config
from .errors import ConfigError, DigestError
from .extract import EXTRACTOR_VERSION, extract, load_model, model_id, processes_for
from .merge import merge
from .models import Article, Config, Extraction
from .render import packaged_templates, write_outputs

log = logging.getLogger("digest")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(message)s", stream=sys.stderr)
    # WeasyPrint and fontTools narrate every layout and font-subsetting step at INFO.
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


def _load(config_path: Path | None, inputs: Path | None = None, output: Path | None = None) -> Config:
    config = load_config(config_path)
    if inputs is not None:
        config.inputs = [inputs.resolve()]
    if output is not None:
        config.output = output.resolve()
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
@click.option("--inputs", type=click.Path(path_type=Path), help="Read articles from this folder instead.")
@click.option("--output", type=click.Path(path_type=Path), help="Write the briefing into this folder instead.")
@click.option("--send", is_flag=True, help="Email the briefing to the configured readers.")
def run(config_path, briefing_date, inputs, output, send) -> None:
    """Collect, extract, merge and render one briefing.

    Example: digest run --date 2024-03-20 --output out/
    """
    try:
        config = _load(config_path, inputs, output)
        written = run_job(config, briefing_date or date.today())
    except DigestError as exc:
        _fail(exc)
    for path in written.values():
        click.echo(str(path))


def run_job(config: Config, briefing_date: date) -> dict[str, Path]:
    """One complete run; raises DigestError when no briefing could be written."""
    model = model_id(config.model)
    stamp = RunStamp(config.output / ".cache" / f"briefing-{briefing_date.isoformat()}.stamp", config.inputs,
                     briefing_date, config, model, [packaged_templates(), config.templates], __version__)
    if stamp.matches():
        log.info("nothing changed since the last run; the briefing is up to date")
        return stamp.outputs()
    with _progress("collect", 1) as bar:
        articles, skipped = collect(config.inputs, config.max_file_bytes)
        bar.update(1)
    for s in skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    if not articles:
        raise DigestError(f"no readable articles in {', '.join(map(str, config.inputs))}"
                          + (f" ({len(skipped)} skipped)" if skipped else ""))
    log.info("read %d articles (%d skipped)", len(articles), len(skipped))
    cache = ExtractionCache(config.output / ".cache" / "extractions", model, EXTRACTOR_VERSION)
    extractions = _extract_cached(articles, config, cache)
    briefing = merge(extractions, briefing_date, config.title, skipped)
    log.info("%d meetings, %d actors, %d positions", len(briefing.meetings), len(briefing.actors),
             len(briefing.positions))
    with _progress("render", 1) as bar:
        written = write_outputs(briefing, config, config.output)
        bar.update(1)
    stamp.write(written)
    return written


def _extract_cached(articles: list[Article], config: Config, cache: ExtractionCache) -> list[Extraction]:
    """Extract only the articles the cache lacks; the model is not even loaded when none are missing."""
    found = [cache.get(a) for a in articles]
    missing = [a for a, x in zip(articles, found) if x is None]
    log.info("%d articles cached, %d to extract", len(articles) - len(missing), len(missing))
    if missing:
        nlp = load_model(config.model)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        with _progress("extract", len(missing)) as bar:
            new = iter(extract(missing, nlp, processes_for(len(missing), cores), bar.update))
        for i, x in enumerate(found):
            if x is None:
                found[i] = next(new)
                cache.put(found[i])
    return found


def _progress(stage: str, total: int):
    """A progress bar on a terminal; nothing at all when stderr is a file, pipe or log."""
    from tqdm import tqdm

    return tqdm(total=total, desc=stage, unit="article" if total > 1 else "step", file=sys.stderr,
                disable=not sys.stderr.isatty(), leave=False)


@main.command()
@config_option
@click.option("--inputs", type=click.Path(path_type=Path), help="Check this folder instead.")
def check(config_path, inputs) -> None:
    """Validate the config and read every input, without extracting or rendering.

    Example: digest check --config config/digest.yaml
    """
    try:
        config = _load(config_path, inputs)
        articles, skipped = collect(config.inputs, config.max_file_bytes)
    except DigestError as exc:
        _fail(exc)
    for a in articles:
        click.echo(f"ok       {a.path}  published {a.published or 'not stated'}")
    for s in skipped:
        click.echo(f"skipped  {s.path}: {s.reason}")
    click.echo(f"{len(articles)} readable, {len(skipped)} skipped")
    if not articles:
        sys.exit(1)


@main.command()
@config_option
def schedule(config_path) -> None:
    """Run the job periodically on the config's schedule.

    Example: digest schedule --config config/digest.yaml
    """
    raise click.UsageError("scheduling is not available yet")


if __name__ == "__main__":
    main()
