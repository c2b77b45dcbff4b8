"""Plain dataclasses that flow from one stage to the next.

collect -> Article; extract -> Extraction (mentions, per article);
merge -> Briefing (actors, meetings, positions across sources); render reads a
Briefing only. Keeping mentions and merged records apart lets the merge run on
cached per-article extractions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


@dataclass
class EmailConfig:
    enabled: bool = False
    host: str = "localhost"
    port: int = 25
    security: str = "none"  # none | starttls | ssl
    username: str | None = None
    password_env: str | None = None
    password: str | None = field(default=None, repr=False)  # from password_env, by config.py only; never logged
    sender: str = "digest@localhost"
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    subject: str = "{title} - {date}"
    timeout: float = 30.0
    retries: int = 3
    retry_delay: float = 2.0


@dataclass
class ScheduleConfig:
    every: str = "day"  # as written in the config, for messages
    at: str | None = "07:00"
    timezone: str | None = None
    skip_unchanged: bool = False
    interval: int = 1  # `every` parsed by config.py: every(interval).<unit>
    unit: str = "days"  # seconds | minutes | hours | days | weeks | monday .. sunday


@dataclass
class InputEntry:
    """One entry of the config's `inputs`: a folder, a feed, a file of links or one web page."""

    kind: str  # folder | feed | urls | url
    location: str  # the resolved path (folder, urls) or the URL (feed, url)
    since: timedelta | None = None  # only articles published in this span before the briefing
    match: list[str] = field(default_factory=list)  # feeds: keep entries whose title or summary has a word
    line: int | None = None  # in the config file, for messages


@dataclass
class FetchConfig:
    timeout: float = 20.0  # seconds for a whole response, connect to last byte
    per_host_delay: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    allow_private_hosts: bool = False  # loopback and private networks (metadata addresses never)
    parallel: int = 4  # requests in flight at once, never two to one host


@dataclass
class ExtractConfig:
    """Where per-article extraction runs: here (a pool of forked processes) or on a Dask cluster."""

    engine: str = "local"  # local | dask
    scheduler: str | None = None  # tcp://host:8786, for engine dask
    timeout: float = 30.0  # seconds to reach the scheduler


@dataclass
class Config:
    path: Path | None
    title: str
    organisation: str
    inputs: list[Path]
    output: Path
    templates: Path | None
    page_size: str
    model: str
    max_file_bytes: int
    allow_remote_assets: bool
    schedule: ScheduleConfig
    email: EmailConfig
    # Every `inputs` entry in order; `inputs` above keeps the folders alone, which is
    # all that older callers and the output-folder check need. Empty: `inputs` as folders.
    sources: list[InputEntry] = field(default_factory=list)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)


@dataclass
class Skipped:
    """An input file that could not be used, and why (shown to the reader)."""

    path: str
    reason: str


@dataclass
class Article:
    """One source text with its metadata; `text` is the content to extract from."""

    path: Path
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_from: str | None = None  # "front matter", "text", "html metadata", "feed"
    url: str | None = None
    author: str | None = None
    sha256: str = ""
    boilerplate: list[str] = field(default_factory=list)  # lines left out, for the appendix
    copies: list[str] = field(default_factory=list)  # paths of the same text elsewhere, counted once
    archive: str | None = None  # a fetched page's archived copy, relative to the output folder
    fetched: str | None = None  # when that copy was fetched (ISO 8601, UTC); never a publication date


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text says: year/month/day may each be unknown.

    A yearless "March 10th" in an article with no publication date keeps
    year=None instead of guessing; merge may anchor it to a dated source.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""

    def iso(self) -> str | None:
        if self.year is None or self.month is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> DateValue:
        """This yearless date completed with a year found elsewhere (see merge)."""
        return DateValue(year, self.month, self.day, self.text)

    @property
    def precision(self) -> str:
        if self.year is None or self.month is None:
            return "unresolved"
        return "day" if self.day is not None else "month"


@dataclass
class ActorMention:
    """A person, organisation or country named in one article."""

    name: str
    kind: str  # person | organization | country
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    count: int = 1
    partial: bool = False  # a bare surname no full name in the article explains; merge resolves or drops it
    # "President Bush": a partial name as written after its title, which names the person in
    # the briefing when no source gives the full name
    titled: str | None = None


@dataclass
class MeetingMention:
    """One sentence of one article that reports a meeting."""

    participants: list[str]  # actor names as in the article's ActorMentions
    attendees: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # "the Prime Minister", whom the article never names
    date: DateValue | None = None
    place: str | None = None
    evidence: str = ""
    topic: str | None = None
    sentence_index: int = 0
    earlier: bool = False  # told as a meeting before the one reported ("the two last met in March")


@dataclass
class PositionMention:
    """What one actor said, with the sentence it comes from."""

    actor: str
    text: str
    evidence: str
    topic: str | None = None
    direct: bool = False
    verb: str | None = None  # "welcomed", as written, when the text is its object rather than a quote


@dataclass
class Extraction:
    """Everything extracted from one article; cacheable by the article's hash."""

    article: Article
    actors: list[ActorMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    positions: list[PositionMention] = field(default_factory=list)


@dataclass
class Source:
    id: str
    article: Article
    new: bool = False  # not in the previous briefing (see digest/history.py)


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    source: str
    text: str


@dataclass
class DateReport:
    """The date one source gives a meeting, so a disagreement can name who says what."""

    source: str
    date: str | None
    precision: str  # day | month | unresolved
    text: str = ""  # the words in the source, e.g. "On March 18th"


@dataclass
class Meeting:
    id: str
    date: str | None
    date_precision: str
    place: str | None
    participants: list[str]  # everyone who took part, attendees included (they come last)
    attendees: list[str] = field(default_factory=list)  # the subset only named as present
    unnamed: list[str] = field(default_factory=list)  # offices whose holder no source names
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    date_reports: list[DateReport] = field(default_factory=list)


@dataclass
class Position:
    actor: str
    text: str
    source: str
    evidence: str
    topic: str | None = None
    verb: str | None = None


@dataclass
class Briefing:
    date: date
    title: str
    sources: list[Source]
    actors: list[Actor]
    meetings: list[Meeting]
    positions: list[Position]
    skipped: list[Skipped] = field(default_factory=list)
