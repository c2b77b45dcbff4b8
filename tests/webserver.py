"""A real HTTP server on 127.0.0.1 for the fetching tests, with a log of what it was asked.

Each route is a canned response with the behaviours a news site has:
redirects, errors, slowness, gzip, ETag and Last-Modified. Nothing here
reaches beyond the loopback interface.
"""
from __future__ import annotations

import gzip as gzip_lib
import html
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # before the status line
    gzip: bool = False
    trickle: float = 0.0  # seconds between body bytes, sent without a length


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic()


class Site:
    """Routes by path; every request is appended to `requests`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with site.lock:
                    site.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()},
                                                 time.monotonic()))
                route = site.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>Not found</body></html>", status=404)
                time.sleep(route.delay)
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self._validators(route)
                    self.end_headers()
                    return
                body = gzip_lib.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                self._validators(route)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if not route.trickle:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not route.trickle:
                    try:
                        self.wfile.write(body)
                    except OSError:
                        pass  # the client stopped reading (a body over its limit)
                    return
                for i in range(len(body)):
                    try:
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up, as it should
                    time.sleep(route.trickle)

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: str | bytes = b"", **kw) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)
        return self.url(path)

    def asked(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def start(self) -> "Site":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


CLUTTER_TOP = """<header class="site-header"><a href="/">Home</a> <a href="/world">World</a>
<a href="/politics">Politics</a> <a href="/subscribe">Subscribe</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({'event': 'pageview'});</script>
"""
CLUTTER_BOTTOM = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Markets rally as oil prices fall</a></li>
<li><a href="/b">Ten things to do this weekend</a></li></ul></aside>
<div class="newsletter">Sign up for our morning newsletter</div>
<footer><p>&copy; 2024 {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a>
<a href="/terms">Terms</a></footer>
<img src="/pixel.gif?u=1" width="1" height="1" alt="">
"""


def article_page(text: str, outlet: str | None = None, published: str | None = None, author: str | None = None,
                 canonical: str | None = None) -> str:
    """An article (the first line its headline) as a news page: metadata, navigation, teasers, footer."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    title, paragraphs = lines[0], lines[1:]
    meta = [f'<meta property="og:title" content="{html.escape(title)}">']
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{html.escape(outlet)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} | "
            f"{html.escape(outlet or 'News')}</title>{''.join(meta)}</head><body>{CLUTTER_TOP}"
            f"<main><article><h1>{html.escape(title)}</h1>"
            + (f'<p class="byline">By {html.escape(author)}</p>' if author else "")
            + f"<div class=\"article-body\">{body}</div></article></main>"
            + CLUTTER_BOTTOM.format(outlet=html.escape(outlet or "News")) + "</body></html>")


def rss(title: str, items: list[dict]) -> str:
    """An RSS 2.0 feed; each item has link, title and optionally pubDate, description, author."""
    out = [f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{html.escape(title)}"
           "</title><link>http://127.0.0.1/</link><description>test feed</description>"]
    for item in items:
        out.append("<item>" + "".join(f"<{k}>{html.escape(v)}</{k}>" for k, v in item.items()) + "</item>")
    return "".join(out) + "</channel></rss>"


def atom(title: str, entries: list[dict]) -> str:
    """An Atom feed with relative links (resolved against the feed's address); entries: href, title, updated."""
    out = [f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
           f"<title>{html.escape(title)}</title><id>urn:test</id><updated>2024-03-19T08:00:00Z</updated>"]
    for e in entries:
        out.append(f"<entry><title>{html.escape(e['title'])}</title><link href=\"{e['href']}\"/>"
                   f"<id>{html.escape(e['href'])}</id>"
                   + (f"<updated>{e['updated']}</updated>" if e.get("updated") else "")
                   + (f"<summary>{html.escape(e['summary'])}</summary>" if e.get("summary") else "")
                   + (f"<author><name>{html.escape(e['author'])}</name></author>" if e.get("author") else "")
                   + "</entry>")
    return "".join(out) + "</feed>"


def http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)


def shipped(name: str) -> str:
    root = Path(__file__).resolve().parent.parent / "inputs"
    return next(root.glob(f"{name}*")).read_text(encoding="utf-8")
