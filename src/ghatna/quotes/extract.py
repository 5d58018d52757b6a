"""Quotes: who said what, in Hindi and English.

Direct quotes are the text between quotation marks (" “ ” ‘ ’ ' « », and '' typed for a double
mark), also when a quote opens mid-sentence and runs over sentence ends, when only its closing
mark is there (the quote then starts after the speech cue: X ने कहा कि ... "), and when it is
left unclosed before the next one opens.  A short quotation inside a clause is a term or a
title, not speech.  Indirect speech is found from speech cues (X ने कहा कि ..., X के अनुसार,
X का कहना/दावा है, X कहते हैं, रिपोर्ट में कहा गया है, X said, according to X).

The speaker is read off the cue (the noun phrase before ने, before का कहना, before के अनुसार,
the agent of a passive, before or after 'said') and resolved to an entity of `doc.entities`
whose mention lies in that phrase; a group without a name (पुलिस, दो बूढ़ी महिलाएं) stays the
speaker's words.  A source cue gives way to a speech verb with its own speaker in its clause
(चार्जशीट के मुताबिक X ने कहा कि: X), and a report in an outlet speaks for the outlet (X में
छपी ख़बर के अनुसार: X).  A Hindi pronoun (उन्होंने, उनका, वो) goes back sentence by sentence
to the last subject (else topic or possessor) of the first sentence that has one: persons,
earlier speakers, X ने subjects and unnamed groups, never words inside quotes; with no one
before it, it takes the next person named as a speaker.  English pronouns go to the nearest
earlier speaking person.  For a resolved pronoun `speaker_text` is the antecedent's surface
words; otherwise it is the speaker phrase as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ghatna.document import Document, Quote
from ghatna.lang import get_pack
from ghatna.quantities.extract import Token, fold, tokenize

QUOTE_LANGS = ("hi", "en")

_OPENERS = {"“": "double", "„": "double", "«": "double", "‘": "single"}
_CLOSERS = {"”": "double", "»": "double", "’": "single"}
_QUOTE_CHARS = re.compile("[“”„«»‘’\"']")
# Quotation marks as writers type them: two straight single marks ('') stand for one double.
_QUOTE_MARKS = re.compile("''|[“”„«»‘’\"']")
_SENTENCE_END = re.compile(r"[।॥?!\n]|\.(?=[\s\u0900-\u097F\"”’'“‘]|$)")
MIN_QUOTE_TOKENS = 3
# Without a speech cue, short quoted text is a title or a term ('ला ला लैंड'), not a quote.
MIN_UNTAGGED_QUOTE_TOKENS = 6
# A speech tag after a quote is short (”, पुतिन ने कहा।): its cue lies within this many tokens.
POST_CUE_REACH = 8
# A cue before a quote is close to the opening mark (X ने ... आरोप लगाया कि “).
PRE_CUE_REACH = 6
MAX_NP_TOKENS = 8
# X अपनी नई किताब 'नाम' में लिखते हैं: a reflexive adjunct between subject and verb.
MAX_ADJUNCT_TOKENS = 12
# यह कहते हुए मना कर दिया कि: a converb's words follow the main verb's कि within this reach.
CONVERB_REACH = 10
# X से (जब ये) पूछा गया: the question word lies within this many tokens of से.
QUESTION_REACH = 4
# A quote left unclosed before the next one opens runs at most this many sentences.
MAX_UNCLOSED_SENTENCES = 4
# A pronoun's antecedent lies in its sentence or the few before it.
PRONOUN_REACH = 8
PRONOUN_REACH_CHARS = 1500


@dataclass(frozen=True)
class QuoteLexicon:
    cues: dict[tuple[str, ...], tuple[str, str]]  # key sequence -> (kind, lang)
    cue_first: frozenset[str]
    max_cue_len: int
    complementisers: frozenset[str]
    subject_markers: frozenset[str]
    genitive_markers: frozenset[str]
    ergative_pronouns: frozenset[str]
    nominative_pronouns: frozenset[str]
    genitive_pronouns: frozenset[str]
    first_person: frozenset[str]
    np_stop_hi: frozenset[str]
    np_stop_en: frozenset[str]
    skip_before_verb: frozenset[str]
    name_joiners: frozenset[str]
    not_names: frozenset[str]
    auxiliaries: frozenset[str]
    passive_helpers: frozenset[str]
    oblique_markers: frozenset[str]
    object_markers: frozenset[str]
    singular_pronouns: frozenset[str]
    group_nouns: frozenset[str]
    conjunctions: frozenset[str]
    verb_helpers: frozenset[str]
    report_nouns: frozenset[str]
    medium_markers: frozenset[str]
    cue_tails: frozenset[str]
    clause_opening_cue_ends: frozenset[str]
    demonstratives: frozenset[str]
    agent_postpositions: tuple[tuple[str, ...], ...]
    nouns_needing_aux: frozenset[str]
    reflexives: frozenset[str]
    case_markers: frozenset[str]
    relative_pronouns: frozenset[str]
    addressee_markers: frozenset[str]
    question_words: frozenset[str]


@cache
def lexicon() -> QuoteLexicon:
    hi, en = get_pack("hi").quotes, get_pack("en").quotes
    cues: dict[tuple[str, ...], tuple[str, str]] = {}
    for lang, mod in (("hi", hi), ("en", en)):
        for seq, kind in mod.CUES.items():
            cues[tuple(fold(w) for w in seq)] = (kind, lang)

    def keys(*sets: frozenset[str]) -> frozenset[str]:
        return frozenset(fold(w) for s in sets for w in s)

    return QuoteLexicon(
        cues=cues, cue_first=frozenset(seq[0] for seq in cues), max_cue_len=max(map(len, cues)),
        complementisers=keys(hi.COMPLEMENTISERS, en.COMPLEMENTISERS),
        subject_markers=keys(hi.SUBJECT_MARKERS), genitive_markers=keys(hi.GENITIVE_MARKERS),
        ergative_pronouns=keys(hi.ERGATIVE_PRONOUNS),
        nominative_pronouns=keys(hi.NOMINATIVE_PRONOUNS, en.PRONOUNS),
        genitive_pronouns=keys(hi.GENITIVE_PRONOUNS),
        first_person=keys(hi.FIRST_PERSON, en.FIRST_PERSON),
        np_stop_hi=keys(hi.NP_STOP), np_stop_en=keys(en.NP_STOP),
        skip_before_verb=keys(hi.SKIP_BEFORE_VERB, en.SKIP_BEFORE_VERB),
        name_joiners=keys(en.NAME_JOINERS), not_names=keys(en.NOT_NAMES),
        auxiliaries=keys(hi.AUXILIARIES), passive_helpers=keys(hi.PASSIVE_HELPERS),
        oblique_markers=keys(hi.OBLIQUE_MARKERS), object_markers=keys(hi.OBJECT_MARKERS),
        singular_pronouns=keys(hi.SINGULAR_PRONOUNS), group_nouns=keys(hi.GROUP_NOUNS),
        conjunctions=keys(hi.CONJUNCTIONS), verb_helpers=keys(hi.VERB_HELPERS),
        report_nouns=keys(hi.REPORT_NOUNS), medium_markers=keys(hi.MEDIUM_MARKERS),
        cue_tails=keys(hi.AUXILIARIES, hi.CUE_TAILS),
        clause_opening_cue_ends=keys(hi.CLAUSE_OPENING_CUE_ENDS),
        demonstratives=keys(hi.DEMONSTRATIVES), nouns_needing_aux=keys(hi.NOUNS_NEEDING_AUX),
        reflexives=keys(hi.REFLEXIVES),
        relative_pronouns=keys(hi.RELATIVE_PRONOUNS),
        case_markers=keys(hi.SUBJECT_MARKERS, hi.GENITIVE_MARKERS, hi.OBJECT_MARKERS,
                          hi.OBLIQUE_MARKERS), addressee_markers=keys(hi.ADDRESSEE_MARKERS),
        question_words=keys(hi.QUESTION_WORDS),
        agent_postpositions=tuple(tuple(fold(w) for w in seq) for seq in hi.AGENT_POSTPOSITIONS),
    )


@dataclass
class _Cue:
    first: int  # token index
    end: int  # token index after the cue
    kind: str
    lang: str


@dataclass
class _Speaker:
    start: int  # token indices of the speaker phrase as written
    end: int
    pronoun: bool = False


@dataclass
class _Raw:
    """A quote found in the text, before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue: _Cue | None
    speaker: _Speaker | None
    open_mark: int | None = None
    close_mark: int | None = None


class _Context:
    """One document's tokens, sentence ends, cues and entity mentions."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.toks: list[Token] = tokenize(doc.text)
        self.starts = [t.start for t in self.toks]
        self.ends = [m.start() for m in _SENTENCE_END.finditer(doc.text)]
        self.cues = self._find_cues()
        self.mentions = sorted(
            ((m.start, m.end, e.id, (m.type or e.type or "").upper())
             for e in doc.entities for m in e.mentions), key=lambda x: (x[0], x[1]))
        self.mention_starts = [m[0] for m in self.mentions]
        self.quoted: list[tuple[int, int]] = []  # spans of the quotes found, once found
        self.nested: list[tuple[int, str | None, str]] = []  # speakers inside reported words

    def _find_cues(self) -> list[_Cue]:
        lex = self.lex
        found = []
        toks = self.toks
        i = 0
        while i < len(toks):
            if toks[i].key in lex.cue_first:
                for size in range(min(lex.max_cue_len, len(toks) - i), 0, -1):
                    seq = tuple(t.key for t in toks[i:i + size])
                    if seq in lex.cues:
                        kind, lang = lex.cues[seq]
                        if size == 1 and seq[0] in lex.nouns_needing_aux and not (
                                i + 1 < len(toks) and toks[i + 1].key in lex.auxiliaries):
                            continue  # का आरोप है कि is speech, आरोप पत्र and आरोप लगा था not
                        found.append(_Cue(i, i + size, kind, lang))
                        i += size - 1
                        break
            i += 1
        return found

    # -- positions ---------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect.bisect_left(self.starts, char)

    def sentence_start(self, char: int) -> int:
        k = bisect.bisect_left(self.ends, char) - 1
        return self.ends[k] + 1 if k >= 0 else 0

    def sentence_end(self, char: int) -> int:
        k = bisect.bisect_left(self.ends, char)
        return self.ends[k] if k < len(self.ends) else len(self.text)

    def span_text(self, first: int, end: int) -> str:
        return self.text[self.toks[first].start:self.toks[end - 1].end]

    def cues_between(self, lo: int, hi: int) -> list[_Cue]:
        """Cues wholly inside token range [lo, hi)."""
        return [c for c in self.cues if c.first >= lo and c.end <= hi]

    # -- speaker phrases -----------------------------------------------------------------
    def np_back(self, end: int, lo: int, lang: str) -> _Speaker | None:
        """The noun phrase ending just before token `end`, not reaching before token `lo`."""
        stop = self.lex.np_stop_hi if lang == "hi" else self.lex.np_stop_en
        j = end
        while j > lo and end - j < MAX_NP_TOKENS:
            t = self.toks[j - 1]
            if t.kind == "other" or t.key in stop or t.key in self.lex.first_person:
                break
            j -= 1
        while j < end and self.toks[j].key in self.lex.genitive_markers:
            j += 1
        if j >= end:
            return None
        if lang == "en":
            return self._name_run(j, end, last=True)
        return _Speaker(j, end)

    def np_forward(self, first: int, hi: int) -> _Speaker | None:
        """English noun phrase starting at token `first` (said Putin, according to police)."""
        stop = self.lex.np_stop_en
        j = first
        while j < hi and j - first < MAX_NP_TOKENS:
            t = self.toks[j]
            if t.kind == "other" or t.key in stop:
                break
            j += 1
        if j == first:
            return None
        return self._name_run(first, j, last=False)

    def _name_run(self, first: int, end: int, last: bool) -> _Speaker:
        """Within an English phrase, the last (or first) run of capitalised words, if any."""
        runs: list[tuple[int, int]] = []
        k = first
        def capital(t: Token) -> bool:
            return t.text[:1].isupper() and t.key not in self.lex.not_names

        while k < end:
            if capital(self.toks[k]):
                s = k
                while k < end and (capital(self.toks[k])
                                   or (self.toks[k].key in self.lex.name_joiners and k + 1 < end
                                       and capital(self.toks[k + 1]))):
                    k += 1
                runs.append((s, k))
            else:
                k += 1
        if not runs:
            return _Speaker(first, end)
        s, e = runs[-1] if last else runs[0]
        if self.toks[s].key in self.lex.nominative_pronouns and e - s == 1:
            return _Speaker(s, e, pronoun=True)
        return _Speaker(s, e)

    def speaker_of(self, cue: _Cue, lo: int, hi: int) -> _Speaker | None:
        """The speaker of `cue`, looking no earlier than token `lo` and no later than `hi`."""
        lex, toks = self.lex, self.toks
        if cue.lang == "en":
            if cue.kind == "source":
                return self.np_forward(cue.end, hi)
            before = toks[cue.first - 1] if cue.first > lo else None
            if before is None or before.kind == "other":
                return self.np_forward(cue.end, hi)  # ..." said Putin
            j = cue.first
            while j > lo and toks[j - 1].key in lex.skip_before_verb:
                j -= 1
            if j > lo and toks[j - 1].key in lex.nominative_pronouns:
                return _Speaker(j - 1, j, pronoun=True)
            return self.np_back(j, lo, "en")
        if cue.kind == "medium":
            # इंडियन एक्सप्रेस में ख़बर छपी है कि
            j = cue.first
            if j - 1 > lo and toks[j - 1].key in lex.medium_markers:
                return self.np_back(j - 1, lo, "hi")
            return None
        if cue.kind in ("ergative", "converb"):
            for j in range(cue.first - 1, lo - 1, -1):
                key = toks[j].key
                if key in lex.ergative_pronouns:
                    return _Speaker(j, j + 1, pronoun=True)
                if key in lex.first_person:
                    return None
                if key in lex.subject_markers:
                    return self.np_back(j, lo, "hi")
                if key in lex.complementisers:
                    return None
            return None
        j = self._skip_adverbs(cue.first, lo)
        if j <= lo:
            return self._genitive_after(cue, hi) if cue.kind == "genitive" else None
        key = toks[j - 1].key
        if cue.kind == "nominative":
            if key in lex.nominative_pronouns:
                return _Speaker(j - 1, j, pronoun=True)
            if key in lex.first_person:
                return None
            if key in lex.oblique_markers:
                j = self._before_reflexive_adjunct(j, lo)
                if j <= lo:
                    return None
                if toks[j - 1].key in lex.nominative_pronouns:
                    return _Speaker(j - 1, j, pronoun=True)
            return self.np_back(j, lo, "hi")
        # genitive (X का कहना है) and source (X के अनुसार)
        if key in lex.genitive_pronouns:
            return _Speaker(j - 1, j, pronoun=True)
        if key in lex.genitive_markers:
            return self._medium_owner(self.np_back(j - 1, lo, "hi"), lo)
        return self._genitive_after(cue, hi) if cue.kind == "genitive" else None

    def _medium_owner(self, sp: _Speaker | None, lo: int) -> _Speaker | None:
        """X में छपी ख़बर के अनुसार: the report speaks for X, the outlet it appeared in."""
        if sp is None or self.toks[sp.end - 1].key not in self.lex.report_nouns:
            return sp
        if sp.start - 1 > lo and self.toks[sp.start - 1].key in self.lex.medium_markers:
            return self.np_back(sp.start - 1, lo, "hi") or sp
        return sp

    def _before_reflexive_adjunct(self, j: int, lo: int) -> int:
        """X अपनी किताब 'नाम' में लिखते हैं: the subject stands before the adjunct that opens
        with a reflexive (अपनी, अपने); token index of the adjunct's start, or `lo`."""
        for k in range(j - 1, max(lo, j - MAX_ADJUNCT_TOKENS) - 1, -1):
            t = self.toks[k]
            if t.key in self.lex.reflexives:
                return k
            if t.kind == "other" and not _QUOTE_CHARS.fullmatch(t.text):
                break
        return lo

    def _skip_adverbs(self, j: int, lo: int) -> int:
        """Back from token `j` over what may stand between a subject and its verb: particles,
        a reduplicated adverb (बार-बार), and यह/ये after a subject (पार्टी ये कहती आई है)."""
        toks, lex = self.toks, self.lex
        while j > lo:
            key = toks[j - 1].key
            if key in lex.skip_before_verb:
                j -= 1
            elif j - 3 >= lo and toks[j - 2].text == "-" and toks[j - 3].key == key:
                j -= 3
            elif "-" in key and len(set(key.split("-"))) == 1:
                j -= 1
            elif (key in lex.demonstratives and j - 2 >= lo and toks[j - 2].kind != "other"
                  and toks[j - 2].key not in lex.np_stop_hi):
                j -= 1
            else:
                break
        return j

    def passive_agent(self, cue: _Cue, lo: int) -> _Speaker | None:
        """The agent of a passive speech verb: रिपोर्ट में कहा गया है, X की ओर से घोषणा की गई."""
        j = self._skip_adverbs(cue.first, lo)
        if j > lo and self.toks[j - 1].key in self.lex.demonstratives:
            j -= 1  # X की ओर से यह घोषणा की गई
        for marker in self.lex.agent_postpositions:
            k = j - len(marker)
            if k > lo and tuple(t.key for t in self.toks[k:j]) == marker:
                return self.np_back(k, lo, "hi")
        return None

    def _genitive_after(self, cue: _Cue, hi: int) -> _Speaker | None:
        """यह कहना है X का: the speaker follows the cue and ends at का."""
        j = cue.end
        while j < hi and self.toks[j].key in self.lex.auxiliaries:
            j += 1
        for k in range(j, min(hi, j + MAX_NP_TOKENS)):
            t = self.toks[k]
            if t.kind == "other":
                return None
            if t.key in self.lex.genitive_markers:
                return _Speaker(j, k) if k > j else None
        return None

    # -- entities ------------------------------------------------------------------------
    def entity_in(self, start: int, end: int) -> str | None:
        """The entity with a mention inside chars [start, end): a person first, the last one."""
        best = None
        best_rank = (-1, -1)
        k = bisect.bisect_left(self.mention_starts, start)
        # mentions starting a little before `start` may still overlap it
        k = max(0, k - 3)
        for m_start, m_end, entity_id, etype in self.mentions[k:]:
            if m_start >= end:
                break
            if m_end <= start:
                continue
            rank = (1 if etype in ("PER", "PERSON") else 0, m_end)
            if rank > best_rank:
                best, best_rank = entity_id, rank
        return best

    def resolve_pronoun(self, tok_index: int, previous: list[tuple[int, str | None, str]]
                        ) -> tuple[str | None, str | None]:
        """(entity id, surface words) of the nearest earlier speaking person."""
        char = self.toks[tok_index].start
        window_lo = char
        for _ in range(PRONOUN_REACH):
            window_lo = self.sentence_start(max(0, window_lo - 1))
        window_lo = max(window_lo, char - PRONOUN_REACH_CHARS)
        if not self.toks[tok_index].text.isascii():
            return self._resolve_hindi_pronoun(tok_index, window_lo, previous)
        persons = [m for m in self.mentions if window_lo <= m[0] and m[1] <= char
                   and m[3] in ("PER", "PERSON")]
        subjects = self._subjects_before(self.tok_at(window_lo), tok_index)
        for pos, entity_id, surface in reversed(previous):
            subjects.append((pos, entity_id, surface))
        subjects = [s for s in subjects if window_lo <= s[0] < char]
        subjects.sort(key=lambda s: s[0])
        if persons:
            person_ids = {m[2] for m in persons}
            for _pos, entity_id, surface in reversed(subjects):
                if entity_id in person_ids:
                    return entity_id, surface
            m = persons[-1]
            return m[2], self.text[m[0]:m[1]]
        if self.toks[tok_index].text.isascii():
            # English: a person is named with capitals ('the ministry' is not one)
            subjects = [s for s in subjects if any(c.isupper() for c in s[2])] or subjects
        if subjects:
            _pos, entity_id, surface = subjects[-1]
            return entity_id, surface
        return None, None

    def in_quote(self, char: int) -> bool:
        """Whether `char` lies inside quoted (reported) words: their people are not narrative."""
        return any(a <= char < b for a, b in self.quoted)

    def _role(self, end: int) -> int:
        """How likely the phrase ending before token `end` is a clause's subject: 2 for a
        subject (X ने, bare X), 1 for a topic or possessor (X को, X का), 0 for an oblique
        (X से, X में, X पर), which is rarely the one who speaks next."""
        if end >= len(self.toks):
            return 2
        key = self.toks[end].key
        if key in self.lex.subject_markers:
            return 2
        if key in self.lex.oblique_markers:
            # X से जब पूछा गया ... तो उन्होंने कहा: the one asked is the one who answers
            # (not in X से उन्होंने पूछा, where the pronoun asks)
            ahead = self.toks[end + 1:end + 2 + QUESTION_REACH]
            if key in self.lex.addressee_markers and any(
                    t.key in self.lex.question_words and u.key in self.lex.passive_helpers
                    for t, u in zip(ahead, ahead[1:], strict=False)):
                return 2
            return 0
        if (key in self.lex.genitive_markers or key in self.lex.object_markers
                or key in self.lex.conjunctions):
            return 1  # X और Y का: the role is the conjunct's, which is later in the sentence
        return 2

    def _group_speaker_ends(self, end: int) -> bool:
        """Whether a group noun ending before token `end` ends its phrase: a case marker or
        particle follows, or a verb with its helper (महिलाएं लेटी हुई थीं), not another noun
        (पत्रकार सम्मेलन, निवासी हाजी रुहुल्ला)."""
        if end >= len(self.toks):
            return False
        key = self.toks[end].key
        lex = self.lex
        if (key in lex.subject_markers or key in lex.genitive_markers or key in lex.object_markers
                or key in lex.oblique_markers or key in lex.skip_before_verb):
            return True
        return end + 1 < len(self.toks) and (self.toks[end + 1].key in lex.auxiliaries
                                             or self.toks[end + 1].key in lex.verb_helpers)

    def _resolve_hindi_pronoun(self, tok_index: int, window_lo: int,
                               previous: list[tuple[int, str | None, str]]
                               ) -> tuple[str | None, str | None]:
        """A Hindi pronoun's antecedent: going back sentence by sentence, the last subject
        (else topic or possessor) of the first sentence that has one.  Candidates are persons
        (organisations too for a singular pronoun), earlier speakers, X ने subjects and
        unnamed groups (दो महिलाएं, पुलिस); words inside quotes are not candidates."""
        char = self.toks[tok_index].start
        singular = self.toks[tok_index].key in self.lex.singular_pronouns
        types = ("PER", "PERSON", "ORG") if singular else ("PER", "PERSON")
        # (position, role, entity id, surface)
        cands: list[tuple[int, int, str | None, str]] = []
        first = bisect.bisect_left(self.mention_starts, window_lo)
        for m_start, m_end, entity_id, etype in self.mentions[first:]:
            if m_start >= char:
                break
            if etype not in types or self.in_quote(m_start):
                continue
            cands.append((m_start, self._role(self.tok_at(m_end)), entity_id,
                          self.text[m_start:m_end]))
        lo = self.tok_at(window_lo)
        for pos, entity_id, surface in self._subjects_before(lo, tok_index):
            if not self.in_quote(pos):
                cands.append((pos, 2, entity_id, surface))
        for pos, entity_id, surface in previous + self.nested:
            if window_lo <= pos < char:
                cands.append((pos, 2, entity_id, surface))
        for j in range(lo, tok_index):
            if (self.toks[j].key in self.lex.group_nouns and self._group_speaker_ends(j + 1)
                    and not self.in_quote(self.toks[j].start)):
                sp = self.np_back(j + 1, max(lo, j + 1 - MAX_NP_TOKENS), "hi")
                if sp is not None:
                    a, b = self.toks[sp.start].start, self.toks[sp.end - 1].end
                    cands.append((a, self._role(j + 1), self.entity_in(a, b), self.text[a:b]))
        # X, जिनका हाल ही में तबादला हुआ, उनका कहना है: the head of a relative clause
        # is taken up again by the pronoun after it
        s_lo = self.tok_at(self.sentence_start(char))
        for k in range(s_lo + 1, tok_index):
            if (self.toks[k].key in self.lex.relative_pronouns
                    and any(t.text == "," for t in self.toks[k + 1:tok_index])):
                head_end = k - 1 if self.toks[k - 1].text == "," else k
                sp = self.np_back(head_end, s_lo, "hi")
                if sp is not None:
                    a, b = self.toks[sp.start].start, self.toks[sp.end - 1].end
                    return self.entity_in(a, b), self.text[a:b]
        if not cands:
            return None, None
        by_sentence: dict[int, list[tuple[int, int, str | None, str]]] = {}
        for c in cands:
            by_sentence.setdefault(self.sentence_start(c[0]), []).append(c)
        for start in sorted(by_sentence, reverse=True):
            fit = [c for c in by_sentence[start] if c[1] >= 1]
            if fit:
                _pos, _role, entity_id, surface = max(fit, key=lambda c: (c[1], c[0]))
                return entity_id, surface
        _pos, _role, entity_id, surface = max(cands)
        return entity_id, surface

    def _subjects_before(self, lo: int, hi: int) -> list[tuple[int, str | None, str]]:
        """Non-pronoun subjects (X ने, X said) in token range [lo, hi)."""
        out = []
        for j in range(lo, hi):
            t = self.toks[j]
            sp = None
            if t.key in self.lex.subject_markers:
                sp = self.np_back(j, max(lo, self.tok_at(self.sentence_start(t.start))), "hi")
            if sp is None:
                continue
            a, b = self.toks[sp.start].start, self.toks[sp.end - 1].end
            out.append((a, self.entity_in(a, b), self.text[a:b]))
        return out


def _quote_marks(text: str, p_start: int, p_end: int) -> list[tuple[int | None, int | None]]:
    """(opening mark, closing mark) pairs in one paragraph; None where a mark is missing."""
    pairs: list[tuple[int | None, int | None]] = []
    open_at: int | None = None
    open_family: str | None = None
    for m in _QUOTE_MARKS.finditer(text, p_start, p_end):
        pos, ch = m.start(), m.group()
        prev = text[pos - 1] if pos > p_start else " "
        nxt = text[m.end()] if m.end() < p_end else " "
        if ch == "''":
            ch = '"'
        if ch in "'’" and _is_latin(prev) and _is_latin(nxt):
            continue  # apostrophe (don't); Devanagari has none, so 'गए'उत्तर closes a quote
        if ch in ('"', "'"):
            # Straight marks: which role depends on the spaces around them.  Writers mix
            # them with curly ones (“ ... ") and glue the next sentence on (है."अगला).
            family = "double" if ch == '"' else "single"
            before_space = text[pos - 2] if pos - 2 >= p_start else ""
            can_open = prev in "([{—–-:," or (prev.isspace() and (
                not nxt.isspace() or before_space in ",:"))  # कहा, " देश ... / कहा,''  देश
            can_close = not prev.isspace() and (
                nxt.isspace() or not nxt.isalnum() or prev in ".?!।,")
            if open_family == family and (can_close or not prev.isspace()):
                role = "close"  # glued to the next word: 'हारे'उत्तर
            elif can_open and (open_family is None or (open_family, family) == ("single", "double")):
                role = "open"
            elif (open_family == family == "double" and open_at is not None and prev.isspace()
                  and before_space in ",:" and not nxt.isspace()):
                # कहा, "...: a new quote opens while one is open; the open one was left
                # unclosed and ends at a sentence end, within a few sentences
                ends = [e.end() for e in _SENTENCE_END.finditer(text, open_at, pos - 2)]
                if ends:
                    pairs.append((open_at, ends[min(len(ends), MAX_UNCLOSED_SENTENCES) - 1]))
                open_at = pos
                continue
            elif can_close and family == "double":
                role = "close"
            else:
                continue
        elif ch in _OPENERS:
            family, role = _OPENERS[ch], "open"
            if open_family == family and (prev in ".?!।" or prev.isalnum()):
                role = "close"  # an opening mark typed at a quote's end (हैं.“अगला)
        else:
            family, role = _CLOSERS[ch], "close"
        if role == "open":
            if open_family == "single" and family == "double":
                # a stray single mark (a headline's) holds no double-quoted speech
                open_at, open_family = None, None
            if open_family is None:
                open_at, open_family = pos, family
            elif family == open_family:
                open_at = pos  # a stray earlier opening mark: the later one counts
        else:
            if open_family == family:
                pairs.append((open_at, pos))
                open_at, open_family = None, None
            elif open_family is None and family == "double":
                pairs.append((None, pos))  # a closing mark with no opening one
    if open_family is not None and open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _word_count(ctx: _Context, start: int, end: int) -> int:
    return sum(1 for t in ctx.toks[ctx.tok_at(start):ctx.tok_at(end)] if t.kind != "other")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _direct_quotes(ctx: _Context) -> list[_Raw]:
    text = ctx.text
    raws: list[_Raw] = []
    p_start = 0
    for para in text.split("\n"):
        p_end = p_start + len(para)
        for open_mark, close_mark in _quote_marks(text, p_start, p_end):
            raw = _direct_quote(ctx, open_mark, close_mark, p_end, raws)
            if raw is not None:
                raws.append(raw)
        p_start = p_end + 1
    return raws


def _direct_quote(ctx: _Context, open_mark: int | None, close_mark: int | None, p_end: int,
                  earlier: list[_Raw]) -> _Raw | None:
    text = ctx.text
    if open_mark is None:
        assert close_mark is not None
        # Only the closing mark: the quote starts after the cue (X ने कहा कि ...") or at the
        # sentence start.
        lo_char = ctx.sentence_start(close_mark)
        if earlier and earlier[-1].close_mark is not None and earlier[-1].close_mark >= lo_char:
            lo_char = earlier[-1].close_mark + 1
        lo, hi = ctx.tok_at(lo_char), ctx.tok_at(close_mark)
        start = lo_char
        cue = None
        for c in reversed(ctx.cues_between(lo, hi)):
            nxt = c.end
            while nxt < hi and ctx.toks[nxt].text in ",:":
                nxt += 1
            if nxt < hi and ctx.toks[nxt].key in ctx.lex.complementisers:
                nxt += 1
            if nxt > c.end or c.kind == "source":
                start, cue = (ctx.toks[nxt].start if nxt < hi else close_mark), c
                break
        start, end = _strip(text, start, close_mark)
        if _word_count(ctx, start, end) < MIN_QUOTE_TOKENS:
            return None
        speaker = ctx.speaker_of(cue, lo, hi) if cue else None
        return _Raw(start, end, True, cue, speaker, None, close_mark)

    end_char = close_mark if close_mark is not None else p_end
    body = open_mark + (2 if text.startswith("''", open_mark) else 1)
    start, end = _strip(text, body, end_char)
    if _word_count(ctx, start, end) < MIN_QUOTE_TOKENS:
        return None
    # before the quote: back to the sentence start (or the previous quote's end)
    lo_char = ctx.sentence_start(open_mark)
    if earlier and earlier[-1].close_mark is not None and earlier[-1].close_mark >= lo_char:
        lo_char = earlier[-1].close_mark + 1
    pre_lo, pre_hi = ctx.tok_at(lo_char), ctx.tok_at(open_mark)
    pre = [c for c in ctx.cues_between(pre_lo, pre_hi) if pre_hi - c.end <= PRE_CUE_REACH]
    post: list[_Cue] = []
    post_lo = post_hi = 0
    if close_mark is not None:
        post_lo = ctx.tok_at(close_mark + 1)
        post_hi = ctx.tok_at(ctx.sentence_end(close_mark + 1))
        nxt_quote = _QUOTE_CHARS.search(text, close_mark + 1, ctx.sentence_end(close_mark + 1))
        if nxt_quote:
            post_hi = min(post_hi, ctx.tok_at(nxt_quote.start()))
        post = [c for c in ctx.cues_between(post_lo, post_hi) if c.first - post_lo <= POST_CUE_REACH]
    sentence_initial = sum(1 for t in ctx.toks[pre_lo:pre_hi] if t.kind != "other") < 2
    options: list[tuple[_Cue, int, int]] = []
    pre_option = [(pre[-1], pre_lo, pre_hi)] if pre else []
    post_option = [(post[0], post_lo, post_hi)] if post else []
    options = post_option + pre_option if sentence_initial else pre_option + post_option
    if _word_count(ctx, start, end) < MIN_UNTAGGED_QUOTE_TOKENS and pre_option:
        # X के मुताबिक A और B में 'इशरत की हत्या' को लेकर ...: a short quotation after other
        # words of the cue's clause is a term the clause uses, not the words it reports
        # (and so is one the clause goes on after: X का दावा है कि 'गियर फ़िट' नाम की घड़ी ...)
        between = ctx.toks[pre[-1].end:pre_hi]
        after = ctx.tok_at(close_mark + 1) if close_mark is not None else len(ctx.toks)
        if any(t.kind != "other" and t.key not in ctx.lex.complementisers
               and t.key not in ctx.lex.cue_tails for t in between) or (
                after < len(ctx.toks) and ctx.toks[after].kind != "other"
                and ctx.toks[after].start < ctx.sentence_end(close_mark + 1)):
            options = post_option
    for cue, lo, hi in options:
        speaker = ctx.speaker_of(cue, lo, hi)
        if speaker is not None:
            return _Raw(start, end, True, cue, speaker, open_mark, close_mark)
    # 'पुतिन: “...”'
    if pre_hi > pre_lo and ctx.toks[pre_hi - 1].text == ":":
        lang = "en" if _is_latin(ctx.toks[pre_hi - 2].text if pre_hi - 2 >= 0 else "") else "hi"
        speaker = ctx.np_back(pre_hi - 1, pre_lo, lang)
        if speaker:
            return _Raw(start, end, True, None, speaker, open_mark, close_mark)
    if _word_count(ctx, start, end) < MIN_UNTAGGED_QUOTE_TOKENS:
        return None
    if close_mark is not None:
        after = ctx.tok_at(close_mark + 1)
        if after < len(ctx.toks) and ctx.toks[after].key in ctx.lex.case_markers:
            return None  # अपनी किताब 'द लाइफ़ एंड टाइम्स ऑफ़ नरगिस' में: a title, not speech
    cue = options[0][0] if options else None
    return _Raw(start, end, True, cue, None, open_mark, close_mark)


def _is_latin(word: str) -> bool:
    return bool(word) and word[0].isascii() and word[0].isalpha()




def _indirect_quotes(ctx: _Context, direct: list[_Raw]) -> list[_Raw]:
    used = {id(r.cue) for r in direct if r.cue is not None}
    used_at = [ctx.toks[r.cue.first].start for r in direct if r.cue is not None]
    opened = {r.open_mark for r in direct if r.open_mark is not None}  # marks of direct quotes
    covered = [(r.start, r.end) for r in direct]
    raws: list[_Raw] = []

    def inside_direct(pos: int) -> bool:
        return any(a <= pos < b for a, b in covered)

    toks = ctx.toks
    for cue in ctx.cues:
        if id(cue) in used or inside_direct(toks[cue.first].start):
            continue
        s_char = ctx.sentence_start(toks[cue.first].start)
        e_char = ctx.sentence_end(toks[cue.first].start)
        lo, hi = ctx.tok_at(s_char), ctx.tok_at(e_char)
        passive = cue.end < len(toks) and toks[cue.end].key in ctx.lex.passive_helpers
        if passive:
            # कहा जाता है: it is said, no speaker; रिपोर्ट में कहा गया है: the report says
            speaker = ctx.passive_agent(cue, lo)
        else:
            speaker = ctx.speaker_of(cue, lo, hi)
        if speaker is None:
            continue
        if cue.kind == "source" and speaker.start < cue.first and _inner_speech(ctx, cue, hi):
            continue  # रिपोर्ट के मुताबिक X ने कहा कि ...: X said it, the report tells so
        nxt = cue.end
        while nxt < hi and (toks[nxt].key in ctx.lex.cue_tails
                            or (passive and toks[nxt].key in ctx.lex.passive_helpers)):
            nxt += 1
        if cue.kind == "converb":
            # यह कहते हुए मना कर दिया कि ...: the words follow the main verb's कि; where the
            # main verb is a speech verb (बताते हुए कहा कि), that cue carries them
            ki = next((k for k in range(nxt, min(hi, nxt + CONVERB_REACH))
                       if toks[k].key in ctx.lex.complementisers), hi)
            if any(nxt <= c.first < ki for c in ctx.cues):
                continue
            nxt = ki
        opens_clause = nxt < hi and (toks[nxt].text in ",:" or toks[nxt].key in ctx.lex.complementisers)
        opens_clause = opens_clause or toks[cue.end - 1].key in ctx.lex.clause_opening_cue_ends
        if opens_clause and nxt + 1 >= hi:
            # X ने कहा कि<newline>...: the words start in the next paragraph
            after = len(ctx.text) - len(ctx.text[e_char:].lstrip())
            if after < len(ctx.text) and after > e_char:
                e_char = ctx.sentence_end(after)
                hi = ctx.tok_at(e_char)
        # a quotation in the sentence is its own quote: stop the content there
        mark = next((r.start - 1 for r in direct
                     if toks[cue.first].start < r.start - 1 < e_char), None)
        while nxt < hi and toks[nxt].text in ",:":
            nxt += 1
        if cue.lang == "en" and cue.kind == "verb":
            # told reporters that ..., said on Monday that ...
            for k in range(nxt, min(hi, nxt + 5)):
                if toks[k].key in ctx.lex.complementisers:
                    nxt = k
                    break
            if speaker.start >= cue.end:
                nxt = speaker.end  # said X, ...
        if cue.kind == "source" and speaker.start >= cue.end:
            nxt = speaker.end  # according to X, ...
            while nxt < hi and toks[nxt].text == ",":
                nxt += 1
        if nxt < hi and toks[nxt].key in ctx.lex.complementisers:
            nxt += 1
        # Hindi reported speech needs कि or a comma after the cue (not 'घोषणा की क्योंकि')
        needs_opener = cue.lang == "hi" and cue.kind != "source"
        if nxt < hi and (opens_clause or not needs_opener) and toks[nxt].start not in opened:
            start = toks[nxt].start
            end = mark if mark is not None and mark > start else e_char
        else:
            # the cue closes the sentence: '..., उन्होंने कहा।' / '..., he said.'
            first = min(speaker.start, cue.first)
            if first - 1 < lo or toks[first - 1].text != ",":
                continue
            start, end = s_char, toks[first - 1].start
        start, end = _strip(ctx.text, start, end)
        if _word_count(ctx, start, end) < MIN_QUOTE_TOKENS or inside_direct(start):
            continue
        if any(start <= pos < end for pos in used_at):
            continue  # the 'content' is the tag of a direct quote (X के अनुसार Y ने कहा, "...")
        raws.append(_Raw(start, end, False, cue, speaker))
        covered.append((start, end))
    return raws


def _inner_speech(ctx: _Context, source: _Cue, hi: int) -> bool:
    """Whether the clause after a source cue has a speech cue of its own with a speaker."""
    for c in ctx.cues:
        if c.first < source.end or c.end > hi:
            continue
        if any(t.key in ctx.lex.complementisers for t in ctx.toks[source.end:c.first]):
            return False
        if c.kind != "source" and ctx.speaker_of(c, source.end, hi) is not None:
            return True
    return False


def _nested_speakers(ctx: _Context, raws: list[_Raw]) -> list[tuple[int, str | None, str]]:
    """Named speakers inside reported words (X ने बताया कि Y ने कहा है कि ...): people inside
    quotes are no pronoun's antecedents, except these."""
    out = []
    for raw in raws:
        if raw.direct:
            continue
        lo, hi = ctx.tok_at(raw.start), ctx.tok_at(raw.end)
        for cue in ctx.cues_between(lo, hi):
            nxt = cue.end
            while nxt < hi and ctx.toks[nxt].key in ctx.lex.cue_tails:
                nxt += 1
            if cue.kind != "source" and not (nxt < hi and (
                    ctx.toks[nxt].text in ",:" or ctx.toks[nxt].key in ctx.lex.complementisers)):
                continue  # उन पर हत्या का आरोप है: no one speaks
            sp = ctx.speaker_of(cue, lo, hi)
            if sp is not None and not sp.pronoun:
                a, b = ctx.toks[sp.start].start, ctx.toks[sp.end - 1].end
                out.append((a, ctx.entity_in(a, b), ctx.text[a:b]))
    return out


def extract_quotes(doc: Document) -> list[Quote]:
    """The quotes of `doc`, in text order, with speakers resolved against `doc.entities`."""
    ctx = _Context(doc)
    direct = _direct_quotes(ctx)
    raws = sorted(direct + _indirect_quotes(ctx, direct), key=lambda r: r.start)
    ctx.quoted = [(r.start, r.end) for r in raws]
    ctx.nested = _nested_speakers(ctx, raws)
    quotes: list[Quote] = []
    previous: list[tuple[int, str | None, str]] = []  # (position, entity, surface) of speakers
    last_direct: tuple[int, str | None, str | None] | None = None  # paragraph, entity, surface
    unresolved: list[int] = []  # quotes whose pronoun speaker has no earlier person
    for raw in raws:
        entity_id: str | None = None
        surface: str | None = None
        if raw.speaker is not None:
            sp = raw.speaker
            a, b = ctx.toks[sp.start].start, ctx.toks[sp.end - 1].end
            if sp.pronoun:
                entity_id, surface = ctx.resolve_pronoun(sp.start, previous)
                if surface is None:
                    surface = ctx.text[a:b]
                    unresolved.append(len(quotes))
                else:
                    previous.append((a, entity_id, surface))
            else:
                entity_id, surface = ctx.entity_in(a, b), ctx.text[a:b]
                previous.append((a, entity_id, surface))
        elif raw.direct and last_direct is not None:
            # a second quote of the same paragraph with no tag of its own: same speaker
            para = ctx.text.rfind("\n", 0, raw.start)
            if para == last_direct[0]:
                entity_id, surface = last_direct[1], last_direct[2]
        if raw.direct:
            last_direct = (ctx.text.rfind("\n", 0, raw.start), entity_id, surface) if surface else None
        cue_text = ctx.span_text(raw.cue.first, raw.cue.end) if raw.cue else None
        quotes.append(Quote(text=ctx.text[raw.start:raw.end], start=raw.start, end=raw.end,
                            direct=raw.direct, speaker=entity_id, speaker_text=surface,
                            cue=cue_text))
    _resolve_forward(ctx, quotes, unresolved)
    return quotes


def _resolve_forward(ctx: _Context, quotes: list[Quote], unresolved: list[int]) -> None:
    """A pronoun with no person before it (an article that opens with उनका कहना था) stands for
    the next person named as a speaker, when one follows soon."""
    pending = set(unresolved)
    for k in unresolved:
        q = quotes[k]
        for n in range(k + 1, len(quotes)):
            later = quotes[n]
            if later.start - q.end > PRONOUN_REACH_CHARS:
                break
            if later.speaker is None or n in pending:
                continue
            if any(m[2] == later.speaker and m[3] in ("PER", "PERSON") for m in ctx.mentions):
                q.speaker, q.speaker_text = later.speaker, later.speaker_text
                break
