"""A polite HTTP client for feeds and pages: one place that decides what digest may fetch and how.

Polite: a User-Agent naming digest and its version, robots.txt honoured (with
its Crawl-delay), never two requests to one host at once and `per_host_delay`
between them, conditional requests so an unchanged page costs a 304. Safe:
http(s) only, a size cap counted after decompression (a small gzip body can
inflate to gigabytes), a deadline for the whole response (a server trickling
one byte a second never trips a per-read timeout), at most MAX_REDIRECTS
hops, each checked like the first. Host names are resolved here and the
connection goes to the checked address itself, so a name that resolves to a
public address for the check and to 127.0.0.1 for the connection cannot
reach this machine. Cloud metadata addresses are refused even when
`fetch.allow_private_hosts` lets feeds on the local network through.

Failures raise FetchError naming the URL (without any password in it);
`network` says whether the failure is the network's or server's rather than
the page's, so the caller knows an archived copy may stand in.
"""
from __future__ import annotations

import base64
import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from protego import Protego

from . import __version__
from .errors import SourceError
from .models import FetchConfig

log = logging.getLogger(__name__)

USER_AGENT = f"digest/{__version__} (news briefing; honours robots.txt)"
ROBOTS_AGENT = "digest"  # the token robots.txt rules name
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
MAX_CRAWL_DELAY = 30.0  # a robots.txt asking for more would stall a morning run; such hosts get this
CHUNK = 64 * 1024
# Cloud metadata services (AWS/GCP/Azure, AWS IPv6, Alibaba): never fetched, whatever the config.
METADATA = {ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")}


class FetchError(SourceError):
    """A URL that could not be fetched; `network` when an archived copy may stand in for it."""

    def __init__(self, message: str, url: str, network: bool = False):
        super().__init__(message, redact(url))
        self.network = network


@dataclass
class Response:
    final_url: str  # after redirects
    status: int  # 200, or 304 for a conditional request whose copy is still current
    headers: dict[str, str]  # lower-case names
    body: bytes = b""


def redact(url: str) -> str:
    """The URL without user name and password, for logs, messages and the briefing."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@dataclass
class _Host:
    """What this run knows about one origin (scheme, host, port)."""

    lock: threading.Lock = field(default_factory=threading.Lock)  # held for a whole request and its delay
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    robots: Protego | None = None
    robots_read: bool = False
    delay: float = 0.0
    last: float = float("-inf")  # time.monotonic() at the end of the last request
    down: str | None = None  # why the host cannot be reached; later requests fail at once


class Fetcher:
    """Fetches URLs under the rules above; safe to call from several threads."""

    def __init__(self, settings: FetchConfig):
        self.settings = settings
        self._lock = threading.Lock()
        self._hosts: dict[tuple[str, str, int], _Host] = {}
        self._pools: dict[tuple, urllib3.HTTPConnectionPool] = {}

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url`, following redirects; with a validator, a 304 means the archived copy is current."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        return self._follow(url, conditional, robots=True)

    def close(self) -> None:
        with self._lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> Response:
        first = _origin(url)
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(current)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) address: {redact(current)}", url)
            origin = _origin(current)
            host = self._host(origin)
            if host.down:
                raise FetchError(f"{host.down} (earlier in this run)", url, network=True)
            if robots:
                rules = self._robots(origin, host, url)
                if rules is not None and not rules.can_fetch(current, ROBOTS_AGENT):
                    raise FetchError(f"robots.txt of {parts.hostname} forbids fetching {parts.path or '/'}", url)
            sent = dict(headers)
            if parts.username and origin == first:  # a login in the URL goes to that host only
                login = f"{parts.username}:{parts.password or ''}".encode("utf-8")
                sent["Authorization"] = "Basic " + base64.b64encode(login).decode("ascii")
            response = self._request(current, url, host, sent)
            if response.status in REDIRECTS and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return response
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", url)

    def _host(self, origin: tuple[str, str, int]) -> _Host:
        with self._lock:
            if origin not in self._hosts:
                self._hosts[origin] = _Host(delay=self.settings.per_host_delay)
            return self._hosts[origin]

    def _robots(self, origin: tuple[str, str, int], host: _Host, url: str) -> Protego | None:
        """The origin's robots.txt rules, fetched once a run; None allows everything.

        As RFC 9309 says: a missing robots.txt (4xx) allows all, and one the
        server fails to give (5xx, no answer) forbids all, since the rules are
        unknown. That failure is the network's, so an archived copy stands in.
        """
        with host.robots_lock:
            if host.robots_read:
                return host.robots
            scheme, name, port = origin
            netloc = f"[{name}]:{port}" if ":" in name else f"{name}:{port}"
            robots_url = f"{scheme}://{netloc}/robots.txt"
            try:
                response = self._follow(robots_url, {}, robots=False)
            except FetchError as exc:
                if exc.network:
                    raise FetchError(f"cannot read robots.txt: {exc.message}", url, network=True) from exc
                response = Response(robots_url, 404, {})  # refused or too large: as if missing
            if response.status == 200:
                host.robots = Protego.parse(response.body.decode("utf-8", "replace"))
                asked = host.robots.crawl_delay(ROBOTS_AGENT)
                if asked:
                    host.delay = max(host.delay, min(float(asked), MAX_CRAWL_DELAY))
            host.robots_read = True
            return host.robots

    def _addresses(self, name: str, port: int, url: str) -> list[str]:
        """The checked addresses to connect to; refuses metadata and, unless allowed, private addresses."""
        try:
            infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve host {name}: {getattr(exc, 'strerror', None) or exc}", url,
                             network=True) from exc
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        for address in addresses:
            mapped = getattr(address, "ipv4_mapped", None)
            if address in METADATA or mapped in METADATA:
                raise FetchError(f"refused: {name} is a cloud metadata address ({address})", url)
            if not self.settings.allow_private_hosts and not (mapped or address).is_global:
                raise FetchError(f"refused: {name} resolves to a private or local address ({address}); "
                                 "set fetch.allow_private_hosts to read feeds on your own network", url)
        return list(dict.fromkeys(str(a) for a in addresses))

    def _pool(self, scheme: str, address: str, port: int, name: str) -> urllib3.HTTPConnectionPool:
        key = (scheme, address, port, name)
        with self._lock:
            if key not in self._pools:
                if scheme == "https":
                    # Connect to the checked address, but verify the certificate of the host name.
                    self._pools[key] = urllib3.HTTPSConnectionPool(
                        address, port, maxsize=1, server_hostname=name, assert_hostname=name,
                        cert_reqs="CERT_REQUIRED")
                else:
                    self._pools[key] = urllib3.HTTPConnectionPool(address, port, maxsize=1)
            return self._pools[key]

    def _request(self, url: str, asked: str, host: _Host, headers: dict[str, str]) -> Response:
        """One GET to a checked address, after the host's delay; reads at most max_bytes."""
        parts = urlsplit(url)
        scheme, name = parts.scheme.lower(), parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
        addresses = self._addresses(name, port, asked)
        netloc = f"[{name}]" if ":" in name else name
        if parts.port:
            netloc += f":{parts.port}"
        headers = {"Host": netloc, "User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
                   "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                             "application/xml;q=0.9,*/*;q=0.5", **headers}
        timeout = self.settings.timeout
        with host.lock:
            wait = host.last + host.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            log.debug("GET %s", redact(url))
            deadline = time.monotonic() + timeout
            try:
                raw = self._open(scheme, addresses, port, name,
                                 (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), headers)
                try:
                    body = self._read(raw, asked, deadline) if raw.status == 200 else b""
                finally:
                    raw.release_conn()
            except urllib3.exceptions.HTTPError as exc:
                raise self._failure(exc, name, host, asked) from exc
            except OSError as exc:
                raise FetchError(f"connection failed: {_reason(exc)}", asked, network=True) from exc
            finally:
                host.last = time.monotonic()
        status = raw.status
        response = Response(url, status, {k.lower(): v for k, v in raw.headers.items()}, body)
        if status in REDIRECTS or status in (200, 304):
            return response
        reason = f"HTTP {status} {raw.reason or ''}".strip()
        # A server error or "too many requests" says nothing about the page: the archive may stand in.
        raise FetchError(reason, asked, network=status >= 500 or status == 429)

    def _open(self, scheme: str, addresses: list[str], port: int, name: str, target: str,
              headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
        """urlopen on the first address that takes the connection: 'localhost' may be ::1 and 127.0.0.1."""
        timeout = urllib3.Timeout(connect=self.settings.timeout, read=self.settings.timeout)

        def get(address: str) -> urllib3.BaseHTTPResponse:
            return self._pool(scheme, address, port, name).urlopen(
                "GET", target, headers=headers, redirect=False, retries=False, preload_content=False,
                decode_content=True, assert_same_host=False, timeout=timeout)

        *others, last = addresses
        for address in others:
            try:
                return get(address)
            except urllib3.exceptions.NewConnectionError as exc:
                log.debug("%s at %s: %s; trying the next address", name, address, _reason(exc))
        return get(last)

    def _failure(self, exc: urllib3.exceptions.HTTPError, name: str, host: _Host, url: str) -> FetchError:
        """urllib3's error as a FetchError; a host that cannot be connected to is not tried again this run."""
        timeout = self.settings.timeout
        if isinstance(exc, urllib3.exceptions.NewConnectionError):
            host.down = f"cannot connect to {name}: {_reason(exc)}"
        elif isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
            host.down = f"cannot connect to {name}: no answer within {timeout:g} s"
        if host.down:
            return FetchError(host.down, url, network=True)
        if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
            return FetchError(f"no answer within {timeout:g} s (fetch.timeout)", url, network=True)
        if isinstance(exc, urllib3.exceptions.SSLError):
            return FetchError(f"TLS failed: {_reason(exc)}", url)
        if isinstance(exc, urllib3.exceptions.DecodeError):
            return FetchError(f"cannot decompress the response: {_reason(exc)}", url)
        return FetchError(f"connection failed: {_reason(exc)}", url, network=True)

    def _read(self, raw: urllib3.BaseHTTPResponse, url: str, deadline: float) -> bytes:
        """The body, decompressed, refused as soon as it passes max_bytes or the deadline.

        read1() returns what one socket read gives, so the deadline is checked
        at least once per read timeout even when a server sends a byte at a time.
        """
        limit = self.settings.max_bytes
        length = raw.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raw.close()
            raise FetchError(f"response of {length} bytes is over fetch.max_bytes ({limit})", url)
        body = bytearray()
        while chunk := raw.read1(CHUNK, decode_content=True):
            body += chunk
            if len(body) > limit:
                raw.close()
                raise FetchError(f"response is over fetch.max_bytes ({limit} bytes)", url)
            if time.monotonic() > deadline:
                raw.close()
                raise FetchError(f"response not complete within {self.settings.timeout:g} s (fetch.timeout)",
                                 url, network=True)
        return bytes(body)


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


def _reason(exc: BaseException) -> str:
    """urllib3 wraps the OS error; its innermost reason is the one a reader understands."""
    inner = exc
    while getattr(inner, "reason", None) is not None and isinstance(inner.reason, BaseException):
        inner = inner.reason
    while inner.__context__ is not None and isinstance(inner, urllib3.exceptions.HTTPError):
        inner = inner.__context__
    text = getattr(inner, "strerror", None) or str(inner)
    return " ".join(text.split())[:200]
