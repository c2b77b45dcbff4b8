"""Per-article extractions -> one Briefing: one actor and one meeting however
many sources report them, with disagreements kept in `conflicts`.

Pure: takes dataclasses, returns dataclasses, so it runs on cached extractions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from .models import (Actor, ActorMention, Briefing, DateReport, DateValue, Evidence, Extraction, Meeting, MeetingMention,
                     Position, Skipped, Source)
from .names import contains_part, parts, plain, same_person, same_stem, skeleton, standings
from .vocabulary import LOWER_IN_TITLES, TITLE_NOUNS


OFFICE = re.compile(r"\b(president|prime minister|minister|ambassador|secretary|chancellor|premier|king|queen|emir|"
                    r"envoy|director|commissioner|governor|mayor|chairman|chairwoman|chair|spokes\w+|"
                    r"representative|advis[eo]r|negotiator|general|commander|senator)\b", re.I)


@dataclass
class _Cluster:
    persons: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    attendees: set[str] = field(default_factory=set)
    items: list[tuple[str, MeetingMention]] = field(default_factory=list)  # (source id, mention)


def merge(extractions: list[Extraction], briefing_date: date, title: str,
          skipped: list[Skipped] | None = None) -> Briefing:
    sources = [Source(f"s{i + 1}", x.article) for i, x in enumerate(extractions)]
    actors, local = _merge_actors(sources, extractions)
    by_id = {a.id: a for a in actors}
    _affiliate(actors)
    clusters = _cluster_meetings(sources, extractions, local, by_id)
    _anchor_years(sources, clusters)
    meetings = _build_meetings(clusters, by_id)
    positions = _merge_positions(sources, extractions, local)
    used = {p for m in meetings for p in m.participants} | {p.actor for p in positions}
    kept = [a for a in actors if a.kind == "person" or a.id in used]
    for m in meetings:
        for pid in m.participants:
            by_id[pid].meetings.append(m.id)
    return Briefing(date=briefing_date, title=title, sources=sources, actors=kept, meetings=meetings,
                    positions=positions, skipped=list(skipped or []))


# ---- actors ---------------------------------------------------------------------------

def _merge_actors(sources: list[Source], extractions: list[Extraction]):
    """Cluster actor mentions across sources; returns actors and (source, local name) -> id."""
    groups: list[list[tuple[str, ActorMention]]] = []
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # only groups that could match are compared
    for src, ex in zip(sources, extractions):
        for mention in ex.actors:
            keys = _blocking_keys(mention)
            candidates = sorted({i for k in keys for i in by_key[k]})
            match = next((i for i in candidates if _same_actor(groups[i][0][1], mention)), None)
            if match is None:
                groups.append([(src.id, mention)])
                for k in keys:
                    by_key[k].append(len(groups) - 1)
            else:
                groups[match].append((src.id, mention))
    groups = _attach_partials(groups)
    actors: list[Actor] = []
    local: dict[tuple[str, str], str] = {}
    for i, group in enumerate(groups):
        names = Counter()
        for _, m in group:
            if not m.partial:
                names[m.name] += m.count
        if not names:  # a titled bare name no source gives in full: its shortest titled form
            names[min((m.titled for _, m in group if m.titled), key=len)] = 1
        canonical = max(names, key=lambda n: (names[n], len(n)))
        aliases = sorted({n for _, m in group for n in [m.name, *m.aliases]} - {canonical})
        titles = [t for _, m in group for t in m.titles]
        actor = Actor(id=f"a{i + 1}", name=canonical, kind=group[0][1].kind, title=best_title(titles),
                      affiliation=next((m.affiliation for _, m in group if m.affiliation), None),
                      aliases=aliases, sources=sorted({s for s, _ in group}, key=_source_order))
        actors.append(actor)
        for sid, m in group:
            local[(sid, m.name)] = actor.id
    return actors, local


DOMINANT = 2  # times more mentions than the next person of that surname, for a bare name to mean them


def _attach_partials(groups: list[list[tuple[str, ActorMention]]]) -> list[list[tuple[str, ActorMention]]]:
    """A bare surname from one source joins the one full name from other sources it fits.

    With several such full names it is dropped, never guessed. With none, it is an actor
    of its own only when written with a title ("President Bush"), and named so: the
    sources say who that is, though not in full; a surname alone says too little.
    """
    full = [g for g in groups if not any(m.partial for _, m in g)]
    # contains_part needs equal part skeletons: index the people by them instead of trying
    # every person for every bare name (quadratic: 26 s at 1,000 sources).
    by_part: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(full):
        if g[0][1].kind == "person":
            for key in {skeleton(p) for _, m in g for n in [m.name, *m.aliases] if len(n.split()) > 1
                        for p in parts(n)}:
                by_part[key].append(i)
    for group in groups:
        if not all(m.partial for _, m in group):
            continue
        name = group[0][1].name
        bare = parts(name)
        candidates = sorted({i for p in bare for i in by_part.get(skeleton(p), ())}) if len(bare) == 1 else []
        fits = [full[i] for i in candidates
                if any(contains_part(n, name) for _, m in full[i] for n in [m.name, *m.aliases] if len(n.split()) > 1)]
        if not fits and any(m.titled for _, m in group):  # "President Jokowi": a blend of a full name
            fits = [g for g in full if g[0][1].kind == "person"
                    and any(contains_part(n, name) for _, m in g for n in [m.name, *m.aliases] if len(n.split()) > 1)]
        said = _standings([m for _, m in group])
        # "President Bush" is not "First Lady Laura Bush": a namesake of another standing
        fits = [g for g in fits if not said or not (held := _standings([m for _, m in g])) or said & held]
        if len(fits) > 1:
            # "President Obama" beside Barack and Michelle Obama: the one whose titles it shares
            said = _title_words([m for _, m in group])
            titled = [g for g in fits if said & _title_words([m for _, m in g])]
            fits = titled if said and titled else fits
        if len(fits) > 1:
            # one of them dominates the briefing (named far more often): a bare name means that one
            weight = sorted(((sum(m.count for _, m in g), i) for i, g in enumerate(fits)), reverse=True)
            if weight[0][0] >= DOMINANT * weight[1][0]:
                fits = [fits[weight[0][1]]]
        if len(fits) == 1:
            fits[0].extend((sid, replace(m, aliases=[*m.aliases, m.name])) for sid, m in group)
        elif not fits and any(m.titled for _, m in group):
            full.append(group)  # "President Bush", named so in every source: an actor as written
    return full


def _standings(mentions: list[ActorMention]) -> set[str]:
    return {w for m in mentions for t in m.titles for w in standings(t)}


def _title_words(mentions: list[ActorMention]) -> set[str]:
    return {w for m in mentions for t in m.titles for w in plain(t).split() if w in TITLE_NOUNS}


def _blocking_keys(mention: ActorMention) -> set[tuple[str, str]]:
    """Keys two mentions of one actor always share: the surname's skeleton for a person
    (every spelling, initial or tail form that same_person accepts keeps the surname),
    the plain name for an organisation. Keeps the merge linear in the number of sources."""
    if mention.kind != "person":
        return {(mention.kind, plain(mention.name))}
    names = [n for n in [mention.name, *mention.aliases] if len(parts(n)) > 1] or [mention.name]
    return {("person", skeleton(parts(n)[-1]) if parts(n) else n) for n in names}


def _affiliate(actors: list[Actor]) -> None:
    """A person's affiliation: the organisation or country their title names first, by
    name ("of the Arab League") or by nationality ("Chinese diplomat" -> China)."""
    groups = [a for a in actors if a.kind != "person"]
    for person in actors:
        if person.kind != "person" or person.affiliation or not person.title:
            continue
        words = re.findall(r"\w+", person.title)
        found = []
        for g in groups:
            at = person.title.find(g.name)
            if at < 0 and g.kind == "country":
                at = next((person.title.find(w) for w in words if same_stem(w.lower(), plain(g.name))), -1)
            if at >= 0:
                found.append((at, len(g.name), g.name))
        if found:
            person.affiliation = min(found)[2]


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    if a.kind != "person":
        return plain(a.name) == plain(b.name)
    if a.titled and b.titled and plain(a.name) == plain(b.name):
        # "Prime Minister Holm" in two sources, named in full in neither: one person, unless
        # given different standings
        said = [_standings([m]) for m in (a, b)]
        return not (said[0] and said[1]) or bool(said[0] & said[1])
    return any(same_person(x, y) for x in [a.name, *a.aliases] for y in [b.name, *b.aliases]
               if len(x.split()) > 1 and len(y.split()) > 1)


def best_title(titles: list[str]) -> str | None:
    """The most specific current title: an office ("President", "Ambassador to Qatar") over a
    description ("leftist leader"), naming an organisation or place, not "former"."""
    if not titles:
        return None

    def score(t: str) -> tuple:
        capitals = sum(1 for w in t.split() if w[:1].isupper())
        office = bool(OFFICE.search(t))
        return (not re.search(r"\b(former|ex-|then)\b", t, re.I), office, min(capitals, 6), -abs(len(t) - 60))

    best = max(titles, key=score)
    if re.match(r"(the|a|an|his|her|their)\b", best, re.I):
        return best[0].upper() + best[1:]  # a description ("The top U.S. diplomat") stays as written
    # an office in one style on the page, whether the source wrote "Russian foreign minister"
    # after the name or "Chinese Foreign Minister" before it
    return " ".join(w if i and w in LOWER_IN_TITLES else _capitalized(w) for i, w in enumerate(best.split(" ")))


def _capitalized(word: str) -> str:
    """"director-general" -> "Director-General"; "U.S." and "McGurk" as written."""
    return "-".join(part[:1].upper() + part[1:] if part.islower() else part for part in word.split("-"))


def _source_order(sid: str) -> int:
    return int(sid[1:])


# ---- meetings -------------------------------------------------------------------------

def _cluster_meetings(sources, extractions, local, by_id) -> list[_Cluster]:
    items = []
    for src, ex in zip(sources, extractions):
        for m in ex.meetings:
            ids = [local[(src.id, n)] for n in m.participants if (src.id, n) in local]
            persons = {i for i in ids if by_id[i].kind == "person"}
            groups = {i for i in ids if by_id[i].kind != "person"}
            attendees = {local[(src.id, n)] for n in m.attendees if (src.id, n) in local}
            items.append((src.id, m, persons, groups, attendees))
    published = {src.id: src.article.published for src in sources}
    # strongest evidence first: mentions naming more people seed the clusters
    items.sort(key=lambda x: -len(x[2]))
    clusters: list[_Cluster] = []
    by_party: dict[str, list[int]] = defaultdict(list)  # a cluster can only fit a mention it shares a party with
    for sid, m, persons, groups, attendees in items:
        near = sorted({i for p in persons | groups for i in by_party[p]})
        fits = [i for i in near if _fits(clusters[i], m, persons, groups, by_id)
                and not _told_apart(clusters[i], sid, m) and not _told_before(clusters[i], sid, m, published)]
        if len(fits) > 1:
            strong = [i for i in fits if len(clusters[i].persons & persons) >= 2]
            fits = strong if len(strong) == 1 else ([] if len(persons) < 2 else fits[:1])
        if fits:
            index = fits[0]
        else:
            if not persons or len(persons) + len(groups) + len(m.unnamed) < 2:
                continue  # one named party, or no named person: corroborates, cannot stand alone
            clusters.append(_Cluster())
            index = len(clusters) - 1
        c = clusters[index]
        c.persons |= persons
        c.groups |= groups
        c.attendees |= attendees - persons
        c.items.append((sid, m))
        for p in persons | groups | attendees:
            if index not in by_party[p]:
                by_party[p].append(index)
    return clusters


def _told_apart(c: _Cluster, sid: str, m: MeetingMention) -> bool:
    """One source tells this meeting as an earlier one than a meeting of the cluster ("held
    talks on Monday. The two last met in March"): two meetings, whatever their dates allow."""
    return any(s == sid and x.earlier != m.earlier for s, x in c.items)


def _told_before(c: _Cluster, sid: str, m: MeetingMention, published: dict[str, date | None]) -> bool:
    """A meeting an article published in July reports cannot be one dated October: each side's
    date must not be later than the other side's article (a day's grace, for time zones)."""
    def later(d: DateValue | None, when: date | None) -> bool:
        if d is None or d.year is None or when is None:
            return False
        return date(d.year, d.month or 1, d.day or 1).toordinal() > when.toordinal() + 1
    return any(later(x.date, published.get(sid)) or later(m.date, published.get(s)) for s, x in c.items)


def _fits(c: _Cluster, m: MeetingMention, persons: set[str], groups: set[str], by_id) -> bool:
    shared = c.persons & persons
    if not shared and not (groups and groups & c.groups and persons & c.attendees):
        return False
    if not _dates_compatible(c, m, strong=len(shared) >= 2):
        return False
    if len(shared) >= 2:
        return True
    # one shared person: the rest of each side must be covered by the other
    others = persons - c.persons - c.attendees
    if others:
        return False
    missing = c.persons - persons - c.attendees
    covered = all(_affiliated(by_id[p], groups, by_id) for p in missing) if groups else not (m.participants[1:] and missing)
    same_place = bool(m.place) and any(plain(m.place) == plain(x.place or "") for _, x in c.items)
    same_day = m.date is not None and m.date.day is not None and any(
        x.date is not None and x.date.day == m.date.day and x.date.month == m.date.month for _, x in c.items)
    return (covered and (same_place or same_day or m.date is None)) if groups else (same_day or same_place)


def _affiliated(actor: Actor, groups: set[str], by_id) -> bool:
    title = plain(f"{actor.title or ''} {actor.affiliation or ''}")
    return any(plain(by_id[g].name) in title for g in groups)


def _dates_compatible(c: _Cluster, m: MeetingMention, strong: bool) -> bool:
    """Dates agree at their common precision; with the same people named (`strong`),
    days up to two apart still merge, as one source's error, and become a conflict."""
    if m.date is None or m.date.year is None and m.date.month is None:
        return True
    for _, x in c.items:
        if x.date is None:
            continue
        if x.date.month is None or m.date.month is None:
            if x.date.year and m.date.year and x.date.year != m.date.year:
                return False
            continue
        if x.date.day and m.date.day:
            if _days_apart(x.date, m.date) > (2 if strong else 0):
                return False
        elif x.date.month != m.date.month or x.date.year and m.date.year and x.date.year != m.date.year:
            return False
    return True


def _days_apart(a: DateValue, b: DateValue) -> int:
    """Days between two dated days, across a month's or year's end (29 February and 1 March
    are one day apart); a yearless one is read in the other's year (or a leap year)."""
    year = a.year or b.year or 2000
    try:
        return abs((date(a.year or year, a.month, a.day) - date(b.year or year, b.month, b.day)).days)
    except ValueError:
        return 99  # "February 30": no such day, so no match


def _anchor_years(sources: list[Source], clusters: list[_Cluster]) -> None:
    """Give undated articles' yearless dates the year of a dated source reporting the same meeting.

    "March 17th" in an article without a publication date is the "March 17, 2024"
    of another source when both report one meeting; that article's other yearless
    dates then belong to the same year.
    """
    years: dict[str, Counter] = defaultdict(Counter)
    for c in clusters:
        dated = {(x.date.month, x.date.day): x.date.year for _, x in c.items
                 if x.date is not None and x.date.year is not None and x.date.day is not None}
        for sid, x in c.items:
            if x.date is not None and x.date.year is None and (x.date.month, x.date.day) in dated:
                years[sid][dated[(x.date.month, x.date.day)]] += 1
    for c in clusters:
        c.items = [(sid, replace(x, date=x.date.with_year(years[sid].most_common(1)[0][0])))
                   if x.date is not None and x.date.year is None and x.date.month and years.get(sid) else (sid, x)
                   for sid, x in c.items]


def _build_meetings(clusters: list[_Cluster], by_id) -> list[Meeting]:
    meetings = []
    for c in clusters:
        value, conflicts = _choose_date(c)
        places = Counter(x.place for _, x in c.items if x.place)
        place = max(places, key=lambda p: (places[p], len(p))) if places else None
        srcs = sorted({sid for sid, _ in c.items}, key=_source_order)
        participants = [p for p in _ordered(c, by_id) if p in c.persons | c.groups]
        # everyone named as present takes part; `attendees` says who was there without leading
        attendees = sorted(c.attendees - c.persons, key=_id_order)
        evidence, seen = [], set()
        for sid, x in sorted(c.items, key=lambda i: (_source_order(i[0]), i[1].sentence_index)):
            if x.evidence not in seen:
                seen.add(x.evidence)
                evidence.append(Evidence(sid, x.evidence))
        reports, said = [], set()
        for sid, x in sorted(c.items, key=lambda i: (_source_order(i[0]), i[1].sentence_index)):
            if x.date is not None and x.date.iso() and (sid, x.date.iso()) not in said:
                said.add((sid, x.date.iso()))
                reports.append(DateReport(sid, x.date.iso(), x.date.precision, x.date.text))
        named = {plain(by_id[p].title or "") for p in participants}
        unnamed = [u for u in dict.fromkeys(u for _, x in c.items for u in x.unnamed)
                   if not any(t.startswith(plain(u[4:])) for t in named)]  # "the Prime Minister" named elsewhere
        meetings.append(Meeting(id="", date=value.iso() if value else None, date_reports=reports,
                                date_precision=value.precision if value else "unresolved",
                                place=place, participants=participants + attendees, attendees=attendees,
                                unnamed=unnamed,
                                sources=srcs, evidence=evidence, conflicts=conflicts,
                                topics=list(dict.fromkeys(x.topic for _, x in c.items if x.topic))[:4]))
    meetings.sort(key=lambda m: (m.date is None, m.date or "", m.sources))
    for i, m in enumerate(meetings):
        m.id = f"m{i + 1}"
    return meetings


def _ordered(c: _Cluster, by_id) -> list[str]:
    return sorted(c.persons | c.groups, key=lambda p: (by_id[p].kind != "person", _id_order(p)))


def _id_order(aid: str) -> int:
    return int(aid[1:])


def _choose_date(c: _Cluster) -> tuple[DateValue | None, list[str]]:
    """The date most sources support; the others become conflicts naming their source."""
    support: dict[str, set[str]] = defaultdict(set)
    values: dict[str, DateValue] = {}
    for sid, x in c.items:
        if x.date is not None and x.date.iso():
            support[x.date.iso()].add(sid)
            values.setdefault(x.date.iso(), x.date)
    if not support:
        return None, []
    # a day supports its month; a month-only value is chosen only when no day is known
    days = [d for d in support if len(d) == 10]
    pool = days or list(support)

    def weight(d: str) -> tuple:
        backers = set(support[d]) | {s for m, ss in support.items() if len(m) == 7 and d.startswith(m) for s in ss}
        return (len(backers), len(d), -min(_source_order(s) for s in support[d]))

    chosen = max(pool, key=weight)
    conflicts = []
    for d in sorted(support):
        if d != chosen and not chosen.startswith(d) and not d.startswith(chosen):
            for sid in sorted(support[d], key=_source_order):
                conflicts.append(f"{sid} dates it {d} (\"{values[d].text}\")")
    return values[chosen], conflicts


# ---- positions ------------------------------------------------------------------------

def _merge_positions(sources, extractions, local) -> list[Position]:
    out, seen = [], set()
    for src, ex in zip(sources, extractions):
        for p in ex.positions:
            aid = local.get((src.id, p.actor))
            if aid is None or (aid, p.evidence) in seen:
                continue
            seen.add((aid, p.evidence))
            out.append(Position(actor=aid, text=p.text, source=src.id, evidence=p.evidence, topic=p.topic, verb=p.verb))
    return out
