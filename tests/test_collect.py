from datetime import date

import pytest

from digest.collect import collect
from conftest import ROOT
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


@pytest.mark.parametrize("title", ["Related Articles", "More from Europe", "You may also like"])
def test_the_stories_listed_under_a_related_title_are_not_the_article(title):
    text = ("OSLO — King Harald on Monday received Envoy Brett Cole at the palace to discuss energy and trade.\n"
            "The meeting was attended by Crown Prince Olav and covered regional security and shipping.\n"
            f"{title}\n"
            "OSLO — King Harald on Sunday met with Secretary of State Mike Cole in New York on the sidelines of\n"
            "OSLO — King Harald received on Wednesday at the palace Senior Adviser Jared Lund, who is vis\n")
    content, removed = split_boilerplate(text)
    assert "Mike Cole" not in content and "Jared Lund" not in content
    assert content.startswith("OSLO — King Harald on Monday") and title in removed


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


@pytest.mark.parametrize("byline", [
    "Jane Roe\n\n",  # alone under the headline, and never named in the story
    "Jane Roe\nApril 11, 2015 5:30 AM\nA standfirst that tells the story, as correspondent Jane Roe reports.\nJane Roe\n\n",
])
def test_an_authors_lone_name_line_is_cut(byline):
    text = (f"Leaders meet in Oslo\n\n{byline}Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday "
            "to discuss trade, fishing quotas and the ferry link between the two ports.\n\n"
            "They agreed to meet again next year, officials said after the talks ended in the evening.\n")
    content, removed = split_boilerplate(text)
    assert "Jane Roe" in removed and not any(line.strip() == "Jane Roe" for line in content.splitlines())


def test_a_name_line_the_story_goes_on_about_is_kept():
    text = ("Leaders meet in Oslo\n\nAnna Berg\n\nForeign Minister Anna Berg met Prime Minister Lars Holm on "
            "Monday to discuss trade, fishing quotas and the ferry link between the two ports.\n\n"
            "They agreed to meet again next year, officials said after the talks ended in the evening.\n")
    assert "Anna Berg" in split_boilerplate(text)[0].splitlines()


@pytest.mark.parametrize("credit", ["(Jane Roe/Pool Photo via AP)", "(AP Photo/Jane Roe)"])
def test_a_bracketed_photo_credit_with_its_agency_is_cut(credit):
    text = f"Foreign Minister Anna Berg greets Prime Minister Lars Holm in Oslo, March 18, 2024. {credit}\n"
    content, removed = split_boilerplate(text)
    assert "Jane Roe" not in content and removed == [credit]


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
    articles, skipped = collect([folder], 10_000, date(2024, 3, 20), windows={folder: window})
    assert [a.path.name for a in articles] == ["b_new.md", "c_undated.txt"] and not skipped
    first_seen.save()
    again = FirstSeen(tmp_path / "out", now + timedelta(days=2))  # two days on, the undated one is old too
    later = window_for(timedelta(days=1), date(2024, 3, 22), again.now, timezone.utc, again)
    articles, _ = collect([folder], 10_000, date(2024, 3, 22), windows={folder: later})
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


@pytest.mark.parametrize("encoding, text", [
    ("latin-1", "Katrín Jakobsdóttir met Guðmundur Guðmundsson and François Hollande in Reykjavík."),
    ("latin-1", "Guðmundsdóttir met François."),
    ("cp1252", "“We agreed,” said José Pérez after the €5 billion deal with Søren Müller – in Genève."),
    ("cp1252", "Ministers met in Genève."),
    ("cp1250", "Premier Donald Tusk spotkał się w Łodzi z prezydentem Lechem Wałęsą i ministrem Radosławem Sikorskim."),
    ("cp1250", "Ministr zahraničí Jan Lipavský se v Praze setkal s Kateřinou Dvořákovou a Jiřím Růžičkou."),
    ("cp1250", "Lipavský se setkal s Dvořákem."),
    ("cp1251", "Президент Владимир Зеленский встретился в Киеве с канцлером Олафом Шольцем."),
    ("cp1251", "Лавров встретился с Ваном."),
])
def test_legacy_encodings_are_read_as_written(tmp_path, encoding, text):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [article], skipped = collect([tmp_path], 10_000)
    assert not skipped and article.text.strip() == text


def test_a_latin1_article_with_a_few_accents_is_not_read_as_another_code_page(tmp_path):
    """Mostly ASCII with two names: detection alone read this as cp1250 ("Franšois")."""
    news = (ROOT / "inputs" / "001_1740f423e3426cad.txt").read_text(encoding="utf-8")[:2000]
    text = news.translate(str.maketrans("“”’–", "\"\"'-")) + "\n\nGuðmundsdóttir met François."
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    [article], _ = collect([tmp_path], 10_000)
    assert article.text.endswith("Guðmundsdóttir met François.")


def test_a_latin1_meeting_keeps_its_names(tmp_path, nlp):
    from digest.extract import extract

    (tmp_path / "a.txt").write_bytes("Prime Minister Katrín Jakobsdóttir met Jóhanna Guðmundsdóttir in Reykjavík "
                                     "on 4 March 2024.\n".encode("latin-1"))
    articles, _ = collect([tmp_path], 10_000)
    [extraction] = extract(articles, nlp)
    names = {a.name for a in extraction.actors}
    assert {"Katrín Jakobsdóttir", "Jóhanna Guðmundsdóttir"} <= names and extraction.meetings


MARKDOWN = """# Talks in **Oslo**

Foreign Minister **Anna Berg** met her Danish counterpart [Lars Holm](https://example.org/holm) in Oslo
on 4 March 2024.

> "We agreed that the ferry must run again," *Berg* said.

- The next round is due in **Copenhagen**.
"""


def test_markdown_is_read_as_text_with_its_heading_as_title(tmp_path, nlp):
    from digest.extract import extract

    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    [article], _ = collect([tmp_path], 10_000)
    assert article.title == "Talks in Oslo"
    assert article.text.split("\n\n") == [
        "Talks in Oslo",
        "Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on 4 March 2024.",
        "\"We agreed that the ferry must run again,\" Berg said.",
        "The next round is due in Copenhagen."]
    [x] = extract([article], nlp)
    names = {a.name for a in x.actors}
    assert {"Anna Berg", "Lars Holm"} <= names and not any("*" in n or "[" in n for n in names)
    [meeting] = x.meetings
    assert set(meeting.participants) == {"Anna Berg", "Lars Holm"}
    assert [(p.actor, "We agreed that the ferry must run again" in p.text) for p in x.positions] == [
        ("Anna Berg", True)]


def test_yearless_agency_dateline_dates_the_article_and_names_the_outlet(tmp_path, nlp):
    from digest.extract import extract

    (tmp_path / "a.txt").write_text("KYIV, Feb 5 (Reuters) - Ukrainian President Volodymyr Zelenskiy met Polish "
                                    "Prime Minister Donald Tusk in Kyiv on Monday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\noutlet: Kyiv Post\n---\nKYIV, Dec 30 (Reuters) - The ministers met in Kyiv "
                                   "and agreed on a grain corridor for the winter.\n", encoding="utf-8")
    [a, b], _ = collect([tmp_path], 10_000, briefing_date=date(2024, 2, 20))
    assert (a.published, a.outlet) == (date(2024, 2, 5), "Reuters")
    assert (b.published, b.outlet) == (date(2023, 12, 30), "Kyiv Post")  # the latest 30 December before the briefing
    [x] = extract([a], nlp)
    assert [(m.date.year, m.date.month, m.date.day) for m in x.meetings] == [(2024, 2, 5)]  # a Monday
    assert "Reuters" not in {actor.name for actor in x.actors}


@pytest.mark.parametrize("filed, met", [("9 November 2026", 9), ("11 November 2026", 9)])
def test_a_dateline_date_is_the_publication_not_the_meeting(tmp_path, nlp, filed, met):
    from digest.extract import extract

    (tmp_path / "a.txt").write_text(f"BERLIN, {filed} - German Chancellor Friedrich Merz met French President "
                                    "Emmanuel Macron in Berlin on Monday, officials said.\n", encoding="utf-8")
    articles, _ = collect([tmp_path], 10_000)
    [x] = extract(articles, nlp)
    [meeting] = x.meetings
    assert (meeting.date.year, meeting.date.month, meeting.date.day) == (2026, 11, met)


@pytest.mark.parametrize("top, title", [
    ("You are here\nHome > World > Europe\nZelensky meets Tusk in Kyiv\n", "Zelensky meets Tusk in Kyiv"),
    ("Trending: Gaza | Ukraine | Elections\nShare this\nTalks between Berg and Holm resume in Oslo\n",
     "Talks between Berg and Holm resume in Oslo"),
    ("Reported by Anna Smith\nIllustrative photo\n", None),
    ("Home / News / Politics\n(Photo: Reuters)\n", None),
])
def test_site_chrome_is_not_the_headline(tmp_path, top, title):
    (tmp_path / "a.txt").write_text(top + "\nThe foreign ministers met in Rome on Monday and agreed to talk again.\n",
                                    encoding="utf-8")
    [article], _ = collect([tmp_path], 10_000)
    assert article.title == title


def test_a_portraits_alt_text_run_into_its_caption_is_cut():
    content, removed = split_boilerplate("Photo of Anna BergAnna Berg (Oslo North, Labour)\n\nI met Lars Holm.\n")
    assert content.startswith("Anna Berg (Oslo North, Labour)") and "Photo of Anna Berg" in removed
