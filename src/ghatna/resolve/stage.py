"""ResolveStage: every entity becomes a registry actor, a gazetteer place, or stays a
document-local entity (never dropped).

Order of work in one document:
1. resolve each entity's mentions (best evidence over its mentions wins), first without and then
   with the document's country focus (the countries of what resolved), which disambiguates places
   and people;
2. role phrases ('roosi rashtrapati', 'kazakhstan ke rashtrapati' in Devanagari, 'Russian President') are resolved with
   the document's date to the office holder: a phrase not followed by a name becomes a mention of
   that person, and an unresolved person right after one gets the phrase's country;
3. registry names the recogniser missed are spotted in the text (curated countries,
   organisations, groups, people under names of two or more words, demonyms: amreeki in Devanagari -> USA);
4. in-document coreference: a one-word name left unresolved joins an entity whose name ends in
   the same word (putin after vladimir putin, both in Devanagari);
5. entities that resolved to the same actor or place are merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ghatna.document import Document, Entity, Mention
from ghatna.lang import get_pack
from ghatna.lang.en import agents as en_agents
from ghatna.lang.hi import agents as hi_agents
from ghatna.lang.hi.names import similarity, skeleton
from ghatna.ontology import AGENT_CODE_NAMES
from ghatna.resolve.gazetteer import CONFIDENCE_FLOOR, Place, PlaceContext, Region, common_words
from ghatna.resolve.matcher import (
    HONORIFICS,
    Matcher,
    Resolution,
    clean_name,
    context_countries,
    date_key,
    document_focus,
    matcher,
    spot,
    text_words,
)
from ghatna.resolve.registry import Actor
from ghatna.text.normalise import match_key

_WORD = re.compile(r"[\w\u0900-\u0963\u0971-\u097f\u200c\u200d.'’-]+")
SPOT_MIN_POPULATION = 100_000
# Capitals and cities of a million or more are spotted in Hindi text wherever they are named
# as written (followed by a postposition), whatever country the story names.
SPOT_WORLD_CITY = 1_000_000
WORLD_SOUND_FLOOR = 0.9  # ... or a spelling of that name that sounds just the same
# For places, a demonym says less about where a story is than a country's name does.
DEMONYM_PLACE_WEIGHT = 0.3
# Confident places lend their country (admin1 and country places fully, cities half), their
# subdivision and their point to the others.
CONTEXT_CONFIDENCE = 0.9
LIST_WEIGHT = 1.0
SPOT_MIN_CONSONANTS = 3
BIG_CITY = 1_000_000
SPOT_SOUND_FLOOR = 0.8
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
CONTINENT_QUALIFIERS = hi_agents.CONTINENT_QUALIFIERS | en_agents.CONTINENT_QUALIFIERS


def _place_words(name: str) -> frozenset[str]:
    """One kind of place word from every supported language's pack (lang/<code>/places.py)."""
    return frozenset(w for code in ("hi", "en") for w in getattr(get_pack(code).places, name, ()))


# Cue words beside a name -> the kind of place they ask for.
CUES = {kind: _place_words(name) for kind, name in (
    ("A", "ADMIN1_CUES"), ("D", "ADMIN2_CUES"), ("P", "CITY_CUES"), ("C", "COUNTRY_CUES"))}
ADMIN1_CUES = CUES["A"]
QUALIFIER_LINKS = _place_words("QUALIFIER_LINKS")
GENERIC_PLACE_HEADS = _place_words("GENERIC_PLACE_HEADS")
POSTPOSITIONS = _place_words("POSTPOSITIONS")
LIST_LINKS = _place_words("LIST_LINKS")
GENITIVE_LINKS = _place_words("GENITIVE_LINKS")  # 'kazakhstan ke rashtrapati'

LOCATIVE_PREPOSITIONS = _place_words("LOCATIVE_PREPOSITIONS")
TOWN_AFTER_PREPOSITION = 10_000


@dataclass
class RolePhrase:
    start: int
    end: int
    country: str
    title: str
    current: bool  # not 'former', 'deputy', ...
    title_start: int  # where the title itself starts (the country may be a mention of its own)


def find_role_phrases(doc: Document, m: Matcher) -> list[RolePhrase]:
    """'roosi rashtrapati', 'kazakhstan ke rashtrapati' (in Devanagari), 'Russian President',
    'President of Russia'."""
    words = text_words(doc.text)
    hindi = doc.lang != "en"
    titles = hi_agents.ROLE_TITLES if hindi else en_agents.ROLE_TITLES
    adjectives = hi_agents.ADJECTIVES if hindi else en_agents.ADJECTIVES
    not_current = hi_agents.NOT_CURRENT if hindi else en_agents.NOT_CURRENT
    phrases: list[RolePhrase] = []
    for i in range(len(words)):
        for n in (2, 1):  # two-word titles first (विदेश मंत्री, prime minister)
            if i + n > len(words):
                continue
            title = titles.get(" ".join(w[2] for w in words[i : i + n]))
            if title is None:
                continue
            end = words[i + n - 1][1]
            j = i - 1
            current = True
            if j >= 0 and words[j][2] in not_current:
                current, j = False, j - 1
            country, start = None, None
            if j >= 0 and adjectives.get(words[j][2]):
                country, start = adjectives[words[j][2]], words[j][0]
            elif hindi and j >= 1 and words[j][2] in GENITIVE_LINKS:
                for k in (1, 2, 3):  # the country's name may be several words
                    if j - k < 0:
                        break
                    name = doc.text[words[j - k][0] : words[j - 1][1]]
                    country = _country_of(name, m)
                    if country:
                        start = words[j - k][0]
                        break
            elif not hindi and i + n + 1 < len(words) and words[i + n][2] == "of":
                country = _country_of(doc.text[words[i + n + 1][0] : words[i + n + 1][1]], m)
                if country:
                    start, end = words[i][0], words[i + n + 1][1]
            if country and start is not None:
                if j >= 0 and words[max(j - 1, 0)][2] in not_current:
                    current = False
                phrases.append(RolePhrase(start, end, country, title, current, words[i][0]))
            break
    return phrases


def _country_of(name: str, m: Matcher) -> str | None:
    hits = m.reg.exact.get(match_key(name))
    for aid in hits or ():
        actor = m.reg.by_id[aid]
        if actor.type == "GPE":
            return actor.country
    return None


class ResolveStage:
    name = "resolve"
    needs_supported_language = True

    def __call__(self, doc: Document) -> Document:
        m = matcher()
        date = date_key(doc.published)
        entities = doc.entities
        # Pass 1 (names as written) gives the document's country focus for actors, with the
        # countries the text names; places are weighed by the countries the text names as
        # places (demonyms weigh less), never by its actors' countries.
        named = context_countries(doc.text, m.reg)
        written = [self._resolve_written(e, m, date) for e in entities]
        focus = _country_focus(entities, written)
        for country, weight in document_focus(doc.text, doc.lang, m.reg, named).items():
            focus[country] = max(focus.get(country, 0.0), weight)
        place_countries = document_focus(doc.text, doc.lang, m.reg, context_countries(
            doc.text, m.reg, demonym_weight=DEMONYM_PLACE_WEIGHT))
        cues = [_cue_kind(doc.text, e) for e in entities]
        found = [self._resolve_entity(doc, e, m, date, focus, PlaceContext(dict(place_countries), want=cue))
                 for e, cue in zip(entities, cues, strict=True)]
        qualified_country = self._places_in_context(doc, entities, found, cues, m, date, focus, place_countries)
        _drop_namesakes(entities, found, m, date)
        for i, (entity, res) in enumerate(zip(entities, found, strict=True)):
            if res is not None and res.is_place and res.confidence < CONFIDENCE_FLOOR:
                found[i] = res = None  # no answer rather than a far-off one: the name stays, with no point
            if res is not None:
                _apply(entity, res)
            elif qualified_country.get(i):
                entity.country = qualified_country[i]  # 'Namanga, Kenya': somewhere in Kenya
        resolved_ids = {e.id for e, r in zip(entities, found, strict=True) if r is not None}
        self._role_phrases(doc, m, date, resolved_ids)
        self._spot(doc, m, date, resolved_ids, named)
        _compose_agents(doc, m, resolved_ids)
        _named_after_a_country(doc, m, resolved_ids)
        _coreference(doc, resolved_ids)
        doc.entities = _merge(doc.entities)
        return doc

    def _resolve_written(self, entity: Entity, m: Matcher, date: str | None) -> Resolution | None:
        for text in {mt.text for mt in entity.mentions} or {entity.name}:
            res = m.resolve_written(text, entity.type, date)
            if res is not None:
                return res
        return None

    def _resolve_entity(self, doc: Document, entity: Entity, m: Matcher, date: str | None,
                        focus: dict[str, float], context: PlaceContext) -> Resolution | None:
        best: Resolution | None = None
        texts = sorted({mt.text for mt in entity.mentions}, key=len, reverse=True) or [entity.name]
        failed: list[str] = []
        best_text = ""
        for text in texts:
            res = m.resolve(text, entity.type, date, focus, place_context=context)
            if res is None and entity.type in (None, "LOC", "GPE"):
                res = _resolve_linked(text, m, date, focus, context) or _resolve_without_cue(
                    text, m, date, focus, context)
            if res is not None and (best is None or res.strength > best.strength):
                best, best_text = res, text
            elif res is None and entity.type == "PER":
                failed.append(text)
        if best is not None and best.id == m.reg.by_country.get("USA") and entity.mentions and all(
                _word_before(doc.text, mt.start) in CONTINENT_QUALIFIERS for mt in entity.mentions):
            return None  # Latin America, South America
        if best is not None and best.type == "PER" and any(
                _other_first_name(t, best_text, m.reg.by_id.get(best.id)) for t in failed):
            return None  # Chris Harris ... Harris: the full name is no known person, so neither is Harris
        if best is None and entity.type in ("PER", "ORG", "NORP"):
            best = _big_city_mistagged(texts, m, entity.type) or _city_after_preposition(doc.text, entity, m, context)
            if best is not None:
                entity.type = "GPE"  # the recogniser's type was wrong
        return best

    def _places_in_context(self, doc: Document, entities: list[Entity], found: list[Resolution | None],
                           cues: list[str | None], m: Matcher, date: str | None, focus: dict[str, float],
                           place_countries: dict[str, float]) -> dict[int, str]:
        """Second pass over places: explicit qualifiers ('Prague, Oklahoma', 'Y ke X'), then the
        countries, subdivisions and points of the places resolved with confidence as context
        for the others (Mordecai's 'other places in the document').  Updates `found`; returns
        the country of each qualified place that no gazetteer place fits."""
        qualifiers = _qualifiers(doc.text, entities)
        qualified_country: dict[int, str] = {}
        for j in {j for js in qualifiers.values() for j in js}:
            res = found[j]
            # a qualifier is a region: 'Oklahoma' after 'Prague,' is the state, not Oklahoma City
            if res is not None and res.is_place and res.geo is not None and res.geo.precision == "city":
                again = self._resolve_entity(doc, entities[j], m, date, focus,
                                             PlaceContext(dict(place_countries), want="A"))
                if again is not None and again.geo is not None and again.geo.precision in ("admin1", "admin2"):
                    found[j] = again
        regions: dict[int, Region] = {}
        for i, js in qualifiers.items():
            own = found[i]
            if not _is_place_entity(entities[i], own):
                continue  # people and organisations are not qualified ('bharat ke X' is no place)
            precision = own.geo.precision if own is not None and own.geo is not None else None
            if precision == "country":
                continue  # a country is qualified by nothing ('Georgia, Armenia' is a list)
            for j in js:
                region = _region_of(found[j], m)
                if region is None or (precision == "admin1" and region.admin1):
                    continue  # two subdivisions in a list ('Bihar, Jharkhand')
                regions[i] = region
                break
        for i, region in regions.items():
            res = self._resolve_entity(doc, entities[i], m, date, focus,
                                       PlaceContext(dict(place_countries), want=cues[i], within=region))
            found[i] = res
            if res is None:
                qualified_country[i] = region.country
        neighbours = _list_neighbours(doc.text, entities)
        for i in range(len(entities)):
            res = found[i]
            if i in regions or not _is_place_entity(entities[i], res):
                continue
            context = _context_without(i, found, place_countries)
            for j in neighbours.get(i, ()):
                other = found[j]
                if other is not None and other.is_place and other.country and other.geo is not None \
                        and other.geo.precision != "country" and other.confidence >= CONTEXT_CONFIDENCE:
                    # 'Delhi, Chennai, ..., Hyderabad': a list of places is mostly of one country
                    context.countries[other.country] = context.countries.get(other.country, 0.0) + LIST_WEIGHT
            context.want = cues[i]
            again = self._resolve_entity(doc, entities[i], m, date, focus, context)
            if again is not None:
                found[i] = again
        return qualified_country

    def _role_phrases(self, doc: Document, m: Matcher, date: str | None, resolved: set[str]) -> None:
        spans = sorted((mt.start, mt.end, e) for e in doc.entities for mt in e.mentions)
        by_id = {e.id: e for e in doc.entities}
        for phrase in find_role_phrases(doc, m):
            if any(s < phrase.end and phrase.title_start < e for s, e, _ in spans):
                continue  # the title is inside a name the recogniser found
            following = next((ent for s, _, ent in spans if s >= phrase.end
                              and _only_titles_between(doc.text[phrase.end : s])), None)
            if following is not None:
                if following.id not in resolved and following.type in ("PER", None) and not following.country:
                    following.country = phrase.country  # 'कज़ाख़स्तान के उप रक्षा मंत्री X': X is Kazakh
                    following.actor_code = phrase.country + ("MIL" if phrase.title == "chief" else "GOV")
                continue
            if not phrase.current:
                continue
            holder = m.reg.holder(phrase.country, phrase.title, date)
            if holder is None:
                continue
            # The whole phrase, or only the title when the country is a mention of its own.
            start = phrase.start
            if any(s < phrase.end and start < e for s, e, _ in spans):
                start = phrase.title_start
            mention = Mention(start, phrase.end, doc.text[start : phrase.end], "PER")
            entity = by_id.get(holder.id)
            if entity is None:
                entity = Entity(id=holder.id, name=holder.name, type="PER")
                _apply(entity, m.from_actor(holder, "exact", date))
                doc.entities.append(entity)
                by_id[holder.id] = entity
                resolved.add(holder.id)
            entity.mentions.append(mention)


    def _spot(self, doc: Document, m: Matcher, date: str | None, resolved: set[str],
              named: dict[str, float]) -> None:
        """Registry names written out that the recogniser missed (curated actors, demonyms)."""
        taken = sorted((mt.start, mt.end) for e in doc.entities for mt in e.mentions)
        by_id = {e.id: e for e in doc.entities}
        for start, end, actor_id in spot(doc.text, m.reg):
            if any(s < end and start < e for s, e in taken):
                continue
            actor = m.reg.by_id[actor_id]
            if actor.type == "GPE" and actor.country == "USA" and _word_before(doc.text, start) in CONTINENT_QUALIFIERS:
                continue  # लैटिन अमेरिका, South America
            key = match_key(doc.text[start:end])
            demonym = key in hi_agents.ADJECTIVES or key in en_agents.ADJECTIVES
            mention_type = "NORP" if demonym else ("PER" if actor.type == "PER" else actor.type)
            entity = by_id.get(actor_id)
            if entity is None:
                entity = Entity(id=actor_id, name=actor.name, type=mention_type)
                _apply(entity, m.from_actor(actor, "exact", date))
                entity.type = mention_type
                doc.entities.append(entity)
                by_id[actor_id] = entity
                resolved.add(actor_id)
            entity.mentions.append(Mention(start, end, doc.text[start:end], mention_type))
            taken.append((start, end))
        if doc.lang in ("hi", "en"):
            self._spot_places(doc, m, taken, by_id, named)
        if doc.lang == "hi":
            self._spot_world_cities(doc, m, taken, by_id, named)
            self._spot_beside_places(doc, m, taken, by_id)
        elif doc.lang == "en":
            self._spot_english_cities(doc, m, taken, by_id, named)

    def _spot_english_cities(self, doc: Document, m: Matcher, taken: list[tuple[int, int]],
                             by_id: dict[str, Entity], named_countries: dict[str, float]) -> None:
        """Capitalised English names of capitals and cities of a million or more, and of towns of
        10,000+ right after a locative preposition ('around Aleppo'), that the recogniser missed:
        the place's own name, not an alternate one, and not at the start of a sentence."""
        words = text_words(doc.text)
        context = PlaceContext(dict(named_countries))
        for i in range(1, len(words)):
            for n in (2, 1):
                if i + n > len(words):
                    continue
                surface_words = words[i : i + n]
                start, end = surface_words[0][0], surface_words[-1][1]
                if not all(w[3][:1].isupper() and w[3].isalpha() for w in surface_words) or any(
                        s < end and start < e for s, e in taken):
                    continue
                if any(doc.text[words[k][1] : words[k + 1][0]] != " " for k in range(i, i + n - 1)):
                    continue
                if doc.text[words[i - 1][1] : start].strip():
                    continue  # after punctuation: a sentence start or a list, too uncertain
                surface = doc.text[start:end]
                if not _written_as_city(surface, m):
                    continue
                place, confidence = m.gaz.choose(surface, context)
                if place is None or place.kind not in ("P", "D") or confidence < CONFIDENCE_FLOOR:
                    continue
                after_preposition = words[i - 1][2] in LOCATIVE_PREPOSITIONS
                if place.feature == "capital" or place.population >= SPOT_WORLD_CITY or (
                        after_preposition and place.population >= TOWN_AFTER_PREPOSITION):
                    self._add_place(doc, m, place, start, end, by_id, taken, confidence)
                    break

    def _add_place(self, doc: Document, m: Matcher, place: Place, start: int, end: int,
                   by_id: dict[str, Entity], taken: list[tuple[int, int]], confidence: float = 1.0) -> None:
        entity = by_id.get(place.id)
        if entity is None:
            entity = Entity(id=place.id, name=place.name, type="GPE")
            _apply(entity, m.from_place(place, "place", "GPE", confidence))
            doc.entities.append(entity)
            by_id[place.id] = entity
        entity.mentions.append(Mention(start, end, doc.text[start:end], "GPE"))
        taken.append((start, end))

    def _spot_world_cities(self, doc: Document, m: Matcher, taken: list[tuple[int, int]],
                           by_id: dict[str, Entity], named_countries: dict[str, float]) -> None:
        """Capitals and cities of 100,000+ written out in Devanagari as the gazetteer names them
        (prag, jineva, oksford), that the recogniser missed, whatever country the story names:
        one or two words, no everyday word among them, and for the smaller cities a
        postposition or a cue word after the name."""
        words = text_words(doc.text)
        common = common_words()
        frequent = _common_hindi_words()
        context = PlaceContext(dict(named_countries))
        for i in range(len(words)):
            for n in (2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                key = " ".join(w[2] for w in words[i : i + n])
                if key not in m.gaz.keys and (any(w[2].strip(".'’") in frequent for w in words[i : i + n])
                                              or "~" + skeleton(doc.text[start:end]) not in m.gaz.keys):
                    continue  # (cheap tests first: most words name no place; by sound, see below)
                if not _DEVANAGARI.search(key) or any(s < end and start < e for s, e in taken):
                    continue
                if any(w[2] in common or w[2] in hi_agents.NOT_NAMES for w in words[i : i + n]):
                    continue
                if any(doc.text[words[k][1] : words[k + 1][0]] != " " for k in range(i, i + n - 1)):
                    continue
                after = words[i + n][2] if i + n < len(words) else ""
                marked = after in POSTPOSITIONS or any(after in cue for cue in CUES.values())
                region_cue = after in CUES["A"] or after in CUES["D"]  # 'kheda jile mein'
                surface = doc.text[start:end]
                cues = (marked, after in CUES["P"], region_cue, len(skeleton(key)) >= 5)
                hits = [p for p in m.gaz.hits(key) if _worth_spotting(p, *cues)]
                exact = bool(hits)
                if not exact:
                    # by sound only a spelling that sounds just like the place's own name, and
                    # never a word frequent in Hindi news (post, press, sun sound like towns)
                    if any(w[2].strip(".'’") in frequent for w in words[i : i + n]):
                        continue
                    hits = [p for p in m.gaz.hits("~" + skeleton(surface)) if _worth_spotting(p, *cues)
                            and similarity(surface, p.name) >= WORLD_SOUND_FLOOR]
                if not hits or len(skeleton(key).replace(" ", "")) < SPOT_MIN_CONSONANTS - 1:
                    continue
                context.want = "D" if after in CUES["D"] else ("A" if after in CUES["A"] else None)
                place, confidence = m.gaz.choose(surface, context)
                if place is None or place.id not in {p.id for p in hits} or confidence < CONFIDENCE_FLOOR:
                    continue
                self._add_place(doc, m, place, start, end, by_id, taken, confidence)
                break

    def _spot_beside_places(self, doc: Document, m: Matcher, taken: list[tuple[int, int]],
                            by_id: dict[str, Entity]) -> None:
        """A word or two that the recogniser missed between or after places it found: in a list
        ('gova, gaya aur amritsar': X, Y and Z are places of one country) or after a qualifier
        ('bihar ke gaya mein': Y ke X), looked up in the gazetteer inside that country or
        region, by name or by sound."""
        places = sorted((mt.start, mt.end, e) for e in doc.entities if e.geo is not None and e.country
                        for mt in e.mentions)
        words = text_words(doc.text)
        ends = {w[1]: k for k, w in enumerate(words)}
        separators = LIST_LINKS | {","}
        for (_, end1, left), (start2, _, right) in zip(places, places[1:], strict=False):
            k = ends.get(end1)
            if k is None or left.country != right.country:
                continue
            between = [w for w in words[k + 1 :] if w[1] <= start2]
            if not between or len(between) > 8 or "\n" in doc.text[end1:start2]:
                continue
            # the items of the list between them: runs of one or two words between separators
            items: list[list[tuple[int, int, str, str]]] = [[]]
            previous_end = end1
            for w in between:
                if w[2] in separators or "," in doc.text[previous_end : w[0]]:
                    items.append([])
                if w[2] not in separators:
                    items[-1].append(w)
                previous_end = w[1]
            ends_well = "," in doc.text[previous_end:start2] or (between and between[-1][2] in separators)
            items = [item for item in items if item]
            if not items or not ends_well or doc.text[end1 : between[0][0]].strip() not in (",", "") or any(
                    len(item) > 2 for item in items):
                continue
            for item in items:
                self._spot_in_region(doc, m, item, Region(left.country), by_id, taken)
        for _, end, outer in places:
            k = ends.get(end)
            if k is None or k + 3 >= len(words) or words[k + 1][2] not in QUALIFIER_LINKS:
                continue
            region = _region_of_entity(outer, m)
            if region is None:
                continue
            for n in (1, 2):
                if k + 2 + n < len(words) and words[k + 2 + n][2] in POSTPOSITIONS | CUES["P"]:
                    self._spot_in_region(doc, m, list(words[k + 2 : k + 2 + n]), region, by_id, taken)
                    break

    def _spot_in_region(self, doc: Document, m: Matcher, gap: list[tuple[int, int, str, str]], region: Region,
                        by_id: dict[str, Entity], taken: list[tuple[int, int]]) -> None:
        start, end = gap[0][0], gap[-1][1]
        if any(s < end and start < e for s, e in taken):
            return
        surface = doc.text[start:end]
        if any(w[2] in hi_agents.NOT_NAMES for w in gap) or len(skeleton(surface).replace(" ", "")) < 2:
            return
        place, confidence = m.gaz.choose(surface, PlaceContext(within=region))
        if place is None or place.kind == "C" or confidence < CONFIDENCE_FLOOR:
            return
        if match_key(surface) not in {match_key(place.name)} and similarity(surface, place.name) < SPOT_SOUND_FLOOR:
            return
        self._add_place(doc, m, place, start, end, by_id, taken, confidence)

    def _spot_places(self, doc: Document, m: Matcher, taken: list[tuple[int, int]],
                     by_id: dict[str, Entity], named_countries: dict[str, float]) -> None:
        """Place names of the foreign countries a story names ('nevada' in Devanagari in a story about the
        United States) that the recogniser missed: by their Devanagari (or capitalised Latin)
        names, or in Devanagari by sound.  Only provinces and cities of 100,000+, and never in
        the home country, where too many town names are also words."""
        named = {c for c, w in named_countries.items() if w >= 0.3}
        # The countries of the states and provinces the story names count too (टेक्सास: USA).
        named |= {e.country for e in doc.entities
                  if e.country and e.geo is not None and e.geo.precision in ("admin1", "country")}
        named.discard(hi_agents.HOME_COUNTRY)
        if not named:
            return
        words = text_words(doc.text)
        i = 0
        while i < len(words):
            step = 1
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                key = " ".join(w[2] for w in words[i : i + n])
                if len(key) < 4 or key in hi_agents.NOT_NAMES or key in en_agents.NOT_NAMES:
                    continue
                surface = words[i : i + n]
                if not _DEVANAGARI.search(key) and not all(w[3][:1].isupper() for w in surface):
                    continue  # Latin names are capitalised
                hits = m.gaz.hits(key)
                places = [p for p in hits if p.country in named and p.kind != "C"
                          and (p.kind == "A" or p.population >= SPOT_MIN_POPULATION)]
                if not places and _DEVANAGARI.search(key):
                    places = _sound_alike_places(doc.text[start:end], m, named)
                if not places or any(s < end and start < e for s, e in taken):
                    continue
                place = _likeliest(places)
                home = dict(named_countries)
                home.setdefault(hi_agents.HOME_COUNTRY, hi_agents.HOME_WEIGHT)
                if _DEVANAGARI.search(key):
                    best, _ = m.gaz.choose(doc.text[start:end], PlaceContext(home))
                    if best is not None and best.id != place.id and best.population >= place.population:
                        continue  # a bigger place of that name at home (Hyderabad)
                if place.kind == "A":
                    named.add(place.country)
                entity = by_id.get(place.id)
                if entity is None:
                    entity = Entity(id=place.id, name=place.name, type="GPE")
                    _apply(entity, m.from_place(place, "place", "GPE"))
                    doc.entities.append(entity)
                    by_id[place.id] = entity
                entity.mentions.append(Mention(start, end, doc.text[start:end], "GPE"))
                taken.append((start, end))
                step = n
                break
            i += step


def _cue_kind(text: str, entity: Entity) -> str | None:
    """The kind of place a cue word beside the entity's mentions asks for: 'A' (state,
    province), 'D' (district), 'P' (city, town, village), 'C' (country), else None.
    English 'the state of X' and 'X state'; Hindi cue words follow the name or precede it."""
    for mt in entity.mentions:
        before = _words_before(text, mt.start, 2)
        after = _word_after(text, mt.end)
        if len(before) == 2 and before[-1] == "of":
            before = before[:1]  # 'the town of Oxford'
        for word in (after, before[-1] if before else ""):
            for kind, words in CUES.items():
                if word and word in words:
                    return kind
    return None


def _resolve_linked(text: str, m: Matcher, date: str | None, focus: dict[str, float],
                    context: PlaceContext) -> Resolution | None:
    """A span that holds 'Y ke X' (a district or state, a link word, a town) as one name: X
    inside Y."""
    words = text.split()
    for k in range(1, len(words) - 1):
        if match_key(words[k]) in QUALIFIER_LINKS:
            outer = m.resolve(" ".join(words[:k]), "GPE", date, focus, place_context=PlaceContext(
                dict(context.countries), want="A"))
            region = _region_of(outer, m)
            if region is not None:
                inner = PlaceContext(dict(context.countries), want=context.want, within=region)
                return m.resolve(" ".join(words[k + 1 :]), "GPE", date, focus, place_context=inner)
    return None


def _resolve_without_cue(text: str, m: Matcher, date: str | None, focus: dict[str, float],
                         context: PlaceContext) -> Resolution | None:
    """A span that ends in a cue word ('mandi jile', 'Sindh province'): the name before it, as
    the kind of place the cue asks for."""
    words = text.split()
    if len(words) < 2:
        return None
    last = match_key(words[-1])
    kind = next((k for k, cues in CUES.items() if last in cues), None)
    if kind is None:
        return None
    inner = PlaceContext(dict(context.countries), set(context.admin1), list(context.points), kind, context.within)
    return m.resolve(" ".join(words[:-1]), "GPE", date, focus, place_context=inner)


def _list_neighbours(text: str, entities: list[Entity]) -> dict[int, set[int]]:
    """Entity index -> the entities next to it in a list of names ('X, Y and Z')."""
    spans = sorted((mt.start, mt.end, i) for i, e in enumerate(entities) for mt in e.mentions)
    found: dict[int, set[int]] = {}
    for (_, e1, i), (s2, _, j) in zip(spans, spans[1:], strict=False):
        gap = text[e1:s2].strip()
        if i != j and len(gap) < 8 and "\n" not in text[e1:s2] and (gap == "," or match_key(gap) in LIST_LINKS):
            found.setdefault(i, set()).add(j)
            found.setdefault(j, set()).add(i)
    return found


def _qualifiers(text: str, entities: list[Entity]) -> dict[int, list[int]]:
    """Entity index -> indexes of the entities that qualify it: 'X, Y' (Prague, Oklahoma) and
    'Y ke X' (the link words of the Hindi pack)."""
    spans = sorted((mt.start, mt.end, i) for i, e in enumerate(entities) for mt in e.mentions)
    found: dict[int, list[int]] = {}
    for (_, e1, i), (s2, _, j) in zip(spans, spans[1:], strict=False):
        if i == j:
            continue
        gap = text[e1:s2]
        if gap.strip() == "," and "\n" not in gap:
            found.setdefault(i, []).append(j)  # X, Y
        elif len(gap) < 8 and match_key(gap.strip()) in QUALIFIER_LINKS:
            found.setdefault(j, []).append(i)  # Y ke X
    return found


def _region_of(res: Resolution | None, m: Matcher) -> Region | None:
    """The region a resolved qualifier stands for: a country, a subdivision or a district."""
    if res is None or res.geo is None or not res.country:
        return None
    if res.geo.precision == "country":
        return Region(res.country)
    if res.is_place and res.geo.precision in ("admin1", "admin2"):
        place = _place_of(res, m)
        if place is not None:
            return Region(place.country, place.admin1, place.admin2 if place.kind == "D" else "")
    return None


def _region_of_entity(entity: Entity, m: Matcher) -> Region | None:
    if entity.geo is None or not entity.country:
        return None
    if entity.geo.precision == "country":
        return Region(entity.country)
    if entity.geo.precision in ("admin1", "admin2"):
        place = _place_of(Resolution(entity.id, entity.name, "GPE", entity.country, None, entity.geo, "place", 4), m)
        if place is not None:
            return Region(place.country, place.admin1, place.admin2 if place.kind == "D" else "")
    return None


def _place_of(res: Resolution, m: Matcher) -> Place | None:
    for p in m.gaz.hits(match_key(res.name)):
        if p.id == res.id:
            return p
    for p in m.gaz.hits("~" + skeleton(res.name)):
        if p.id == res.id:
            return p
    return None


def _is_place_entity(entity: Entity, res: Resolution | None) -> bool:
    if res is not None:
        return res.is_place
    return entity.type in (None, "LOC", "GPE")


def _context_without(i: int, found: list[Resolution | None], countries: dict[str, float]) -> PlaceContext:
    """The document's place context from its confident places other than the i-th."""
    context = PlaceContext(dict(countries))
    for k, res in enumerate(found):
        if k == i or res is None or res.geo is None or not res.country:
            continue
        precision = res.geo.precision
        if res.is_place and res.confidence < CONTEXT_CONFIDENCE:
            continue
        if not res.is_place:
            continue  # actors do not place a story; countries named are counted already
        weight = 1.0 if precision in ("country", "admin1") else 0.5
        context.countries[res.country] = max(context.countries.get(res.country, 0.0), weight)
        if res.is_place and res.geo.admin1:
            context.admin1.add((res.country, res.geo.admin1))
        if res.is_place and precision in ("city", "admin2"):
            context.points.append((res.geo.lat, res.geo.lon))
    return context


def _words_before(text: str, start: int, n: int) -> list[str]:
    return [match_key(w) for w in _WORD.findall(text[max(0, start - 40) : start])[-n:]]


def _word_after(text: str, end: int) -> str:
    words = _WORD.findall(text[end : end + 30])
    return match_key(words[0]) if words else ""


def _drop_namesakes(entities: list[Entity], found: list[Resolution | None], m: Matcher,
                    date: str | None) -> None:
    """A surname alone ('Johnson') is not the known person of that surname when the document
    names someone else of that surname in full (David Johnson, not in the registry), unless
    the known person holds an office at the date ('Trump' next to Melania Trump)."""
    unknown = [mt.text for e, res in zip(entities, found, strict=True) if res is None and e.type == "PER"
               for mt in e.mentions if len(clean_name(mt.text).split()) > 1]
    if not unknown:
        return
    for i, (e, res) in enumerate(zip(entities, found, strict=True)):
        actor = m.reg.by_id.get(res.id) if res is not None else None
        if res is None or res.type != "PER" or not e.mentions or actor is None or (actor.roles and actor.active(date)):
            continue
        if all(len(clean_name(mt.text).split()) == 1 for mt in e.mentions) and any(
                _other_first_name(t, e.mentions[0].text, actor) for t in unknown):
            found[i] = None


def _big_city_mistagged(texts: list[str], m: Matcher, ner_type: str | None) -> Resolution | None:
    """A one-word 'person' or 'organisation' that is no known actor but is written as the name
    of a city of a million or more (Pyongyang in Devanagari tagged as a person) is that city;
    so is a 'nationality' that is no demonym but a city of 100,000 or more (Aleppo)."""
    for text in texts:
        name = clean_name(text)
        if ner_type == "NORP":
            cities = [p for p in m.gaz.hits(match_key(name)) if p.kind == "P" and p.population >= SPOT_MIN_POPULATION
                      and similarity(name, p.name) >= SPOT_SOUND_FLOOR]
            if cities:
                return m.from_place(max(cities, key=lambda p: p.population), "place", "GPE")
            continue
        if " " in name or name.isascii():
            continue  # one-word Devanagari names only (English ones are tagged well)
        cities = [p for p in m.gaz.hits(match_key(name)) if p.kind == "P" and p.population >= BIG_CITY]
        if cities:
            return m.from_place(max(cities, key=lambda p: p.population), "place", "GPE")
    return None


def _worth_spotting(p: Place, marked: bool, city_cue: bool, region_cue: bool, long_name: bool) -> bool:
    """Which places a Hindi word the recogniser missed may be: capitals and cities of millions;
    cities of 100,000+ before a postposition or cue word ('oksford' is long enough without one);
    any town before a city cue ('tikrit shahar par'); subdivisions and districts before their cue
    words; foreign provinces of millions before a postposition ('ontario mein')."""
    if p.kind in ("P", "D"):
        return p.feature == "capital" or p.population >= SPOT_WORLD_CITY or city_cue or (
            p.population >= SPOT_MIN_POPULATION and (marked or long_name)) or (region_cue and p.kind == "D")
    if p.kind == "A":
        return region_cue or (marked and p.population >= SPOT_WORLD_CITY and p.country != hi_agents.HOME_COUNTRY)
    return False


def _written_as_city(name: str, m: Matcher) -> bool:
    """Whether an English name is written as some city's own name (Monte Carlo for Monte-Carlo),
    not one that sounds alike (Six: Cixi) or a name in another language (Rim: Rome)."""
    def fold(text: str) -> str:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return " ".join(text.casefold().replace("-", " ").split())

    return any(p.kind in ("P", "D") and fold(p.name) == fold(name) for p in m.gaz.hits(match_key(name)))


def _city_after_preposition(text: str, entity: Entity, m: Matcher, context: PlaceContext) -> Resolution | None:
    """An English 'person' or 'organisation' that is no known actor, written as the own name of
    a town of 10,000+ right after a locative preposition ('in Monte Carlo', 'near Glasgow'),
    or of a city of millions anywhere, is that city."""
    for mt in entity.mentions:
        name = clean_name(mt.text)
        if not name.isascii() or not name[:1].isupper() or len(name.split()) > 3:
            continue
        before = _words_before(text, mt.start, 1)
        after_preposition = bool(before) and before[0] in LOCATIVE_PREPOSITIONS
        place, confidence = m.gaz.choose(name, context)
        if place is None or place.kind not in ("P", "D") or not _written_as_city(name, m):
            continue
        if confidence >= CONFIDENCE_FLOOR and (place.population >= SPOT_WORLD_CITY or (
                after_preposition and place.population >= TOWN_AFTER_PREPOSITION)):
            return m.from_place(place, "place", "GPE", confidence)
    return None


def _other_first_name(full: str, surname: str, actor: Actor | None) -> bool:
    """Whether `full` is the one-word `surname` after a first name the actor does not have
    ('Chris Harris' for Kamala Harris; 'maik pompio' in Devanagari is Mike Pompeo's own)."""
    words, last = clean_name(full).split(), clean_name(surname).split()
    if actor is None or len(words) < 2 or len(last) != 1 or skeleton(words[-1]) != skeleton(last[0]):
        return False
    own = [w for n in (*actor.hi, *actor.en) for w in n.replace("-", " ").split()]
    return not any(similarity(words[-2], w) >= SPOT_SOUND_FLOOR for w in own)


def _sound_alike_places(surface: str, m: Matcher, named: set[str]) -> list[Place]:
    """Places of the named countries whose English name sounds like a Devanagari surface
    (liverpool, varmont in Devanagari: Liverpool, Vermont): most places abroad have no Devanagari name in
    GeoNames.  Only close sound-alikes of 3+ consonants, provinces and big cities."""
    # Words frequent in Hindi news (सकता, मांग, भाषण) sound like some town somewhere; a
    # foreign place's name written in Devanagari is rarely one of them.
    common = _common_hindi_words()
    if any(match_key(w).strip(".'’") in common and match_key(w) not in hi_agents.NOT_NAMES for w in surface.split()):
        return []
    sk = skeleton(surface)
    if len(sk.replace(" ", "")) < SPOT_MIN_CONSONANTS:
        return []
    return [p for p in m.gaz.hits("~" + sk) if p.country in named and p.kind != "C"
            and (p.kind == "A" or p.population >= SPOT_MIN_POPULATION)
            and similarity(surface, p.name) >= SPOT_SOUND_FLOOR]


def _likeliest(places: list[Place]) -> Place:
    """The most populous place, but a big city over its namesake province (Idlib, New York),
    as the gazetteer's lookup prefers it."""
    best = max(places, key=lambda p: p.population)
    if best.kind == "A":
        cities = [p for p in places if p.kind == "P" and p.country == best.country
                  and p.population * 10 >= best.population]
        if cities:
            return max(cities, key=lambda p: p.population)
    return best


@cache
def _common_hindi_words() -> frozenset[str]:
    """Match keys of the frequent words of Hindi news: the vocabulary of the recogniser's word
    clusters (built from unannotated Hindi text; see data/ner-hi/MODEL_CARD.md)."""
    from ghatna.recognise.hindi import DEFAULT_MODEL_DIR, read_word_list

    path = DEFAULT_MODEL_DIR / "clusters.tsv"
    return frozenset(match_key(w) for w in read_word_list(path)) if path.is_file() else frozenset()


def _only_titles_between(gap: str) -> bool:
    """', lieutenant-general ' (in Devanagari) between a role phrase and a name: punctuation, spaces and titles only."""
    if len(gap) > 40:
        return False
    return all(match_key(w) in HONORIFICS for w in _WORD.findall(gap))


def _compose_agents(doc: Document, m: Matcher, resolved: set[str]) -> None:
    """'bharat sarkar', 'roosi sena', 'CSTO balon' (in Devanagari), 'Kazakh police': an unresolved organisation
    made of an actor's name and an agent noun takes the actor's country and the combined code
    (INDGOV, RUSMIL, IGOCSTMIL), as the Phoenix agents dictionary codes such phrases."""
    for e in doc.entities:
        if e.id in resolved or e.type not in ("ORG", None) or e.actor_code:
            continue
        for mt in e.mentions:
            words = mt.text.split()
            if len(words) < 2:
                continue
            head = " ".join(words[:-1])
            agent = hi_agents.AGENTS.get(match_key(words[-1])) or en_agents.AGENTS.get(match_key(words[-1]))
            if agent is None:
                continue
            actor = m.resolve_written(head, None, date_key(doc.published))
            if actor is None or actor.is_place or not actor.actor_code:
                continue
            base = actor.actor_code if actor.type != "PER" else (actor.country or "")
            if base:
                # named in English after what it is (CSTO forces), not a transliteration of the words
                e.name = f"{actor.name} {AGENT_CODE_NAMES.get(agent, agent.lower())}"
                e.country = actor.country
                e.actor_code = base[:3] + agent if len(base) == 3 or base[3:6] == "GOV" else base + agent
                break


def _named_after_a_country(doc: Document, m: Matcher, resolved: set[str]) -> None:
    """'Nigerian Union of Teachers', 'Rwandan Patriotic Front', 'Montenegro Municipality
    Association': an unresolved organisation whose name opens with a demonym or a country's name
    belongs to that country (its actor code is the country's until it is known better)."""
    for e in doc.entities:
        if e.id in resolved or e.type not in ("ORG", None) or e.country:
            continue
        for mt in e.mentions:
            words = [w for w in mt.text.split() if match_key(w) not in en_agents.DETERMINERS]
            if len(words) < 2:
                continue
            res = m.resolve_written(words[0], None, date_key(doc.published))
            if res is not None and res.country and (res.is_place or res.type == "GPE"):
                e.country = res.country
                e.actor_code = e.actor_code or res.country
                break


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30) : start])
    return match_key(words[-1]) if words else ""


def _country_focus(entities: list[Entity], found: list[Resolution | None]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for entity, res in zip(entities, found, strict=True):
        # places do not vote: a namesake town found in pass 1 must not pull its own country in
        if res is not None and res.country and not res.is_place:
            counts[res.country] += len(entity.mentions) or 1
    if not counts:
        return {}
    top = max(counts.values())
    return {c: n / top for c, n in counts.items()}


def _apply(entity: Entity, res: Resolution) -> None:
    entity.id = res.id
    entity.name = res.name
    entity.type = res.type if res.type != "GPE" or entity.type in (None, "GPE", "LOC", "NORP") else entity.type
    if res.type == "GPE" and entity.type == "NORP":
        entity.type = "NORP"
    entity.country = res.country
    entity.actor_code = res.actor_code
    entity.geo = res.geo


def _coreference(doc: Document, resolved: set[str]) -> None:
    """A one-word unresolved name takes the id of an entity whose name ends in that word."""
    last_words: dict[str, Entity] = {}
    for e in doc.entities:
        for mt in sorted(e.mentions, key=lambda x: x.start):
            words = mt.text.split()
            if len(words) > 1:
                last_words.setdefault(skeleton(words[-1]), e)
    for e in doc.entities:
        if e.id in resolved or not e.mentions:
            continue
        texts = {mt.text for mt in e.mentions}
        if any(len(t.split()) > 1 for t in texts):
            continue
        target = None
        for t in texts:
            target = last_words.get(skeleton(t))
            if target is not None and target is not e and (target.type == e.type or e.type is None):
                break
            target = None
        if target is not None:
            e.id, e.name, e.type = target.id, target.name, target.type
            e.country, e.actor_code, e.geo = target.country, target.actor_code, target.geo


def _merge(entities: list[Entity]) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for e in entities:
        keep = merged.get(e.id)
        if keep is None:
            merged[e.id] = e
            continue
        keep.mentions.extend(e.mentions)
        if keep.country is None:
            keep.country, keep.actor_code = e.country, e.actor_code
    for e in merged.values():
        unique = {(mt.start, mt.end): mt for mt in e.mentions}
        e.mentions = sorted(unique.values(), key=lambda mt: (mt.start, mt.end))
    return list(merged.values())
