"""EDNIL argument and trigger taggers: what the other stages tell the argument CRF, the sentence
position features, loading models from another folder."""

from __future__ import annotations

from ghatna.document import Document, Entity, Mention, make_doc_id
from ghatna.events.candidates import sentence_views
from ghatna.events.hi import detect as events_hindi
from ghatna.events.hi import tagger as events_tagger
from ghatna.text.segment import SegmentStage


def _view(text: str, names: dict[str, str]):  # noqa: ANN202 - SentenceView
    doc = SegmentStage()(Document(text=text, lang="hi", doc_id=make_doc_id(text)))
    for n, (surface, kind) in enumerate(names.items()):
        start = text.index(surface)
        doc.entities.append(Entity(id=f"e{n}", name=surface, type=kind,
                                   mentions=[Mention(start, start + len(surface), surface, kind)]))
    return sentence_views(doc)[0]


def test_argument_context_marks_entities_and_quantities() -> None:
    view = _view("मुंबई में आग लगने से 12 लोगों की मौत हो गई।", {"मुंबई": "GPE"})
    context = events_hindi.argument_context(view)
    assert len(context) == len(view.words)
    assert context[view.words.index("मुंबई")] == "GPE"
    assert context[view.words.index("12")] == "qty"
    assert context[view.words.index("आग")] == ""


def test_argument_features_carry_context_and_position() -> None:
    words = ["मुंबई", "में", "आग"]
    feats = events_tagger.argument_features(words, ["O", "O", "B-FIRE"], context=["GPE", "", ""],
                                            position=events_tagger.sentence_position(0, 0))
    assert "ctx+0=GPE" in feats[0] and "ctx-1=GPE" in feats[1] and "ctx-2=GPE" in feats[2]
    assert "spos=0" in feats[0] and "sdist=0|ctx=GPE" in feats[0]
    assert events_tagger.sentence_position(7, None) == ["spos=4", "sdist=none"]
    assert "dtype=FIRE" in events_tagger.sentence_position(1, 0, "FIRE")


def test_use_model_dir_switches_and_restores(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "trigger_words.txt").write_text("आग\n", encoding="utf-8")
    try:
        events_tagger.use_model_dir(tmp_path)
        assert events_tagger.TRIGGER_MODEL == tmp_path / "ednil_triggers.crfsuite"
        assert events_hindi._trigger_vocabulary() == frozenset({"आग"})
        assert not events_tagger.models_available()
    finally:
        events_tagger.use_model_dir(None)
    assert events_tagger.MODEL_DIR == events_tagger.SHIPPED_MODEL_DIR
    assert len(events_hindi._trigger_vocabulary()) > 100
