"""The `digest` command: runs the stages in order and turns errors into exit codes.

0: briefing written; 1: the run failed (the previous briefing is kept);
2: usage or config error (the message names file, line and key).
"""
from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__
from .collect import collect
from .config import load_config, output_in_inputs
from .errors import ConfigError, DigestError
from .extract import extract, load_model
from .merge import merge
from .models import Article, Config, Skipped
from .render import write_outputs

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
    articles, skipped = collect(config.inputs, config.max_file_bytes, briefing_date)
    _require_articles(articles, skipped, config)
    nlp = load_model(config.model)
    articles = _fit_model(articles, skipped, nlp.max_length)
    _require_articles(articles, skipped, config)
    for s in skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    log.info("read %d articles (%d skipped)", len(articles), len(skipped))
    extractions = extract(articles, nlp)
    briefing = merge(extractions, briefing_date, config.title, skipped)
    log.info("%d meetings, %d actors, %d positions", len(briefing.meetings), len(briefing.actors),
             len(briefing.positions))
    return write_outputs(briefing, config, config.output)


def _require_articles(articles: list[Article], skipped: list[Skipped], config: Config) -> None:
    """No readable article means no briefing: say plainly whether inputs were missing or all skipped."""
    if articles:
        return
    if not skipped:
        raise DigestError(f"no article files in {', '.join(map(str, config.inputs))}; no briefing written")
    for s in skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    raise DigestError(f"all {len(skipped)} input files were skipped (reasons above); no briefing written")


def _fit_model(articles: list[Article], skipped: list[Skipped], max_chars: int) -> list[Article]:
    """Leave out texts the spaCy pipeline refuses (nlp.max_length), recording why in `skipped`."""
    kept = []
    for a in articles:
        if len(a.text) > max_chars:
            skipped.append(Skipped(str(a.path), f"text of {len(a.text)} characters is over the "
                                                f"language model's limit of {max_chars}"))
        else:
            kept.append(a)
    return kept


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
