"""Bytes to text for every reader: UTF-8 (with or without a BOM), UTF-16 with a BOM, and HTML
in the charset it declares (`<meta charset>`, an XML declaration) or, failing that, the one
`charset-normalizer` detects; binary junk and empty input become a reason instead of text."""

from __future__ import annotations

import codecs
import re

# Share of control bytes (other than tab, newline, CR, form feed) above which input is binary.
_MAX_CONTROL_SHARE = 0.05
# Share of undecodable characters above which undecodable input is binary junk, not mis-encoded text.
_MAX_BAD_SHARE = 0.3
_SNIFF_BYTES = 64 * 1024
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
# A charset declared in the first bytes of a page: <meta charset=...>, <meta http-equiv=...
# content="text/html; charset=...">, <?xml ... encoding="...">
_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.I)
_DECLARATION_BYTES = 4096


def decode(data: bytes, html: bool = False) -> tuple[str | None, str | None]:
    """(text, None) for readable text, else (None, reason).  `html`: a page that is not UTF-8 is
    decoded with its declared or detected charset."""
    if not data.strip():
        return None, "empty file" if not data else "empty file (only whitespace)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, f"not valid UTF-16 (at byte offset {exc.start}) despite its byte order mark"
        data = text.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return None, "binary data (contains NUL bytes), not a text article"
    control = sum(byte in _CONTROL_BYTES for byte in sample)
    if control > _MAX_CONTROL_SHARE * len(sample):
        return None, f"binary data ({control / len(sample):.0%} control bytes), not a text article"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if html:
            text, charset = _decode_html(data)
            if text is not None:
                return (text, None) if text.strip() else (None, "empty file (only whitespace)")
            return None, (f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), "
                          + (f"nor valid {charset} as the page declares, " if charset else "")
                          + "and no other charset fits")
        replaced = sample.decode("utf-8", errors="replace")
        if replaced.count("\ufffd") > _MAX_BAD_SHARE * len(replaced):
            return None, "binary data (mostly undecodable bytes), not a text article"
        return None, (f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                      "ghatna reads UTF-8 only")
    if not text.strip():
        return None, "empty file (only whitespace)"
    return text, None


def _decode_html(data: bytes) -> tuple[str | None, str | None]:
    """(text, declared charset) of a page that is not UTF-8: its declared charset if that decodes
    it, else what charset-normalizer detects; text None when neither works."""
    declared = _DECLARED_CHARSET.search(data[:_DECLARATION_BYTES])
    charset = None
    if declared:
        charset = (declared.group(1) or declared.group(2)).decode("ascii", errors="replace")
        for codec in _codecs_for(charset):
            try:
                return data.decode(codec), charset
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None, charset
    return str(best), charset


def _codecs_for(charset: str) -> list[str]:
    """Python codecs for a declared charset.  As browsers do (WHATWG Encoding), a page that says
    ISO-8859-1 or ASCII is read as windows-1252, which it almost always is."""
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return []
    if name in ("latin-1", "iso8859-1", "ascii"):
        return ["cp1252", "latin-1"]
    return [name]
