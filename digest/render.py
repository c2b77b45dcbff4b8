"""Briefing -> JSON, HTML (Jinja2) and PDF (WeasyPrint), written atomically.

Templates load through a ChoiceLoader (the user's folder, then the packaged
templates, also reachable as "default/<name>" so an override can extend the
original). Autoescape is on for every template. WeasyPrint may only read the
template folders' own assets: no file:// elsewhere, no network, unless the
config allows remote assets.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from urllib.parse import unquote, urlparse

import jinja2

from . import __version__
from .errors import RenderError
from .models import Briefing, Config

log = logging.getLogger(__name__)


def packaged_templates() -> Path:
    """Templates shipped in the wheel (digest/templates) or, from a checkout, ./templates."""
    inside = Path(__file__).parent / "templates"
    return inside if inside.is_dir() else Path(__file__).parent.parent / "templates"


def briefing_data(briefing: Briefing) -> dict:
    """The machine-readable briefing (see shared/eval/README.md for the scored keys)."""
    return {
        "briefing_date": briefing.date.isoformat(),
        "title": briefing.title,
        "generator": f"digest {__version__}",
        "sources": [{
            "id": s.id, "path": str(s.article.path), "title": s.article.title, "outlet": s.article.outlet,
            "published": s.article.published.isoformat() if s.article.published else None,
            "published_from": s.article.published_from, "url": s.article.url, "author": s.article.author,
            "boilerplate": s.article.boilerplate, "copies": s.article.copies,
        } for s in briefing.sources],
        "actors": [asdict(a) for a in briefing.actors],
        "meetings": [asdict(m) for m in briefing.meetings],
        "positions": [asdict(p) for p in briefing.positions],
        "skipped": [asdict(s) for s in briefing.skipped],
    }


def environment(config: Config) -> jinja2.Environment:
    default = jinja2.FileSystemLoader(str(packaged_templates()))
    loaders: list[jinja2.BaseLoader] = []
    if config.templates is not None:
        if not config.templates.is_dir():
            raise RenderError("templates folder does not exist", config.templates)
        loaders.append(jinja2.FileSystemLoader(str(config.templates)))
    loaders += [jinja2.PrefixLoader({"default": default}), default]
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def render_html(briefing: Briefing, config: Config) -> str:
    env = environment(config)
    data = briefing_data(briefing)
    actors = {a["id"]: a for a in data["actors"]}
    sources = {s["id"]: s for s in data["sources"]}
    try:
        template = env.get_template("briefing.html")
        return template.render(b=data, actors=actors, sources=sources, config=config,
                               page_size=config.page_size)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from exc


def url_fetcher_for(config: Config):
    """A WeasyPrint fetcher that serves only files inside the template folders.

    Articles and templates can name any URL; without this, a crafted article could
    pull local files (file:///etc/passwd) or reach the network into the PDF.
    """
    from weasyprint.urls import URLFetcher

    roots = [packaged_templates().resolve()]
    if config.templates is not None:
        roots.append(config.templates.resolve())

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(r in path.parents for r in roots) and path.is_file():
                    return super().fetch(url, headers)
            elif parsed.scheme in ("http", "https") and config.allow_remote_assets:
                return super().fetch(url, headers)
            log.debug("blocked resource %s", url[:80])
            raise ValueError(f"blocked resource: {url[:80]}")

    return ConfinedFetcher(allowed_protocols=("file", "http", "https"))


def render_pdf(html: str, config: Config) -> bytes:
    from weasyprint import HTML

    base = config.templates if config.templates is not None else packaged_templates()
    try:
        document = HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=url_fetcher_for(config))
        return document.write_pdf(pdf_variant=None, custom_metadata=True)
    except Exception as exc:  # WeasyPrint raises many types; all are a failed render
        raise RenderError(f"PDF rendering failed: {exc}") from exc


def write_outputs(briefing: Briefing, config: Config, output: Path) -> dict[str, Path]:
    """Render everything first, then move each file into place atomically."""
    html = render_html(briefing, config)
    pdf = render_pdf(html, config)
    data = json.dumps(briefing_data(briefing), ensure_ascii=False, indent=2, default=str)
    stem = f"briefing-{briefing.date.isoformat()}"
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder: {exc.strerror or exc}", output) from exc
    written = {}
    for suffix, payload in ((".json", data.encode("utf-8")), (".html", html.encode("utf-8")), (".pdf", pdf)):
        target = output / f"{stem}{suffix}"
        _atomic_write(target, payload)
        written[suffix.lstrip(".")] = target
    return written


def _atomic_write(target: Path, payload: bytes) -> None:
    """Write to a temporary file beside the target and rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"cannot write: {exc.strerror or exc}", target) from exc

