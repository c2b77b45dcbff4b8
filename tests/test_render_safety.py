"""Hostile article text and hostile templates: no markup injected, nothing fetched or leaked."""
from __future__ import annotations

import http.server
import io
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from digest.config import load_config
from digest.models import Actor, Article, Briefing, Evidence, Meeting, Position, Skipped, Source
from digest.errors import TemplateError
from digest.render import PRINT_LIMITS, Limits, check_templates, render_html, render_pdf, url_fetcher_for

HOSTILE = "<script>alert(1)</script></div></body>{{ 7*7 }}{% if true %}JINJA{% endif %}<b>bold</b>"


def config_for(tmp_path: Path, extra: str = ""):
    path = tmp_path / "digest.yaml"
    path.write_text("inputs: [in]\noutput: out\n" + extra, encoding="utf-8")
    return load_config(path)


def hostile_briefing() -> Briefing:
    article = Article(path=Path("in/x.txt"), text=HOSTILE, title=f"Title {HOSTILE}", outlet=f"Outlet {HOSTILE}",
                      published=date(2024, 3, 18))
    actor = Actor(id="a1", name=f"Name {HOSTILE}", kind="person", title=f"Minister {HOSTILE}",
                  aliases=[f"Alias {HOSTILE}"], sources=["s1"], meetings=["m1"])
    other = Actor(id="a2", name="Lars Holm", kind="person", sources=["s1"], meetings=["m1"])
    meeting = Meeting(id="m1", date="2024-03-17", date_precision="day", place=f"Place {HOSTILE}",
                      participants=["a1", "a2"], sources=["s1"], evidence=[Evidence("s1", f"Evidence {HOSTILE}")],
                      conflicts=[f"Conflict {HOSTILE}"])
    position = Position(actor="a1", text=f"Position {HOSTILE}", source="s1", evidence=HOSTILE)
    return Briefing(date=date(2024, 3, 20), title=f"Briefing {HOSTILE}", sources=[Source("s1", article)],
                    actors=[actor, other], meetings=[meeting], positions=[position],
                    skipped=[Skipped(f"in/{HOSTILE}.txt", f"reason {HOSTILE}")])


def test_article_text_cannot_inject_markup(tmp_path):
    config = config_for(tmp_path, f"title: 'T {HOSTILE}'\norganisation: 'O {HOSTILE}'\n")
    # bottom-line items tie their ends (a no-break space, a span round the last words)
    html = render_html(hostile_briefing(), config).replace("&nbsp;", " ").replace('<span class="tail">', "")
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert html.count("JINJA") == html.count("{{ 7*7 }}{% if true %}JINJA{% endif %}") > 5  # never evaluated
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/div&gt;" in html
    assert "{{ 7*7 }}{% if true %}" in html
    assert html.count("</body>") == 1
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(html, config))).pages)
    # The PDF shows the hostile strings literally (line breaks fall anywhere, so compare without spaces).
    flat = re.sub(r"\s+", "", text)
    for label in ("Briefing", "Name", "Evidence", "Position", "reason"):
        assert re.sub(r"\s+", "", f"{label} {HOSTILE}") in flat, label


@pytest.fixture
def spy_server():
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"LEAKED")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


SVG = ("<svg xmlns='http://www.w3.org/2000/svg' width='300' height='40'>"
       "<text x='5' y='20'>{}</text></svg>")


@pytest.mark.parametrize("allow_remote", [False, True])
def test_template_cannot_fetch_files_network_or_data(tmp_path, spy_server, allow_remote):
    base, requests = spy_server
    # Sanity: the spy really records requests, so "no request" below means something.
    import urllib.request
    assert urllib.request.urlopen(f"{base}/probe").read() == b"LEAKED"
    assert requests == ["/probe"]
    requests.clear()

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRETCONTENT", encoding="utf-8")
    (tmp_path / "secret.svg").write_text(SVG.format("SECRETSVG"), encoding="utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "ok.txt").write_text("CONTROLATTACH", encoding="utf-8")
    (tpl / "ok.svg").write_text(SVG.format("CONTROLSVG"), encoding="utf-8")
    (tpl / "escape.svg").symlink_to(tmp_path / "secret.svg")
    data_svg = "data:image/svg+xml," + SVG.format("DATAMARK").replace("<", "%3C").replace(">", "%3E")
    (tpl / "briefing.html").write_text(f"""{{% extends "default/briefing.html" %}}
{{% block header %}}<h1>{{{{ b.title }}}}</h1>
<link rel="attachment" href="ok.txt"><img src="ok.svg">
<link rel="attachment" href="file://{secret}"><link rel="attachment" href="file:///etc/passwd">
<link rel="attachment" href="../secret.txt"><img src="escape.svg"><img src="file://{tmp_path}/secret.svg">
<link rel="stylesheet" href="{base}/style.css"><img src="{base}/pixel.png">
<link rel="attachment" href="{base}/leak.txt"><img src="http://localhost:{base.rsplit(':', 1)[1]}/x.png">
<img src="http://169.254.169.254/latest/meta-data/"><img src="{data_svg}">
<style>@import url("file:///etc/passwd"); body {{ background: url("{base}/bg.png"); }}</style>
{{% endblock %}}""", encoding="utf-8")
    config = config_for(tmp_path, f"templates: tpl\nrender:\n  allow_remote_assets: {str(allow_remote).lower()}\n")

    pdf = PdfReader(io.BytesIO(render_pdf(render_html(hostile_briefing(), config), config)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    attachments = {name: b"".join(data) for name, data in (pdf.attachments or {}).items()}

    assert attachments == {"ok.txt": b"CONTROLATTACH"}  # the template's own file, and nothing else
    assert "CONTROLSVG" in text
    assert "SECRETSVG" not in text and "DATAMARK" not in text and "LEAKED" not in text
    assert requests == []


def test_fetcher_refuses_metadata_service_and_loopback_even_when_remote_allowed(tmp_path):
    fetcher = url_fetcher_for(config_for(tmp_path, "render:\n  allow_remote_assets: true\n"))
    for url in ("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1/", "http://[::1]/",
                "http://10.0.0.1/", "https://localhost/", "data:text/plain,x", "ftp://example.org/x",
                "file:///etc/passwd"):
        with pytest.raises(ValueError, match="blocked resource"):
            fetcher.fetch(url)


@pytest.mark.parametrize("escape", [
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.environ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].environ }}",
])
def test_template_escapes_to_python_fail_with_a_template_error(tmp_path, monkeypatch, escape):
    monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "s3cret-pass")
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "header.html").write_text(f"<p>\n{escape}</p>\n", encoding="utf-8")
    config = config_for(tmp_path, "templates: tpl\n")
    with pytest.raises(TemplateError) as err:
        render_html(hostile_briefing(), config)
    assert str(err.value).startswith(f"{tmp_path / 'tpl' / 'header.html'}:2: template error: ")
    assert "unsafe" in str(err.value) and err.value.exit_code == 2


def test_every_packaged_template_renders_in_the_sandbox(tmp_path):
    """The full and the print form of a briefing that fills every part, and each file compiled on its own."""
    config = config_for(tmp_path)
    for limits in (Limits(), PRINT_LIMITS):
        html = render_html(hostile_briefing(), config, limits=limits)
        for part in ("bottom-line", "meetings", "actors", "positions", "sources"):
            assert f'id="{part}"' in html, part
    check_templates(config)
