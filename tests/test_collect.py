from datetime import date

import pytest

from digest.collect import collect
from digest.boilerplate import split_boilerplate


def test_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Talks in Oslo\noutlet: Example Post\npublished: 2023-05-02\nauthor: A. Writer\n---\n"
        "Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on Monday.\n",
        encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert not skipped
    a = articles[0]
    assert (a.title, a.outlet, a.published, a.author) == ("Talks in Oslo", "Example Post", date(2023, 5, 2), "A. Writer")
    assert a.published_from == "front matter"
    assert a.text.startswith("Foreign Minister Anna Berg")


def test_dateline_gives_publication_date_but_lede_does_not(tmp_path):
    (tmp_path / "a.txt").write_text("May 3, 2021 Press release\n\nThe two leaders met.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The ministers met in Rome on June 4, 2019, and again in Paris the next week, "
                                    "officials said on Friday afternoon.\n", encoding="utf-8")
    articles, _ = collect([tmp_path], 10_000)
    assert articles[0].published == date(2021, 5, 3)
    assert articles[1].published is None  # unknown stays unknown


def test_malformed_front_matter_is_skipped_with_reason(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nText here.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("The ministers met in Rome.\n", encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert [a.path.name for a in articles] == ["good.txt"]
    assert skipped[0].path.endswith("bad.md") and "malformed front matter" in skipped[0].reason


def test_odd_files(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Le ministre a rencontré son homologue à Genève.".encode("latin-1"))
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "same.txt").write_text("Le ministre a rencontré son homologue à Genève.", encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.txt"] == "binary file, not text"
    assert "unsupported file type" in reasons["notes.docx"]
    latin1 = next(a for a in articles if a.path.name == "latin1.txt")
    assert "rencontré" in latin1.text
    assert latin1.copies == [str(tmp_path / "same.txt")] and len(articles) == 1


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    articles, skipped = collect([tmp_path], 100)
    assert not articles and "over the limit" in skipped[0].reason


def test_html_main_text(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Summit in Geneva</title><script>alert(1)</script></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Summit in Geneva</h1>"
        "<p>" + "The two presidents met in Geneva on Wednesday for talks on arms control and trade. " * 3 + "</p>"
        "<p>" + "Both sides said the meeting was constructive and agreed to continue the dialogue. " * 3 + "</p>"
        "</article><footer>Copyright 2021</footer></body></html>", encoding="utf-8")
    articles, skipped = collect([tmp_path], 100_000)
    assert not skipped
    assert "presidents met in Geneva" in articles[0].text
    assert "alert(1)" not in articles[0].text


def test_boilerplate_bylines_bios_and_teasers():
    text = ("Leaders met in Paris on Monday to discuss trade and security in the region.\n\n"
            "They agreed to meet again next year, officials said after the talks ended.\n\n"
            "Reporting by Jane Roe; Editing by John Doe\n\n"
            "Jane Roe\nJane Roe\nJane covers diplomacy for the paper and lives in Brussels.\n\n"
            "Another Story Headline\n\nSomething happened today, April 19th, after a long...\n")
    content, removed = split_boilerplate(text)
    assert "Jane" not in content and "April 19th" not in content
    assert "Reporting by Jane Roe; Editing by John Doe" in removed
    assert content.startswith("Leaders met in Paris")


def test_photo_credit_run_into_the_text_is_cut():
    text = ("Anna Berg visited the harbour in Bergen. Source: NTB / Ola Hansen Berg later said the ferry "
            "must run again before the winter comes.\n")
    content, removed = split_boilerplate(text)
    assert content == ("Anna Berg visited the harbour in Bergen. Berg later said the ferry "
                       "must run again before the winter comes.")
    assert removed == ["Source: NTB / Ola Hansen"]


def test_a_dateline_after_the_city_gives_the_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text("Berg meets Holm\n\nOslo, 6 November 2023 (NTB): Foreign Minister Anna Berg "
                                    "met Prime Minister Lars Holm today at the palace in the capital of Norway.\n")
    articles, _ = collect([tmp_path], 10_000_000)
    assert articles[0].published == date(2023, 11, 6)


@pytest.mark.parametrize("byline", ["Jane Roe\nJane Roe\nOct 23, 2024, 1:14pm EDT", "Jane Roe\nOSLO – "])
def test_an_author_box_near_the_top_is_cut(byline):
    text = (f"Leaders meet in Oslo\n\n{byline}Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday "
            "to discuss trade, fishing quotas and the ferry link between the two ports.\n\n"
            "They agreed to meet again next year, officials said after the talks ended in the evening.\n")
    content, removed = split_boilerplate(text)
    assert "Jane Roe" not in content and "Jane Roe" in removed


def test_outlets_from_metadata_address_and_credit_lines(tmp_path):
    from conftest import INPUTS

    shipped, _ = collect([INPUTS], 10**6)
    assert [a.outlet for a in shipped] == [None, "CNN", None]  # "CNN's Nectar Gan ... contributed to this report."
    (tmp_path / "a.md").write_text("---\nurl: https://www.example.org/2024/talks\n---\nThe ministers met.\n",
                                   encoding="utf-8")
    (tmp_path / "b.txt").write_text("The ministers met in Rome on Monday, officials said.\n\n"
                                    "© 2024 Example Wire. All rights reserved.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        '<html><head><meta property="og:site_name" content="Harbour Times"></head><body><article>'
        "<p>The foreign ministers of Norway and Denmark met in Oslo on Monday to discuss fishing rights, "
        "officials said after the talks ended in the evening.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "d.txt").write_text("The envoys met in Cairo.\n\nJane Roe contributed to this report.\n",
                                    encoding="utf-8")
    articles, skipped = collect([tmp_path], 10**6)
    assert not skipped
    assert [a.outlet for a in articles] == ["example.org", "Example Wire", "Harbour Times", None]


def test_since_on_a_folder_leaves_out_old_articles_and_undated_ones_seen_long_ago(tmp_path):
    import hashlib
    from datetime import datetime, timedelta, timezone

    from digest.window import FirstSeen, window_for

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_old.md").write_text("---\npublished: 2024-03-10\n---\nThe ministers met in Rome.\n", "utf-8")
    (folder / "b_new.md").write_text("---\npublished: 2024-03-19\n---\nThe envoys met in Oslo.\n", "utf-8")
    (folder / "c_undated.txt").write_text("The leaders met in Paris.\n", "utf-8")
    (folder / "d_seen.txt").write_text("The diplomats met in Cairo.\n", "utf-8")
    now = datetime(2024, 3, 20, 7, tzinfo=timezone.utc)
    last_week = FirstSeen(tmp_path / "out", now - timedelta(days=5))
    seen_key = "file:" + hashlib.sha256((folder / "d_seen.txt").read_bytes()).hexdigest()
    last_week.get(seen_key)
    last_week.save()
    first_seen = FirstSeen(tmp_path / "out", now)
    window = window_for(timedelta(days=1), date(2024, 3, 20), now, timezone.utc, first_seen)
    articles, skipped = collect([folder], 10_000, date(2024, 3, 20), {folder: window})
    assert [a.path.name for a in articles] == ["b_new.md", "c_undated.txt"] and not skipped
    first_seen.save()
    again = FirstSeen(tmp_path / "out", now + timedelta(days=2))  # two days on, the undated one is old too
    later = window_for(timedelta(days=1), date(2024, 3, 22), again.now, timezone.utc, again)
    articles, _ = collect([folder], 10_000, date(2024, 3, 22), {folder: later})
    assert articles == []


def test_check_applies_a_folders_since_window(project):
    from click.testing import CliRunner

    from digest.cli import main

    (project / "config" / "digest.yaml").write_text(
        "inputs:\n  - folder: ../inputs\n    since: 2 days\noutput: ../output\nschedule:\n  timezone: UTC\n",
        encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(project / "config" / "digest.yaml"),
                                       "--date", "2024-03-21"])
    assert result.exit_code == 0, result.output
    # 002 is dated 18 March by its dateline, before the window; 000 and 001 are undated and new here.
    assert "2 readable, 0 skipped" in result.output and "002_" not in result.output
    assert not (project / "output" / ".digest-first-seen.json").exists()  # a check records nothing
