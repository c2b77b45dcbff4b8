"""Input folders -> list[Article]; unusable files become Skipped with a reason.

Readers are keyed by suffix. The publication date comes from front matter,
HTML metadata or a dateline at the top of the text, never from the file's
mtime or today's date: a wrong anchor would silently shift every "Tuesday".
"""
from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Mapping
from urllib.parse import urlparse

import yaml
from charset_normalizer import from_bytes

from .articlecache import ArticleCache
from .boilerplate import CREDIT, split_boilerplate
from .errors import SourceError
from .models import Article, Skipped
from .outlets import outlet_from_credits, outlet_from_url
from .window import Window

log = logging.getLogger(__name__)

FRONT_MATTER_KEYS = {"title", "outlet", "published", "url", "author"}
HEADER_LINES = 6


def collect(inputs: list[Path], max_bytes: int, briefing_date: date | None = None,
            max_chars: int | None = None, windows: Mapping[Path, Window] | None = None,
            fetched: Iterable[Article] = (), cache: ArticleCache | None = None) -> tuple[list[Article], list[Skipped]]:
    """Read every supported file under the input folders, in name order, then the `fetched` pages.

    A text longer than `max_chars` (the language model's limit) is skipped as
    soon as it is decoded: cutting boilerplate from 19 MB and comparing it with
    every other text took seconds, for an article that could never be read.

    A text that repeats an earlier one (a wire story republished by several
    outlets) is not a second source of information: it is recorded in the first
    article's `copies` and left out, so merge counts it once. Fetched pages
    (digest.web) are compared with the files, so a feed's copy of a saved
    story is not a second source either. A folder with a `since:` window in
    `windows` gives only its recent articles. With a `cache`, files read by an
    earlier run are not read again (articlecache.py).
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    cache = cache or ArticleCache(None)
    files = _read_files(inputs, max_bytes, max_chars, briefing_date, windows or {}, skipped, cache)
    pages = (_fill_in(article, briefing_date) for article in fetched)  # digest.web applied their windows
    for article in itertools.chain(files, pages):
        path = article.path
        original = cache.copies.original_of(article)
        if original is not None:
            log.info("%s: copy of %s, counted once", path, original.path)
            original.copies.append(str(path))
            continue
        if briefing_date and article.published and article.published > briefing_date:
            # Kept, and its relative dates still read from its own date: "on Tuesday"
            # means the Tuesday before it was written, whatever day the briefing is for.
            log.warning("%s: published %s, after the briefing date %s", path, article.published, briefing_date)
        articles.append(article)
    return articles, skipped


def _read_files(inputs: list[Path], max_bytes: int, max_chars: int | None, briefing_date: date | None,
                windows: Mapping[Path, Window], skipped: list[Skipped], cache: ArticleCache):
    """Each file's Article; unreadable files go to `skipped`, those before their window are left out.

    The dateline is read before the window is applied: it may be the only date an article has.
    """
    for path, root in _walk(inputs, skipped):
        try:
            article = _fill_in(cache.read(path, lambda: read_bytes(path, root, max_bytes),
                                          lambda raw: parse_article(path, raw, max_chars), f"max_chars={max_chars}"),
                               briefing_date)
        except SourceError as exc:
            # One line (YAML and OS messages may span several); the caller logs skipped files.
            skipped.append(Skipped(str(path), " ".join(exc.message.split())))
            continue
        window = windows.get(root, windows.get(path))  # a folder's, or a single file's
        if window is not None and not window.admits(article.published, f"file:{article.sha256}"):
            log.info("%s: published %s, before the 'since' window of %s", path,
                     article.published or "(undated) and first seen", root)
            continue
        yield article


def _walk(inputs: list[Path], skipped: list[Skipped]):
    """(file, its input folder) for every candidate file; hidden files and folders are left out.

    os.walk rather than rglob: rglob silently drops folders it may not list,
    and the reader should hear about those.
    """
    for root in inputs:
        if root.is_file():
            yield root, root.parent
            continue
        if not root.is_dir():
            skipped.append(Skipped(str(root), "input folder does not exist"))
            continue

        def unlisted(exc: OSError) -> None:
            skipped.append(Skipped(str(exc.filename), f"cannot list folder: {exc.strerror or exc}"))

        found = []
        for folder, dirs, files in os.walk(root, onerror=unlisted):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for d in dirs:
                if (Path(folder) / d).is_symlink():  # os.walk does not follow it; say so
                    skipped.append(Skipped(str(Path(folder) / d), "linked folder; not followed"))
            found += [Path(folder) / f for f in files if not f.startswith(".")]
        for path in sorted(found):
            if path.suffix.lower() not in READERS:
                skipped.append(Skipped(str(path), f"unsupported file type '{path.suffix or path.name}'"))
                continue
            yield path, root


def read_bytes(path: Path, root: Path, max_bytes: int) -> bytes:
    """The bytes of one input file, or SourceError naming what is wrong."""
    real = path.resolve()
    if root.resolve() not in real.parents:
        raise SourceError("points outside the inputs folder; not read", path)
    try:
        with real.open("rb") as fh:  # never more than the limit, even if the file grows meanwhile
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(raw) > max_bytes:
        raise SourceError(f"file is over the limit of {max_bytes} bytes (limits.max_file_bytes)", path)
    if not raw.strip():
        raise SourceError("empty file", path)
    return raw


def parse_article(path: Path, raw: bytes, max_chars: int | None = None) -> Article:
    """One file's bytes as an Article, or SourceError naming what is wrong."""
    reader = READERS[path.suffix.lower()]
    article = reader(path, raw, max_chars)
    article.sha256 = hashlib.sha256(raw).hexdigest()
    if not article.text.strip():
        raise SourceError("no article text found", path)
    return article


BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


def decode(path: Path, raw: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 or detected.

    A PDF or image saved with a .txt name must be refused, not decoded into
    noise that spaCy would then read as names. Text in neither UTF is most
    often Windows-1252 or Latin-1 (which it contains), and detection is poor at
    telling those from their neighbours on short texts (Latin-1 came out as
    cp1258: "Guðmundsdóttir" as "Guđmundsdóttir", and the meeting was lost),
    so cp1252 is taken whenever it decodes and reads as a Western European
    language; charset_normalizer decides only beyond that (Polish, Czech, Cyrillic).
    """
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if raw.startswith(BINARY_SIGNATURES) or (b"\x00" in raw[:4096] and not utf16):
        raise SourceError("binary file, not text", path)
    for encoding in ("utf-16", "utf-8-sig") if utf16 else ("utf-8-sig",):
        try:
            return _text_only(path, raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_as_western(western):
        log.info("%s: read as cp1252", path)
        return _text_only(path, western)
    # cp1252 decoded into an unlikely text (or not at all): it is not among the choices
    best = next((m for m in from_bytes(raw) if m.encoding != "cp1252"), None)
    if best is None:
        raise SourceError("not readable as text in any known encoding", path)
    log.info("%s: read as %s", path, best.encoding)
    return _text_only(path, str(best))


# The letters beyond ASCII that languages written in Windows-1252 use, one string
# per language (or group); a word read as cp1252 must fit within one of them.
WESTERN_LETTERS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "áéèëïóöü",  # Dutch
    "åæøé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áæðéíóöúýþ",  # Icelandic
    "àçèéíïòóúü",  # Catalan
    "áéíóúýšžäô",  # the Czech and Slovak letters cp1252 has
    "äöõüšž",  # Estonian
    "çöüâî",  # the Turkish letters cp1252 has
)
# Between two letters only these may stand ("don’t", "Jean‐Paul"): a ³ or ¿ there is a
# Central European letter read in the wrong code page ("Wa³êsa", "mo¿e").
INSIDE_WORDS = "’‘‐–—·"


def _reads_as_western(text: str) -> bool:
    """True when every word of text (as decoded with cp1252) could be in one Western European language.

    Czech or Polish read as cp1252 still decodes, into words no language
    writes: "Dvoøák" (ø and á), "Wa³êsa" (a digit inside a name); Cyrillic
    turns into runs of accented letters ("Çåëåíñêèé").
    """
    for match in re.finditer(r"[^\x00-\x7f]", text):
        c, at = match.group(), match.start()
        if (not c.isalpha() and c not in INSIDE_WORDS and 0 < at < len(text) - 1
                and text[at - 1].isalpha() and text[at + 1].isalpha()):
            return False
    for word in set(re.findall(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*", text.lower())):
        accents = {c for c in word if ord(c) > 127 and c.isalpha()}
        if accents and not any(accents <= set(letters) for letters in WESTERN_LETTERS):
            return False
    return True


def _fit(path: Path, text: str, max_chars: int | None) -> None:
    """Refuse a text the language model would refuse, before any more work is spent on it."""
    if max_chars is not None and len(text) > max_chars:
        raise SourceError(f"text of {len(text)} characters is over the language model's limit of {max_chars}", path)


def _text_only(path: Path, text: str) -> str:
    """Refuse decoded text full of control characters: binary data that happened to decode."""
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > 0.01 * min(len(text), 20000):
        raise SourceError("binary file, not text", path)
    return text


def read_text_file(path: Path, raw: bytes, max_chars: int | None = None) -> Article:
    """Plain text or Markdown, with optional YAML front matter."""
    text = decode(path, raw).replace("\r\n", "\n").replace("\r", "\n")
    _fit(path, text, max_chars)
    meta: dict = {}
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if match:
        meta = _front_matter(path, match.group(1))
        text = text[match.end():]
    content, removed = split_boilerplate(text)  # on the source: link lists are told by their Markdown
    heading = None
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        content, heading = markdown_text(content)
    article = Article(path=path, text=content, boilerplate=removed)
    article.title = _text(meta.get("title")) or heading or _first_heading(content)
    article.outlet = _text(meta.get("outlet"))
    article.url = _web_url(path, _text(meta.get("url")))
    article.author = _text(meta.get("author"))
    if meta.get("published") is not None:
        article.published = _meta_date(path, meta["published"])
        article.published_from = "front matter"
    else:
        article.published = dateline(content)
        article.published_from = "text" if article.published else None
    return article


MARKDOWN_SUFFIXES = (".md", ".markdown")


def markdown_text(source: str) -> tuple[str, str | None]:
    """Markdown -> (plain text, the first heading), through markdown-it-py's CommonMark parser.

    Read as plain text, "# " stayed on the headline, "**" and "*" stuck to
    names and positions, "> " opened a quotation and a name written as
    [a link](url) was lost. Each block (heading, paragraph, list item, quoted
    paragraph, code) becomes one paragraph; links keep their text; images
    (captions, not article text) and raw HTML are dropped.
    """
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    heading = None
    tokens = MarkdownIt("commonmark").parse(source)
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = "".join(_inline_text(child) for child in token.children or []).strip()
            if text and tokens[i - 1].type == "heading_open" and heading is None:
                heading = text
            if text:
                blocks.append(text)
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(token.content.strip())
    return "\n\n".join(blocks), heading


def _inline_text(token) -> str:
    """The words of one inline Markdown token, without its markup."""
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type == "softbreak":
        return " "  # a wrapped line: in Markdown the paragraph goes on
    if token.type == "hardbreak":
        return "\n"
    return ""  # emphasis and link markers, images, inline HTML


def read_html_file(path: Path, raw: bytes, max_chars: int | None = None) -> Article:
    """HTML page: trafilatura finds the main text and the page's metadata."""
    import trafilatura

    html = decode(path, raw)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise SourceError("no article text found in the HTML", path)
    data = doc if isinstance(doc, dict) else doc.as_dict()
    _fit(path, data.get("text") or "", max_chars)
    content, removed = split_boilerplate(data.get("text") or "")
    article = Article(path=path, text=content, boilerplate=removed)
    article.title = data.get("title")
    article.url = _web_url(path, data.get("url"))
    article.outlet = data.get("sitename")
    article.author = data.get("author")
    if data.get("date"):
        try:
            article.published = date.fromisoformat(str(data["date"])[:10])
            article.published_from = "html metadata"
        except ValueError:
            pass
    if article.published is None:
        article.published = dateline(content)
        article.published_from = "text" if article.published else None
    return article


def _front_matter(path: Path, block: str) -> dict:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SourceError(f"malformed front matter: {getattr(exc, 'problem', exc)}", path,
                          mark.line + 2 if mark else None) from exc
    except (ValueError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates while parsing: "published: 2024-02-30" fails here, not above.
        raise SourceError(f"malformed front matter: {exc}", path) from exc
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of keys to values", path, 2)
    unknown = set(map(str, meta)) - FRONT_MATTER_KEYS
    if unknown:
        log.warning("%s: ignoring unknown front matter keys: %s", path, ", ".join(sorted(unknown)))
    known = {}
    for key in FRONT_MATTER_KEYS & set(meta):
        if isinstance(meta[key], (list, dict, set)):
            # A list or mapping is no title; printing one could also expand a YAML alias bomb.
            log.warning("%s: ignoring front matter '%s': not a single value", path, key)
        else:
            known[key] = meta[key]
    return known


def _meta_date(path: Path, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise SourceError(f"front matter 'published' is not a date (YYYY-MM-DD): {value!r}", path) from exc


def _text(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _web_url(path: Path, url: str | None) -> str | None:
    """Keep only http(s) addresses: a briefing that links a javascript: or file: URL is a trap."""
    if url and urlparse(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    if url:
        log.warning("%s: ignoring url %r: not an http(s) address", path, url[:80])
    return None


# Lines of a saved web page around the headline that are not one: breadcrumbs, trends
# bars, share prompts, photo captions and credits, bylines and time stamps.
SITE_CHROME = re.compile(
    r"^(you are here|trending( now)?|trends|hot topics|most (read|popular|viewed)|top stories)\b"
    r"|^(share|print|email|listen|follow us|subscribe|sign (in|up)|log in|menu|skip to|advertisement)\b"
    r"|\b(illustrative|file|stock|archive|representational) (photo|image|picture)\b"
    r"|^(photo|image|picture|video|caption|credit)s?\s*[:|(]|\((photo|image|picture)s?\s*[:|]"
    r"|^((reported|written|posted|story|words|edited) by|by [A-Z]|(updated|published|posted)\b)",
    re.IGNORECASE)
BREADCRUMB = re.compile(r"^[^>»›/|]{1,40}(\s[>»›/|]\s[^>»›/|]{1,40}){2,}$")
LEADING_DATE = re.compile(r"^(\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})\b")


def _first_heading(content: str) -> str | None:
    """The first short line near the top that reads as a headline, or None.

    Site chrome is passed over, not taken for the headline ("You are here",
    "Illustrative photo"); prose or a dateline first means there is no
    headline, and the briefing then names the source by outlet and date.
    """
    for line in content.strip().split("\n")[:HEADER_LINES]:
        line = line.strip()
        if (not line or LEADING_DATE.match(line) or SITE_CHROME.search(line) or BREADCRUMB.match(line)
                or CREDIT.search(line)):
            continue
        headline = len(line) <= 200 and len(line.split()) >= 3 and not line.endswith((".", ":"))
        return line if headline and not AGENCY_DATELINE.match(line) else None
    return None


def dateline(content: str) -> date | None:
    """A full date (day, month, year) opening a short line near the top, as a dateline does.

    A date inside the lede sentence is usually the event's, not the article's, so
    only short lines or lines that start with the date count.
    """
    from dateparser.search import search_dates

    for line in content.strip().split("\n")[:HEADER_LINES]:
        line = line.strip()
        if not re.search(r"\d{4}", line[:300]):
            continue  # no year, no dateline: and search_dates costs ~8 ms a line
        found = search_dates(line[:300], languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        for text, value in found or []:
            # "Beijing, 6 November 2023 (TDI): ..." opens with its city
            opening = line.startswith(text) or re.fullmatch(r"[A-Z][\w.'’ -]{1,30},\s*", line[:line.find(text)])
            if re.search(r"\b\d{4}\b", text) and (len(line.split()) <= 12 or opening):
                return value.date()
    return None


# "KYIV, Feb 5 (Reuters) -", "TOKYO (AP) —", "Beijing, 6 November 2023 (TDI):": city, date, agency.
AGENCY_DATELINE = re.compile(r"^[A-Z][\w.'’ -]{1,30}(?:,\s*(?P<date>[^()\n]{3,30}?))?\s*"
                             r"\((?P<agency>[A-Z][\w .&-]{0,30})\)\s*[:—–-]")
YEARLESS = re.compile(r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)")


def _fill_in(article: Article, briefing_date: date | None) -> Article:
    """Fill in what the article's metadata leaves open, and return it.

    The outlet comes from the metadata (the readers), else an agency dateline,
    else the address's host or a credit line (digest.outlets): "(Reuters)" at
    the top names the story's outlet more surely than the site it was saved from.
    """
    _read_dateline(article, briefing_date)
    if article.outlet is None:
        article.outlet = outlet_from_url(article.url) or outlet_from_credits(article.boilerplate)
    return article


def _read_dateline(article: Article, briefing_date: date | None) -> None:
    """Take the outlet, and a yearless publication date, from an agency dateline.

    "KYIV, Feb 5 (Reuters) -" names no year; the article was filed before the
    briefing is made, so it is the latest 5 February on or before the briefing
    date (without one, as in `digest check` without a date, it stays unknown).
    The agency is the outlet when the front matter or page names none.
    """
    first = next((line.strip() for line in article.text.strip().split("\n")[:HEADER_LINES] if line.strip()), "")
    match = AGENCY_DATELINE.match(first)
    if match is None:
        return
    if article.outlet is None:
        article.outlet = match.group("agency").strip()
    when = match.group("date")
    if article.published is None and briefing_date is not None and when and YEARLESS.fullmatch(when.strip()):
        article.published = _latest_on_or_before(when.strip(), briefing_date)
        article.published_from = "dateline, year from the briefing date" if article.published else None


def _latest_on_or_before(month_day: str, briefing_date: date) -> date | None:
    """"Feb 5" as the latest such day on or before `briefing_date`, or None if it is no date."""
    import dateparser

    parsed = dateparser.parse(month_day, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        return None
    for year in range(briefing_date.year, briefing_date.year - 8, -1):  # 29 February: back to a leap year
        try:
            candidate = date(year, parsed.month, parsed.day)
        except ValueError:
            continue
        if candidate <= briefing_date:
            return candidate
    return None


READERS: dict[str, Callable[[Path, bytes, int | None], Article]] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}
