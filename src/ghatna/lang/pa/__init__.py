"""Punjabi (pa): recognised so that it is set aside, not processed (no pack data beyond identification)."""

from ghatna.lang import LanguagePack

PACK = LanguagePack(
    code="pa",
    name="Punjabi",
    script="Guru",
    supported=False,
    function_words=frozenset("ਦੇ ਦੀ ਹੈ ਵਿੱਚ ਨੇ ਤੇ ਅਤੇ ਨੂੰ ਦਾ ਇਸ ਕਿ ਲਈ ਵੀ ਸੀ ਹਨ ਤੋਂ ਕੀਤਾ".split()),
)
