"""Briefing -> JSON, HTML (Jinja2) and PDF (WeasyPrint), written atomically.

Templates load through a ChoiceLoader (the user's folder, then the packaged
templates, also reachable as "default/<name>" so an override can extend the
original). Templates run in Jinja's sandbox with autoescape on: a user's
template is code from a file anyone with write access to the templates folder
can change, and outside the sandbox `cycler.__init__.__globals__` reaches
`os.environ` (the SMTP password) and can run commands. WeasyPrint may only read the
template folders' own assets: no file:// elsewhere, no network, unless the
config allows remote assets.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import os
import socket
import tempfile
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import re
from collections import Counter
from datetime import datetime, timezone

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from . import __version__, charts, summary
from .errors import RenderError, TemplateError
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
            "boilerplate": s.article.boilerplate, "copies": s.article.copies, "new": s.new,
            "archive": s.article.archive, "fetched": s.article.fetched,
        } for s in briefing.sources],
        "actors": [asdict(a) for a in briefing.actors],
        "meetings": [asdict(m) for m in briefing.meetings],
        "positions": [asdict(p) for p in briefing.positions],
        "skipped": [asdict(s) for s in briefing.skipped],
    }


def environment(config: Config, briefing: Briefing) -> jinja2.Environment:
    """The sandboxed template environment with digest's filters (citations number this briefing's sources)."""
    default = jinja2.FileSystemLoader(str(packaged_templates()))
    loaders: list[jinja2.BaseLoader] = []
    if config.templates is not None:
        if not config.templates.is_dir():
            raise TemplateError("templates folder does not exist", config.templates)
        loaders.append(jinja2.FileSystemLoader(str(config.templates)))
    loaders += [jinja2.PrefixLoader({"default": default}), default]
    env = jinja2.sandbox.SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                                              lstrip_blocks=True)
    env.filters.update(long_date=summary.long_date, period=summary.period, oneline=_oneline,
                       cite_ids=_cite_ids_for(briefing), label=summary.source_label, tie_ends=_tie_ends)
    return env


def check_templates(config: Config) -> None:
    """Raise TemplateError for the first template that does not parse or render, naming file and line.

    Every template file is compiled (a syntax error in a part the briefing only
    includes for long briefings would otherwise wait for that day), then the
    whole page is rendered from an empty briefing, which finds unknown names and
    sandbox violations in seconds, before any article is read.
    """
    empty = Briefing(date=datetime.now(timezone.utc).date(), title="check", sources=[], actors=[], meetings=[],
                     positions=[])
    env = environment(config, empty)
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html") and not n.startswith("default/")):
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from exc
    render_html(empty, config)


def stylesheet(config: Config, scripts: list[str], fonts: bool) -> Markup:
    """The page's CSS, for a <style> element: the HTML briefing is one file that opens styled anywhere.

    The packaged style.css comes first and a user's style.css after it, so an
    override holds only the rules it changes and the rest of the layout stays.
    With `fonts` (the PDF) the @font-face rules come first, their files read
    by WeasyPrint from the template folders; the HTML leaves them out rather
    than name font files that are not beside it, and its readers see Noto Sans
    if installed, else their own sans-serif.
    """
    parts = []
    if fonts:
        for name in ["fonts", *scripts]:
            css = (packaged_templates() / "fonts" / f"{name}.css").read_text(encoding="utf-8")
            parts.append(css.replace('url("', 'url("fonts/'))  # now relative to the template folder
    parts.append((packaged_templates() / "style.css").read_text(encoding="utf-8"))
    own = config.templates / "style.css" if config.templates is not None else None
    if own is not None and own.is_file():
        try:
            parts.append(f"/* {own} */\n" + own.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(f"cannot read the stylesheet: {exc}", own) from exc
    return Markup("\n".join(parts).replace("</", "<\\/"))  # CSS cannot end the <style> element


def render_html(briefing: Briefing, config: Config, created: datetime | None = None,
                limits: Limits | None = None, fonts: bool = False, archive_root: str = "") -> str:
    """The briefing as one HTML document; `limits` shortens it for print (default: everything).

    `fonts` adds the embedded fonts' @font-face rules, for the PDF (see stylesheet()).
    Archived copies are linked relative to the output folder, where the HTML
    lives; the PDF's links are resolved against the templates folder, so it
    passes the output folder's own address as `archive_root`.
    """
    limits = limits or Limits()
    env = environment(config, briefing)
    cov = summary.coverage(briefing)
    in_meetings = Counter(p for m in briefing.meetings for p in m.participants)
    featured = summary.featured_meetings(briefing, limits.full_meetings)
    by_actor = summary.positions_by_actor(briefing)
    scripts = scripts_in(briefing)
    context = dict(
        # display values only, never the config itself: a template (a user's too) cannot
        # print the SMTP account or anything else delivery holds
        b=briefing, organisation=config.organisation, page_size=config.page_size, generator=f"digest {__version__}",
        created=(created or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        num={s.id: i + 1 for i, s in enumerate(briefing.sources)},
        sources={s.id: s for s in briefing.sources}, actors={a.id: a for a in briefing.actors},
        scripts=scripts, stylesheet=stylesheet(config, scripts, fonts), meetings={m.id: m for m in briefing.meetings}, mnum={m.id: i + 1 for i, m in enumerate(briefing.meetings)},
        coverage=cov, unnamed_outlets=sum(1 for s in briefing.sources if not s.article.outlet),
        top_actors=[a for a in briefing.actors if a.id in in_meetings][:6],
        bottom_line=summary.bottom_line(briefing), more_meetings=summary.meetings_left_out(briefing),
        positions_by_actor=by_actor[:limits.speakers],
        speakers_left_out=by_actor[len(by_actor[:limits.speakers]):],
        date_claims=summary.date_claims, timeline=charts.timeline(briefing, featured), matrix=charts.matrix(briefing),
        limits=limits, abridged=limits != Limits(), featured=featured, featured_ids={m.id for m in featured},
        shown_actors=summary.shown_actors(briefing, limits.actors),
        full_html=f"briefing-{briefing.date.isoformat()}.html", archive_root=archive_root,
    )
    try:
        return env.get_template("briefing.html").render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", config.templates or packaged_templates()) from exc
    except jinja2.TemplateError as exc:
        # Jinja puts template files and lines into the traceback; the innermost names the culprit.
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith(".py")]
        where = (frames[-1].filename, frames[-1].lineno) if frames else (None, None)
        raise TemplateError(f"template error: {exc}", *where) from exc


@dataclass(frozen=True)
class Limits:
    """How much of each list a document prints; None is all. The JSON always has everything,
    and so does the HTML (rendered with the defaults)."""

    quotes: int = 3  # evidence quotes per meeting described in full
    statements: int | None = None  # positions per actor
    boilerplate: int = 12  # left-out lines listed per source
    full_meetings: int | None = None  # meetings described in full; every other one gets one line
    actors: int | None = None  # actors in the tables
    speakers: int | None = None  # actors whose positions are printed
    links: int | None = None  # meetings and sources listed in an actor's row
    compact_sources: bool = False  # one line per source


# Layout time follows the number of boxes (about 0.2 s per page of meetings in full, see
# benchmarks/README.md), so past these sizes the PDF stops growing with the sources except
# for one line per meeting and one per source. 30 meetings in full are about 15 pages.
PRINT_IN_FULL = {"sources": 40, "meetings": 30}
PRINT_LIMITS = Limits(quotes=1, statements=2, boilerplate=0, full_meetings=20, actors=40, speakers=25,
                      links=6, compact_sources=True)


def limits_for(briefing: Briefing) -> Limits:
    """What the PDF prints: everything for a short briefing; for a long one a designed
    summary (the best-reported meetings in full, every other meeting one line, capped
    actors and positions) that says what it left out and points at the full HTML."""
    small = (len(briefing.sources) <= PRINT_IN_FULL["sources"]
             and len(briefing.meetings) <= PRINT_IN_FULL["meetings"])
    return Limits() if small else PRINT_LIMITS


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


def _tie_ends(text: str, after: Markup = Markup("")) -> Markup:
    """Join the first two words with a no-break space, and keep the last two with what
    follows them (the first citation) in one unbreakable span, so no line of a short item holds
    one word alone ("On" above its date, "Qatar." above nothing but citations). A span,
    not a no-break space before the citations: WeasyPrint ignores one before an inline
    element and breaks the line at its first chance instead ("On 25" alone)."""
    words = escape(str(text)).split(" ")
    if len(words) < 4:
        return Markup('<span class="tail">{}&nbsp;{}</span>').format(Markup("&nbsp;".join(words)), after)
    return Markup('{} {} <span class="tail">{} {}</span>').format(
        Markup("&nbsp;".join(words[:2])), Markup(" ".join(words[2:-2])), Markup(" ".join(words[-2:])), after)


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

    Articles and templates can name any URL; without this, a crafted template
    could attach local files (file:///etc/passwd) to the PDF, or reach the cloud
    metadata service. data: URLs are refused too (a small one can decode into a
    huge image). With render.allow_remote_assets, http(s) may reach the internet,
    but never this machine or the local network.
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
            elif parsed.scheme in ("http", "https") and config.allow_remote_assets and _public(parsed.hostname):
                return super().fetch(url, headers)  # redirects come back through fetch()
            log.warning("blocked resource %s", url[:80])
            raise ValueError(f"blocked resource: {url[:80]}")

    return ConfinedFetcher(allowed_protocols=("file", "http", "https"))


def _public(host: str | None) -> bool:
    """True when every address the host resolves to is on the public internet."""
    if not host:
        return False
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    return all(ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos)


def render_pdf(html: str, config: Config) -> bytes:
    from weasyprint import HTML

    base = config.templates if config.templates is not None else packaged_templates()
    try:
        document = HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=url_fetcher_for(config))
        return document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
    except Exception as exc:  # WeasyPrint raises many types; all are a failed render
        raise RenderError(f"PDF rendering failed: {exc}") from exc


def output_paths(output: Path, day) -> dict[str, Path]:
    """The briefing's files, in the order they are renamed into place: the PDF, which readers get, last."""
    stem = f"briefing-{day.isoformat()}"
    return {kind: output / f"{stem}.{kind}" for kind in ("json", "html", "pdf")}


# Temporary files of write_outputs (and of the .eml, the run state and the first-seen record), left by a
# killed run.
LEFTOVERS = (".briefing-*.tmp", ".digest-state.json.*.tmp", "..digest-first-seen.json.*.tmp")


def remove_leftovers(output: Path, started: float) -> None:
    """Delete temporary files that killed runs left in `output`, older than this run.

    Called under the output folder's lock, so no other run is writing them; the
    age test keeps this run's own files safe whatever calls it.
    """
    for pattern in LEFTOVERS:
        for path in output.glob(pattern):
            try:
                if path.stat().st_mtime < started:
                    path.unlink()
                    log.info("removed %s, left by an interrupted run", path)
            except OSError as exc:
                log.warning("%s: cannot remove leftover (%s)", path, exc.strerror or exc)


def write_outputs(briefing: Briefing, config: Config, output: Path) -> dict[str, Path]:
    """Render everything, write each file beside its target, then rename all into place.

    A failure before the renames (a template error, a full disk) leaves the
    previous briefing untouched; a kill at any moment leaves each file either
    old or new, never cut short. A kill between the renames leaves a mixed set,
    which the run stamp (cache.RunStamp.mixed) shows the next run, which redoes it.
    """
    created = datetime.now(timezone.utc)
    html = render_html(briefing, config, created)
    pdf = render_pdf(render_html(briefing, config, created, limits_for(briefing), fonts=True,
                                 archive_root=output.resolve().as_uri() + "/"), config)
    data = json.dumps(briefing_data(briefing), ensure_ascii=False, indent=2, default=str)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder: {exc.strerror or exc}", output) from exc
    payloads = {"json": data.encode("utf-8"), "html": html.encode("utf-8"), "pdf": pdf}
    targets = output_paths(output, briefing.date)
    staged: list[str] = []
    try:
        for kind, target in targets.items():
            staged.append(_stage(target, payloads[kind]))
        for tmp, target in zip(staged, targets.values()):
            os.replace(tmp, target)
    except OSError as exc:
        raise RenderError(f"cannot write the briefing: {exc.strerror or exc}", output) from exc
    finally:
        for tmp in staged:
            Path(tmp).unlink(missing_ok=True)
    return targets


def _stage(target: Path, payload: bytes) -> str:
    """Write payload to a hidden temporary file beside target, on disk, and return its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_umask())  # mkstemp makes it private; a briefing is for reading
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _umask() -> int:
    """The process umask; reading it means setting it, so put it straight back."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
