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

import re
from collections import Counter
from datetime import datetime, timezone

import jinja2
from markupsafe import Markup, escape

from . import __version__, charts, summary
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
            "boilerplate": s.article.boilerplate,
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


def render_html(briefing: Briefing, config: Config, created: datetime | None = None) -> str:
    """The briefing as one HTML document, the same for the PDF and for a browser."""
    env = environment(config)
    env.filters.update(long_date=summary.long_date, period=summary.period, oneline=_oneline,
                       cite_ids=_cite_ids_for(briefing))
    cov = summary.coverage(briefing)
    in_meetings = Counter(p for m in briefing.meetings for p in m.participants)
    context = dict(
        b=briefing, config=config, page_size=config.page_size, generator=f"digest {__version__}",
        created=(created or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        num={s.id: i + 1 for i, s in enumerate(briefing.sources)},
        sources={s.id: s for s in briefing.sources}, actors={a.id: a for a in briefing.actors},
        scripts=scripts_in(briefing), meetings={m.id: m for m in briefing.meetings}, mnum={m.id: i + 1 for i, m in enumerate(briefing.meetings)},
        coverage=cov, unnamed_outlets=sum(1 for s in briefing.sources if not s.article.outlet),
        top_actors=[a for a in briefing.actors if a.id in in_meetings][:6],
        bottom_line=summary.bottom_line(briefing), positions_by_actor=summary.positions_by_actor(briefing),
        date_claims=summary.date_claims, timeline=charts.timeline(briefing), matrix=charts.matrix(briefing),
    )
    try:
        return env.get_template("briefing.html").render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from exc


SCRIPTS = {
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "cjk": re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"),
}


def scripts_in(briefing: Briefing) -> list[str]:
    """Which extra font files the briefing needs; each costs load time, so only those used."""
    text = json.dumps(briefing_data(briefing), ensure_ascii=False, default=str)
    return [name for name, pattern in SCRIPTS.items() if pattern.search(text)]


def _oneline(text: str) -> str:
    """Evidence can span paragraphs in the source; on the page it reads as one line."""
    return " ".join(str(text).split())


def _cite_ids_for(briefing: Briefing):
    """A filter turning source ids inside free text ("s1 dates it ...") into numbered links."""
    number = {s.id: i + 1 for i, s in enumerate(briefing.sources)}

    def cite_ids(text: str) -> Markup:
        def link(match: re.Match) -> str:
            sid = match.group(0)
            return f'<a class="cite" href="#{sid}">[{number[sid]}]</a>' if sid in number else sid
        return Markup(re.sub(r"\bs\d+\b", link, str(escape(text))))
    return cite_ids


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
                if config.templates is not None and not path.is_file() and roots[1] in path.parents:
                    # an override folder falls back to the packaged style.css and fonts, file by file
                    path = roots[0] / path.relative_to(roots[1])
                if any(r in path.parents for r in roots) and path.is_file():
                    return super().fetch(path.as_uri(), headers)
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
        return document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
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

