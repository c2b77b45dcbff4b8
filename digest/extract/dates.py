"""Turn a DATE entity's text into a DateValue, relative to the publication date.

Rules, all relative to the article's own publication date (never today):
- an absolute date keeps the precision the text gives ("March 2024" -> month);
- a yearless "March 10th" takes the year that puts it on or before publication,
  or stays yearless when publication is unknown (merge may anchor it later);
- a weekday is the most recent such day on or before publication;
- "last month", "late last month", "earlier this month", "last week", "over the weekend"
  -> month precision (when the span lies in one month); "last night" -> the day before;
  a bare "the 18th" -> the latest such day on or before publication;
- "three weeks ago" / "N days earlier" -> day arithmetic, reported at month
  precision because such spans are approximate;
- unknown publication date -> relative expressions stay unresolved, except a
  weekday that exactly one full date written in the article falls on ("on Tuesday"
  beside a caption's "Sept. 19, 2023", a Tuesday): the article says which day that is.
dateparser does the parsing; dateutil does the calendar arithmetic.

find_date() picks which DATE entity in a meeting sentence is the meeting's own
(never one governed by a reporting verb: "said Tuesday"). spaCy is imported for
type checking only, so the rest of this module loads without it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import MO, TU, WE, TH, FR, SA, SU

from ..models import DateValue
from .places import filed_end
from .sentences import quoted_tokens
from ..vocabulary import EXPERIENCE_WORDS, MEETING_NOUNS, REPORTING_VERBS, SEQUENCE_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
            "saturday": SA, "sunday": SU}
MONTHS = ("january february march april may june july august september october november december").split()
MODIFIERS = re.compile(r"^(?:(?:on|at|in|since|by|from|until|at least|as of|around|about|"
                       r"early|late|mid|the|last|this|earlier|later|start of|end of|beginning of)[\s-]+)+",
                       re.IGNORECASE)
SPAN = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                  r"(?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# A part of the publication day: "this evening", "earlier today", "tonight".
SAME_DAY = re.compile(r"(?:(?:earlier|later) )?(?:today|tonight|this (?:morning|afternoon|evening))")
# A day of the month in brackets: "(23)", "[24th]".
BRACKET_DAY = re.compile(r"\s*[(\[](0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:[)\]]|$)")
# Expressions that name a period, not a point: not a meeting date.
VAGUE = re.compile(r"\b(years?|decades?|months|weeks|recent|past|since|ongoing|century|era|the\s+\d{4}s)\b",
                   re.IGNORECASE)


def resolve_date(text: str, published: date | None, written: tuple[date, ...] = ()) -> DateValue | None:
    """Best DateValue for one date expression, or None when it names no point in time.

    `written` are the full dates the article itself gives; they name a weekday only when
    the publication date is unknown and exactly one of them falls on it."""
    raw = " ".join(text.split())
    low = raw.lower().replace("’", "'")
    if not low:
        return None
    low = re.sub(r"\b(?:earlier|early) in the (week|month|year)\b", r"this \1", low)  # "earlier in the week"
    span = SPAN.search(low)
    if span and re.search(r"\b(ago|earlier|before|after|later|prior)\b", low):
        return _span(span, low, raw, published)
    if SAME_DAY.fullmatch(low):
        low = "today"
    core = MODIFIERS.sub("", low).strip(" ,.")
    core = re.sub(r"\s+(morning|afternoon|evening|night)$", "", core)
    if core in WEEKDAYS:
        if published is None:
            same = {d for d in written if d.weekday() == WEEKDAYS[core].weekday}
            day = same.pop() if len(same) == 1 and not re.search(r"\b(last|past|previous|next)\b", low) else None
            return DateValue(day.year, day.month, day.day, raw) if day else DateValue(text=raw)
        # "last Monday" written on a Monday is the week before; a bare "Monday" is that day
        before = re.search(r"\b(last|past|previous)\b", low) is not None
        day = published - timedelta(days=1 if before else 0) + relativedelta(weekday=WEEKDAYS[core](-1))
        return DateValue(day.year, day.month, day.day, raw)
    if re.search(r"\b(last|past|over the) weekend\b", low):
        if published is None:
            return DateValue(text=raw)
        # the weekend before publication (the one under way, if published on it): a month when
        # its two days fall in one
        saturday = published + relativedelta(weekday=SA(-1))
        sunday = saturday + timedelta(days=1)
        return DateValue(saturday.year, saturday.month, None, raw) if saturday.month == sunday.month else None
    if low in ("last night", "late last night"):
        core = "yesterday"
    ordinal = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", core)
    if ordinal and published is not None:
        # "on the 18th": the latest such day on or before publication
        day = int(ordinal.group(1))
        month = published.replace(day=1)
        if day > published.day:
            month -= relativedelta(months=1)
        while 1 <= day <= 31 and day > calendar.monthrange(month.year, month.month)[1]:
            month -= relativedelta(months=1)  # "the 31st" early in March is 31 January
        return DateValue(month.year, month.month, day, raw) if 1 <= day <= 31 else None
    if core in ("today", "yesterday"):
        if published is None:
            return DateValue(text=raw)
        day = published - timedelta(days=1 if core == "yesterday" else 0)
        return DateValue(day.year, day.month, day.day, raw)
    if re.search(r"\b(last|this|next|previous|past) (month|week|year)\b", low) or re.search(r"\bmonth\b", low):
        return _relative_period(low, raw, published)
    if VAGUE.search(low) and not re.search(r"\d{1,2}(st|nd|rd|th)?\b", core):
        return None
    return _absolute(core, raw, published)


def _relative_period(low: str, raw: str, published: date | None) -> DateValue | None:
    if published is None:
        return DateValue(text=raw)
    if "last month" in low or "previous month" in low:
        d = published - relativedelta(months=1)
        return DateValue(d.year, d.month, None, raw)
    if "last year" in low or "previous year" in low:
        return DateValue(published.year - 1, None, None, raw)
    if "this year" in low:
        return DateValue(published.year, None, None, raw)
    if "this month" in low:
        return DateValue(published.year, published.month, None, raw)
    if "last week" in low or "previous week" in low:
        start = published + relativedelta(weekday=MO(-1)) - timedelta(days=7)
        end = start + timedelta(days=6)
        # the week before publication's, when it lies within one month
        return DateValue(start.year, start.month, None, raw) if (start.year, start.month) == (end.year, end.month) \
            else None
    if "this week" in low:
        d = published + relativedelta(weekday=MO(-1))
        # a week that straddles two months cannot give a month either
        return DateValue(published.year, published.month, None, raw) if d.month == published.month else None
    return None


def _span(match: re.Match, low: str, raw: str, published: date | None) -> DateValue | None:
    """"N weeks ago/after": approximate, so only the month is kept, and only if the
    window around the computed day stays within one month."""
    if published is None or re.search(r"\b(later|next|from now)\b", low):
        return DateValue(text=raw) if published is None else None
    n = NUMBERS.get(match.group("n").lower()) or int(match.group("n"))
    unit = match.group("unit").lower()
    delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
             "month": relativedelta(months=n), "year": relativedelta(years=n)}[unit]
    center = published - delta
    if unit == "day" and n <= 3:
        return DateValue(center.year, center.month, center.day, raw)
    slack = {"day": 1, "week": 3, "month": 10, "year": 120}[unit] * max(1, n // 2)
    lo, hi = center - timedelta(days=slack), center + timedelta(days=min(slack, 3))
    if unit == "year":
        return DateValue(center.year, None, None, raw) if lo.year == hi.year else None
    if (lo.year, lo.month) != (hi.year, hi.month):
        return None
    return DateValue(center.year, center.month, None, raw)


def _absolute(core: str, raw: str, published: date | None) -> DateValue | None:
    import dateparser

    has_year = re.search(r"\b(1[89]|20)\d{2}\b", core)
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\b{m[:3]}[a-z]*\.?\b", core)), None)
    if month is None:
        if has_year and re.fullmatch(r"(1[89]|20)\d{2}", core):
            return DateValue(int(core), None, None, raw)
        parsed = dateparser.parse(core, languages=["en"], settings={"STRICT_PARSING": True})
        return DateValue(parsed.year, parsed.month, parsed.day, raw) if parsed and has_year else None
    day = None
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", core):
        value = int(m.group(1))
        if 1 <= value <= 31:
            day = value
            break
    if has_year:
        year = int(has_year.group(0))
        return _checked(year, month, day, raw)
    if published is None:
        return DateValue(None, month, day, raw)
    year = published.year
    if (month, day or 1) > (published.month, published.day):
        year -= 1  # a yearless date is on or before publication
    return _checked(year, month, day, raw)


def _checked(year: int, month: int, day: int | None, raw: str) -> DateValue | None:
    try:
        if day is not None:
            datetime(year, month, day)
    except ValueError:
        return DateValue(year, month, None, raw)
    return DateValue(year, month, day, raw)


# A present-perfect lead ("X and Y have met in Honiara") tells what has just happened: in
# the publication month, when the publication day is this far into it.
RECENT_DAYS = 7


def just_happened(trigger: Token, published: date | None) -> DateValue | None:
    """"Winston Peters and a delegation have met with Prime Minister Manele": a lead in the
    present perfect reports what happened in the days before publication, so the month is
    known (never the day) unless those days may reach into the month before."""
    if published is None or published.day <= RECENT_DAYS:
        return None
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    if not perfect or any(t.lower_ in EXPERIENCE_WORDS for t in trigger.sent):
        return None
    return DateValue(published.year, published.month, None, f"{verb.doc[verb.i - 1].text} {verb.text}")


def under_way(trigger: Token) -> bool:
    """"Blinken is meeting his Chinese counterpart": told in the present progressive, the
    meeting is going on as the article is written, so it is the occasion the article opens
    with ("The two diplomats began talks in Laos on Saturday") and has that occasion's day."""
    return trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in trigger.children)


LATER = re.compile(r"\b(?:(?:a few|several|two|three|four|five|\d)\s+)?(?:days|a week) (?:later|afterwards|after that)\b",
                   re.I)


def days_after(sent: Span, before: Span | None, published: date | None) -> DateValue | None:
    """"... the inauguration on June 1. Days later, Bullrich visited Bukele": a meeting days
    after the day the sentence before gives falls in that day's month, unless the days may
    run into the next one (then nothing: a month is not guessed)."""
    later = LATER.search(sent.text) if before is not None else None
    if later is None:
        return None
    day = _last_day_told(before, published)
    if day is None or day.day > 21:
        return None
    return DateValue(day.year, day.month, None, later.group(0))


def _last_day_told(sent: Span, published: date | None) -> DateValue | None:
    """The last full day (year, month and day) a sentence gives, the day a "days later" counts from."""
    days = [v for e in sent.ents if e.label_ == "DATE" and (v := resolve_date(e.text, published)) is not None
            and v.year and v.month and v.day]
    return days[-1] if days else None


def time_clause(trigger: Token) -> bool:
    """"..., a day after Holm met Okello in Kampala": a clause that places the main event
    after or before another reports that other event, dated or not, and only by its own words."""
    return trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since")
                                           for c in trigger.children)


def find_date(trigger: Token, sent: Span, published: date | None) -> DateValue | None:
    """The trigger's own date: DATE entities whose governing verb is not a reporting verb.

    The date in a dateline ("BERLIN, 9 November 2026 - ... met ... on Monday")
    is when the article was filed, already its publication date: never the meeting's.
    """
    best = None
    filed = filed_end(sent)
    quoted = quoted_tokens(sent.doc)
    for ent in [*(_date_words(e) for e in sent.ents if e.label_ == "DATE"), *_untagged_days(sent)]:
        if ent.start_char < filed or time_clause(trigger) and ent.root not in trigger.subtree:
            continue
        if any(t.dep_ == "prep" and t.lower_ == "since" and t not in trigger.ancestors and t != trigger
               for t in ent.root.ancestors):
            continue  # "have met X twice since her appointment on 6 September": when a span began
        if _named_by_date(ent):
            continue  # "on Sunday, 18 September": the date after the weekday says which Sunday
        if (ent.root.i in quoted) != (trigger.i in quoted):
            continue  # '"On the 23rd we will meet," posted X after meeting Y': the quotation's own day
        governor = _governor(ent.root)
        if governor is not None and governor.lemma_.lower() in REPORTING_VERBS and governor.i != trigger.i \
                and not _told_in_person(trigger, governor):
            continue
        if governor is not None and governor.i != trigger.i and not _related(governor, trigger):
            continue
        if governor is not None and governor.i != trigger.i and _before_it(trigger, governor):
            continue  # "X will fly home later today, following meetings with Y": not the meetings' day
        if governor is not None and governor.i != trigger.i and governor.dep_ == "relcl" \
                and trigger in governor.ancestors:
            continue  # "A and B, who first met in 2018, held talks on Monday": the clause's own date
        text = ent.text
        nxt = ent.end < len(sent.doc) and sent.doc[ent.end]
        if nxt is not False and nxt.lower_ in ("after", "before") and nxt.i + 1 < len(sent.doc) \
                and not sent.doc[nxt.i + 1].is_punct:
            # "met X on Monday, a day after Holm met Okello": counted back from the main event
            anchor = _main_event_day(trigger, sent, published) if nxt.lower_ == "after" else None
            if anchor is None:
                continue
            counted_from = anchor
        else:
            counted_from = published
        if nxt is not False and nxt.lower_ in ("ago", "earlier", "after", "before", "later"):
            text = f"{text} {nxt.text}"
        inside = BRACKET_DAY.search(text)  # the entity may swallow "(19th"
        if inside:
            text = text[:inside.start()]
        narrative = NARRATIVE_DAY.fullmatch(" ".join(text.lower().split())) if counted_from is published else None
        if narrative:
            # "A day later, she met ...": counted from the day the sentence before tells, never from
            # publication (only "ago" counts from the time of writing)
            value = _days_from_told(narrative, sent, published)
        else:
            value = resolve_date(text, counted_from, () if published else written_days(sent.doc))
            if published is None and value is not None and value.year is None and value.month:
                value = _year_of_written_days(value, sent.doc, ent.start)
            day = int(inside.group(1)) if inside else _day_in_brackets(sent.doc, ent.end)
            if value is not None and value.year and value.day is not None and day is not None:
                value = _nearest_with_day(value, day)
        if value is not None:
            # nearest first, but a date on the calendar beats a weekday nothing could resolve
            rank = (value.year is None and value.month is None, abs(ent.root.i - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, value)
    return best[1] if best else None


NARRATIVE_DAY = re.compile(r"(?:(?P<n>a|one|two|three|\d) days? (?P<dir>earlier|later|before|after)"
                           r"|the (?P<rel>previous|next|following) day|the day (?P<rel2>before|after))")
NARRATIVE_REACH = 3  # days: further, "a week later" is approximate and gives no day


def _days_from_told(match: re.Match, sent: Span, published: date | None) -> DateValue | None:
    """The day N days before or after the last full day the sentence before gives
    ("arrived on March 11. A day later, she met ..." is March 12), or None."""
    if sent.start == 0:
        return None
    told = _last_day_told(sent.doc[sent.start - 1].sent, published)
    if told is None:
        return None
    written = match.group("n") or "one"
    n = int(written) if written.isdigit() else NUMBERS[written]
    back = (match.group("dir") or "") in ("earlier", "before") or (match.group("rel") or match.group("rel2")) in (
        "previous", "before")
    if n > NARRATIVE_REACH:
        return None
    anchor = date(told.year, told.month, told.day)
    day = anchor - timedelta(days=n) if back else anchor + timedelta(days=n)
    return DateValue(day.year, day.month, day.day, match.group(0))


def _main_event_day(trigger: Token, sent: Span, published: date | None) -> date | None:
    """The day of the event a time clause is counted from: the main clause's own day, or the
    publication day when the main clause speaks in the present ("this meeting comes three
    weeks after ..."); None when the main event has no day."""
    if not time_clause(trigger):
        return None
    main = trigger.head
    value = find_date(main, sent, published)
    if value is not None:
        return date(value.year, value.month, value.day) if value.year and value.month and value.day else None
    return published if main.tag_ in ("VBZ", "VBP") else None


def written_days(doc) -> tuple[date, ...]:
    """Every full date (day, month and year) the article writes, kept on the Doc: for an
    article without a publication date they are the only calendar the text gives. A
    yearless "Thursday (Nov 10)" counts once its weekday has fixed the year."""
    if doc._.written_days is None:
        days = []
        for ent in (e for e in doc.ents if e.label_ == "DATE"):
            v = resolve_date(ent.text, None)
            if v is not None and v.year is None and v.month and v.day:
                v = _year_by_weekday(v, doc, ent.start)
            if v is not None and v.year and v.month and v.day:
                days.append(date(v.year, v.month, v.day))
        doc._.written_days = tuple(dict.fromkeys(days))
    return doc._.written_days


def _year_of_written_days(value: DateValue, doc, start: int) -> DateValue:
    """A yearless date in an article with no publication date: its weekday may fix the year
    ("on Thursday evening (Nov 10)"); else the latest full date the article gives, which
    it was written on or after, is the year of a day earlier in that year ("since our last
    meeting in September" beside "Nov 10, 2022"). A later day stays yearless: it may be the
    year before or an occasion to come."""
    if value.day:
        fixed = _year_by_weekday(value, doc, start)
        if fixed.year:
            return fixed
    if not written_days(doc):
        return value
    latest = max(written_days(doc))
    if (value.month, value.day or 1) <= (latest.month, latest.day):
        return DateValue(latest.year, value.month, value.day, value.text)
    return value


def _year_by_weekday(value: DateValue, doc, start: int) -> DateValue:
    """"on Thursday evening (Nov 10)" in an article that gives no publication date but names
    2023: a day of the month falls on a given weekday only once in five years, so the one
    year near those the article names that fits is the year. None fitting, or two: no year."""
    weekday = next((WEEKDAYS[t.lower_].weekday for t in doc[max(0, start - 4):start] if t.lower_ in WEEKDAYS), None)
    if weekday is None:
        return value
    years = {y for w in written_years(doc) for y in range(w - 2, w + 3)
             if _checked(y, value.month, value.day, "").day and date(y, value.month, value.day).weekday() == weekday}
    return DateValue(years.pop(), value.month, value.day, value.text) if len(years) == 1 else value


def written_years(doc) -> set[int]:
    """The years the article writes in its dates ("its ASEAN Chairmanship in 2023")."""
    return {v.year for e in doc.ents if e.label_ == "DATE" and (v := resolve_date(e.text, None)) is not None and v.year}


def _date_words(ent: Span) -> Span:
    """"met with the Dalai | Lama Tuesday", tagged as one date: a capitalised word that is no
    month or weekday opening a date belongs to the name before it."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].pos_ == "PROPN" and not _calendar_word(ent.doc[start].lower_):
        start += 1
    # only before a day the calendar names: "Christmas Day", "Africa Day" stay whole
    calendar = any(_calendar_word(t.lower_) or t.like_num for t in ent.doc[start:ent.end])
    return ent.doc[start:ent.end] if start > ent.start and calendar else ent


def _calendar_word(word: str) -> bool:
    word = word.rstrip(".")
    return word in WEEKDAYS or any(m.startswith(word) for m in MONTHS) and len(word) >= 3 \
        or word[:3] in {w[:3] for w in WEEKDAYS}


def _untagged_days(sent: Span) -> list[Span]:
    """"Yesterday", "Today," or "this evening": days the small model leaves untagged, or tags TIME."""
    out = []
    for t in sent:
        if t.ent_type_ == "DATE":
            continue
        for span in (sent.doc[t.i:t.i + n] for n in (1, 2) if t.i + n <= sent.end):
            if t.lower_ == "yesterday" and len(span) == 1 or SAME_DAY.fullmatch(span.text.lower()):
                out.append(span)
    return out


def _day_in_brackets(doc, end: int) -> int | None:
    """"Yesterday (23)", "this Tuesday afternoon (24th)": a day of the month in brackets
    right after a relative date, as some agencies write it."""
    i = end
    while i < len(doc) and doc[i].lower_ in ("morning", "afternoon", "evening", "night"):
        i += 1
    match = BRACKET_DAY.match(doc[i:i + 3].text) if i + 2 < len(doc) else None
    return int(match.group(1)) if match else None


def _nearest_with_day(value: DateValue, day: int) -> DateValue | None:
    """The date with that day of the month closest to the computed one, if within three
    days (the publication date may be a day off); else the two disagree and neither holds."""
    computed = date(value.year, value.month, value.day)
    for shift in sorted(range(-3, 4), key=abs):
        candidate = computed + timedelta(days=shift)
        if candidate.day == day:
            return DateValue(candidate.year, candidate.month, candidate.day, value.text)
    return None


def _governor(tok: Token) -> Token | None:
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.lower_ in MEETING_NOUNS:
            return t
    return t if t.pos_ in ("VERB", "AUX") else None


def _told_in_person(trigger: Token, governor: Token) -> bool:
    """"Earlier this week, Wang told visiting minister Kuleba that ...": the one told is the
    guest, so the telling happened at the meeting and its date is the meeting's (unlike
    "said Tuesday that they met", where the saying comes after)."""
    told = trigger.head if trigger.dep_ == "amod" else trigger
    return told.head.i == governor.i and told.dep_ in ("xcomp", "dobj", "dative")


def _named_by_date(ent: Span) -> bool:
    """A weekday set off before its date ("Sunday, 18 September"): the date, read on its own, is the day."""
    doc = ent.doc
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return ent.text.lower() in WEEKDAYS and after is not None and doc[ent.end].text == "," \
        and after.ent_type_ == "DATE" and (after.like_num or after.lower_ in MONTHS)


def _before_it(trigger: Token, governor: Token) -> bool:
    """The meeting is told in a phrase of sequence under a verb of the future ("will fly home
    later today, following two days of meetings with X"): the verb's date is of what comes
    next, not of the meetings, which it does not date (a past "spoke Friday following the
    meeting" may well be the same day)."""
    planned = any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in governor.children)
    return planned and governor in trigger.ancestors and any(
        t.dep_ == "prep" and t.lower_ in SEQUENCE_PREPS and t.head.i == governor.i for t in trigger.ancestors)


def _related(governor: Token, trigger: Token) -> bool:
    """The date's verb governs the trigger (travel/visit context) or is governed by it."""
    return governor in trigger.ancestors or trigger in governor.ancestors or trigger.head == governor
