"""Bengali (bn): recognised so that it is set aside, not processed (no pack data beyond identification)."""

from ghatna.lang import LanguagePack

PACK = LanguagePack(
    code="bn",
    name="Bengali",
    script="Beng",
    supported=False,
    function_words=frozenset("এবং হয় না করে এই থেকে তার জন্য একটি করা হয়েছে ছিল যে সঙ্গে তিনি কিন্তু".split()),
)
