"""Feeds and links files: what feedparser gives, which entries are kept, which lines are URLs."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from digest.feeds import matches, parse_feed, read_links
from digest.models import InputEntry
from digest.web import select
from digest.window import FirstSeen, Window
from webserver import atom, rss

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://news.example/"><title>RDF Wire</title><link>http://news.example/</link></channel>
  <item rdf:about="http://news.example/a"><title>Ministers hold talks</title><link>http://news.example/a</link>
    <dc:date>2024-03-19T06:30:00+02:00</dc:date><dc:creator>A. Writer</dc:creator></item>
</rdf:RDF>"""


def test_rss_atom_and_rdf_give_links_dates_authors_and_the_feed_title():
    two = parse_feed(rss("Example Wire", [{"title": "Envoy meets leader", "link": "http://news.example/1",
                                           "pubDate": "Tue, 19 Mar 2024 10:00:00 +0100"}]).encode(),
                     "http://news.example/rss.xml")
    assert [(i.url, i.published, i.outlet) for i in two.items] == [
        ("http://news.example/1", datetime(2024, 3, 19, 9, 0, tzinfo=timezone.utc), "Example Wire")]
    relative = parse_feed(atom("Desk", [{"title": "T", "href": "/2024/03/t", "author": "B. Writer"}]).encode(),
                          "http://news.example/feeds/atom.xml")
    assert relative.items[0].url == "http://news.example/2024/03/t" and relative.items[0].author == "B. Writer"
    assert relative.items[0].published is None  # no date in the entry: none invented
    one = parse_feed(RSS1, "http://news.example/index.rdf")
    assert (one.items[0].outlet, one.items[0].published, one.items[0].author) == (
        "RDF Wire", datetime(2024, 3, 19, 4, 30, tzinfo=timezone.utc), "A. Writer")


def test_a_page_or_garbage_is_no_feed():
    assert parse_feed(b"<html><body><p>Hello</p></body></html>", "http://x/").problem.startswith(
        "not a feed that can be read")
    assert parse_feed(b"\x00\x01garbage", "http://x/").problem


def test_match_words_start_words_in_the_title_or_summary():
    item = parse_feed(rss("W", [{"title": "Leaders meeting in Oslo", "link": "http://x/1",
                                 "description": "<p>Summit <b>talks</b></p>"}]).encode(), "http://x/").items[0]
    assert matches(item, ["meet"]) and matches(item, ["TALKS"]) and matches(item, [])
    assert not matches(item, ["eting"]) and not matches(item, ["visit"])


def test_select_keeps_matching_entries_in_the_window_and_undated_ones(tmp_path):
    feed = parse_feed(rss("W", [
        {"title": "Envoy meets leader", "link": "http://x/new", "pubDate": "Tue, 19 Mar 2024 10:00:00 GMT"},
        {"title": "Envoy meets leader", "link": "http://x/old", "pubDate": "Fri, 01 Mar 2024 10:00:00 GMT"},
        {"title": "Envoy meets leader", "link": "http://x/undated"},
        {"title": "Markets rally", "link": "http://x/markets", "pubDate": "Tue, 19 Mar 2024 10:00:00 GMT"},
    ]).encode(), "http://x/")
    now = datetime(2024, 3, 20, 7, tzinfo=timezone.utc)
    window = Window(start=now - timedelta(days=1), zone=timezone.utc, first_seen=FirstSeen(tmp_path, now))
    entry = InputEntry("feed", "http://x/", since=timedelta(days=1), match=["meet"])
    assert [i.url for i in select(feed.items, entry, window)] == ["http://x/new", "http://x/undated"]


def test_links_file_comments_blank_lines_fragments_and_bad_lines(tmp_path):
    path = tmp_path / "links.txt"
    path.write_text("# morning links\n\nhttps://news.example/a#part\n  https://news.example/b  # from Ana\n"
                    "www.example.org/c\nhttps://user:pw@news.example/d\n", encoding="utf-8")
    urls, skipped = read_links(path)
    assert urls == ["https://news.example/a#part", "https://news.example/b", "https://user:pw@news.example/d"]
    assert [(s.path, s.reason) for s in skipped] == [
        (f"{path}:5", "'www.example.org/c' must start with http:// or https://")]
    assert read_links(tmp_path / "none.txt")[1][0].reason == "links file does not exist"
