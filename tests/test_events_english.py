"""The CAMEO verb dictionary: its parser (on a small dictionary written here) and its matcher."""

from __future__ import annotations

import json

import pytest

import ghatna
from ghatna.build import cameo_verbs as build
from ghatna.events import main_event


def sentence_type(text: str, cameo_dictionary: bool = False) -> str | None:
    """The type of the main event the shipped pipeline codes for an English text."""
    event = main_event(ghatna.extract(text, lang="en", options=ghatna.Options(cameo_dictionary=cameo_dictionary)))
    return event.type if event else None

SNIPPET = """# a test dictionary in PETRARCH2's format
&VEHICLE
+CAR
+LORRY_
+ARMOURED_CAR

&NOPLURAL_
+FOOD

####### VERB PATTERNS #######

---  OBSTRUCT   [170]  ---
BLOCK   # a comment
+SHUT_OUT {+SHUTS_OUT +SHUTTING_OUT}
BAR {BARS BARRED BARRING } [172]
- * ROAD                                     [144]   # BLOCK
- * (WITH &VEHICLE)                          [144:145]
- PROTESTER * {AID CONVOY} $                 [191]
- * (TO/FOR PROTEST)                         [---]

---  HOLD   [---]---  ---
HOLD {HOLDS HELD HOLDING} [040]
- * TALKS (IN ^)                             [:046]
"""


def test_parse_dictionary_snippet():
    table = build.parse_dictionary(SNIPPET)
    assert table["synsets"]["&VEHICLE"] == [["car"], ["cars"], ["lorry"], ["armoured", "car"], ["armoured", "cars"]]
    assert table["synsets"]["&NOPLURAL_"] == [["food"]]  # a set name ending in _ takes no plurals
    assert [b["name"] for b in table["blocks"]] == ["obstruct", "hold"]  # "]---" headers too
    assert [b["code"] for b in table["blocks"]] == ["170", None]
    verbs = table["verbs"]
    assert verbs[0] == [["block"], 0, 0, None]
    assert verbs[1] == [["shut", "out"], 0, 0, None]
    assert verbs[2] == [["bar"], 0, 0, "172"]
    assert verbs[3] == [["hold"], 0, 1, "040"]
    forms = table["forms"]
    assert {0} <= set(forms["blocked"]) and 0 in forms["blocking"] and 0 in forms["blocks"]
    assert 1 in forms["shutting"] and 2 in forms["barred"] and 3 in forms["held"]
    patterns = table["blocks"][0]["patterns"]
    assert patterns[0] == [[], [["n", ["road"]]], "144"]
    assert patterns[1] == [[], [["p", "with", ["&VEHICLE"]]], "144"]  # the source's code of 144:145
    assert patterns[2] == [[["n", ["protester"]]], [["n", ["aid", "convoy"]]], "191"]  # $ is no word
    assert patterns[3] == [[], [["p", "to/for", ["protest"]]], None]
    assert table["blocks"][1]["patterns"] == [[[], [["n", ["talks"]], ["p", "in", []]], "046"]]


def test_codes_and_verb_forms():
    assert build.parse_code("042:043") == "042" and build.parse_code(":184") == "184"
    assert build.parse_code("080!") == "080" and build.parse_code("---") is None
    assert build.verb_forms("rally") == {"rally", "rallies", "rallied", "rallying"}
    assert build.verb_forms("seize") == {"seize", "seizes", "seized", "seizing"}
    assert build.verb_forms("push") == {"push", "pushes", "pushed", "pushing"}


def test_shipped_table_is_the_built_one(shared_data, tmp_path):
    from ghatna.events.en.detect import CAMEO_VERBS

    built = build.build(shared_data, tmp_path / "verbs.json")
    assert built == json.loads(CAMEO_VERBS.read_text(encoding="utf-8"))
    assert len(built["blocks"]) > 300 and sum(len(b["patterns"]) for b in built["blocks"]) > 4000


def _verb(text: str, word: str):  # noqa: ANN202 - a spaCy token
    from ghatna.events.en.detect import parser

    return next(t for t in parser()(text) if t.text == word)


@pytest.mark.parametrize("text, verb, kind, mode, code", [
    # an object pattern: blocking a road is obstructing passage (CAMEO 144)
    ("Workers blocked the road to the airport.", "blocked", "PROTEST", "obstruct", "144"),
    # the verb's own code where no pattern matches
    ("Police arrested twelve people on Monday.", "arrested", "COERCE", "arrest", "173"),
    ("The rebels kidnapped two engineers.", "kidnapped", "ASSAULT", "abduct", "181"),
    # a prepositional pattern: mediating between parties (CAMEO 045)
    ("Egypt mediated between the two factions.", "mediated", "CONSULT", None, "045"),
    # a phrasal verb and its object: calling off a strike
    ("The union called off the strike.", "called", "CONCEDE", None, "082"),
    # the manual's reading of sanctions (SANCTION discontinue, not the table's COERCE)
    ("The government imposed sanctions on the regime.", "imposed", "SANCTION", "discontinue", "163"),
])
def test_cameo_matcher(text, verb, kind, mode, code):
    from ghatna.events.en.detect import cameo_event

    found = cameo_event(_verb(text, verb))
    assert found is not None and found[:3] == (kind, mode, code)


def test_cameo_matcher_reads_structure():
    from ghatna.events.en.detect import cameo_code, cameo_event

    # a pattern's bare noun is an object, not a word inside a prepositional phrase
    joined = cameo_code(_verb("Students joined the protest.", "joined"))
    gathered = cameo_code(_verb("Students gathered in a park near the protest.", "gathered"))
    assert joined is not None and joined[0] == "110" and joined[1] > 0
    assert gathered is not None and gathered[0] != "110"
    # "found" is the past of "find" here, not "found a party" (CAMEO 060)
    found = cameo_event(_verb("A bomb was found near the airport.", "found"))
    assert found is None or found[2] != "060"
    # a verb the dictionary does not know
    assert cameo_code(_verb("The cat purred loudly.", "purred")) is None


def test_sentence_type_uses_the_dictionary_where_the_lexicon_is_silent():
    from ghatna.document import Document, make_doc_id
    from ghatna.events.candidates import sentence_views
    from ghatna.events.en.detect import detect_sentences
    from ghatna.text.segment import SegmentStage

    # a verb's pattern over its object ("cancel" + visit: CAMEO 160, "call off" + strike: 082)
    # is the main event, not the event noun inside the object
    assert sentence_type("The minister cancelled his visit to Haiti.", cameo_dictionary=True) == "SANCTION"
    assert sentence_type("The union called off the strike.", cameo_dictionary=True) == "CONCEDE"
    text = "Helicopters evacuated the villagers."
    assert sentence_type(text) is None and sentence_type(text, cameo_dictionary=True) == "AID"
    # the pipeline's default detection does not add dictionary-only events
    doc = SegmentStage()(Document(text=text, lang="en", doc_id=make_doc_id(text)))
    for s in doc.sentences:
        s.lang = "en"
    assert [c.source for _, c in detect_sentences(doc, sentence_views(doc))] == []
    assert [c.source for _, c in detect_sentences(doc, sentence_views(doc), dictionary=True)] == ["cameo"]


@pytest.mark.parametrize("text, kind", [
    ("Israel reimposed blockades on the West Bank.", "COERCE"),  # a state's blockade restricts movement
    ("Farmers blocked the roads to the capital.", "PROTEST"),  # civilians obstructing passage
    ("Angry students staged a blockade of the ministry.", "PROTEST"),
    ("Qatar launched a mediation effort between the two countries.", "CONSULT"),  # CAMEO 045
])
def test_lexicon_blockades_and_mediation(text, kind):
    assert sentence_type(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Teachers went on strike in the capital.", "PROTEST"),  # a labour strike, not an air strike
    ("The unions organized a general strike.", "PROTEST"),
    ("The rebels released Prime Minister Mahendra Chaudhry.", "RETREAT"),  # a named person freed
    ("The army lifted the blockade on the town.", "RETREAT"),  # CAMEO 0872 ease blockade
    ("Rebels violated the ceasefire on Sunday.", "ASSAULT"),  # CAMEO 196
    ("The newspaper violated a ban on reporting.", "REJECT"),  # CAMEO 128 defy norms, law
    ("Police prevented the demonstration.", "COERCE"),
])
def test_lexicon_objects_decide(text, kind):
    assert sentence_type(text) == kind


def test_verb_lemmas_from_the_dictionary_forms():
    from ghatna.events.en.detect import lemma

    assert lemma(_verb("Workers blocked the bridge.", "blocked")) == "block"  # not "blocke"
    assert lemma(_verb("A bomb was found near the airport.", "found")) == "find"


@pytest.mark.parametrize("text, kind", [
    ("Militants detonated two bombs along the highway.", "ASSAULT"),  # using explosives, not seizing them
    ("Police seized weapons and ammunition in a raid.", "COERCE"),
    ("Taliban fighters captured a district centre on Saturday.", "ASSAULT"),  # capturing a place
    ("Rebels captured the port of Mokha.", "ASSAULT"),
    ("Soldiers violently suppressed the protest.", "ASSAULT"),  # CAMEO 175 violent repression
    ("The government suppressed the opposition newspapers.", "COERCE"),
    ("Police clashed with hundreds of protesters in Paris.", "PROTEST"),  # a violent protest
])
def test_objects_and_manner_decide_violence(text, kind):
    assert sentence_type(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("The president banned opposition candidates from the elections.", "COERCE"),  # political life
    ("The government banned imports of beef.", "SANCTION"),
    ("The junta ordered the newspaper to suspend publication.", "COERCE"),  # censorship
    ("Zambia extradited the suspect to Britain.", "COOPERATE"),  # judicial cooperation (CAMEO 063)
    ("The government accepted the demands of the rebels.", "CONCEDE"),  # CAMEO 083
])
def test_bans_extradition_and_demands(text, kind):
    assert sentence_type(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Sri Lanka has established diplomatic ties with Iran.", "SUPPORT"),  # CAMEO 050 / 054
    ("The two countries restored relations after a decade.", "SUPPORT"),
])
def test_diplomatic_ties(text, kind):
    assert sentence_type(text) == kind


def test_failing_to_act_is_negated():
    from ghatna.events.en.detect import _modality

    negated, _ = _modality(_verb("The two sides failed to reach an agreement.", "reach"))
    assert negated


@pytest.mark.parametrize("text, kind", [
    ("Israel has strengthened its forces in Lebanon.", "MOBILIZE"),  # CAMEO 154
    ("Troops were reinforced along the border.", "MOBILIZE"),
    ("NATO deployed peacekeeping troops in Bosnia.", "AID"),  # CAMEO 074 peacekeeping
    ("Russia deployed troops on the border.", "MOBILIZE"),
])
def test_forces_and_peacekeepers(text, kind):
    assert sentence_type(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("A strong earthquake killed eight people on Java.", "DISASTER"),  # nature acts on no one's behalf
    ("A cache of ammunition was found near the dam.", "COERCE"),  # arms found are seized
    ("The army discovered weapons and explosives in a tunnel.", "COERCE"),
    ("Gunmen killed eight people on Java.", "ASSAULT"),
])
def test_disasters_and_weapon_finds(text, kind):
    assert sentence_type(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("The rebels have sworn to fight until they gain control of the villages.", "THREATEN"),  # a vow
    ("The United Nations reduced food supplies to the camp.", "SANCTION"),  # CAMEO 162 reduce aid
])
def test_vows_and_cut_aid(text, kind):
    assert sentence_type(text) == kind


def test_refugees_lemma_and_refusing_refuge():
    from ghatna.events.en.detect import lemma

    assert lemma(_verb("Syria took in more refugees.", "refugees")) == "refugee"  # not "refuge"
    assert sentence_type("Germany accepted more refugees last year.") == "AID"  # CAMEO 075
    assert sentence_type("Syria says it will not accept any more refugees.") == "REJECT"


def test_pipeline_option_turns_the_dictionary_on():
    from ghatna.pipeline import Pipeline
    from ghatna.read.raw import RawDocument

    raw = RawDocument("en.txt", "UN helicopters evacuated the wounded villagers on Friday.\n")
    assert [e.type for e in Pipeline()(raw).events] == []
    with_dictionary = Pipeline(options=ghatna.Options(cameo_dictionary=True))(raw)
    assert [(e.type, e.cameo is not None) for e in with_dictionary.events] == [("AID", True)]
