"""Marathi (mr): recognised so that it is set aside, not processed (no pack data beyond identification)."""

from ghatna.lang import LanguagePack

PACK = LanguagePack(
    code="mr",
    name="Marathi",
    script="Deva",
    supported=False,
    function_words=frozenset("आहे आहेत आणि च्या ची चा चे ला मध्ये नाही होते होता केले केली करण्यात त्यांनी असे आली आला झाले झाली येथे व त्या या त्याच्या तसेच होती असून आपल्या".split()),
)
