"""Resolving one name to a registry actor or a gazetteer place.

Cheapest evidence first: the exact match key (nukta folded), acronyms spelt in Devanagari
letter names, a loose Devanagari key (vowel length, nasals), demonyms, the gazetteer, then the
phonetic skeleton shared by Devanagari and English spellings, a person's surname among the
people in office at the document's date, and finally one edit on the skeleton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ghatna.document import Geo
from ghatna.lang import get_pack
from ghatna.lang.en import agents as en_agents
from ghatna.lang.hi import agents as hi_agents
from ghatna.lang.hi.names import loose_key, read_acronym, similarity, skeleton
from ghatna.resolve.gazetteer import Gazetteer, Place, PlaceContext, gazetteer
from ghatna.resolve.registry import Actor, Registry, registry
from ghatna.text.normalise import match_key

# Strength of each kind of evidence: a better one found on any mention wins.
STRENGTH = {"exact": 5, "acronym": 5, "loose": 4, "demonym": 4, "place": 4, "skeleton": 3,
            "place-skeleton": 3, "surname": 2, "fuzzy": 1, "embedding": 1}
# NER type -> registry types it may resolve to.
COMPATIBLE = {"PER": {"PER"}, "ORG": {"ORG"}, "GPE": {"GPE"}, "LOC": {"GPE"}, "NORP": {"GPE"}}
# Words that may open a name span but are not part of the name (the language packs' lists).
HONORIFICS = frozenset(w for code in ("hi", "en") for w in getattr(get_pack(code).places, "HONORIFICS", ()))
FOREIGN_SKELETON_MIN_POPULATION = 1_000_000
# Month names are tagged as places now and then (जुलाई -> Zulia); they never are.
_MONTHS = frozenset(m for code in ("hi", "en") for m in get_pack(code).months)
METONYM_MIN_POPULATION = 500_000
SMALL_PLACE = 50_000
CLOSE_SOUND = 0.85
SOUND_FLOOR_ONE_WORD = 0.8
SOUND_FLOOR_SHORT = 0.86
SOUND_FLOOR = 0.7
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s?$")  # Trump's, the Hindus'
_TRIM = re.compile(r"^[\s\"'‘’“”(\[]+|[\s\"'‘’“”)\].,:;!?\u0964\u0965]+$")  # and the danda


@dataclass
class Resolution:
    id: str
    name: str
    type: str
    country: str | None
    actor_code: str | None
    geo: Geo | None
    how: str
    strength: int
    confidence: float = 1.0  # for places: the gazetteer's confidence in the choice

    @property
    def is_place(self) -> bool:
        return self.how.startswith("place")


def words_of(name: str) -> list[str]:
    return name.replace("-", " ").split()


def clean_name(text: str) -> str:
    """Strip quotes, punctuation, an English possessive, and leading honorifics and role titles."""
    text = _POSSESSIVE.sub("", _TRIM.sub("", text))
    words = text.split()
    roles = set(hi_agents.ROLE_TITLES) | set(en_agents.ROLE_TITLES)
    while len(words) > 1:
        head = match_key(words[0])
        two = match_key(" ".join(words[:2]))
        if two in roles:
            words = words[2:]
        elif head in HONORIFICS or head in roles:
            words = words[1:]
        elif (head in hi_agents.ADJECTIVES or head in en_agents.ADJECTIVES) and (
                match_key(words[1]) in roles or match_key(words[1]) in HONORIFICS
                or match_key(" ".join(words[1:3])) in roles):
            words = words[1:]  # 'रूसी राष्ट्रपति पुतिन', but not 'सऊदी अरब'

        else:
            break
    return " ".join(words)


def written_as(reg: Registry, name: str, hits: list[str] | None) -> list[str] | None:
    """Exact-key hits that fit how a short Latin name is written: 'Who' and 'Is' are not WHO
    and IS (an all-capital registry name of 2-3 letters matches only a name in capitals;
    longer ones are Phoenix's capitalised names, FILIPINO)."""
    if not hits or not name.isascii() or name.isupper() or len(name) > 3:
        return hits
    key = match_key(name)
    return [i for i in hits if any(match_key(n) == key and not n.isupper() for n in reg.by_id[i].en)]


def date_key(published: str | None) -> str | None:
    """'2022-01-12' -> '20220112'."""
    if not published:
        return None
    digits = published.replace("-", "")[:8]
    return digits if len(digits) == 8 and digits.isdigit() else None


class Matcher:
    def __init__(self, reg: Registry | None = None, gaz: Gazetteer | None = None) -> None:
        self.reg = reg or registry()
        self.gaz = gaz or gazetteer()

    # --- building results ---

    def from_actor(self, actor: Actor, how: str, date: str | None) -> Resolution:
        geo = None
        if actor.type == "GPE" and actor.country:
            point = self.gaz.country_point(actor.country)
            geo = point.geo() if point else None
        return Resolution(actor.id, actor.name, actor.type, actor.country, actor.code_at(date), geo,
                          how, STRENGTH[how])

    def from_place(self, place: Place, how: str, ner_type: str | None, confidence: float = 1.0) -> Resolution:
        type_ = ner_type if ner_type in ("LOC", "GPE") else "LOC"
        return Resolution(place.id, place.name, type_, place.country or None, place.country or None,
                          place.geo(), how, STRENGTH[how], confidence)

    def pick(self, ids: list[str], ner_type: str | None, date: str | None, countries: dict[str, float],
             strict_type: bool) -> Actor | None:
        """The best actor among `ids`: compatible type, curated, in office at the date, in the
        document's countries."""
        allowed = COMPATIBLE.get(ner_type or "")
        actors = [self.reg.by_id[i] for i in ids]
        if allowed:
            typed = [a for a in actors if a.type in allowed]
            if typed or strict_type:
                actors = typed
        if not actors:
            return None

        def score(a: Actor) -> float:
            s = 2.0 if a.curated else 0.0
            s += 1.5 if a.roles and a.active(date) else 0.0
            s += countries.get(a.country or "", 0.0)
            s += 0.5 if a.type == "GPE" else 0.0
            return s

        return max(actors, key=score)

    # --- resolving ---

    def resolve(self, text: str, ner_type: str | None = None, date: str | None = None,
                countries: dict[str, float] | None = None, want_admin1: bool = False,
                place_context: PlaceContext | None = None) -> Resolution | None:
        """Resolve one surface name; None when nothing in the registry or gazetteer fits.

        `countries` weighs actors (people, organisations); `place_context` says where the
        document is for places (its countries as places, qualifiers, cue words); without one,
        places are weighed by `countries` too.  A name that fails as a whole is retried
        without a leading direction word ('southern Nevada' -> 'Nevada'; but 'Uttar Pradesh'
        matches first as a whole).
        """
        if place_context is None:
            place_context = PlaceContext(countries=dict(countries or {}), want="A" if want_admin1 else None)
        res = self._resolve(text, ner_type, date, countries, place_context)
        words = clean_name(text).split()
        if res is None and len(words) > 1:
            head = match_key(words[0])
            english = hi_agents.DIRECTIONS.get(head)
            if english and ner_type in (None, "LOC", "GPE"):
                # 'pashchimi varjiniya': West Virginia, before trying Virginia
                place = self.gaz.lookup(" ".join([english, *words[1:]]), context=place_context)
                if place is not None and place.population >= SMALL_PLACE and similarity(
                        " ".join(words[1:]), place.name.split(" ", 1)[-1]) >= SOUND_FLOOR:
                    return self.from_place(place, "place-skeleton", ner_type)
            if head in hi_agents.NOT_NAMES or head in en_agents.NOT_NAMES or head == "the":
                return self.resolve(" ".join(words[1:]), ner_type, date, countries, want_admin1, place_context)
        return res

    def resolve_written(self, text: str, ner_type: str | None = None,
                        date: str | None = None) -> Resolution | None:
        """Only the cheap evidence: a registry name as written (exact, acronym, demonym)."""
        name = clean_name(text)
        key = match_key(name)
        hits = written_as(self.reg, name, self.reg.exact.get(key))
        if not hits:
            acronym = read_acronym(name) if not name.isascii() else None
            hits = self.reg.acronym.get(acronym) if acronym else None
        if hits:
            actor = self.pick(hits, ner_type, date, {}, strict_type=False)
            return self.from_actor(actor, "exact", date) if actor is not None else None
        country = hi_agents.ADJECTIVES.get(key) or en_agents.ADJECTIVES.get(key)
        actor = self.reg.country(country) if country else None
        return self.from_actor(actor, "demonym", date) if actor is not None else None

    def _resolve(self, text: str, ner_type: str | None, date: str | None,
                 countries: dict[str, float] | None, ctx: PlaceContext) -> Resolution | None:
        countries = countries or {}
        want_admin1 = ctx.want in ("A", "D")
        name = clean_name(text)
        if not name:
            return None
        key = match_key(name)
        if key in hi_agents.NOT_NAMES or key in en_agents.NOT_NAMES or key in _MONTHS:
            return None
        reg = self.reg
        placey = ner_type in (None, "LOC", "GPE")

        hits = written_as(reg, name, reg.exact.get(key))
        if hits:
            actor = self.pick(hits, ner_type, date, countries, strict_type=False)
            if actor is not None and not (placey and want_admin1 and actor.type != "GPE"):
                return self.from_actor(actor, "exact", date)
        acronym = read_acronym(name) if not name.isascii() else (name.replace(".", "") if name.isupper() else None)
        if acronym and acronym in reg.acronym:
            actor = self.pick(reg.acronym[acronym], ner_type, date, countries, strict_type=False)
            if actor is not None:
                return self.from_actor(actor, "acronym", date)
        adjective = hi_agents.ADJECTIVES.get(key) or en_agents.ADJECTIVES.get(key)
        if adjective:
            actor = reg.country(adjective)
            if actor is not None:
                return self.from_actor(actor, "demonym", date)
        if not name.isascii():
            hits = reg.loose.get(loose_key(name))
            if hits:
                actor = self.pick(hits, ner_type, date, countries, strict_type=True)
                if actor is not None:
                    return self.from_actor(actor, "loose", date)
        place_countries = ctx.countries
        if placey:
            places, exact = self.gaz.candidates(name)
            if exact:
                place, confidence = self.gaz.choose(name, ctx)
                # a small town far from the story is more likely a namesake (Kanye, Jones)
                if place is not None and (not place_countries or place.country in place_countries
                                          or place.population >= SMALL_PLACE or len(words_of(name)) > 1
                                          or ctx.within is not None):
                    return self.from_place(place, "place", ner_type, confidence)
        sk = skeleton(name)
        words = sk.split()
        place = None
        confidence = 1.0
        if placey:
            place, confidence = self.gaz.choose(name, ctx)
            # A sound-alike outside the document's countries is more likely a miss than a find,
            # unless it is a province or a big city that sounds just the same (इंग्लैंड: England).
            # (A province of millions, England, Ontario, is named more often than it is misheard.)
            floor = SOUND_FLOOR_ONE_WORD if place is not None and place.kind == "A" and                 place.population >= FOREIGN_SKELETON_MIN_POPULATION else CLOSE_SOUND
            if place is not None and place_countries and place.country not in place_countries and not (
                    (place.kind == "A" or place.population >= FOREIGN_SKELETON_MIN_POPULATION)
                    and similarity(name, place.name) >= floor) and ctx.within is None:
                place = None
            if place is not None and not place_countries and place.population < FOREIGN_SKELETON_MIN_POPULATION:
                place = None
        latin = name.isascii()
        if sk and len(sk.replace(" ", "")) >= 3 and not (latin and len(words) == 1):
            hits = [i for i in reg.skeleton.get(sk, ()) if self.sounds_like(name, reg.by_id[i], len(words))]
            if hits:
                actor = self.pick(hits, ner_type, date, countries, strict_type=ner_type is not None)
                # A one-word skeleton is weak evidence: only for curated actors, and a place of
                # the document's countries wins over a country the document does not name.
                if actor is not None and (len(words) > 1 or actor.curated) and not (
                        place is not None and countries.get(actor.country or "", 0.0) < countries.get(place.country, 0.0)):
                    return self.from_actor(actor, "skeleton", date)
        if place is not None and not latin:
            return self.from_place(place, "place-skeleton", ner_type, confidence)
        if ner_type == "ORG":
            # 'Washington said', 'वाशिंगटन ने कहा': a big city named as an organisation
            places, exact = self.gaz.candidates(name)
            if exact:
                place = self.gaz.lookup(name, context=PlaceContext(countries=place_countries))
                if place is not None and place.population >= METONYM_MIN_POPULATION and similarity(
                        name, place.name) >= CLOSE_SOUND:  # by its own name, not an alternate one
                    return self.from_place(place, "place", "GPE")
        if ner_type in (None, "PER") and len(words) >= 2:
            # The first words of a curated person's longer name (किम जोंग: Kim Jong Un)
            # or the last ones, with a particle (अल असद: Bashar al-Assad; bin Salman; da Silva)
            n = len(words)
            people = {a.id for a, full in _curated_people(reg) if len(full) > n
                      and (full[:n] == words or (full[-n:] == words and len(words[0]) <= 3
                                                  and len("".join(words)) >= 4))}  # not O.K.
            if len(people) == 1:
                return self.from_actor(reg.by_id[people.pop()], "skeleton", date)
        if ner_type in (None, "PER") and words and len(words[-1]) >= 3:
            # A surname alone: only curated people, and only one of them in office at the date.
            people = [reg.by_id[i] for i in reg.surname.get(words[-1], ())]
            people = [p for p in people if p.curated and self.sounds_like(name, p, 1)]
            if date:
                people = [p for p in people if p.active(date)] or people
            if len({p.id for p in people}) == 1:
                return self.from_actor(people[0], "surname", date)
        if not latin and ner_type in ("PER", "ORG"):
            fuzzy = self.fuzzy(sk, ner_type, date, countries)
            if fuzzy is not None and self.sounds_like(name, fuzzy, len(words)) and any(
                    _initials(skeleton(n)) == _initials(sk) for n in (*fuzzy.hi, *fuzzy.en)):
                return self.from_actor(fuzzy, "fuzzy", date)
        if not latin and ner_type in ("ORG", None) and len(words) >= 2 and any(
                match_key(w) in hi_agents.INTERNATIONAL_MARKERS for w in name.split()):
            from ghatna.resolve.embed import match as embedding_match

            actor_id = embedding_match(name)
            if actor_id is not None and actor_id in reg.by_id:
                return self.from_actor(reg.by_id[actor_id], "embedding", date)
        return None

    @staticmethod
    def sounds_like(name: str, actor: Actor, n_words: int) -> bool:
        """A skeleton match must also agree in its vowels with one of the actor's names
        (Celesio and the Devanagari 'sholts' share a skeleton; they do not sound alike)."""
        floor = SOUND_FLOOR_ONE_WORD if n_words == 1 else SOUND_FLOOR
        if n_words == 1 and len(skeleton(name)) <= 3:
            floor = SOUND_FLOOR_SHORT  # 'lnd': लिंड is not हॉलैंड
        if n_words == 1:
            names = [w for n in (*actor.hi, *actor.en) for w in n.replace("-", " ").split()]
        else:
            names = [*actor.hi, *actor.en]
        return any(similarity(name, n) >= floor for n in names)

    def fuzzy(self, sk: str, ner_type: str | None, date: str | None,
              countries: dict[str, float]) -> Actor | None:
        """Curated actors whose skeleton is one edit away (skeletons of 5+ letters only)."""
        flat = sk.replace(" ", "")
        if len(flat) < 5:
            return None
        index = _deletion_index(self.reg)
        found: set[str] = set()
        for variant in {flat, *_deletions(flat)}:
            for other, ids in index.get(variant, ()):
                if _within_one_edit(flat, other):
                    found.update(ids)
        if not found:
            return None
        return self.pick(sorted(found), ner_type, date, countries, strict_type=ner_type is not None)


_CONTEXT_WORD = re.compile(r"[\w\u0900-\u0963\u0971-\u097f.'’-]+")


def _context_key(word: str) -> str:
    key = match_key(word)
    return key.rstrip(".") if key.endswith(".") and key not in en_agents.ADJECTIVES else key


@lru_cache(maxsize=4)
def text_words(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, match key, surface) of the words of a text; shared by the scans of one
    document (country focus, spotting, role phrases)."""
    return tuple((m.start(), m.end(), _context_key(m.group()), m.group()) for m in _CONTEXT_WORD.finditer(text))


def context_countries(text: str, reg: Registry | None = None, max_words: int = 3,
                      demonym_weight: float = 1.0) -> dict[str, float]:
    """Countries named in a text (names and demonyms), weighted by share of the most named one.

    A cheap document focus that does not depend on the recogniser having found every name.
    A demonym counts `demonym_weight` of a name (for places, 'the American president' says
    less about where a story is than 'America' does).
    """
    counts: dict[str, float] = {}
    for country, demonym in _country_mentions(text, reg or registry(), max_words):
        counts[country] = counts.get(country, 0.0) + (demonym_weight if demonym else 1.0)
    if not counts:
        return {}
    top = max(*counts.values(), 1.0)  # demonyms alone weigh what they weigh
    return {c: n / top for c, n in counts.items()}


@lru_cache(maxsize=4)
def _country_mentions(text: str, reg: Registry, max_words: int) -> tuple[tuple[str, bool], ...]:
    """(country, whether by a demonym) for each country a text names, in order."""
    words = [w[2] for w in text_words(text)]
    found: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        for n in range(max_words, 0, -1):
            gram = " ".join(words[i : i + n])
            country = hi_agents.ADJECTIVES.get(gram) or en_agents.ADJECTIVES.get(gram) if n == 1 else None
            demonym = bool(country)
            if not country:
                for aid in reg.exact.get(gram, ()):
                    actor = reg.by_id[aid]
                    if actor.type == "GPE":
                        country = actor.country
                        break
            if country:
                found.append((country, demonym))
                i += n
                break
        else:
            i += 1
    return tuple(found)


def document_focus(text: str, lang: str | None, reg: Registry | None = None,
                   named: dict[str, float] | None = None) -> dict[str, float]:
    """Country weights for a document: the countries it names (`named`, when already
    computed), or, when it names none, the language's home country as a weak prior (Hindi:
    India; a story set abroad names where it is)."""
    focus = dict(named) if named is not None else context_countries(text, reg)
    if lang == "hi" and not focus:
        focus[hi_agents.HOME_COUNTRY] = hi_agents.HOME_WEIGHT
    return focus


@cache
def spot_index(reg: Registry | None = None) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word (match key) -> [(all words, actor id)] of names worth spotting in text the
    recogniser may have missed: curated countries, organisations and groups under any of their
    names, curated people under names of two or more words, and demonyms."""
    reg = reg or registry()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(name: str, actor_id: str) -> None:
        words = tuple(match_key(w) for w in _CONTEXT_WORD.findall(name))
        if words and len("".join(words)) >= 2:
            index.setdefault(words[0], []).append((words, actor_id))

    for a in reg.actors:
        if not a.curated:
            continue
        for name in (*a.hi, *a.en):
            if a.type != "PER" or len(name.split()) > 1:
                add(name, a.id)
    for table in (hi_agents.ADJECTIVES, en_agents.ADJECTIVES):
        for word, country in table.items():
            actor = reg.country(country) if country else None
            if actor is not None:
                add(word, actor.id)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest first
    return index


@cache
def spot_people(reg: Registry | None = None) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First word as written (match key) -> [(word skeletons, actor id, name)] of curated
    people's names of two or more words, to spot other spellings of the rest of the name
    (the Devanagari 'maik pompio' for 'maik pompiyo')."""
    reg = reg or registry()
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for a in reg.actors:
        if a.type == "PER" and a.curated:
            for name in (*a.hi, *a.en):
                words = tuple(skeleton(name).split())
                first = _CONTEXT_WORD.findall(name)
                if len(words) >= 2 and len(words[0]) >= 2 and len(words[-1]) >= 3 and first:
                    index.setdefault(_context_key(first[0]), []).append((words, a.id, name))
    return index


def spot(text: str, reg: Registry | None = None, max_words: int = 6) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of registry names written out in `text`, longest match first.

    Latin names must be written with a capital (Turkey, not turkey; EU, not eu)."""
    reg = reg or registry()
    index = spot_index(reg)
    words = text_words(text)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        match = None
        for names, actor_id in index.get(words[i][2], ()):
            n = len(names)
            if n > max_words or i + n > len(words):
                continue
            if tuple(w[2] for w in words[i : i + n]) != names:
                continue
            if any(w[3].isascii() and not w[3][:1].isupper() for w in words[i : i + n]):
                continue
            if not written_as(reg, text[words[i][0] : words[i + n - 1][1]], [actor_id]):
                continue
            # the words must be adjacent (one space or hyphen apart), not across a sentence end
            gaps = [text[words[j][1] : words[j + 1][0]] for j in range(i, i + n - 1)]
            if all(g in (" ", "-") for g in gaps):
                match = (words[i][0], words[i + n - 1][1], actor_id, n)
                break
        if match is None and (not words[i][3].isascii() or words[i][3][:1].isupper()):
            for names, actor_id, full in spot_people(reg).get(words[i][2], ()):
                n = len(names)
                if i + n > len(words) or any(text[words[j][1] : words[j + 1][0]] not in (" ", "-")
                                             for j in range(i, i + n - 1)):
                    continue
                surface = text[words[i][0] : words[i + n - 1][1]]
                if tuple(skeleton(w[3]) for w in words[i : i + n]) == names and similarity(surface, full) >= SOUND_FLOOR_ONE_WORD:
                    match = (words[i][0], words[i + n - 1][1], actor_id, n)
                    break
        if match:
            end = match[1]
            # a trailing full stop belongs to the sentence, not the name (unless U.S.)
            while end > match[0] and text[end - 1] in ".'’" and not text[match[0]:end].upper().startswith("U.S"):
                end -= 1
            found.append((match[0], end, match[2]))
            i += match[3]
        else:
            i += 1
    return found


@cache
def _curated_people(reg: Registry) -> list[tuple[Actor, list[str]]]:
    """(person, skeleton words of one of their names of three or more words)."""
    out = []
    for a in reg.actors:
        if a.type == "PER" and a.curated:
            for n in (*a.hi, *a.en):
                sk = skeleton(n).split()
                if len(sk) >= 3:
                    out.append((a, sk))
    return out


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


@cache
def _deletion_index(reg: Registry) -> dict[str, list[tuple[str, list[str]]]]:
    """Symmetric-deletion index of curated actors' skeletons (spaces removed): each skeleton
    and each of its one-letter deletions -> (skeleton, curated actor ids)."""
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for sk, ids in reg.skeleton.items():
        curated = [i for i in ids if reg.by_id[i].curated]
        flat = sk.replace(" ", "")
        if curated and len(flat) >= 4:
            for variant in {flat, *_deletions(flat)}:
                index.setdefault(variant, []).append((flat, curated))
    return index


def _initials(sk: str) -> list[str]:
    """First letters of a skeleton's words, leaving out connectors (-e-, the Devanagari 'e': 'a')."""
    return [w[:1] for w in sk.split() if w != "a"]


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


@cache
def matcher() -> Matcher:
    """One matcher per process (its registry and gazetteer load on first use)."""
    return Matcher()
