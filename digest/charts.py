"""Geometry for the two figures: a timeline of meetings and a who-met-whom matrix.

Pure functions from Briefing dataclasses to coordinates; the templates
(timeline.html, matrix.html) draw them as inline SVG, so a user can restyle
or replace a figure without touching Python. Coordinates are SVG user units
in a fixed 600-unit-wide viewBox that the stylesheet scales to the text width.
"""
from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

from .models import Actor, Briefing, Meeting
from .summary import MONTHS, date_claims

WIDTH = 600
CHAR = 4.6  # average advance of one character at the figures' 8.5-unit font size
LANE = 30


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Mark:
    """One meeting on the timeline; `span` is the width of a month-precision bar."""

    meeting: str
    x: float
    y: float
    label_x: float
    span: float
    heading: str
    people: str
    disputed: list[float] = field(default_factory=list)  # x of the other dates sources give


@dataclass
class Timeline:
    width: float
    height: float
    axis_y: float
    ticks: list[Tick]
    marks: list[Mark]
    undated: int


def _day(value: str) -> date:
    return date.fromisoformat(value if len(value) == 10 else value + "-01")


def _short(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def _surname_list(meeting: Meeting, actors: dict[str, Actor], limit: int = 3) -> str:
    people = [actors[p] for p in meeting.participants if p in actors]
    persons = [a for a in people if a.kind == "person"] or people
    names = [a.name for a in persons[:limit]]
    more = len(persons) - limit
    return " · ".join(names) + (f" +{more}" if more > 0 else "")


def timeline(briefing: Briefing, meetings: list[Meeting] | None = None) -> Timeline | None:
    """Dated meetings (all, or those given) on a day axis; None when none has a date.

    A long briefing draws only the meetings it describes in full: hundreds of
    labels stack into lanes taller than a page.
    """
    actors = {a.id: a for a in briefing.actors}
    meetings = briefing.meetings if meetings is None else meetings
    dated = [m for m in meetings if m.date]
    if not dated:
        return None
    claims = {m.id: [c for c in date_claims(m)[1:]] for m in dated}
    alt = {m.id: [r.date for r in m.date_reports if r.date and any(r.source in c.sources for c in claims[m.id])]
           for m in dated}
    days = [_day(m.date) for m in dated] + [_day(d) for ds in alt.values() for d in ds]
    ends = [_month_end(m.date) for m in dated if len(m.date) == 7]
    first, last = min(days) - timedelta(days=1), max(days + ends) + timedelta(days=1)
    total = max((last - first).days, 1)
    left, right = 20.0, WIDTH - 20.0

    def x_of(day: date) -> float:
        return left + (right - left) * (day - first).days / total

    lanes: list[float] = []  # right edge of the last label in each lane
    marks = []
    for m in sorted(dated, key=lambda m: m.date):
        start = _day(m.date)
        x = x_of(start)
        span = x_of(_month_end(m.date)) - x if len(m.date) == 7 else 0.0
        heading = (_short(start) if len(m.date) == 10 else MONTHS[start.month - 1]) + (f" · {m.place}" if m.place else "")
        people = _surname_list(m, actors)
        width = max(len(heading), len(people)) * CHAR
        label_x = min(x, WIDTH - width)
        lane = next((i for i, edge in enumerate(lanes) if edge < label_x), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = label_x + width + 8
        marks.append(Mark(meeting=m.id, x=round(x, 1), y=float(lane), label_x=round(label_x, 1), span=round(span, 1), heading=heading,
                          people=people, disputed=[round(x_of(_day(d)), 1) for d in alt[m.id]]))
    axis_y = 18.0 + LANE * len(lanes)
    for mark in marks:
        mark.y = round(axis_y - LANE * (len(lanes) - mark.y), 1)
    return Timeline(width=WIDTH, height=axis_y + 22, axis_y=axis_y, ticks=_ticks(first, last, x_of),
                    marks=marks, undated=len(meetings) - len(dated))


def _month_end(value: str) -> date:
    day = _day(value)
    if len(value) == 10:
        return day
    return day.replace(day=monthrange(day.year, day.month)[1])


def _ticks(first: date, last: date, x_of) -> list[Tick]:
    """About six labelled ticks: daily, weekly or monthly depending on the span."""
    span = (last - first).days
    if span > 120:
        out, day = [], first.replace(day=1)
        while day <= last:
            if day >= first:
                out.append(Tick(round(x_of(day), 1), f"{MONTHS[day.month - 1][:3]} {day.year}"))
            day = (day + timedelta(days=32)).replace(day=1)
        step = max(1, len(out) // 8)
        return out[::step]
    step = 1 if span <= 10 else 7 if span <= 70 else 14
    return [Tick(round(x_of(first + timedelta(days=i)), 1), _short(first + timedelta(days=i)))
            for i in range(0, span + 1, step)]


@dataclass
class Matrix:
    """Who met whom: `cells[i][j]` counts the meetings actors i and j both took part in."""

    names: list[str]
    ids: list[str]
    cells: list[list[int]]
    label_width: float
    cell: float
    width: float
    height: float
    left_out: int


def matrix(briefing: Briefing, limit: int = 14) -> Matrix | None:
    """The actors in the most meetings, paired; None when no meeting has two participants."""
    actors = {a.id: a for a in briefing.actors}
    count: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for m in briefing.meetings:
        people = [p for p in dict.fromkeys(m.participants) if p in actors]
        for p in people:
            count[p] = count.get(p, 0) + 1
        for a, b in combinations(people, 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
            pairs[(b, a)] = pairs.get((b, a), 0) + 1
    if not pairs:
        return None
    linked = {a for a, _ in pairs}
    ranked = sorted(linked, key=lambda a: (actors[a].kind != "person", -count[a], actors[a].name))
    ids = ranked[:limit]
    names = [actors[a].name for a in ids]
    cells = [[pairs.get((a, b), 0) if a != b else 0 for b in ids] for a in ids]
    label_width = min(max(len(n) for n in names) * CHAR + 10, 190)
    cell = min(24.0, (WIDTH - label_width) / max(len(ids), 1))
    top = label_width * 0.75
    return Matrix(names=names, ids=ids, cells=cells, label_width=label_width, cell=cell,
                  width=label_width + cell * len(ids) + top * 0.75, height=top + cell * len(ids) + 4,
                  left_out=len(linked) - len(ids))
