"""Email delivery against a real SMTP server (aiosmtpd) on 127.0.0.1, with real TLS (trustme)."""
from __future__ import annotations

import asyncio
import email
import email.policy
import html
import json
import logging
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner

from digest.cli import main
from digest.collect import collect
from digest.config import load_config
from digest.deliver import email as delivery
from digest.errors import DeliveryError
from digest.extract import extract
from digest.history import SENT, WRITTEN, load_seen
from digest.merge import merge
from digest.models import EmailConfig
from digest.render import write_outputs

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


@pytest.fixture(scope="session")
def briefing_pdf(tmp_path_factory, nlp):
    """One real briefing (from one shipped article) and its PDF, shared by the email tests."""
    root = tmp_path_factory.mktemp("briefing")
    (root / "inputs").mkdir()
    article = sorted(INPUTS.iterdir())[0]
    shutil.copy(article, root / "inputs" / article.name)
    (root / "digest.yaml").write_text("title: Mail test\ninputs: [inputs]\noutput: out\n", encoding="utf-8")
    config = load_config(root / "digest.yaml")
    articles, _ = collect(config.inputs, config.max_file_bytes)
    briefing = merge(extract(articles, nlp), date(2024, 3, 20), config.title, [])
    briefing.sources[0].new = True
    return briefing, write_outputs(briefing, config, config.output)["pdf"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler that keeps what it accepts; `replies` are answered to DATA first."""

    def __init__(self, replies=()):
        self.replies = list(replies)
        self.received = []
        self.attempts = 0

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.replies:
            return self.replies.pop(0)
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    """Start servers on free ports; yields a factory taking Controller options."""
    started = []

    def start(inbox=None, **options):
        inbox = inbox or Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **options)
        controller.start()
        started.append(controller)
        return inbox, controller.port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="session")
def ca():
    return trustme.CA()


@pytest.fixture
def tls(ca, tmp_path, monkeypatch):
    """A server context with a certificate for 127.0.0.1, and the client trusting its CA.

    The client side is the production default context: OpenSSL reads SSL_CERT_FILE,
    the same way an operator would trust a company CA.
    """
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    return server


def settings(port, **changes) -> EmailConfig:
    base = EmailConfig(enabled=True, host="127.0.0.1", port=port, sender="digest@example.org",
                       to=["ann@example.org"], cc=["carl@example.org"], bcc=["bea@example.org"],
                       subject="{title} - {date}", timeout=5, retries=2, retry_delay=1)
    return replace(base, **changes)


def message_for(briefing_pdf, config):
    briefing, pdf = briefing_pdf
    return delivery.compose(briefing, config, pdf, delivery.bottom_line(briefing))


def no_sleep(delays):
    return delays.append


def test_message_reaches_every_reader_with_bodies_and_attachment(briefing_pdf, smtp_server):
    inbox, port = smtp_server()
    config = settings(port)
    delivery.send(message_for(briefing_pdf, config), config)
    [envelope] = inbox.received
    assert envelope.mail_from == "digest@example.org"
    assert sorted(envelope.rcpt_tos) == ["ann@example.org", "bea@example.org", "carl@example.org"]
    received = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert received["Subject"] == "Mail test - 2024-03-20"
    assert received["To"] == "ann@example.org" and received["Cc"] == "carl@example.org"
    assert received["Bcc"] is None and b"bea@example.org" not in envelope.content
    briefing, pdf = briefing_pdf
    first = delivery.bottom_line(briefing)[0]
    text = received.get_body(("plain",)).get_content()
    page = received.get_body(("html",)).get_content()
    assert "Bottom line:" in text and first in text and "1 new since the previous briefing" in text
    assert "<h2>Bottom line</h2>" in page and first.split(" ")[0] in page
    [attachment] = received.iter_attachments()
    assert attachment.get_filename() == "briefing-2024-03-20.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()


def test_bottom_line_is_the_briefings_with_citations(briefing_pdf):
    briefing, _ = briefing_pdf
    lines = delivery.bottom_line(briefing)
    assert 3 <= len(lines) <= 6
    assert any("Wang Kejian" in line for line in lines)
    assert all(line.endswith("]") for line in lines)


def test_starttls(briefing_pdf, smtp_server, tls):
    inbox, port = smtp_server(tls_context=tls, require_starttls=True)
    config = settings(port, security="starttls")
    delivery.send(message_for(briefing_pdf, config), config)
    assert len(inbox.received) == 1


def test_ssl(briefing_pdf, smtp_server, tls):
    inbox, port = smtp_server(ssl_context=tls)
    config = settings(port, security="ssl")
    delivery.send(message_for(briefing_pdf, config), config)
    assert len(inbox.received) == 1


def test_untrusted_certificate_is_permanent(briefing_pdf, smtp_server, tls, monkeypatch, tmp_path):
    inbox, port = smtp_server(tls_context=tls, require_starttls=True)
    (tmp_path / "other.pem").write_bytes(trustme.CA().cert_pem.bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "other.pem"))
    config = settings(port, security="starttls")
    delays = []
    with pytest.raises(DeliveryError, match="refused the briefing: .*certificate verify failed"):
        delivery.send(message_for(briefing_pdf, config), config, sleep=no_sleep(delays))
    assert delays == [] and inbox.received == []


def login(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"digest", b"s3cret")
    return AuthResult(success=ok, handled=False)


def test_login_succeeds(briefing_pdf, smtp_server, tls):
    inbox, port = smtp_server(tls_context=tls, require_starttls=True, authenticator=login, auth_required=True)
    config = settings(port, security="starttls", username="digest", password="s3cret")
    delivery.send(message_for(briefing_pdf, config), config)
    assert len(inbox.received) == 1


def test_login_failure_is_permanent(briefing_pdf, smtp_server, tls):
    inbox, port = smtp_server(tls_context=tls, require_starttls=True, authenticator=login, auth_required=True)
    config = settings(port, security="starttls", username="digest", password="wrong")
    delays = []
    with pytest.raises(DeliveryError, match=r"login failed \(535"):
        delivery.send(message_for(briefing_pdf, config), config, sleep=no_sleep(delays))
    assert delays == [] and inbox.received == []


def test_missing_password_is_reported_before_connecting(briefing_pdf):
    config = settings(free_port(), username="digest", password=None, password_env="SMTP_PASSWORD")
    with pytest.raises(DeliveryError, match="password variable SMTP_PASSWORD is not set"):
        delivery.send(message_for(briefing_pdf, config), config)


def test_permanent_refusal_is_not_retried(briefing_pdf, smtp_server):
    inbox, port = smtp_server(Inbox(["554 5.7.1 message rejected"] * 5))
    config = settings(port)
    delays = []
    with pytest.raises(DeliveryError, match="refused the briefing: 554 5.7.1 message rejected"):
        delivery.send(message_for(briefing_pdf, config), config, sleep=no_sleep(delays))
    assert inbox.attempts == 1 and delays == []


def test_temporary_failure_is_retried_with_backoff(briefing_pdf, smtp_server):
    inbox, port = smtp_server(Inbox(["451 4.3.0 try again later", "421 4.3.2 busy"]))
    config = settings(port, retries=3, retry_delay=1.5)
    delays = []
    delivery.send(message_for(briefing_pdf, config), config, sleep=no_sleep(delays))
    assert inbox.attempts == 3 and len(inbox.received) == 1
    assert delays == [1.5, 3.0]


def test_unreachable_server_gives_up_after_retries(briefing_pdf):
    config = settings(free_port(), retries=2)
    delays = []
    with pytest.raises(DeliveryError, match="still failing after 3 attempts"):
        delivery.send(message_for(briefing_pdf, config), config, sleep=no_sleep(delays))
    assert delays == [1, 2]


def test_eml_is_the_message_without_bcc(briefing_pdf, tmp_path):
    config = settings(25)
    target = delivery.write_eml(message_for(briefing_pdf, config), tmp_path / "briefing.eml")
    raw = target.read_bytes()
    assert b"\r\n" in raw and b"bea@example.org" not in raw
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == "Mail test - 2024-03-20"
    assert next(parsed.iter_attachments()).get_content() == briefing_pdf[1].read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.eml"]


@pytest.fixture
def mail_project(tmp_path, monkeypatch):
    """One short shipped article, and a config that mails ann (to) and bea (bcc) on 127.0.0.1:<port>."""
    articles = sorted(INPUTS.iterdir(), key=lambda p: p.stat().st_size)
    (tmp_path / "inputs").mkdir()
    shutil.copy(articles[0], tmp_path / "inputs" / articles[0].name)
    monkeypatch.chdir(tmp_path)

    def configure(port, extra=""):
        (tmp_path / "digest.yaml").write_text(
            f"title: T\ninputs: [inputs]\noutput: out\n{extra}email:\n  host: 127.0.0.1\n  port: {port}\n"
            "  to: [ann@example.org]\n  bcc: [bea@example.org]\n  retries: 0\n", encoding="utf-8")
        return ["--config", str(tmp_path / "digest.yaml"), "--date", "2024-03-20"]

    return tmp_path, articles[1], configure


def test_run_send_then_new_marks_then_skip_unchanged(mail_project, smtp_server, caplog):
    root, second, configure = mail_project
    inbox, port = smtp_server()
    args = configure(port)
    result = CliRunner().invoke(main, ["run", *args, "--send"])
    assert result.exit_code == 0, result.output
    pdf = root / "out" / "briefing-2024-03-20.pdf"
    [envelope] = inbox.received
    assert sorted(envelope.rcpt_tos) == ["ann@example.org", "bea@example.org"]
    sent = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert next(sent.iter_attachments()).get_content() == pdf.read_bytes()
    assert len(load_seen(root / "out")) == 1

    shutil.copy(second, root / "inputs" / second.name)
    result = CliRunner().invoke(main, ["run", *args, "--dry-run"])
    assert result.exit_code == 0, result.output
    eml = email.message_from_bytes((root / "out" / "briefing-2024-03-20.eml").read_bytes(),
                                   policy=email.policy.default)
    assert eml["To"] == "ann@example.org" and eml["Bcc"] is None
    assert len(inbox.received) == 1 and len(load_seen(root / "out")) == 1  # a dry run sends and records nothing
    data = json.loads((root / "out" / "briefing-2024-03-20.json").read_text(encoding="utf-8"))
    assert {Path(s["path"]).name: s["new"] for s in data["sources"]} == {
        p.name: p.name == second.name for p in (root / "inputs").iterdir()}
    assert "New:" in (root / "out" / "briefing-2024-03-20.html").read_text(encoding="utf-8")

    args = configure(port, "schedule:\n  skip_unchanged: true\n")
    assert CliRunner().invoke(main, ["run", *args]).exit_code == 0  # a preview writes the new source ...
    assert len(load_seen(root / "out", WRITTEN)) == 2 and len(load_seen(root / "out", SENT)) == 1
    result = CliRunner().invoke(main, ["run", *args, "--send"])  # ... and the mail still brings it
    assert result.exit_code == 0, result.output
    assert len(inbox.received) == 2
    second_mail = email.message_from_bytes(inbox.received[1].content, policy=email.policy.default)
    assert "2 sources, 1 new since the previous briefing" in second_mail.get_body(("plain",)).get_content()
    before = pdf.stat().st_mtime_ns
    with caplog.at_level(logging.INFO, logger="digest"):
        result = CliRunner().invoke(main, ["run", *args, "--send"])
    assert result.exit_code == 0 and result.output == ""
    assert "nothing new since the previous briefing" in caplog.text
    assert pdf.stat().st_mtime_ns == before and len(inbox.received) == 2


def test_preview_first_does_not_empty_the_first_mail(mail_project, smtp_server):
    root, _, configure = mail_project
    inbox, port = smtp_server()
    args = configure(port, "schedule:\n  skip_unchanged: true\n")
    assert CliRunner().invoke(main, ["run", *args]).exit_code == 0
    result = CliRunner().invoke(main, ["run", *args, "--send"])
    assert result.exit_code == 0, result.output
    [envelope] = inbox.received
    body = email.message_from_bytes(envelope.content, policy=email.policy.default).get_body(("plain",))
    assert "1 sources, 1 new since the previous briefing" in body.get_content()


class RefusingInbox(Inbox):
    """Refuses one reader at RCPT with a permanent 550, accepts the others."""

    def __init__(self, refused: str):
        super().__init__()
        self.refused = refused

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refused:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_one_refused_reader_fails_the_run_and_the_others_get_it(mail_project, smtp_server, caplog):
    root, _, configure = mail_project
    inbox, port = smtp_server(RefusingInbox("bea@example.org"))
    with caplog.at_level(logging.ERROR):
        result = CliRunner().invoke(main, ["run", *configure(port), "--send"])
    assert result.exit_code == 1
    assert result.output.strip() == (f"digest: 127.0.0.1:{port}: the briefing did not reach bea@example.org "
                                     "(550 5.1.1 no such user); the other readers got it")
    assert "refused reader bea@example.org" in caplog.text
    [envelope] = inbox.received
    assert envelope.rcpt_tos == ["ann@example.org"]
    assert len(load_seen(root / "out", SENT)) == 1  # ann is not mailed the same briefing again


def test_mail_lists_the_numbered_sources(briefing_pdf, smtp_server):
    inbox, port = smtp_server()
    config = settings(port)
    delivery.send(message_for(briefing_pdf, config), config)
    received = email.message_from_bytes(inbox.received[0].content, policy=email.policy.default)
    briefing, _ = briefing_pdf
    entry = "[1] Chinese Official Meets with Hamas Politburo Head in Qatar, outlet not stated, date not stated"
    text = received.get_body(("plain",)).get_content()
    page = received.get_body(("html",)).get_content()
    assert "Sources:" in text and entry in text and "[1]" in delivery.bottom_line(briefing)[0]
    assert "<h2>Sources</h2>" in page and html.escape(entry) in page


def test_run_send_refused_exits_1_and_keeps_the_pdf(mail_project, smtp_server):
    root, _, configure = mail_project
    inbox, port = smtp_server(Inbox(["550 5.1.1 no such user"]))
    result = CliRunner().invoke(main, ["run", *configure(port), "--send"])
    assert result.exit_code == 1
    assert result.output.strip() == f"digest: 127.0.0.1:{port} refused the briefing: 550 5.1.1 no such user"
    assert (root / "out" / "briefing-2024-03-20.pdf").read_bytes().startswith(b"%PDF")
    assert load_seen(root / "out") is None  # the next run still counts these sources as new and sends


class HangingInbox(Inbox):
    """Accepts the connection, then never answers DATA: a server that hangs mid-send."""

    def __init__(self):
        super().__init__()
        self.hanging = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.hanging.set()
        await asyncio.sleep(300)
        return "250 OK"


def test_sigterm_while_the_server_hangs_stops_the_schedule_at_once(mail_project, smtp_server):
    root, _, configure = mail_project
    inbox, port = smtp_server(HangingInbox())
    configure(port)
    config = root / "digest.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  retries: 0\n", "  retries: 3\n  timeout: 60\n")
                      + "  enabled: true\n", encoding="utf-8")
    job = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(config), "--now"],
                           cwd=root, stderr=subprocess.PIPE, text=True)
    try:
        assert inbox.hanging.wait(180), "the scheduled run never reached the SMTP server"
        job.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, log_text = job.communicate(timeout=30)
    finally:
        job.kill()
    assert time.monotonic() - started < 5
    assert job.returncode == 0
    assert "SIGTERM received while sending: not sent" in log_text and "stopped" in log_text
    assert list((root / "out").glob("briefing-*.pdf"))  # the next run sends it
