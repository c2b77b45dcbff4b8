"""Split an article's text into content and boilerplate lines.

Scraped articles carry bylines, contributor lines, author bios, photo credits,
"read more" teasers, share prompts and footnotes. Their people are not actors
and their dates are not the article's, so they are cut before extraction and
listed in the briefing's sources appendix instead. The rules look at the shape
of a line, never at particular names or outlets.
"""
from __future__ import annotations

import re

CONTRIBUTOR = re.compile(
    r"(contributed (to )?(this )?(report|reporting|story)|^(reporting|writing|editing|additional reporting)"
    r" by\b|^(by|words by|written by|story by)\s+[A-Z])",
    re.IGNORECASE,
)
PROMPT = re.compile(
    r"^(share this|share on|read more|related:|related articles?|recommended|sign up|subscribe|"
    r"follow us|click here|more from|advertisement|newsletter|copyright|©|all rights reserved)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\s*\((?i:photo|image|picture|credit|source|video)s?\s*[:|][^)]*\)"
    # a caption's credit: "(Reuters: Ajeng Dinar Ulfiana/Kevin Lamarque)"
    r"|\s*\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}:\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}"
    r"(?:\s*/\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})*\)"
    r"|\s*\b(REUTERS|Reuters|AP Photo|AFP|EPA|Getty Images|Xinhua|Pool|Sputnik|Anadolu)\s*/\s*[^.]*$"
    r"|\s*(\b[A-Z][\w.-]+(\s+[A-Z][\w.-]+){0,3})?\s*[—/|-]\s*(Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Pool)"
    r"(\s+via\s+[\w ]+)?\s*\.?$"
    # a caption's credit run into the text: "... in Beijing. Source: AAP / Lukas Coch Albanese said ..."
    r"|\s*\b(?:Source|Photo|Image|Picture|Credit)s?:\s*[A-Z][\w.&-]*\s*/\s*[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+"
    # a bracketed credit with a slash and an agency: "(Jung Yeon-je/Pool Photo via AP)", "(AP Photo/Jane Roe)"
    r"|\s*\((?=[^()]*/)(?=[^()]*\b(?:Photo|Pool|AP|AFP|Reuters|REUTERS|EPA|Getty|Xinhua|Bloomberg|Sputnik|Anadolu)\b)"
    r"[^()]{3,80}\)")
LINK_LINE = re.compile(r"^\s*(\*\s*)?\[[^\]]*\]\((https?:|/)|^\s*(\*\s*)?\[\]\(|^\s*!\[[^\]]*\]\(")
TIMESTAMP = re.compile(r"\b(min|mins|minutes|hours?)\s+ago\b|category\s*·", re.IGNORECASE)
GLUED = re.compile(r"[a-z][A-Z][a-z]")
FOOTNOTE = re.compile(r"^\[\d+\]")
NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3}$")
# A portrait's alt text run into the caption it repeats: "Photo of Ann BergAnn Berg (Oslo North, Labour)".
ALT_TEXT = re.compile(r"^(?:Photo|Image|Picture|Portrait) of (.{3,60}?)(?=\1)")
TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
# The title of a list of other stories ("Related Articles", "More from Africa", "Most read"):
# the whole line, since "Read more: ..." inside an article is followed by more of it.
LIST_TITLE = re.compile(r"^(related( articles| stories| news| content| coverage| topics)?"
                        r"|more (from|on|stories|news)\b.{0,40}|recommended( for you| stories| reading)?"
                        r"|you (may|might) also like|most (read|popular|viewed)|(latest|top) (news|stories)"
                        r"|trending( now)?|also read|see also)\s*:?$", re.IGNORECASE)


def is_heading(line: str) -> bool:
    """A short line without final punctuation: a headline or section title."""
    return len(line.split()) <= 14 and not re.search(r"[.!?:;\"”]\s*$", line)


def split_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return (content, removed lines).

    A bare name line in the second half of the text starts the trailer (author
    sign-off, bio, teasers): it and everything after it is boilerplate.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    total = sum(len(x) for x in lines) or 1
    keep: list[str] = []
    removed: list[str] = []
    seen = 0
    trailer = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        seen += len(raw)
        if not line:
            keep.append("")
            continue
        if trailer:
            removed.append(line)
            continue
        if NAME_LINE.match(line) and seen / total > 0.5 and _is_trailer_start(lines, i):
            trailer = True
            removed.append(line)
            continue
        if NAME_LINE.match(line) and seen / total <= 0.5 and _is_byline(lines, i):
            removed.append(line)  # an author box near the top: "Jane Roe" then the same name or the time
            continue
        if LIST_TITLE.match(line) and seen / total > 0.5:
            trailer = True  # the other stories listed under it are not this article's
            removed.append(line)
            continue
        if LINK_LINE.search(line) or TIMESTAMP.search(line):
            # a list of links to other stories: everything from here on is navigation
            if seen / total > 0.5:
                trailer = True
            removed.append(line)
            continue
        if len(GLUED.findall(line)) >= 2 and not re.search(r"[.!?]\s", line):
            removed.append(line)  # navigation bar scraped without separators
            continue
        if CONTRIBUTOR.search(line) and len(line.split()) <= 30 or PROMPT.match(line) or FOOTNOTE.match(line):
            removed.append(line)
            continue
        if TEASER_END.search(line) and seen / total > 0.5:
            removed.append(line)
            if keep and keep[-1] == "" and len(keep) > 1 and is_heading(keep[-2]):
                removed.append(keep.pop(-2))
            continue
        if alt := ALT_TEXT.match(line):
            removed.append(alt.group(0))
            line = line[alt.end():]
        credits = [m.group(0).strip() for m in CREDIT.finditer(line)]
        removed.extend(credits)
        keep.append(CREDIT.sub("", line) if credits else line)
    content = re.sub(r"\n{3,}", "\n\n", "\n".join(keep)).strip()
    return content, removed


def _is_byline(lines: list[str], i: int) -> bool:
    """A bare name line followed by the same name (a linked author box), by a dated time
    line ("Oct 23, 2024, 1:14pm EDT") or by the dateline that opens the story, or preceded
    by the same name; or one the story never names otherwise, or names alone twice."""
    around = [x.strip() for x in lines[max(0, i - 1):i + 2]]
    name = lines[i].strip()
    nxt = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
    # an author's name stands alone, and the story proper does not name its author ("Jane Roe"
    # under the caption), or stands alone again after the standfirst; a speaker's label in a
    # transcript is in capitals, and someone the story is about is named in its prose
    others = [x.strip() for j, x in enumerate(lines) if j != i and x.strip()]
    alone = not name.isupper() and (others.count(name) > 0 or not any(name in x for x in others))
    return alone or around.count(name) > 1 or bool(re.match(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b", nxt)) \
        or bool(re.match(r"^[A-Z][A-Z .'-]{2,30}(?:\([^)]{1,20}\))?\s*[–—-]\s", nxt))  # "JAKARTA – ..."


def _is_trailer_start(lines: list[str], i: int) -> bool:
    """A name line is a sign-off when what follows is not article prose about events.

    True when the next non-empty line repeats the name or starts with one of its
    words (a bio: "Joaquin began ..."), or when no further prose paragraph follows.
    """
    name = lines[i].strip()
    rest = [x.strip() for x in lines[i + 1:] if x.strip()]
    if not rest:
        return True
    nxt = rest[0]
    first_words = set(name.split())
    return nxt == name or nxt.split()[0] in first_words
