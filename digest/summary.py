"""Briefing -> the reader's view: bottom line, coverage, date wording, disagreements.

Pure functions over the Briefing dataclasses, so the template only lays out
what is decided here and render never goes back to the sources or to spaCy.
Every generated sentence keeps the source ids it rests on: a busy reader
trusts a line only when it can be checked.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .models import Actor, Article, Briefing, Meeting, Position

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Topics a reader of a meetings briefing weighs first when choosing positions for the bottom line.
WEIGHTY_TOPICS = ("ceasefire", "security", "negotiation", "sanctions", "recognition")


@dataclass
class Sentence:
    """One bottom-line sentence and the sources it rests on."""

    text: str
    sources: list[str] = field(default_factory=list)


@dataclass
class DateClaim:
    """One date for a meeting and the sources that give it (for a disagreement)."""

    label: str
    sources: list[str]
    wording: str = ""


@dataclass
class Coverage:
    """What the header says about the sources."""

    sources: int
    outlets: int
    dated: int
    first: date | None
    last: date | None
    events_first: str | None
    events_last: str | None


def long_date(value: str | None, precision: str | None = None) -> str:
    """'2024-03-17' -> '17 March 2024', '2024-03' -> 'March 2024'; unknown stays honest."""
    if not value:
        return "date not stated"
    parts = value.split("-")
    try:
        year, month = int(parts[0]), int(parts[1])
        day = int(parts[2]) if len(parts) > 2 and precision != "month" else None
    except (IndexError, ValueError):
        return value
    label = f"{MONTHS[month - 1]} {year}"
    return f"{day} {label}" if day else label


def source_label(article: Article) -> str:
    """What to call a source: its headline, else its outlet and date, and its file name only as a last resort.

    A plain-text article often has no headline (the first lines are site chrome,
    which collect does not take for one); "Reuters, 5 February 2024" tells a reader
    more than "000_43edfdfd.txt".
    """
    if article.title:
        return article.title
    if not (article.outlet or article.published):
        return article.path.name  # nothing else tells it apart
    published = long_date(article.published.isoformat()) if article.published else "date not stated"
    return f"{article.outlet or 'Outlet not stated'}, {published}"


def period(first: date | str | None, last: date | str | None) -> str:
    """A span in words, shortened when both ends share a month or are equal."""
    if first is None:
        return "not stated"
    a, b = str(first), str(last or first)
    if a == b:
        return long_date(a)
    if len(a) == len(b) == 10 and a[:7] == b[:7]:
        return f"{int(a[8:])}–{long_date(b)}"
    return f"{long_date(a)} – {long_date(b)}"


def coverage(briefing: Briefing) -> Coverage:
    published = sorted(s.article.published for s in briefing.sources if s.article.published)
    outlets = {s.article.outlet.strip().lower() for s in briefing.sources if s.article.outlet}
    dated = sorted(m.date for m in briefing.meetings if m.date)
    return Coverage(sources=len(briefing.sources), outlets=len(outlets), dated=len(published),
                    first=published[0] if published else None, last=published[-1] if published else None,
                    events_first=dated[0] if dated else None, events_last=dated[-1] if dated else None)


def date_claims(meeting: Meeting) -> list[DateClaim]:
    """The dates the sources give a meeting, grouped, when they disagree; else empty.

    A month that contains the chosen day ("March 2024" beside "17 March 2024")
    is vagueness, not disagreement, and is left out. The chosen date comes first.
    """
    chosen = meeting.date or ""
    groups: dict[str, DateClaim] = {}
    for r in meeting.date_reports:
        if not r.date or (r.date != chosen and chosen.startswith(r.date)):
            continue
        label = long_date(r.date, r.precision)
        claim = groups.setdefault(r.date, DateClaim(label, [], r.text))
        if r.source not in claim.sources:
            claim.sources.append(r.source)
    if len(groups) < 2:
        return []
    return sorted(groups.values(), key=lambda c: c.label != long_date(chosen, meeting.date_precision))


def _joined(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def key_meetings(briefing: Briefing, limit: int = 3) -> list[Meeting]:
    """The meetings most sources report, then the precisely dated, then the earliest."""
    def persons(m: Meeting) -> int:
        return sum(1 for p in m.participants if p in kinds and kinds[p] == "person")

    kinds = {a.id: a.kind for a in briefing.actors}
    ranked = sorted(briefing.meetings, key=lambda m: (persons(m) < 2, -len(m.sources), m.date_precision != "day",
                                                      -len(m.participants), m.date or "9999"))
    return sorted(ranked[:limit], key=lambda m: (m.date is None, m.date or ""))


def meeting_sentence(meeting: Meeting, actors: dict[str, Actor], introduced: set[str] | None = None) -> Sentence:
    """'On <date> in <place>, A (title) met B (title).' Titles only on an actor's first mention."""
    introduced = set() if introduced is None else introduced

    def name_with_title(actor: Actor) -> str:
        first = actor.id not in introduced
        introduced.add(actor.id)
        return f"{actor.name} ({actor.title})" if first and actor.title else actor.name

    people = [actors[p] for p in meeting.participants if p in actors]
    persons = [a for a in people if a.kind == "person"] or people
    when = (f"On {long_date(meeting.date, meeting.date_precision)}" if meeting.date_precision == "day"
            else f"In {long_date(meeting.date, meeting.date_precision)}" if meeting.date else "On a date not stated")
    where = f" in {meeting.place}" if meeting.place else ""
    if len(persons) >= 2:
        host, others = persons[0], persons[1:]
        text = f"{when}{where}, {name_with_title(host)} met {_joined([name_with_title(a) for a in others])}."
    elif persons and meeting.unnamed:
        text = f"{when}{where}, {name_with_title(persons[0])} met {_joined(meeting.unnamed)} (not named in the sources)."
    elif persons:
        text = f"{when}{where}, {name_with_title(persons[0])} held a meeting."
    else:
        text = f"{when}{where}, a meeting took place."
    claims = date_claims(meeting)
    if claims:
        text = text[:-1] + f"; the sources disagree on the date ({', '.join(c.label for c in claims)})."
    return Sentence(text, list(meeting.sources))


def key_positions(briefing: Briefing, meetings: list[Meeting], limit: int = 2) -> list[Position]:
    """One position per actor, from actors in the key meetings, weighty topics and quotes first."""
    in_meetings = [p for m in meetings for p in m.participants]
    rank = {aid: i for i, aid in reversed(list(enumerate(in_meetings)))}
    kinds = {a.id: a.kind for a in briefing.actors}
    chosen: dict[str, Position] = {}
    for p in sorted(briefing.positions, key=lambda p: (kinds.get(p.actor) != "person", rank.get(p.actor, len(rank)),
                                                       p.topic not in WEIGHTY_TOPICS,
                                                       "“" not in p.text and '"' not in p.text)):
        if p.actor not in chosen:
            chosen[p.actor] = p
        if len(chosen) == limit:
            break
    return list(chosen.values())


def position_sentence(position: Position, actors: dict[str, Actor]) -> Sentence:
    actor = actors.get(position.actor)
    name = actor.name if actor else position.actor
    text = " ".join(position.text.split()).rstrip(" .,;")
    if text.count("“") > text.count("”"):
        text += "”"  # the clause ended inside the quotation it opened
    verb = position.verb or ("said" if text.lower().startswith("that ") else "said:")
    if position.verb and text[:1].isupper():
        verb += ":"  # "pointed out: China has worked hard ..."
    return Sentence(f"{name} {verb} {text}.", [position.source])


def bottom_line(briefing: Briefing) -> list[Sentence]:
    """Three to six sentences: what happened, who met whom, the weightiest positions."""
    actors = {a.id: a for a in briefing.actors}
    n = len(briefing.sources)
    all_sources = [s.id for s in briefing.sources]
    if not briefing.meetings:
        sentences = [Sentence(f"The {n} source{'s' if n != 1 else ''} report no meeting between named actors.",
                              all_sources[:6])]
        for p in key_positions(briefing, [], limit=2):
            sentences.append(position_sentence(p, actors))
        return sentences
    cov = coverage(briefing)
    reporting = sorted({s for m in briefing.meetings for s in m.sources}, key=all_sources.index)
    count = len(briefing.meetings)
    if cov.events_first and cov.events_first != cov.events_last:
        span = f" from {long_date(cov.events_first)} to {long_date(cov.events_last)}"
    else:
        span = f" on {long_date(cov.events_first)}" if cov.events_first else ""
    undated = sum(1 for m in briefing.meetings if not m.date)
    lead = f"{n} source{'s' if n != 1 else ''} report {count} meeting{'s' if count != 1 else ''}{span}"
    lead += f" ({undated} without a stated date)." if undated else "."
    sentences = [Sentence(lead, reporting[:6])]
    meetings = key_meetings(briefing)
    introduced: set[str] = set()
    sentences += [meeting_sentence(m, actors, introduced) for m in meetings]
    sentences += [position_sentence(p, actors) for p in key_positions(briefing, meetings, limit=6 - len(sentences))]
    return sentences[:6]


def meetings_left_out(briefing: Briefing) -> int:
    """How many meetings the bottom line does not describe: it says so, so that 3 of 5 do not read as all."""
    return len(briefing.meetings) - len(key_meetings(briefing))


def positions_by_actor(briefing: Briefing) -> list[tuple[Actor, list[Position]]]:
    """Positions grouped under their actor, the most-quoted actors first."""
    actors = {a.id: a for a in briefing.actors}
    counts = Counter(p.actor for p in briefing.positions)
    groups: dict[str, list[Position]] = {}
    for p in briefing.positions:
        groups.setdefault(p.actor, []).append(p)
    order = sorted(groups, key=lambda aid: (-counts[aid], actors[aid].name if aid in actors else aid))
    return [(actors[aid], groups[aid]) for aid in order if aid in actors]


def featured_meetings(briefing: Briefing, limit: int | None) -> list[Meeting]:
    """The meetings a long briefing describes in full: most sources first, then the most recent.

    In the briefing's own (chronological) order. More sources means more
    corroboration and more attention; among equals, the newest is the news.
    None means every meeting.
    """
    if limit is None or len(briefing.meetings) <= limit:
        return list(briefing.meetings)
    ranked = sorted(briefing.meetings, key=lambda m: (len(m.sources), m.date or ""), reverse=True)
    chosen = {m.id for m in ranked[:limit]}
    return [m for m in briefing.meetings if m.id in chosen]


def shown_actors(briefing: Briefing, limit: int | None) -> list[Actor]:
    """The actors a document tables: all of them, or the `limit` in the most meetings.

    A capped list keeps the briefing's order among the chosen, and prefers
    actors who met someone or took a position over those only named.
    """
    if limit is None or len(briefing.actors) <= limit:
        return list(briefing.actors)
    speakers = Counter(p.actor for p in briefing.positions)
    ranked = sorted(briefing.actors, key=lambda a: (-len(a.meetings), -speakers[a.id], -len(a.sources)))
    chosen = {a.id for a in ranked[:limit] if a.meetings or speakers[a.id]}
    return [a for a in briefing.actors if a.id in chosen]
