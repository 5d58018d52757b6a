"""Urdu (ur): recognised so that it is set aside, not processed (no pack data beyond identification)."""

from ghatna.lang import LanguagePack

PACK = LanguagePack(
    code="ur",
    name="Urdu",
    script="Arab",
    supported=False,
    function_words=frozenset("کے کی ہے میں سے کو نے اور یہ ہیں کا پر تھا تھے گیا کیا کہ بھی وہ اس ایک لیے ساتھ نہیں".split()),
)
