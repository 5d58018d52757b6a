"""The shipped PLOVER/CAMEO table agrees with the manual and the CAMEO mapping."""

from __future__ import annotations

import re

import pytest

from ghatna import ontology

MANUAL_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]


def test_sixteen_types_with_quad_classes():
    assert ontology.plover_types() == MANUAL_TYPES
    quads = {t: ontology.quad_class(t) for t in MANUAL_TYPES}
    assert {t for t, q in quads.items() if q == 1} == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}
    assert {t for t, q in quads.items() if q == 2} == {"COOPERATE", "AID", "RETREAT"}
    assert {t for t, q in quads.items() if q == 3} == {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert {t for t, q in quads.items() if q == 4} == {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_modes_and_intensities():
    assert "martial-law" in ontology.modes("COERCE")
    assert "resign" in ontology.modes("RETREAT")
    assert ontology.modes("REQUEST") == ontology.modes("REJECT")  # the manual shares them
    assert ontology.intensity("CONSULT", "visit") == 4.0
    assert ontology.intensity("ASSAULT", "unconventional") == -10.0
    assert ontology.intensity("ASSAULT", "no-such-mode") == ontology.intensity("ASSAULT")
    for kind in MANUAL_TYPES:
        score = ontology.intensity(kind)
        assert score is not None and -10 <= score <= 10
        # cooperation scores at or above zero, conflict below, as the scale defines
        assert (score >= 0) == (ontology.quad_class(kind) in (1, 2)) or kind == "REQUEST"


def test_cameo_fields():
    coding = ontology.code_event("COERCE", "martial-law")
    assert coding.cameo == "1724" and coding.quad_class == 4 and coding.intensity == -7.5
    assert ontology.from_cameo("042") == ("CONSULT", "visit")
    assert ontology.from_cameo("0211") is None  # appeals are dropped by PLOVER
    assert ontology.from_cameo("193")[0] == "ASSAULT"
    for kind in MANUAL_TYPES:
        code = ontology.cameo_code(kind)
        assert code and ontology.from_cameo(code)[0] == kind
        assert ontology.goldstein(code) is not None
    with pytest.raises(KeyError):
        ontology.code_event("FIGHT")


def test_disaster_is_kept_apart():
    coding = ontology.code_event("DISASTER", "FLOODS")
    assert coding == ontology.Coding("DISASTER", "FLOODS", None, None, None)
    assert not ontology.is_plover("DISASTER") and ontology.is_plover("AID")


def test_table_matches_manual(shared_data):
    from ghatna.build.ontology import build

    built = build(shared_data)
    assert built == ontology.table()
    tex = (shared_data / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    for kind in MANUAL_TYPES:
        assert re.search(rf"\\section\{{{kind}\}}", tex)
