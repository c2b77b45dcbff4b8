"""Feeds and web pages end to end: a real server on 127.0.0.1 with a newsroom's worth of behaviours.

Two feeds (RSS with dates in RFC 822, Atom with relative links) and a links
file lead to the shipped articles as HTML pages with navigation, cookie
banners, teasers and footers; around them a redirect, a 404, a 500, a slow
page, an oversized one, a PDF, a page robots.txt forbids and a line that is
no URL. The tests check what is fetched, archived, skipped and cited, that a
rerun sends conditional requests and rewrites nothing, and that the archive
carries a run when the server is gone.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from digest.cli import main, run_job
from digest.config import load_config
from digest.errors import DigestError
from webserver import article_page, atom, http_date, rss, shipped

BRIEFING = date(2024, 3, 20)
CNN = "/world/2024/03/19/china-hamas-meeting"
MEMRI = "/reports/11206"
MEMRI_PAGE = "/reports/11206/chinese-foreign-ministry-official-to-hamas-leader"  # its canonical address
SINO = "/sino-talk/wang-haniyeh"
READOUT = "/briefing-room/readout-biden-xi"


def devset_text(name: str) -> str:
    """A devset article without its front matter, its hard-wrapped lines joined into paragraphs."""
    path = next((Path(__file__).parent / "data" / "devset" / "articles").glob(f"{name}*"))
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n".join(["Readout of President Biden's Meeting with President Xi", *paragraphs])


@pytest.fixture
def newsroom(site, tmp_path):
    """The server's pages and feeds, and a project whose config reads them."""
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    # The CNN story: full metadata in the page, validated by ETag on reruns.
    site.add(CNN, article_page(shipped("001"), outlet="CNN", published="2024-03-19T09:12:00Z",
                               author="Simone McCarthy"), etag='"cnn-1"')
    # MEMRI: no date in the page, so the feed's date is the publication date; Last-Modified only.
    site.add(MEMRI, article_page(shipped("002").split("\n", 2)[2], outlet="MEMRI",
                                 canonical=site.url(MEMRI_PAGE)), last_modified=http_date(1710777600))
    # Sino Talk: gzip, no validators at all, reached by a relative link in the Atom feed.
    site.add(SINO, article_page(shipped("000"), outlet="Sino Talk", published="2024-03-18"), gzip=True)
    site.add(READOUT, article_page(devset_text("305"), outlet="The White House", published="2022-11-14",
                                   canonical="https://www.whitehouse.gov/briefing-room/readout"), etag='"wh"')
    site.add("/go/readout", status=302, headers={"Location": READOUT})
    site.add("/error", "<html><body>Server error</body></html>", status=500)
    site.add("/slow", article_page("Slow\nThe ministers met in Rome."), delay=3)
    site.add("/trickle", article_page("Trickle\nThe ministers met in Rome."), trickle=0.01)
    site.add("/huge", article_page("Huge\n" + "The ministers met in Rome. " * 40000))
    site.add("/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    site.add("/private/memo", article_page("Memo\nThe ministers met in Rome."))
    site.add("/rss.xml", rss("Example Wire: World", [
        {"title": "Chinese diplomat meets Hamas leader in Qatar", "link": site.url(CNN),
         "pubDate": "Tue, 19 Mar 2024 10:00:00 GMT", "author": "wire@example.org (Example Wire)"},
        {"title": "China will maintain ties with Hamas, official tells Haniya", "link": site.url(MEMRI),
         "pubDate": "Mon, 18 Mar 2024 08:00:00 GMT", "description": "Talks in Doha"},
        {"title": "Envoy met the leader last month", "link": site.url("/old"),
         "pubDate": "Fri, 01 Mar 2024 08:00:00 GMT"},
        {"title": "Markets rally as oil falls", "link": site.url("/markets"),
         "pubDate": "Tue, 19 Mar 2024 11:00:00 GMT"},
    ]), content_type="application/rss+xml", etag='"rss-1"')
    site.add("/atom.xml", atom("Sino Talk", [
        {"title": "Chinese Official Meets with Hamas Politburo Head in Qatar", "href": SINO,
         "updated": "2024-03-19T07:00:00Z", "author": "Joaquin Camarena"},
    ]), content_type="application/atom+xml")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "links.txt").write_text(
        "# links pasted by the desk\n"
        f"{site.url('/go/readout')}\n\n"
        f"{site.url('/missing')}   # gone\n"
        f"{site.url('/error')}\n{site.url('/slow')}\n{site.url('/trickle')}\n"
        f"{site.url('/huge')}\n{site.url('/report.pdf')}\n"
        f"{site.url('/private/memo')}\n"
        "not a link\n", encoding="utf-8")
    config = tmp_path / "config" / "digest.yaml"
    config.write_text(f"""title: Web briefing
inputs:
  - feed: {site.url('/rss.xml')}
    since: 3 days
    match: [meet, talks]
  - feed: {site.url('/atom.xml')}
  - urls: links.txt
  - url: {site.url(CNN)}
output: ../output
schedule:
  timezone: UTC
fetch:
  timeout: 1 second
  per_host_delay: 0 seconds
  max_bytes: 200000
  allow_private_hosts: true
""", encoding="utf-8")
    return config


def briefing_json(output: Path) -> dict:
    return json.loads((output / f"briefing-{BRIEFING.isoformat()}.json").read_text(encoding="utf-8"))


def test_feeds_and_links_make_a_briefing_with_outlets_dates_archives_and_links(newsroom, site, nlp):
    config = load_config(newsroom)
    written = run_job(config, BRIEFING, nlp=nlp)
    data = briefing_json(config.output)
    sources = {s["url"]: s for s in data["sources"]}
    # The redirect's target, and a canonical address on the same site but not one on another.
    assert set(sources) == {site.url(p) for p in (CNN, MEMRI_PAGE, SINO, READOUT)}
    cnn, memri, sino = sources[site.url(CNN)], sources[site.url(MEMRI_PAGE)], sources[site.url(SINO)]
    assert (cnn["outlet"], cnn["published"], cnn["published_from"]) == ("CNN", "2024-03-19", "html metadata")
    assert cnn["author"] == "Simone McCarthy" and cnn["title"].startswith("Chinese diplomat")
    assert (memri["outlet"], memri["published"], memri["published_from"]) == ("MEMRI", "2024-03-18", "feed")
    assert sino["outlet"] == "Sino Talk" and sino["published"] == "2024-03-18"  # the page's date, not the feed's
    for s in data["sources"]:
        copy = config.output / s["archive"]
        assert copy.suffix == ".html" and copy.read_bytes().startswith(b'<meta http-equiv="Content-Security')
        assert Path(s["path"]) == copy.with_suffix(".md") and s["fetched"]
        text = copy.with_suffix(".md").read_text(encoding="utf-8")
        assert text.startswith("---\n") and "cookies" not in text and "Related stories" not in text
    assert "Wang Kejian" in {a["name"] for a in data["actors"]}

    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    links = newsroom.parent / "links.txt"
    assert skipped == {
        site.url("/missing"): "HTTP 404 Not Found",
        site.url("/error"): "HTTP 500 Internal Server Error",
        site.url("/slow"): "no answer within 1 s (fetch.timeout)",
        site.url("/trickle"): "response not complete within 1 s (fetch.timeout)",
        site.url("/huge"): skipped[site.url("/huge")],
        site.url("/report.pdf"): "not an HTML page (application/pdf)",
        site.url("/private/memo"): "robots.txt of 127.0.0.1 forbids fetching /private/memo",
        f"{links}:11": "'not a link' must start with http:// or https://",
    }
    assert "over fetch.max_bytes (200000" in skipped[site.url("/huge")]
    # Entries before the window or without a matching word are never requested; nor is a forbidden page.
    assert not site.asked("/old") and not site.asked("/markets") and not site.asked("/private/memo")
    assert len(site.asked("/robots.txt")) == 1 and len(site.asked(CNN)) == 1  # in a feed and a url: entry
    assert all(r.headers["user-agent"].startswith("digest/") for r in site.requests)

    html = written["html"].read_text(encoding="utf-8")
    for s in data["sources"]:
        assert f'href="{s["url"]}"' in html and f'href="{s["archive"]}"' in html
    assert "4 sources from 4 outlets" in html
    # The PDF's links to archived copies point into the output folder, not the templates folder.
    links = {a["/A"].get("/URI") for page in PdfReader(written["pdf"]).pages for a in
             (x.get_object() for x in page.get("/Annots", [])) if "/A" in a}
    assert {(config.output / s["archive"]).as_uri() for s in data["sources"]} <= links
    assert {s["url"] for s in data["sources"]} <= links


def test_a_rerun_sends_conditional_requests_and_rewrites_nothing(newsroom, site, nlp):
    config = load_config(newsroom)
    first = run_job(config, BRIEFING, nlp=nlp)
    archive = config.output / "archive"
    before = {p: p.stat().st_mtime_ns for p in archive.rglob("*") if p.is_file()}
    site.requests.clear()
    again = run_job(config, BRIEFING, nlp=nlp)
    assert again == first  # nothing changed, so the briefing stands
    assert {p: p.stat().st_mtime_ns for p in archive.rglob("*") if p.is_file()} == before
    assert site.asked(CNN)[0].headers["if-none-match"] == '"cnn-1"'
    assert site.asked(READOUT)[0].headers["if-none-match"] == '"wh"'
    assert site.asked(MEMRI)[0].headers["if-modified-since"] == http_date(1710777600)
    assert site.asked("/rss.xml")[0].headers["if-none-match"] == '"rss-1"'
    assert "if-none-match" not in site.asked(SINO)[0].headers  # no validators: fetched, found identical

    # A changed page is fetched in full and its copy replaced.
    site.routes[CNN].etag = '"cnn-2"'
    site.routes[CNN].body = site.routes[CNN].body.replace(b"Tuesday", b"on Tuesday evening")
    run_job(config, BRIEFING, nlp=nlp)
    changed = sorted(p.name for p in archive.rglob("*") if p.is_file() and p.stat().st_mtime_ns != before.get(p))
    assert len(changed) == 3 and changed[2] == "index.json" and changed[0] == changed[1].replace(".md", ".html")
    copy = next(archive.rglob(changed[1]))
    assert "said on Tuesday evening" in copy.read_text(encoding="utf-8")
    assert json.loads((archive / "index.json").read_text(encoding="utf-8"))[site.url(CNN)]["etag"] == '"cnn-2"'


def test_without_the_network_the_archive_carries_the_run(newsroom, site, nlp, caplog):
    config = load_config(newsroom)
    run_job(config, BRIEFING, nlp=nlp)
    urls = {s["url"] for s in briefing_json(config.output)["sources"]}
    site.stop()
    with caplog.at_level(logging.WARNING):
        run_job(config, BRIEFING, force=True, nlp=nlp)
    assert {s["url"] for s in briefing_json(config.output)["sources"]} == urls
    assert "were read from the archive" in caplog.text
    assert "cannot connect to 127.0.0.1" in caplog.text


def test_nothing_fetched_and_nothing_archived_fails_the_run(newsroom, site, nlp):
    site.stop()
    with pytest.raises(DigestError, match="input files were skipped"):
        run_job(load_config(newsroom), BRIEFING, nlp=nlp)


def test_private_addresses_are_refused_unless_allowed(newsroom, site, nlp, caplog):
    newsroom.write_text(newsroom.read_text(encoding="utf-8").replace("allow_private_hosts: true",
                                                                     "allow_private_hosts: false"))
    with caplog.at_level(logging.WARNING), pytest.raises(DigestError, match="all 12 input files were skipped"):
        run_job(load_config(newsroom), BRIEFING, nlp=nlp)
    assert not site.requests
    refused = "refused: 127.0.0.1 resolves to a private or local address (127.0.0.1)"
    assert f"skipped {site.url('/rss.xml')}: feed: {refused}" in caplog.text
    assert f"skipped {site.url('/go/readout')}: {refused}" in caplog.text


def test_check_counts_feed_entries_without_fetching_pages(newsroom, site):
    result = CliRunner().invoke(main, ["check", "--config", str(newsroom), "--date", BRIEFING.isoformat()])
    assert result.exit_code == 0, result.output
    assert f"feed     {site.url('/rss.xml')}: 4 entries, 2 to read" in result.output
    assert f"feed     {site.url('/atom.xml')}: 1 entries, 1 to read" in result.output
    assert f"links    {newsroom.parent / 'links.txt'}: 8 URLs" in result.output
    assert "must start with http:// or https://" in result.output
    assert {r.path for r in site.requests} == {"/robots.txt", "/rss.xml", "/atom.xml"}
    assert not (newsroom.parent.parent / "output" / "archive").exists()


def test_an_archived_page_reads_back_as_its_paragraphs_and_words():
    """The archive's .md is read as Markdown: one paragraph a line stays so, and markup characters stay text."""
    from digest.collect import markdown_text
    from digest.web import as_markdown

    text = ("\"We agreed,\" Berg said.\n\"It is *not* over,\" Holm said [1].\n1. Ministers met in Oslo.\n"
            "# 3 ministers & <aides> met_today\n- Reuters\n> quoted\n\\o/")
    body, heading = markdown_text(as_markdown(text))
    assert body.split("\n\n") == text.split("\n") and heading is None
