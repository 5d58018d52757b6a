"""Nepali (ne): recognised so that it is set aside, not processed (no pack data beyond identification)."""

from ghatna.lang import LanguagePack

PACK = LanguagePack(
    code="ne",
    name="Nepali",
    script="Deva",
    supported=False,
    function_words=frozenset("छ छन् थियो थिए र मा ले लाई गर्न गरेको भएको पनि यो त्यो भने गरे रहेको गर्दै हुन्छ भन्दा सक्ने उनले उनी हुने गरी गर्ने भएका छैन".split()),
)
