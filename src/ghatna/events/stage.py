"""EventsStage: PLOVER events (and DISASTER events) with actors, recipients, place, date and modality.

Per sentence, in the sentence's language: Hindi triggers from the pack's lexicon and the
EDNIL-trained CRF (events_hindi), English triggers from spaCy's parse (events_english).  Each
candidate gets its arguments from the resolved entities, a date (explicit or relative, resolved
against `doc.published`), negation and modality, and its ontology fields (type, mode, cameo,
quad_class, intensity).  Mentions of one event in a document (same type, compatible actors and
recipients, same date, same polarity and modality) merge into one event; the merged mentions are
kept on the event object as `mentions` (not part of the JSON contract).  An event whose text
states no date then takes the publication date, with `date_precision` "published".
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ghatna.document import Document, Entity, Event, Mention, Span
from ghatna.events.candidates import AgentRef, Candidate, SentenceView, is_place, sentence_views
from ghatna.events.dates import find_dates, parse_published
from ghatna.events.en.detect import detect_sentences
from ghatna.events.hi import detect as events_hindi
from ghatna.events.hi.subjects import complement_subjects, sentence_subjects
from ghatna.events.hi.tagger import SHIPPED_MODEL_DIR
from ghatna.events.merge import merge
from ghatna.events.recode import recode
from ghatna.ontology import DISASTER, code_event
from ghatna.options import DEFAULT_OPTIONS, Options

# Words of Hindi agent nouns that name no entity get an AGENT entity of this type.
AGENT_TYPE = "AGENT"
# `date_precision` of an event whose text states no date: it takes the document's publication
# date (GDELT's convention: an event is dated by the article that reports it).
PUBLISHED = "published"


# A group whose phrase names no country belongs to the document's dominant country: the country
# of its place mentions (GPE, LOC, NORP) named at least this often and in at least this share of
# them; its events' confidence is scaled by INFERRED_COUNTRY_CONFIDENCE.
DOMINANT_MIN_MENTIONS = 3
DOMINANT_SHARE = 0.5
INFERRED_COUNTRY_CONFIDENCE = 0.9
_COUNTRY_PLACES = frozenset({"GPE", "LOC", "NORP"})


def dominant_country(doc: Document) -> str | None:
    """The country a document is about, if one clearly dominates its place mentions."""
    counts: Counter[str] = Counter()
    for e in doc.entities:
        if e.country and e.type in _COUNTRY_PLACES:
            counts[e.country] += len(e.mentions)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= DOMINANT_MIN_MENTIONS and n >= DOMINANT_SHARE * sum(counts.values()) else None


class _AgentMaker:
    """Creates (or reuses) document entities for generic actor nouns (प्रदर्शनकारी, सरकार, ...):
    one AGENT entity per noun and country; an unresolved organisation named by such a noun
    ("विदेश मंत्रालय") takes its country and code instead.  A group whose own phrase names no
    country takes the document's dominant country; `inferred` holds the ids of those."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_key: dict[tuple[str, str | None], Entity] = {
            (e.name, e.country): e for e in doc.entities if e.type == AGENT_TYPE}
        self.ids = {e.id for e in doc.entities}
        self.home = dominant_country(doc)
        self.inferred: set[str] = set()

    def __call__(self, view: SentenceView, token: int, agent: AgentRef) -> str:
        name, code, country, organisation, prefix, foreign = agent
        prefix = prefix or country
        inferred = prefix is None and self.home is not None and not foreign
        if inferred:
            country = prefix = self.home
        if organisation is not None:
            if not organisation.actor_code:
                organisation.country = organisation.country or country
                organisation.actor_code = f"{prefix or organisation.country or ''}{code}"
                if inferred:
                    self.inferred.add(organisation.id)
            return organisation.id
        key_name = name if not prefix else f"{name} ({prefix})"
        entity = self.by_key.get((key_name, country))
        if entity is None:
            n = len(self.by_key) + 1
            while f"ag{n}" in self.ids:
                n += 1
            entity = Entity(id=f"ag{n}", name=key_name, type=AGENT_TYPE, country=country,
                            actor_code=f"{prefix or ''}{code}")
            self.ids.add(entity.id)
            self.by_key[(key_name, country)] = entity
            self.doc.entities.append(entity)
            if inferred:
                self.inferred.add(entity.id)
        elif not inferred:
            self.inferred.discard(entity.id)  # its phrase names the country somewhere
        start, end = view.tokens[token]
        if not any(m.start == start for m in entity.mentions):
            entity.mentions.append(Mention(start, end, self.doc.text[start:end], AGENT_TYPE))
        return entity.id

    def scale_confidence(self, candidates: list[tuple[SentenceView, Candidate]]) -> None:
        """Lower the confidence of events whose actor or recipient has an inferred country."""
        for _view, c in candidates:
            if self.inferred.intersection(c.actors + c.recipients):
                c.confidence *= INFERRED_COUNTRY_CONFIDENCE


def _focus_place(doc: Document) -> str | None:
    """The document's focus place: the place entity named most often, if named at least 3 times."""
    counts = Counter({e.id: len(e.mentions) for e in doc.entities if is_place(e) and e.country})
    if not counts:
        return None
    entity_id, n = counts.most_common(1)[0]
    return entity_id if n >= 3 else None


def _date(view: SentenceView, c: Candidate, published: str | None) -> None:
    dates = find_dates(view.keys, view.lang, published, future=c.modality == "future")
    if not dates:
        return
    if view.lang != "hi":  # English states dates after the verb: the nearest one in the sentence
        chosen = min(dates, key=lambda d: min(abs(d.first - c.last), abs(c.first - d.last)))
        c.date, c.date_precision = chosen.date, chosen.precision
        return
    # a date in the event's own clause, else one opening the sentence before that clause
    inside = [d for d in dates if c.window_start <= d.first < c.last]
    shared = [d for d in dates if d.last <= c.window_start]
    chosen = (max(inside, key=lambda d: d.first) if inside else shared[0] if shared else None)
    if chosen:
        c.date, c.date_precision = chosen.date, chosen.precision


class EventsStage:
    """Events of a document's Hindi and English sentences, as `options` say (the CAMEO verb
    dictionary for English, the Hindi trigger model's directory)."""

    name = "events"
    needs_supported_language = True

    def __init__(self, options: Options = DEFAULT_OPTIONS) -> None:
        self.options = options

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences or not doc.text:
            return doc
        views = sentence_views(doc)
        candidates: list[tuple[SentenceView, Candidate]] = []
        hindi = [v for v in views if v.lang == "hi"]
        english = [v for v in views if v.lang == "en"]
        make_agent = _AgentMaker(doc)
        if hindi:
            candidates += self._hindi(doc, hindi, self.options.events_model_dir or SHIPPED_MODEL_DIR, make_agent)
        if english:
            candidates += detect_sentences(doc, english, make_agent, dictionary=self.options.cameo_dictionary)
        make_agent.scale_confidence(candidates)
        focus = _focus_place(doc)
        events = []
        for view, c in sorted(candidates, key=lambda vc: vc[1].start):
            _date(view, c, doc.published)
            recode(c)
            if c.type == DISASTER:  # nature acts on no one's behalf; the place is what matters
                c.actors, c.recipients = [], []
            coding = code_event(c.type, c.mode)
            events.append(Event(
                id="", type=str(coding.type), trigger=Span(c.start, c.end, doc.text[c.start:c.end]),
                sentence=c.sentence, mode=coding.mode, cameo=coding.cameo, quad_class=coding.quad_class,
                intensity=coding.intensity, actors=c.actors, recipients=c.recipients,
                place=c.place or focus, date=c.date, date_precision=c.date_precision, negated=c.negated,
                modality=c.modality, confidence=round(c.confidence, 3)))
        events = merge(events)
        published = parse_published(doc.published)
        for n, event in enumerate(events):
            event.id = f"{doc.doc_id}-ev{n}"
            if event.date is None and published:  # after merging: a mention's own date wins
                event.date, event.date_precision = published.isoformat(), PUBLISHED
        doc.events = events
        return doc

    @staticmethod
    def _hindi(doc: Document, views: list[SentenceView], model_dir: Path,
               make_agent: _AgentMaker) -> list[tuple[SentenceView, Candidate]]:
        per_sentence = [events_hindi.detect(v, model_dir) for v in views]
        events_hindi.propagate(views, per_sentence)
        events_hindi.harmonise(views, per_sentence)
        out = []
        previous = events_hindi.NO_ANTECEDENTS
        for view, found in zip(views, per_sentence, strict=True):
            previous = events_hindi.attach(view, found, previous, make_agent)
            for c in found:
                if not c.actors and c.type != DISASTER:
                    subjects = sentence_subjects(view, c.first)
                    c.actors = [e for e in subjects if e not in c.recipients]
                if not c.recipients and c.type != DISASTER:
                    c.recipients = [e for e in complement_subjects(view, c.last) if e not in c.actors]
            out += [(view, c) for c in found]
        return out


def main_event(doc: Document) -> Event | None:
    """The event a document (or a one-sentence record) reports first and foremost: in the first
    sentence with an event, the most confident one (for English, the one nearest the root of the
    parse), the earliest on a tie."""
    if not doc.events:
        return None
    return min(doc.events, key=lambda e: (e.sentence, -e.confidence, e.trigger.start))
