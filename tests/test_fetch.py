"""The polite HTTP client against a real server on 127.0.0.1: what it sends, refuses and gives up on."""
from __future__ import annotations

import base64
import threading

import pytest

from digest.fetch import USER_AGENT, Fetcher, FetchError
from digest.models import FetchConfig


def fetcher(**kw) -> Fetcher:
    settings = dict(timeout=2.0, per_host_delay=0.0, max_bytes=100_000, allow_private_hosts=True)
    return Fetcher(FetchConfig(**{**settings, **kw}))


def test_gzip_is_asked_for_and_decoded(site):
    url = site.add("/a", "<p>" + "Talks in Geneva. " * 500 + "</p>", gzip=True)
    response = fetcher().get(url)
    assert response.status == 200 and response.body.startswith(b"<p>Talks in Geneva.")
    request = site.asked("/a")[0]
    assert "gzip" in request.headers["accept-encoding"] and request.headers["user-agent"] == USER_AGENT


def test_the_size_cap_counts_decompressed_bytes(site):
    url = site.add("/bomb", b"\0" * 5_000_000, gzip=True)  # about 5 kB on the wire
    with pytest.raises(FetchError, match=r"over fetch.max_bytes \(100000 bytes\)") as err:
        fetcher().get(url)
    assert not err.value.network


def test_one_host_gets_one_request_at_a_time_with_the_delay_between(site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
    urls = [site.add(f"/p{i}", "x", delay=0.2) for i in range(3)]
    client = fetcher(per_host_delay=0.1)  # the robots.txt asks for more, and gets it
    threads = [threading.Thread(target=client.get, args=(u,)) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(r.at for r in site.requests)
    assert [r.path for r in site.requests][0] == "/robots.txt" and len(times) == 4
    # each page takes 0.2 s to answer; the next request starts at least 0.4 s after an answer
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert gaps[0] >= 0.4 and all(gap >= 0.6 for gap in gaps[1:]), gaps


def test_redirects_are_followed_and_limited(site):
    site.add("/old", status=301, headers={"Location": "/new"})
    url = site.add("/new", "fresh")
    assert fetcher().get(site.url("/old")).final_url == url
    site.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher().get(site.url("/loop"))
    assert len(site.asked("/loop")) == 6
    site.add("/to-file", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http.s. address: file:///etc/passwd"):
        fetcher().get(site.url("/to-file"))


def test_private_and_metadata_addresses_are_refused_before_connecting(site):
    site.add("/a", "x")
    with pytest.raises(FetchError, match=r"refused: 127.0.0.1 resolves to a private or local address"):
        fetcher(allow_private_hosts=False).get(site.url("/a"))
    with pytest.raises(FetchError, match=r"refused: localhost resolves to a private or local address"):
        fetcher(allow_private_hosts=False).get(f"http://localhost:{site.port}/a")
    for url in ("http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
                "http://[fd00:ec2::254]/"):
        with pytest.raises(FetchError, match="cloud metadata address"):
            fetcher(allow_private_hosts=True).get(url)  # refused even when the local network is allowed
    assert not site.requests


def test_a_login_in_the_url_is_sent_to_its_host_only_and_never_shown(site):
    site.add("/feed", status=302, headers={"Location": f"http://localhost:{site.port}/elsewhere"})
    with pytest.raises(FetchError) as err:
        fetcher().get(f"http://desk:s3cret@127.0.0.1:{site.port}/feed")
    assert site.asked("/feed")[0].headers["authorization"] == "Basic " + base64.b64encode(b"desk:s3cret").decode()
    assert "authorization" not in site.asked("/elsewhere")[0].headers  # another host: no password
    assert "s3cret" not in str(err.value) and "desk" not in str(err.value)


def test_robots_txt_rules_and_failures(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /\n\nUser-agent: digest\nDisallow: /drafts/\n",
             content_type="text/plain")
    site.add("/news/a", "a")
    assert fetcher().get(site.url("/news/a")).status == 200  # the group naming digest is the one that counts
    with pytest.raises(FetchError, match="robots.txt of 127.0.0.1 forbids fetching /drafts/b"):
        fetcher().get(site.url("/drafts/b"))
    site.add("/robots.txt", "down", status=503)
    with pytest.raises(FetchError, match="cannot read robots.txt: HTTP 503") as err:  # RFC 9309: all forbidden
        fetcher().get(site.url("/news/a"))
    assert err.value.network and len(site.asked("/news/a")) == 1
    site.add("/robots.txt", "", status=404)
    assert fetcher().get(site.url("/news/a")).status == 200  # none at all: everything allowed


def test_conditional_requests_get_304(site):
    url = site.add("/a", "x", etag='"v7"')
    first = fetcher().get(url)
    again = fetcher().get(url, etag=first.headers["etag"])
    assert (first.status, again.status, again.body) == (200, 304, b"")
    assert site.asked("/a")[1].headers["if-none-match"] == '"v7"'


def test_a_server_that_is_gone_is_a_network_failure_and_not_tried_twice(site):
    url = site.url("/a")
    site.stop()
    client = fetcher()
    with pytest.raises(FetchError, match="cannot connect to 127.0.0.1") as err:
        client.get(url)
    assert err.value.network
    with pytest.raises(FetchError, match=r"\(earlier in this run\)"):
        client.get(site.url("/b"))


def test_the_archive_keeps_no_password(tmp_path, site):
    from digest.archive import Archive

    url = site.add("/feed", "<rss/>")
    response = fetcher().get(f"http://desk:s3cret@127.0.0.1:{site.port}/feed")
    archive = Archive(tmp_path)
    archive.remember(archive.store(f"http://desk:s3cret@127.0.0.1:{site.port}/feed", response, ".xml"))
    archive.save()
    assert "s3cret" not in (tmp_path / "index.json").read_text(encoding="utf-8")
    assert archive.record(f"http://desk:s3cret@127.0.0.1:{site.port}/feed").url == url
