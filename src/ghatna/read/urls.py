"""Canonical URLs: one spelling per article, so that a page met again (in a feed, a sitemap, a web
archive) is known without fetching it.  courlan does the work (scheme and host case, default
ports, sorted query, tracking parameters such as utm_* and fbclid dropped); the fragment goes too,
since it never names another article."""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit


def canonical_url(url: str | None) -> str | None:
    """The canonical form of an http(s) URL, or None for anything else (or a malformed URL)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    from courlan import normalize_url

    try:
        return normalize_url(urldefrag(url)[0], trailing_slash=False)
    except (ValueError, AttributeError):
        return None


def host_of(url: str) -> str:
    """Host (and port, if any) of a URL, lower case: the unit of politeness."""
    return urlsplit(url).netloc.lower()
