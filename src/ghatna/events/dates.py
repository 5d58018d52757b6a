"""Dates of events: explicit dates and relative expressions resolved against the publication date.

Works on the match keys of a sentence's words with the language pack's event data (weekday names,
day words, relative periods such as पिछले हफ्ते / last week) and month names.  A weekday names
the most recent such day on or before publication in past-tense text (news reports what already
happened) and the next one in future-tense text.  Each found expression carries a precision:
day, week, month or year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ghatna.lang import get_pack

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])$")


@dataclass(frozen=True)
class DateMention:
    first: int  # first word index
    last: int  # last word index + 1
    date: str  # ISO date, year-month or year
    precision: str  # day | week | month | year


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _shift_month(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


def _infer_year(month: int, day: int | None, published: dt.date | None) -> int | None:
    """Year of a date written without one: the publication year, or the one before when the
    date would otherwise lie well after publication (a January paper citing '28 December')."""
    if not published:
        return None
    year = published.year
    candidate = dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    if (candidate - published).days > 60:
        year -= 1
    return year


def find_dates(keys: list[str], lang: str, published: str | None, future: bool = False) -> list[DateMention]:
    """Date expressions among one sentence's word keys, resolved where the publication date allows."""
    pack = get_pack(lang)
    data = pack.events
    months = pack.months
    pub = parse_published(published)
    found: list[DateMention] = []
    used: set[int] = set()
    n = len(keys)

    def add(first: int, last: int, date: str, precision: str) -> None:
        if used.isdisjoint(range(first, last)):
            found.append(DateMention(first, last, date, precision))
            used.update(range(first, last))

    for i, key in enumerate(keys):
        if key not in months:
            continue
        month = months[key]
        day = year = None
        first, last = i, i + 1
        if i > 0 and _DAY.match(keys[i - 1]):  # 6 जनवरी, 6 January
            day, first = int(keys[i - 1]), i - 1
        elif i + 1 < n and _DAY.match(keys[i + 1]):  # January 12
            day, last = int(keys[i + 1]), i + 2
        j = last + (1 if last < n and keys[last] == "," else 0)
        if j < n and _YEAR.match(keys[j]):
            year, last = int(keys[j]), j + 1
        year = year or _infer_year(month, day, pub)
        if year is None:
            continue
        if day:
            try:
                add(first, last, dt.date(year, month, day).isoformat(), "day")
            except ValueError:
                continue
        else:
            add(first, last, f"{year:04d}-{month:02d}", "month")
    for i in range(n - 1):
        period = data.RELATIVE_PERIODS.get((keys[i], keys[i + 1]))
        if period and pub:
            unit, amount = period
            if unit == "week":
                monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=amount)
                add(i, i + 2, monday.isoformat(), "week")
            elif unit == "month":
                add(i, i + 2, _shift_month(pub, amount).strftime("%Y-%m"), "month")
            else:
                add(i, i + 2, f"{pub.year + amount:04d}", "year")
    if not pub:
        return sorted(found, key=lambda d: d.first)
    for i, key in enumerate(keys):
        if key in data.WEEKDAYS:
            delta = (pub.weekday() - data.WEEKDAYS[key]) % 7
            before = keys[i - 1] if i else ""
            ahead = before in data.NEXT_WORDS or (future and before not in data.LAST_WORDS)
            days_ahead = (7 - delta) % 7 or (7 if before in data.NEXT_WORDS else 0)
            day = pub + dt.timedelta(days=days_ahead) if ahead else pub - dt.timedelta(days=delta)
            add(i - (before in data.NEXT_WORDS or before in data.LAST_WORDS), i + 1, day.isoformat(), "day")
        elif key in data.DAY_WORDS:
            add(i, i + 1, (pub + dt.timedelta(days=data.DAY_WORDS[key])).isoformat(), "day")
        elif data.YESTERDAY_OR_TOMORROW and key == data.YESTERDAY_OR_TOMORROW:
            add(i, i + 1, (pub + dt.timedelta(days=1 if future else -1)).isoformat(), "day")
    for i, key in enumerate(keys):  # a bare year: "2019 में", "in 2019", "साल 2019"
        if _YEAR.match(key) and i not in used and (
                (i + 1 < n and keys[i + 1] in data.YEAR_AFTER) or (i > 0 and keys[i - 1] in data.YEAR_BEFORE)):
            add(i, i + 1, key, "year")
    return sorted(found, key=lambda d: d.first)
