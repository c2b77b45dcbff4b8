"""Render: real PDFs from Briefing dataclasses built here (no spaCy), read back with pypdf."""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from digest import summary
from digest.models import (Actor, Article, Briefing, Config, DateReport, EmailConfig, Evidence, Meeting,
                           Position, ScheduleConfig, Skipped, Source)
from digest.errors import RenderError
from digest.render import render_html, write_outputs

DAY = date(2024, 3, 20)


def make_config(tmp_path: Path, **changes) -> Config:
    config = Config(path=None, title="Gulf desk", organisation="Example Analysis Ltd", inputs=[],
                    output=tmp_path / "out", templates=None, page_size="A4", model="none",
                    max_file_bytes=10**6, allow_remote_assets=False, schedule=ScheduleConfig(),
                    email=EmailConfig())
    return replace(config, **changes)


def source(i: int, outlet: str | None = None, published: date | None = None, **kw) -> Source:
    article = Article(path=Path(f"/in/{i:03d}.txt"), text="", title=f"Article {i}", outlet=outlet,
                      published=published, **kw)
    return Source(id=f"s{i}", article=article)


def doha_briefing() -> Briefing:
    """Three outlets; the Doha meeting dated 17 March by two and 18 March by the third."""
    sources = [source(1, "Atlas News", boilerplate=["Share this report:", "Related: other story"]),
               source(2, "CNN", date(2024, 3, 19)), source(3, "MEMRI", date(2024, 3, 18))]
    actors = [
        Actor("a1", "Wang Kejian", "person", title="Chinese envoy", aliases=["Wang"], sources=["s1", "s2", "s3"],
              meetings=["m1", "m2"]),
        Actor("a2", "Ismail Haniyeh", "person", title="Hamas political leader", aliases=["Isma'il Haniya"],
              sources=["s1", "s2", "s3"], meetings=["m2"]),
        Actor("a3", "Khalid Manzalawi", "person", title="Arab League official", sources=["s1"], meetings=["m1"]),
        Actor("a4", "إسماعيل هنية", "person", sources=["s3"]),
        Actor("a5", "王克俭", "person", sources=["s2"]),
    ]
    meetings = [
        Meeting("m1", "2024-03-10", "day", "Cairo", ["a1", "a3"], sources=["s1"],
                evidence=[Evidence("s1", "On March 10th, Wang traveled to Cairo, where he met Khalid Manzalawi.")]),
        Meeting("m2", "2024-03-17", "day", "Doha, Qatar", ["a1", "a2"], sources=["s1", "s2", "s3"],
                evidence=[Evidence("s2", "Wang Kejian met Ismail Haniyeh in Qatar."),
                          Evidence("s3", "On March 17, 2024, a Hamas delegation met Wang Kejian."),
                          Evidence("s1", "On March 18th, Wang Kejian met Ismail Haniyeh in Qatar.")],
                conflicts=['s1 dates it 2024-03-18 ("On March 18th")'],
                date_reports=[DateReport("s1", "2024-03-18", "day", "On March 18th"),
                              DateReport("s2", "2024-03-17", "day", "Sunday"),
                              DateReport("s3", "2024-03-17", "day", "On March 17, 2024")]),
    ]
    positions = [
        Position("a2", "that the war “needs to be ended quickly”", "s1",
                 "Haniyeh stressed that the war “needs to be ended quickly”.", topic="ceasefire"),
        Position("a1", "that China is deeply concerned", "s2", "Wang said that China is deeply concerned.",
                 topic="humanitarian"),
    ]
    return Briefing(DAY, "Gulf desk", sources, actors, meetings, positions,
                    skipped=[Skipped("/in/broken.pdf", "unsupported file type")])


def render_once(tmp_path_factory, name: str, briefing: Briefing):
    """Write a briefing's outputs once per module: the briefing, its PDF read back, the paths."""
    tmp = tmp_path_factory.mktemp(name)
    written = write_outputs(briefing, make_config(tmp), tmp / "out")
    return briefing, PdfReader(written["pdf"]), written


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_once(tmp_path_factory, "render", doha_briefing())


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def outline_titles(items) -> list[str]:
    out = []
    for item in items:
        out += outline_titles(item) if isinstance(item, list) else [item.title]
    return out


def internal_links(reader: PdfReader) -> list[str]:
    """Names of the in-document destinations that the link annotations point at."""
    names = []
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                names.append(str(annot["/Dest"]))
            elif annot.get("/Subtype") == "/Link" and annot.get("/A", {}).get("/S") == "/GoTo":
                names.append(str(annot["/A"]["/D"]))
    return names


def test_sections_bookmarked_in_reading_order(rendered):
    _, reader, _ = rendered
    titles = outline_titles(reader.outline)
    sections = [t for t in titles if t in ("Bottom line", "Meetings", "Actors", "Positions", "Sources")]
    assert sections == ["Bottom line", "Meetings", "Actors", "Positions", "Sources"]
    assert any("M1" in t and "10 March 2024" in t and "Cairo" in t for t in titles)
    assert any("M2" in t and "17 March 2024" in t and "Doha" in t for t in titles)


def test_metadata(rendered):
    _, reader, _ = rendered
    meta = reader.metadata
    assert "2024-03-20" in meta.title and "Gulf desk" in meta.title
    assert meta.author == "Example Analysis Ltd"
    assert "3 sources" in meta.subject
    assert "Wang Kejian" in meta["/Keywords"]
    assert meta.creation_date is not None


def test_page_numbers_header_and_date_conflict(rendered):
    _, reader, _ = rendered
    text = text_of(reader)
    n = len(reader.pages)
    assert f"page 1 of {n}" in text and f"page {n} of {n}" in text
    assert "Sources disagree on the date: CNN [2] and MEMRI [3]: 17 March 2024" in text
    assert "Atlas News [1]: 18 March 2024 (“On March 18th”)" in text
    assert "3 sources from 3 outlets" in text
    assert "18–19 March 2024 (1 without a date)" in text  # publication span in the header
    assert "1 file could not be read" in text and "unsupported file type" in text
    assert "Left out as boilerplate: 2 lines" in text


def test_every_citation_is_a_working_link(rendered):
    briefing, reader, _ = rendered
    links = internal_links(reader)
    # every source is the target of at least one link, and nothing links elsewhere inside the document
    assert {s.id for s in briefing.sources} <= set(links)
    targets = {s.id for s in briefing.sources} | {m.id for m in briefing.meetings}
    assert set(links) <= targets
    text = text_of(reader)
    for p in briefing.positions:
        assert " ".join(p.evidence.split()) in text


def test_names_in_original_script_use_embedded_fonts(rendered):
    _, reader, _ = rendered
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # the families declared in templates/fonts/*.css, embedded as subsets
    assert {f.split("+")[-1] for f in fonts} >= {"Briefing-Sans", "Briefing-Sans-Bold", "Briefing-Arabic",
                                                 "Briefing-CJK"}
    assert "王克俭" in text_of(reader)


def test_html_is_the_same_document(rendered):
    _, _, written = rendered
    html = written["html"].read_text(encoding="utf-8")
    assert html.count('<article class="meeting"') == 2 and 'href="#s3"' in html


def test_bottom_line_sentences_carry_sources():
    sentences = summary.bottom_line(doha_briefing())
    assert 3 <= len(sentences) <= 6
    assert all(s.sources for s in sentences)
    assert sentences[1].text == ("On 10 March 2024 in Cairo, Wang Kejian (Chinese envoy) met Khalid Manzalawi "
                                 "(Arab League official).")
    doha = next(s for s in sentences if "Doha" in s.text)
    # a title is given once, at the actor's first mention
    assert doha.text.startswith("On 17 March 2024 in Doha, Qatar, Wang Kejian met Ismail Haniyeh (Hamas political")
    assert "disagree on the date" in doha.text and doha.sources == ["s1", "s2", "s3"]


def test_date_claims_ignore_vagueness():
    m = doha_briefing().meetings[1]
    claims = summary.date_claims(m)
    assert [(c.label, c.sources) for c in claims] == [("17 March 2024", ["s2", "s3"]), ("18 March 2024", ["s1"])]
    m.date_reports = [DateReport("s1", "2024-03", "month"), DateReport("s2", "2024-03-17", "day")]
    assert summary.date_claims(m) == []


def test_long_date_and_period():
    assert summary.long_date("2024-03-17") == "17 March 2024"
    assert summary.long_date("2024-03", "month") == "March 2024"
    assert summary.long_date(None) == "date not stated"
    assert summary.period(date(2024, 3, 1), date(2024, 3, 9)) == "1–9 March 2024"
    assert summary.period("2024-02-27", "2024-03-02") == "27 February 2024 – 2 March 2024"


def test_hundred_sources_no_meetings_letter(tmp_path):
    """A large, meeting-less briefing still reads: the empty case is said, all 100 sources are listed."""
    sources = [source(i, f"Outlet {i % 7}", date(2024, 3, 1 + i % 19)) for i in range(1, 101)]
    actors = [Actor(f"a{i}", f"Person {i}", "person", sources=[f"s{i}"]) for i in range(1, 41)]
    positions = [Position(f"a{i}", "that talks should go on", f"s{i}", f"Person {i} said that talks should go on.")
                 for i in range(1, 41)]
    briefing = Briefing(DAY, "Wide sweep", sources, actors, [], positions)
    written = write_outputs(briefing, make_config(tmp_path, page_size="Letter"), tmp_path / "out")
    reader = PdfReader(written["pdf"])
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    text = text_of(reader)
    assert "No meetings were found in the 100 sources." in text
    assert "100 sources from 7 outlets" in text and "1–19 March 2024" in text
    assert "Article 100" in text
    assert {f"s{i}" for i in range(1, 41)} <= set(internal_links(reader))  # every position's citation


def test_single_part_override(tmp_path):
    """A templates folder with only meeting.html replaces that part; everything else stays default."""
    own = tmp_path / "own"
    own.mkdir()
    (own / "meeting.html").write_text(
        '<article class="meeting" id="{{ m.id }}"><h3 class="meeting-heading">Custom {{ m.place }}</h3>'
        '{% for s in m.sources %}{{ x.cite(s) }}{% endfor %}</article>\n', encoding="utf-8")
    html = render_html(doha_briefing(), make_config(tmp_path, templates=own))
    assert "Custom Doha, Qatar" in html and "Bottom line" in html and 'id="s3"' in html
    assert "Sources disagree" not in html
    reader = PdfReader(write_outputs(doha_briefing(), make_config(tmp_path, templates=own), tmp_path / "out")["pdf"])
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert "Briefing-Sans" in fonts  # packaged fonts/ and style.css still reach the PDF
    assert "page 1 of" in text_of(reader)


def test_block_override_extends_default(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "briefing.html").write_text(
        '{% extends "default/briefing.html" %}{% block positions %}<p>Positions withheld</p>{% endblock %}',
        encoding="utf-8")
    html = render_html(doha_briefing(), make_config(tmp_path, templates=own))
    assert "Positions withheld" in html and 'id="positions"' not in html
    assert 'id="meetings"' in html


def large_briefing(meetings: int = 150, sources: int = 60) -> Briefing:
    """A long briefing built from dataclasses: each meeting has its own envoy, so its line is findable."""
    srcs = [source(i, f"Outlet {i % 9}", date(2024, 3, 1 + i % 19)) for i in range(1, sources + 1)]
    actors = [Actor("a0", "Nadia Hashemi", "person", title="Foreign minister", sources=["s1"],
                    meetings=[f"m{i}" for i in range(1, meetings + 1)])]
    meeting_list, positions = [], []
    for i in range(1, meetings + 1):
        actors.append(Actor(f"a{i}", f"Envoy Number{i}", "person", title="Special envoy", sources=[f"s{1 + i % sources}"],
                            meetings=[f"m{i}"]))
        cited = [f"s{1 + (i + k) % sources}" for k in range(1 + (i % 7 == 0) * 4)]  # every 7th: five sources
        meeting_list.append(Meeting(f"m{i}", f"2024-03-{1 + i % 19:02d}" if i % 5 else None,
                                    "day" if i % 5 else "unresolved", "Doha" if i % 2 else None, ["a0", f"a{i}"],
                                    sources=cited, evidence=[Evidence(s, f"Hashemi met envoy {i}.") for s in cited]))
        positions += [Position(f"a{i}", f"that point {k} matters", cited[0], f"Envoy {i} said point {k} matters.")
                      for k in range(3)]
    meeting_list.sort(key=lambda m: (m.date is None, m.date or ""))
    return Briefing(DAY, "Long sweep", srcs, actors, meeting_list, positions)


@pytest.fixture(scope="module")
def large_rendered(tmp_path_factory):
    return render_once(tmp_path_factory, "large", large_briefing())


def test_large_pdf_lists_every_meeting_and_says_what_it_left_out(large_rendered):
    briefing, reader, _ = large_rendered
    text = text_of(reader)
    number = {m.id: i + 1 for i, m in enumerate(briefing.meetings)}
    featured = summary.featured_meetings(briefing, 20)
    assert len(featured) == 20
    for m in briefing.meetings:  # in full or as one line, never silently dropped
        envoy = next(a.name for a in briefing.actors if a.id == m.participants[1])
        assert re.search(rf"\bM{number[m.id]}\b", text) and envoy in text
    assert "130 further meetings are listed here" in text
    assert "briefing-2024-03-20.html" in text  # where the full lists are
    assert "is the short form for print" in text
    assert "further actors" in text and "further statements by" in text
    links = set(internal_links(reader))
    assert links <= {s.id for s in briefing.sources} | {m.id for m in briefing.meetings}
    assert {s.id for s in briefing.sources} <= links  # every source line is there to be cited
    assert len(reader.pages) < 25  # a briefing, not a dump: 150 meetings in full would be about 60 pages


def test_large_html_and_json_keep_everything(large_rendered):
    briefing, _, written = large_rendered
    html = written["html"].read_text(encoding="utf-8")
    assert html.count('<article class="meeting"') == len(briefing.meetings)
    assert "further meetings" not in html and "short form for print" not in html
    assert all(f"Envoy {i} said point 2 matters." in html for i in range(1, 151))
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    assert len(data["meetings"]) == 150 and len(data["positions"]) == 450 and len(data["actors"]) == 151


def test_featured_meetings_most_sources_then_most_recent_in_briefing_order():
    briefing = large_briefing()
    featured = summary.featured_meetings(briefing, 20)
    five = [m for m in briefing.meetings if len(m.sources) == 5]
    assert len(five) == 21 and all(len(m.sources) == 5 for m in featured)
    # of the 21 best-reported, the one left out is undated: the most recent come first
    assert {m.id for m in five if m.date} <= {m.id for m in featured}
    order = [m.id for m in briefing.meetings]
    assert [m.id for m in featured] == sorted((m.id for m in featured), key=order.index)
    assert summary.featured_meetings(briefing, None) == briefing.meetings


@pytest.mark.parametrize("text, verb, expected", [
    ("that the ferry must run again", None, "Anna Berg said that the ferry must run again."),
    ("the new ferry link between the ports", "welcomed", "Anna Berg welcomed the new ferry link between the ports."),
    ("Norway has worked hard for the link", "pointed out", "Anna Berg pointed out: Norway has worked hard for the link."),
    ("that the storm caused “a serious crisis.", None, "Anna Berg said that the storm caused “a serious crisis”."),
])
def test_a_position_reads_as_a_sentence_in_the_bottom_line(text, verb, expected):
    berg = Actor(id="a1", name="Anna Berg", kind="person")
    position = Position(actor="a1", text=text, source="s1", evidence=text, verb=verb)
    assert summary.position_sentence(position, {"a1": berg}).text == expected


def test_a_template_cannot_reach_the_delivery_settings(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "header.html").write_text("<p>{{ config.email.password }}</p>\n", encoding="utf-8")
    config = make_config(tmp_path, templates=own, email=EmailConfig(password="s3cret-pass"))
    with pytest.raises(RenderError, match="header.html"):
        render_html(doha_briefing(), config)


@pytest.mark.parametrize("outlets, header", [
    (["CNN", None, None], "3 sources: 1 from 1 outlet, 2 not naming one"),
    (["CNN", "cnn", "MEMRI"], "3 sources from 2 outlets"),
    ([None, None, None], "3 sources, outlets not stated"),
])
def test_header_counts_only_outlets_the_sources_name(tmp_path, outlets, header):
    briefing = replace(doha_briefing(), sources=[source(i + 1, o) for i, o in enumerate(outlets)])
    html = render_html(briefing, make_config(tmp_path))
    assert header in " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_fetched_source_links_its_page_and_its_archived_copy(tmp_path):
    fetched = source(2, "CNN", url="https://edition.cnn.com/2024/03/19/china-hamas",
                     archive="archive/edition.cnn.com/0f3a.html", fetched="2024-03-19T07:02:11+00:00")
    briefing = replace(doha_briefing(), sources=[source(1, "Atlas News"), fetched, source(3, "MEMRI")])
    html = render_html(briefing, make_config(tmp_path))
    assert ('<a href="https://edition.cnn.com/2024/03/19/china-hamas">' in html
            and '<a class="archived" href="archive/edition.cnn.com/0f3a.html">archived copy</a> '
                "(fetched 19 March 2024)" in html)


def test_a_source_without_headline_is_named_by_outlet_and_date(tmp_path):
    briefing = doha_briefing()
    for s in briefing.sources:
        s.article.title, s.article.outlet, s.article.published = None, None, date(2024, 3, 18)
    html = render_html(briefing, make_config(tmp_path))
    assert "Outlet not stated, 18 March 2024" in html
    assert not any(s.article.path.name in html.split('id="sources"')[0] for s in briefing.sources)


def wide_briefing(sources: int = 48) -> Briefing:
    """The Doha briefing reported by `sources` outlets, with five meetings: three fit the bottom line."""
    briefing = doha_briefing()
    briefing.sources = [source(i, f"Outlet {i}", date(2024, 3, 18)) for i in range(1, sources + 1)]
    ids = [s.id for s in briefing.sources]
    doha = briefing.meetings[1]
    doha.sources, doha.conflicts, doha.date_reports = ids, [], []
    briefing.meetings += [
        Meeting("m3", "2024-03-13", "day", "Ramallah, West Bank", ["a1", "a3"], sources=ids[:30],
                evidence=[Evidence("s1", "Wang met Manzalawi in Ramallah.")]),
        Meeting("m4", "2024-03-14", "day", "Jerusalem", ["a1", "a2"], sources=ids[:2],
                evidence=[Evidence("s1", "Wang met Haniyeh in Jerusalem.")]),
        Meeting("m5", "2024-03-15", "day", "Amman", ["a2", "a3"], sources=ids[:1],
                evidence=[Evidence("s1", "Haniyeh met Manzalawi in Amman.")]),
    ]
    return briefing


def page_texts(pdf: PdfReader, page: int = 0) -> list[tuple[float, str]]:
    """(x, text) of every piece of text the page draws, in user space."""
    pieces = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            pieces.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text))
    pdf.pages[page].extract_text(visitor_text=visit)
    return pieces


def bottom_line_lines(pdf: PdfReader) -> list[str]:
    text = pdf.pages[0].extract_text()
    return text.split("Bottom line", 1)[1].split("Meetings\n", 1)[0].strip().split("\n")


@pytest.mark.parametrize("page_size", ["A4", "Letter", "A5"])
def test_bottom_line_citations_wrap_inside_the_page_and_no_word_stands_alone(tmp_path, page_size):
    config = make_config(tmp_path, page_size=page_size)
    pdf = PdfReader(write_outputs(wide_briefing(), config, tmp_path / "out")["pdf"])
    width = float(pdf.pages[0].mediabox.width)
    right_margin = 18 / 25.4 * 72
    cites = [(x, t) for x, t in page_texts(pdf) if re.fullmatch(r"\[\d+\]", t.strip())]
    assert len(cites) > 48
    assert all(x < width - right_margin - 8 for x, _ in cites), max(x for x, _ in cites)
    lines = bottom_line_lines(pdf)
    for before, line in zip(["]", *lines], lines):
        words = re.sub(r"\[\d+\]|\u200b|•", " ", line).split()
        assert len(words) != 1, (line, lines)  # no "On" alone, no last word alone
        if not words and "[" in line:  # citations only: they go on from the line before, never start after its last word
            assert before.endswith("]"), (line, lines)


def test_a_bottom_line_item_breaks_at_its_last_chance_not_its_first(tmp_path):
    """A no-break space before the citations made WeasyPrint break after the item's first
    words ("On 25" alone above the rest): each line must be as full as the next word allows."""
    briefing = doha_briefing()
    briefing.actors[0] = replace(briefing.actors[0], name="Sergei Lavrov", title="Russian foreign minister")
    briefing.actors[1] = replace(briefing.actors[1], name="Wang Yi", title="Chinese Foreign Minister")
    briefing.meetings = [replace(briefing.meetings[1], date="2024-07-25", place=None, conflicts=[], date_reports=[],
                                 sources=["s2"])]
    briefing.positions = []
    pdf = PdfReader(write_outputs(briefing, make_config(tmp_path), tmp_path / "out")["pdf"])
    lines = [line for line in bottom_line_lines(pdf) if "Lavrov" in line or "Minister)" in line]
    assert lines and "On 25 July 2024, Sergei Lavrov" in lines[0].replace("\xa0", " "), lines


def test_bottom_line_says_how_many_meetings_it_leaves_out(tmp_path):
    pdf = PdfReader(write_outputs(wide_briefing(), make_config(tmp_path), tmp_path / "out")["pdf"])
    assert "2 more meetings in the Meetings section." in " ".join(bottom_line_lines(pdf))


CHROMIUM = Path("/usr/bin/chromium")


def screenshot(html: Path, png: Path, profile: Path) -> None:
    """A real browser's view of the page: Chromium from the distribution, headless, offline, fresh profile."""
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    f"--user-data-dir={profile}", "--window-size=1000,1200", f"--screenshot={png}",
                    html.as_uri()], check=True, capture_output=True, timeout=120)


def test_html_briefing_opens_styled_in_a_browser_from_anywhere(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); the HTML is checked without a browser")
    from PIL import Image

    written = write_outputs(doha_briefing(), make_config(tmp_path), tmp_path / "out")
    html = written["html"].read_text(encoding="utf-8")
    elsewhere = tmp_path / "mailed" / written["html"].name  # as a reader saves it from the short-form PDF's pointer
    elsewhere.parent.mkdir()
    elsewhere.write_text(html, encoding="utf-8")
    screenshot(elsewhere, tmp_path / "page.png", tmp_path / "profile")
    colours = {rgb: n for n, rgb in Image.open(tmp_path / "page.png").convert("RGB").getcolors(maxcolors=1 << 24)}
    assert colours.get((0xf2, 0xf5, 0xf9), 0) > 20_000  # the bottom line's shaded box
    assert colours.get((0x1f, 0x4e, 0x8c), 0) > 500  # its blue rule and the section headings
    assert "<link" not in html and "url(" not in html  # nothing it would need beside it


def test_a_user_stylesheet_extends_the_packaged_one(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "style.css").write_text(".bottom-line { background: #fff3d6; }\n", encoding="utf-8")
    config = make_config(tmp_path, templates=own)
    html = render_html(doha_briefing(), config)
    assert html.index(".bottom-line { background: #f2f5f9;") < html.index(".bottom-line { background: #fff3d6; }")
    reader = PdfReader(write_outputs(doha_briefing(), config, tmp_path / "out")["pdf"])
    assert "page 1 of" in text_of(reader)  # the packaged @page rules still lay out the PDF
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=0.5)
