"""Mail the briefing PDF to the configured readers; the only module that speaks SMTP.

Temporary failures (4xx replies, refused or dropped connections, timeouts) are
retried with doubling delays; permanent ones (5xx, a failed login, TLS errors)
raise DeliveryError at once. The PDF is on disk before this runs, so a failed
send loses nothing: the next run, or `digest run --send`, sends it again. For
the same reason SIGTERM or Ctrl-C while sending abort at once, even inside a
hanging SMTP conversation or a retry wait, instead of letting a stop wait out
every timeout (past systemd's 90 s stop limit).
"""
from __future__ import annotations

import email.policy
import html
import logging
import os
import signal
import smtplib
import ssl
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from .. import summary
from ..errors import DeliveryError
from ..models import Briefing, EmailConfig

log = logging.getLogger(__name__)


def bottom_line(briefing: Briefing) -> list[str]:
    """The briefing's bottom-line sentences, each with its source numbers, as in the PDF."""
    return [f"{sentence.text} [{', '.join(sid.lstrip('s') for sid in sentence.sources)}]"
            if sentence.sources else sentence.text for sentence in summary.bottom_line(briefing)]


def source_list(briefing: Briefing) -> list[tuple[str, str | None]]:
    """Each source as ("[n] title, outlet, date", url or None), numbered as the citations are.

    The bottom line cites "[1, 2, 4]"; a reader on a phone should not need the
    PDF to see what 4 is.
    """
    items = []
    for s in briefing.sources:
        a = s.article
        published = summary.long_date(a.published.isoformat()) if a.published else "date not stated"
        text = f"{a.title}, {a.outlet or 'outlet not stated'}, {published}" if a.title else summary.source_label(a)
        items.append((f"[{s.id.lstrip('s')}] {text}", a.url))
    return items


def compose(briefing: Briefing, settings: EmailConfig, pdf: Path, lines: list[str]) -> EmailMessage:
    """The message: plain text and HTML bodies with the summary lines and the numbered sources, and the PDF.

    Bcc readers get no header (they are added to the envelope by send()), so
    other readers cannot see them.
    """
    date = briefing.date.isoformat()
    message = EmailMessage()
    message["Subject"] = settings.subject.format(title=briefing.title, date=date)
    message["From"] = settings.sender
    if settings.to:
        message["To"] = ", ".join(settings.to)
    if settings.cc:
        message["Cc"] = ", ".join(settings.cc)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    new = sum(s.new for s in briefing.sources)
    footer = (f"{len(briefing.sources)} sources, {new} new since the previous briefing. "
              f"The full briefing is attached as {pdf.name}.")
    sources = source_list(briefing)
    message.set_content("\n".join([f"{briefing.title} - {date}", "", "Bottom line:", "",
                                   *(f"- {line}" for line in lines), "", "Sources:", "",
                                   *(f"{text}, {url}" if url else text for text, url in sources),
                                   "", footer, ""]))
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    cited = "".join(f"<li>{html.escape(text)}" + (f', <a href="{html.escape(url)}">{html.escape(url)}</a>' if url else "")
                    + "</li>" for text, url in sources)
    message.add_alternative(
        f"<!DOCTYPE html><html><body><h1>{html.escape(briefing.title)} &ndash; {date}</h1>"
        f"<h2>Bottom line</h2><ul>{items}</ul><h2>Sources</h2><ul>{cited}</ul>"
        f"<p>{html.escape(footer)}</p></body></html>\n", subtype="html")
    try:
        payload = pdf.read_bytes()
    except OSError as exc:
        raise DeliveryError(f"cannot read the briefing to attach: {exc.strerror or exc}", pdf) from exc
    message.add_attachment(payload, maintype="application", subtype="pdf", filename=pdf.name)
    return message


def recipients(settings: EmailConfig) -> list[str]:
    """Envelope recipients: to, cc and bcc, each once."""
    return list(dict.fromkeys(settings.to + settings.cc + settings.bcc))


def write_eml(message: EmailMessage, target: Path) -> Path:
    """Write the message exactly as it would go over SMTP (CRLF lines), atomically."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(message.as_bytes(policy=email.policy.SMTP))
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DeliveryError(f"cannot write: {exc.strerror or exc}", target) from exc
    return target


def check_ready(settings: EmailConfig) -> None:
    """Raise DeliveryError if sending cannot work, so a run can fail before rendering."""
    if not recipients(settings):
        raise DeliveryError("no readers to send to: set 'email.to', 'email.cc' or 'email.bcc' in the config")
    if settings.username and settings.password is None:
        raise DeliveryError(f"'email.username' is set but the password variable "
                            f"{settings.password_env or '(email.password_env is empty)'} is not set")


def send(message: EmailMessage, settings: EmailConfig, sleep: Callable[[float], None] = time.sleep) -> dict[str, str]:
    """Send with retries on temporary failures; raise DeliveryError when it cannot be sent.

    Returns the readers the server refused while accepting the others
    ({address: reply}), each already logged as an error: the caller records
    the briefing as sent to the rest and still fails the run.
    """
    check_ready(settings)
    to = recipients(settings)
    where = f"{settings.host}:{settings.port}"
    attempts = settings.retries + 1
    with _abort_on_signals():
        for attempt in range(1, attempts + 1):
            try:
                refused = _send_once(message, settings, to)
            except (smtplib.SMTPException, OSError) as exc:
                reason = _describe(exc)
                if not _temporary(exc):
                    raise DeliveryError(f"{where} refused the briefing: {reason}") from exc
                if attempt == attempts:
                    raise DeliveryError(f"{where} still failing after {attempts} attempts: {reason}") from exc
                delay = settings.retry_delay * 2 ** (attempt - 1)
                log.warning("sending failed (%s), attempt %d of %d; retrying in %gs", reason, attempt, attempts, delay)
                sleep(delay)
                continue
            replies = {address: f"{code} {text.decode('utf-8', 'replace')}" for address, (code, text) in refused.items()}
            for address, reply in replies.items():
                log.error("%s refused reader %s: %s; that reader did not get the briefing", where, address, reply)
            log.info("sent %r to %d readers via %s", message["Subject"], len(to) - len(refused), where)
            return replies


@contextmanager
def _abort_on_signals() -> Iterator[None]:
    """While sending, SIGTERM and SIGINT raise DeliveryError at once.

    Python retries a socket read that a signal interrupts, so a handler that
    only sets a flag (as `digest schedule`'s does) would wait for the server's
    timeout, on every retry. The handler in place before (the schedule loop's)
    still runs first, so the loop also learns that it must stop. Only the main
    thread can set signal handlers; elsewhere sending is left as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}

    def abort(signum: int, frame: object) -> None:
        before = previous[signum]
        if callable(before) and before is not signal.default_int_handler:
            before(signum, frame)
        raise DeliveryError(f"{signal.Signals(signum).name} received while sending: not sent; "
                            "the PDF is in the output folder and the next run sends it")

    for signum in previous:
        signal.signal(signum, abort)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if signal.getsignal(signum) is abort:  # a handler may have replaced itself (a second signal kills)
                signal.signal(signum, handler)


def _send_once(message: EmailMessage, settings: EmailConfig, to: list[str]) -> dict:
    context = ssl.create_default_context()
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with smtp:
        try:
            if settings.security == "starttls":
                smtp.starttls(context=context)
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            return smtp.send_message(message, from_addr=settings.sender, to_addrs=to)
        except DeliveryError:
            smtp.close()  # a signal (_abort_on_signals): no polite QUIT to a server that may be hanging
            raise


def _temporary(exc: Exception) -> bool:
    """4xx replies and network trouble may pass; 5xx, login and TLS failures will not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, (smtplib.SMTPException, ssl.SSLError, ssl.CertificateError)):
        return False
    return True  # connection refused or reset, timeout, name lookup


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{a}: {c} {t.decode('utf-8', 'replace')}" for a, (c, t) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login failed ({exc.smtp_code} {exc.smtp_error.decode('utf-8', 'replace')})"
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"{exc.smtp_code} {error}"
    return str(exc) or type(exc).__name__
