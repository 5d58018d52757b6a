"""Recoding by modality and polarity, as a rule table (first rule that applies wins).

PLOVER codes a stated intention or refusal as its own category, not as the act plus an
auxiliary mode (manual, "Auxiliary modes"): a promise to cooperate is AGREE, a stated intention
to use force or pressure (or a conditional possibility of it) is THREATEN, a refusal to
cooperate is REJECT.  A vow not to allow something (will not allow another revolution) is a
forceful warning: THREATEN, as the manual's "coercive or forceful warnings"; a past refusal to
allow (barred them from entering) stays REJECT, as the manual codes barring entry.  Modality is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from ghatna.events.candidates import Candidate
from ghatna.ontology import AGREE, COERCIVE_TYPES, COOPERATIVE_TYPES, REJECT, THREATEN


@dataclass(frozen=True)
class RecodeRule:
    name: str
    types: frozenset[str]  # the candidate types it applies to
    becomes: str
    modality: frozenset[str] = frozenset()  # empty: any modality
    negated: bool | None = None  # None: either
    conditional: bool | None = None
    prohibitive: bool | None = None
    has_recipients: bool | None = None
    clears_negation: bool = False  # the negation is the refusal itself

    def applies(self, c: Candidate) -> bool:
        wanted = ((self.negated, c.negated), (self.conditional, c.conditional),
                  (self.prohibitive, c.prohibitive), (self.has_recipients, bool(c.recipients)))
        return (c.type in self.types and (not self.modality or c.modality in self.modality)
                and all(want is None or want == have for want, have in wanted))


FUTURE = frozenset({"future"})
RULES: tuple[RecodeRule, ...] = (
    # "will send troops if attacked": a conditional promise of cooperation is a threat
    RecodeRule("conditional-promise", COOPERATIVE_TYPES, THREATEN, FUTURE, negated=False, conditional=True),
    RecodeRule("promise", COOPERATIVE_TYPES, AGREE, FUTURE, negated=False),  # "will meet"
    RecodeRule("coercive-intention", COERCIVE_TYPES, THREATEN, FUTURE, negated=False),  # "will impose"
    # "may halt mediation if ...": a conditional possibility of coercion is a threat too
    RecodeRule("conditional-coercion", COERCIVE_TYPES, THREATEN, frozenset({"hypothetical"}), negated=False,
               conditional=True),
    # "will not meet X", "did not give X aid": a refusal towards someone (not "did not resign")
    RecodeRule("refusal-to-come", COOPERATIVE_TYPES, REJECT, FUTURE, negated=True, clears_negation=True),
    RecodeRule("refusal-towards-someone", COOPERATIVE_TYPES, REJECT, negated=True, has_recipients=True,
               clears_negation=True),
    RecodeRule("will-not-allow", frozenset({REJECT}), THREATEN, FUTURE, prohibitive=True),
)


def recode(c: Candidate, rules: tuple[RecodeRule, ...] = RULES) -> str | None:
    """Apply the first rule that fits `c`; returns its name (None: none did)."""
    for rule in rules:
        if rule.applies(c):
            c.type, c.mode = rule.becomes, None
            if rule.clears_negation:
                c.negated = False
            return rule.name
    return None
