"""Structure recovery for scraped plain-text articles.

A scraped article is a run of lines: a headline, a standfirst, a date line, the headline
again, image captions with their credit lines, body paragraphs and an author trailer, in
varying order and with varying cue words.  `recover` classifies every line, keeps what is
the article's text and turns the rest into fields (title, published, authors, captions).

What a line means is decided from its shape (short, alone, at the head or tail of the
article) and from the cue words of the language packs (`ghatna.lang.<code>.structure`),
always compared through `match_key` so spelling variants (nukta, case, digit script) match.
Nothing here is specific to one article.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import cache

from ghatna.document import Caption
from ghatna.lang import PACK_CODES, get_pack
from ghatna.text.normalise import match_key, normalise_text

# How far from the start / end of an article layout lines (dates, bylines, trailers) are looked for,
# in non-blank lines.  Body text in between is never taken for a layout line.
HEADER_LINES = 12
TRAILER_LINES = 6
# Size limits that tell a headline, caption, credit or name line from a paragraph.
TITLE_MAX_CHARS, TITLE_MAX_WORDS = 200, 30
CAPTION_MAX_CHARS = 300
CREDIT_MAX_CHARS = 100
NAME_MAX_CHARS, NAME_MAX_WORDS = 80, 8
DATE_LINE_MAX_CHARS = 80

_TERMINAL = tuple(".।॥:;")  # a line ending in these is a sentence, not a headline or a name
_SENTENCE_END = tuple(".।॥!?")
# A sentence ending inside a line: a danda, or a full stop glued to what follows ('है.पिछली')
# or after a word of four characters or more (not an initial or a short abbreviation: U.S., डॉ.).
_INNER_SENTENCE_END = re.compile(r"[।॥](?=.*\w)|(?<=\S\S)[.!?](?=[^\s\d.!?,;:'\"”’)\]])|(?<=\S{4})[.!?]\s+(?=\S)")
_SEPARATOR = r"(?P<sep>\s*[:,|\-–—]\s*|\s*$)"
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


@dataclass
class Layout:
    """What structure recovery found in one article."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    url: str | None = None


# --------------------------------------------------------------------------------------- cues

def _cue_regex(cues: list[str]) -> str:
    """An alternation matching any cue in an NFC line, ignoring nukta and case (longest first)."""
    def one(cue: str) -> str:
        parts = []
        for ch in match_key(cue):
            if ch == " ":
                parts.append(r"\s+")
            else:
                parts.append(re.escape(ch) + ("\u093c?" if _DEVANAGARI.match(ch) else ""))
        return "".join(parts)
    return "|".join(one(c) for c in sorted(set(cues), key=len, reverse=True))


@dataclass(frozen=True)
class _Cues:
    credit: re.Pattern[str]
    trailing_credit: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str]
    author: re.Pattern[str]
    role: re.Pattern[str]
    byline: re.Pattern[str] | None
    date_prefix: re.Pattern[str]
    update_prefix: re.Pattern[str]
    weekdays: frozenset[str]
    time_words: frozenset[str]
    continuation_words: frozenset[str]
    months: dict[str, int]
    name_separator: re.Pattern[str]  # between two authors' names (;, &, and, और)


@cache
def _cues() -> _Cues:
    """Cue words of every language pack that has a `structure` module, merged: articles mix
    scripts (the seed is Hindi with an English caption and credit line)."""
    lists: dict[str, list[str]] = {}
    months: dict[str, int] = {}
    for code in PACK_CODES:
        pack = get_pack(code)
        months.update({match_key(name): number for name, number in pack.months.items()})
        module = pack.structure
        for name in ("CREDIT_PREFIXES", "CAPTION_PREFIXES", "AUTHOR_MARKERS", "ROLE_PREFIXES",
                     "BYLINE_WORDS", "DATE_PREFIXES", "UPDATE_PREFIXES", "WEEKDAYS", "TIME_WORDS",
                     "CONTINUATION_WORDS", "NAME_JOINERS"):
            lists.setdefault(name, []).extend(getattr(module, name, ()))

    def prefixed(name: str) -> re.Pattern[str]:
        # cue, then a separator or the end of the line, then the rest
        return re.compile(rf"^(?:{_cue_regex(lists[name])}){_SEPARATOR}(?P<rest>.*)$", re.I)

    credit_alt = _cue_regex(lists["CREDIT_PREFIXES"])
    bylines = lists.get("BYLINE_WORDS", [])
    return _Cues(
        credit=prefixed("CREDIT_PREFIXES"),
        # '... on Tuesday. Photo: Reuters' or '... (Image source: AP)': a credit after the
        # caption's last sentence or in brackets, never a cue word inside a sentence
        trailing_credit=(
            re.compile(rf"^(?P<caption>.+?[.।!?])\s+(?:{credit_alt})\s*:\s*(?P<credit>[^()\[\]:]{{1,60}}?)$",
                       re.I),
            re.compile(rf"^(?P<caption>.+?)\s*[(\[]\s*(?:{credit_alt})\s*:\s*(?P<credit>[^()\[\]:]{{1,60}}?)"
                       rf"\s*[)\]]$", re.I),
        ),
        caption=prefixed("CAPTION_PREFIXES"),
        author=prefixed("AUTHOR_MARKERS"),
        role=prefixed("ROLE_PREFIXES"),
        byline=re.compile(rf"^(?:{_cue_regex(bylines)})\s+(?P<rest>\S.*)$", re.I) if bylines else None,
        date_prefix=re.compile(rf"^(?:{_cue_regex(lists['DATE_PREFIXES'])})\s*[:,|\-–—]?\s*(?P<rest>.*)$",
                               re.I),
        update_prefix=re.compile(
            rf"^(?:{_cue_regex(lists['UPDATE_PREFIXES'])})\s*[:,|\-–—]?\s*(?P<rest>.*)$", re.I),
        weekdays=frozenset(match_key(w) for w in lists["WEEKDAYS"]),
        time_words=frozenset(match_key(w) for w in lists["TIME_WORDS"]),
        continuation_words=frozenset(match_key(w) for w in lists.get("CONTINUATION_WORDS", [])),
        months=months,
        name_separator=re.compile(r"\s*(?:;|&|" + "|".join(rf"\b{re.escape(w)}\b" for w in lists.get("NAME_JOINERS", []))
                                  + r")\s*"),
    )


# -------------------------------------------------------------------------------------- dates

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_DAY_MONTH_YEAR_DASHED = re.compile(r"^(\d{1,2})-([^\d\s-]+)-(\d{4})$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"^(\d{4})$")
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2}){1,2}(?:am|pm|a\.m\.?|p\.m\.?)?$|^[+-]\d{2}:?\d{2}$")


def _make_date(year: str, month: int | str, day: str) -> str | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if 1900 <= date.year <= 2100 else None


def _month(token: str, cues: _Cues) -> int | None:
    return cues.months.get(token.rstrip("."))


def _date_at_start(tokens: list[str], cues: _Cues) -> tuple[str, int] | None:
    """The date the tokens start with, and how many tokens it took."""
    if not tokens:
        return None
    first = tokens[0]
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC_DAY_FIRST, "dmy")):
        m = pattern.match(first)
        if m:
            parts = dict(zip(order, m.groups(), strict=True))
            date = _make_date(parts["y"], parts["m"], parts["d"])
            return (date, 1) if date else None
    m = _DAY_MONTH_YEAR_DASHED.match(first)
    if m and _month(m.group(2), cues):
        date = _make_date(m.group(3), _month(m.group(2), cues) or 0, m.group(1))
        return (date, 1) if date else None
    if len(tokens) < 3:
        return None
    a, b, c = tokens[:3]
    if not _YEAR.match(c):
        return None
    if _month(a, cues) and _DAY.match(b):  # January 12, 2022 / जनवरी 12, 2022
        date = _make_date(c, _month(a, cues) or 0, _DAY.match(b).group(1))  # type: ignore[union-attr]
    elif _DAY.match(a) and _month(b, cues):  # 12 January 2022 / 12 जनवरी 2022
        date = _make_date(c, _month(b, cues) or 0, _DAY.match(a).group(1))  # type: ignore[union-attr]
    else:
        return None
    return (date, 3) if date else None


def parse_date(text: str) -> tuple[str, str] | None:
    """If `text` is a date line, its ISO date and kind ('published' or 'updated'), else None.

    A date line holds only a date, optionally with a cue ('Published:', 'प्रकाशित'), a weekday
    and a time of day.  Month names come from the language packs; numeric dates are read
    day first (12/01/2022 is 12 January), as written in India and Britain.
    """
    cues = _cues()
    line = text.strip()
    if not line or len(line) > DATE_LINE_MAX_CHARS:
        return None
    kind = "published"
    for pattern, pattern_kind in ((cues.update_prefix, "updated"), (cues.date_prefix, "published")):
        m = pattern.match(line)
        if m and m.group("rest") != line:
            line, kind = m.group("rest"), pattern_kind
            break
    tokens = [t.strip("()[]") for t in re.split(r"[\s,|]+", match_key(line))]
    tokens = [t for t in tokens if t and t not in "-–—" and t.rstrip(".") not in cues.weekdays]
    found = _date_at_start(tokens, cues)
    if found is None:
        return None
    date, used = found
    # whatever follows the date must be a time of day
    for token in tokens[used:]:
        if not (_CLOCK.match(token) or token in cues.time_words or token.rstrip(".") in cues.time_words):
            return None
    return date, kind


# -------------------------------------------------------------------------------------- lines

def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)").endswith(_TERMINAL)


def _is_short_name(text: str) -> bool:
    """Looks like a person's or desk's name: short, no sentence punctuation."""
    return (0 < len(text) <= NAME_MAX_CHARS and _words(text) <= NAME_MAX_WORDS
            and not _ends_sentence(text) and not any(ch.isdigit() for ch in text))


def split_names(text: str) -> list[str]:
    """'Jane Doe and John Roe' -> two names; 'Jane Doe, Reuters' -> ['Jane Doe'] (a one-word
    part after a comma is an affiliation, not a co-author)."""
    names: list[str] = []
    for group in _cues().name_separator.split(text.strip()):
        parts = [p.strip() for p in group.split(",") if p.strip()]
        names.extend(p for i, p in enumerate(parts) if i == 0 or _words(p) >= 2)
    return [n.strip(" .") for n in names if n.strip(" .")]


def _is_hard_wrapped(block: list[str]) -> bool:
    """A paragraph broken into lines of similar width (e-mail or wire style), not a list of
    separate short items such as the head of a scraped article."""
    if len(block) < 2:
        return False
    widths = [len(line) for line in block[:-1]]
    return (min(widths) >= 40 and max(widths) <= 100 and max(widths) - min(widths) <= 25
            and sum(not _ends_sentence(line) for line in block[:-1]) >= len(widths) / 2)


def _same_line(a: str, b: str) -> bool:
    """Two lines say the same (the headline repeated, perhaps spelt slightly differently)."""
    ka, kb = (re.sub(r"[^\w\s]", "", match_key(x)).strip() for x in (a, b))
    if ka == kb:
        return bool(ka)
    if not ka or not kb or abs(len(ka) - len(kb)) > 0.1 * max(len(ka), len(kb)):
        return False
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.92


@dataclass
class _Line:
    text: str
    block: int  # index of its blank-line-separated block
    kind: str = "text"  # text | title | date | credit | caption | author | role
    value: str = ""  # for credit and caption lines: the line without its cue word


def recover(content: str, find_title: bool = True, known_title: str | None = None) -> Layout:
    """Split a scraped plain-text article into its fields and its text.

    With `find_title` the headline is recovered from the layout (a short line followed by
    more text); `known_title` (from metadata) is removed from the text wherever it appears.
    """
    cues = _cues()
    lines: list[_Line] = []
    block = 0
    for raw_line in normalise_text(content).split("\n"):
        if raw_line:
            lines.append(_Line(raw_line, block))
        else:
            block += 1
    layout = Layout(text="")
    if not lines:
        return layout
    n = len(lines)
    in_head = [i < HEADER_LINES for i in range(n)]
    in_tail = [i >= n - TRAILER_LINES for i in range(n)]
    blocks: dict[int, list[str]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line.text)

    # dates, credit and caption lines, bylines: recognised by their own content
    dates: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        if in_head[i] or in_tail[i]:
            found = parse_date(line.text)
            if found:
                line.kind = "date"
                dates.append((i, *found))
                continue
        m = cues.credit.match(line.text)
        if m and m.group("rest"):
            rest = m.group("rest").strip()
            if len(rest) <= CREDIT_MAX_CHARS and _words(rest) <= NAME_MAX_WORDS and not _ends_sentence(rest):
                line.kind, line.value = "credit", rest
                continue
            if m.group("sep").strip() == ":" and len(rest) <= CAPTION_MAX_CHARS:
                # 'Photo: the crowd outside the palace.' describes the image, it does not credit it
                line.kind, line.value = "caption", rest
                continue
        m = cues.caption.match(line.text)
        if m and m.group("rest") and len(m.group("rest")) <= CAPTION_MAX_CHARS:
            line.kind, line.value = "caption", m.group("rest").strip()
    if dates:
        published = [d for d in dates if d[2] == "published"] or dates
        layout.published = published[0][1]

    layout.authors = _find_authors(lines, in_head, in_tail, cues)

    title_texts = [known_title] if known_title else []
    if find_title and _is_headline(lines, blocks, cues):
        layout.title = lines[0].text
        title_texts.append(lines[0].text)
    for line in lines:
        if line.kind == "text" and any(_same_line(line.text, t) for t in title_texts):
            line.kind = "title"

    layout.captions = _pair_captions(lines)

    paragraphs: list[str] = []
    for number, block_lines in blocks.items():
        kept = [line.text for line in lines if line.block == number and line.kind == "text"]
        if not kept:
            continue
        if _is_hard_wrapped(block_lines):
            paragraphs.append(" ".join(kept))
        else:
            paragraphs.extend(kept)
    layout.text = "\n\n".join(paragraphs)
    return layout


def _is_headline(lines: list[_Line], blocks: dict[int, list[str]], cues: _Cues) -> bool:
    """Whether the first line is the headline: a short line, not a sentence, that does not
    break off mid-sentence, followed by more of the article.  Unless the head of the article
    shows its layout (a date, credit or author line, or the headline repeated), the paragraph
    after it must be a complete one, so a body text whose first paragraph was split by the
    scraper does not lend its first fragment as a title."""
    first = lines[0]
    words = first.text.split()
    if (first.kind != "text" or len(first.text) > TITLE_MAX_CHARS
            or not 2 <= len(words) <= TITLE_MAX_WORDS or _ends_sentence(first.text)
            or _INNER_SENTENCE_END.search(first.text) or _is_hard_wrapped(blocks[first.block])
            or match_key(words[-1]).strip(",;-–—") in cues.continuation_words):
        return False
    following = [line for line in lines[1:] if line.kind == "text"]
    if not following:
        return False
    has_layout = any(line.kind != "text" for line in lines[1:HEADER_LINES]) or any(
        _same_line(line.text, first.text) for line in following)
    return has_layout or following[0].text.rstrip("\"'”’)").endswith(_SENTENCE_END)


def _find_authors(lines: list[_Line], in_head: list[bool], in_tail: list[bool], cues: _Cues) -> list[str]:
    """Author trailers ('लेखक' / name / role lines at the end), author lines with the names
    inline ('लेखक, नाम' + 'पदनाम, ...'), and bylines ('By Jane Doe'); marks their lines."""
    authors: list[str] = []
    n = len(lines)
    for i, line in enumerate(lines):
        if line.kind != "text" or not (in_head[i] or in_tail[i]):
            continue
        marker = cues.author.match(line.text)
        if marker:
            inline = marker.group("rest").strip()
            following = [j for j in range(i + 1, n) if lines[j].kind == "text"]
            if (in_tail[i] and all(_is_short_name(lines[j].text) for j in following)
                    and (_is_short_name(inline) if inline else following)):
                # a trailer: every line after the marker is a name or a role
                names = split_names(inline) if inline else split_names(lines[following[0]].text)
                authors.extend(names)
                line.kind = "author"
                for j in following:
                    lines[j].kind = "role"
                if not inline:
                    lines[following[0]].kind = "author"
                return authors
            name_index = None if inline else (following[0] if following and following[0] == i + 1 else None)
            names_text = inline or (lines[name_index].text if name_index is not None else "")
            if in_head[i] and _is_short_name(names_text):
                authors.extend(split_names(names_text))
                line.kind = "author"
                last = i
                if name_index is not None:
                    lines[name_index].kind = "author"
                    last = name_index
                # role lines under the name ('पदनाम, बीबीसी संवाददाता')
                j = last + 1
                while j < n and lines[j].kind == "text" and cues.role.match(lines[j].text):
                    lines[j].kind = "role"
                    j += 1
            continue
        if cues.byline is not None:
            byline = cues.byline.match(line.text)
            if byline and _is_short_name(byline.group("rest")) and _looks_like_names(byline.group("rest")):
                authors.extend(split_names(byline.group("rest")))
                line.kind = "author"
    return authors


def _looks_like_names(text: str) -> bool:
    """Names in Latin script are capitalised ('By Jane Doe', not 'By the river bank')."""
    words = [w for w in re.split(r"[\s,;&]+", text) if w and w.lower() not in ("and", "de", "van", "von", "al")]
    latin = [w for w in words if w[0].isascii() and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in latin)


def _pair_captions(lines: list[_Line]) -> list[Caption]:
    """Captions with their credits: a caption line next to a credit line (either order,
    the nearer unpaired one first), or a plain line directly above a credit line (the seed's
    layout), or a short line ending in its own credit ('... Photo: Reuters')."""
    found: list[tuple[int, Caption]] = []
    used: set[int] = set()

    def credit_of(j: int) -> str | None:
        if 0 <= j < len(lines) and lines[j].kind == "credit" and j not in used:
            used.add(j)
            return lines[j].value
        return None

    def adjacent(i: int, j: int) -> bool:
        return 0 <= j < len(lines) and lines[i].block == lines[j].block

    for i, line in enumerate(lines):
        if line.kind != "caption":
            continue
        text = line.value or line.text
        credit = (credit_of(i - 1) if adjacent(i, i - 1) else None) or (
            credit_of(i + 1) if adjacent(i, i + 1) else None)
        found.append((i, Caption(text=text, credit=credit)))
    for i, line in enumerate(lines):
        if line.kind != "credit" or i in used:
            continue
        above = i - 1
        if (adjacent(i, above) and lines[above].kind == "text"
                and len(lines[above].text) <= CAPTION_MAX_CHARS):
            lines[above].kind = "caption"
            found.append((above, Caption(text=lines[above].text, credit=credit_of(i))))
    for i, line in enumerate(lines):
        if line.kind == "text" and len(line.text) <= CAPTION_MAX_CHARS:
            text, credit = split_caption_credit(line.text)
            if credit:
                line.kind = "caption"
                found.append((i, Caption(text=text, credit=credit)))
    return [caption for _, caption in sorted(found, key=lambda pair: pair[0])]


def split_caption_credit(text: str) -> tuple[str, str | None]:
    """A caption that ends in its credit ('... Photo: Reuters') -> (caption, credit)."""
    text = text.strip()
    for pattern in _cues().trailing_credit:
        m = pattern.match(text)
        if m and m.group("caption").strip():
            return m.group("caption").strip(), m.group("credit").strip()
    return text, None
