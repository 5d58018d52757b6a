"""Feeds and sitemaps -> article links.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (which never fetches anything when handed
bytes).  XML sitemaps (`<urlset>`, with the Google News extension's title and publication date,
and `<sitemapindex>`, whose child sitemaps are followed as feeds of their own) and plain-text
sitemaps (one URL per line) are read here, with an XML parser that resolves no entities and
loads nothing from the network.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field

from ghatna.read.plaintext import parse_date

_SITEMAP_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?(urlset|sitemapindex)[\s>]", re.S)
_PLAIN_URL = re.compile(r"^https?://\S+$")


class FeedError(ValueError):
    """The document is no feed or sitemap that ghatna reads."""


@dataclass
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None  # ISO date


@dataclass
class ParsedFeed:
    kind: str  # rss | atom | sitemap | sitemap-index | text-sitemap
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        parsed = parse_date(value)
        return parsed[0] if parsed else None


def _struct_date(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except ValueError:
        return None


def parse_feed(body: bytes, content_type: str = "", base_url: str = "") -> ParsedFeed:
    """The article links of a feed or sitemap; raises FeedError when it is neither."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    match = _SITEMAP_ROOT.match(head)
    if match:
        return _parse_sitemap(body, match.group(1).decode())
    text_start = head.decode("utf-8", errors="replace").lstrip()
    if content_type == "text/plain" or _PLAIN_URL.match(text_start.split("\n", 1)[0] if text_start else ""):
        urls = [line.strip() for line in body.decode("utf-8", errors="replace").splitlines()]
        items = [FeedItem(u) for u in urls if _PLAIN_URL.match(u)]
        if not items:
            raise FeedError("not a feed: plain text without URLs")
        return ParsedFeed("text-sitemap", items=items)
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base_url} if base_url else None)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not a feed or sitemap{f': {problem}' if problem else ''}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        if not link:
            continue
        published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        items.append(FeedItem(link.strip(), (entry.get("title") or "").strip() or None, published))
    kind = "atom" if version.startswith("atom") else "rss"
    return ParsedFeed(kind, title=(parsed.feed.get("title") or "").strip() or None, items=items)


def _parse_sitemap(body: bytes, root: str) -> ParsedFeed:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        tree = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed sitemap: {exc}") from exc
    if tree is None:
        raise FeedError("malformed sitemap: no XML root")

    def local(element: etree._Element) -> str:
        return etree.QName(element).localname if isinstance(element.tag, str) else ""

    def child_text(element: etree._Element, name: str) -> str | None:
        for child in element.iter():
            if local(child) == name and child.text and child.text.strip():
                return child.text.strip()
        return None

    if root == "sitemapindex":
        locations = [child_text(s, "loc") for s in tree if local(s) == "sitemap"]
        return ParsedFeed("sitemap-index", sitemaps=[loc for loc in locations if loc])
    items = []
    for url in tree:
        if local(url) != "url":
            continue
        loc = child_text(url, "loc")
        if not loc:
            continue
        published = _iso(child_text(url, "publication_date") or child_text(url, "lastmod"))
        items.append(FeedItem(loc, child_text(url, "title"), published))
    return ParsedFeed("sitemap", items=items)
