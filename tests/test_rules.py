"""Every retyping and recoding rule has a name and an example that makes it fire in the shipped
pipeline (a rule without one is dead or untested)."""

from __future__ import annotations

import pytest

import ghatna
from ghatna.events.candidates import Candidate
from ghatna.events.en import detect
from ghatna.events.recode import RULES, recode

# rule name -> (an English sentence of our own, the (type, mode) the pipeline then codes)
RETYPE_EXAMPLES = {
    "weapons-seized": ("Soldiers destroyed the weapons of the rebels.", ("COERCE", "seize")),
    "place-captured": ("The Taliban seized Kabul in August.", ("ASSAULT", None)),
    "publication-banned": ("The government banned the newspaper last week.", ("COERCE", "censor")),
    "political-ban": ("The court banned the opposition party.", ("COERCE", "restrict")),
    "violent-repression": ("The regime brutally repressed dissidents.", ("ASSAULT", None)),
    "protester-violence": ("Protesters attacked the police station.", ("PROTEST", "riot")),
    "protester-blockade": ("Protesters blockaded the road.", ("PROTEST", "obstruct")),
    "aid-cut": ("The United States cut aid to Egypt.", ("SANCTION", "discontinue")),
    "nature-acts": ("An earthquake killed eight people in Nepal.", ("DISASTER", "EARTHQUAKE")),
    "peacekeepers-deployed": ("The UN deployed peacekeepers to Mali.", ("AID", None)),
}


def test_every_retype_rule_has_an_example():
    assert {r.name for r in detect.RETYPE_RULES} == set(RETYPE_EXAMPLES)
    assert len({r.name for r in detect.RETYPE_RULES}) == len(detect.RETYPE_RULES)


@pytest.mark.parametrize("name", sorted(RETYPE_EXAMPLES))
def test_retype_rule_fires(name, monkeypatch):
    text, coding = RETYPE_EXAMPLES[name]
    fired: list[str] = []
    original = detect.retype

    def spy(act, rules=detect.RETYPE_RULES):  # noqa: ANN001, ANN202
        for rule in original(act, rules):
            fired.append(rule.name)
            yield rule

    monkeypatch.setattr(detect, "retype", spy)
    doc = ghatna.extract(text, lang="en")
    assert name in fired
    assert coding in [(e.type, e.mode) for e in doc.events]


def _candidate(kind: str, **fields) -> Candidate:
    return Candidate(0, 0, 1, 0, 1, kind, None, "parse", **fields)


# rule name -> (the candidate's type and fields, the type it becomes)
RECODE_EXAMPLES = {
    "conditional-promise": (("AID", {"modality": "future", "conditional": True}), "THREATEN"),
    "promise": (("CONSULT", {"modality": "future"}), "AGREE"),
    "coercive-intention": (("SANCTION", {"modality": "future"}), "THREATEN"),
    "conditional-coercion": (("COERCE", {"modality": "hypothetical", "conditional": True}), "THREATEN"),
    "refusal-to-come": (("CONSULT", {"modality": "future", "negated": True}), "REJECT"),
    "refusal-towards-someone": (("AID", {"negated": True, "recipients": ["Q1"]}), "REJECT"),
    "will-not-allow": (("REJECT", {"modality": "future", "prohibitive": True}), "THREATEN"),
}


@pytest.mark.parametrize("name", sorted(RECODE_EXAMPLES))
def test_recode_rule_fires(name):
    assert {r.name for r in RULES} == set(RECODE_EXAMPLES)
    (kind, fields), becomes = RECODE_EXAMPLES[name]
    c = _candidate(kind, **fields)
    assert recode(c) == name and c.type == becomes
    assert not (name.startswith("refusal") and c.negated)  # the refusal is the type, not a negation


def test_no_rule_for_a_plain_past_act():
    c = _candidate("CONSULT")
    assert recode(c) is None and c.type == "CONSULT"
