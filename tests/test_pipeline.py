"""The pipeline spine: stages, order, workers, error records, the Python API."""

import pickle

import ghatna
from ghatna.document import Document
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument

HINDI = ("रूस के राष्ट्रपति ने सोमवार को मास्को में विदेश मंत्रियों के साथ बैठक की। "
         "उन्होंने कहा कि क्षेत्र में स्थिति अब स्थिर है।\n\n"
         "बैठक में 12 देशों के प्रतिनिधि शामिल हुए। डॉ. शर्मा ने इसे सफल बताया।")
MARATHI = ("मुख्यमंत्र्यांनी आज मुंबईत बैठक घेतली आणि शेतकऱ्यांच्या प्रश्नांवर चर्चा केली. "
           "ही बैठक महत्त्वाची होती आणि त्यात अनेक निर्णय झाले आहेत.")


def test_extract_hindi_text(validate):
    doc = ghatna.extract(HINDI, published="2022-01-10")
    assert isinstance(doc, Document)
    assert doc.status == "ok" and doc.lang == "hi"
    assert doc.published == "2022-01-10"
    assert len(doc.sentences) == 4
    assert all(s.lang == "hi" for s in doc.sentences)
    assert doc.text[doc.sentences[-1].start:doc.sentences[-1].end] == "डॉ. शर्मा ने इसे सफल बताया।"
    validate(doc.to_dict())


def test_doc_id_is_stable_and_depends_on_text():
    a, b = ghatna.extract(HINDI), ghatna.extract(HINDI + "\u200d")  # joiner: same normalised text
    assert a.doc_id == b.doc_id
    assert ghatna.extract(HINDI + " और।").doc_id != a.doc_id


def test_forced_language_wins():
    assert ghatna.extract("Kazakhstan", lang="en").lang == "en"


def test_unsupported_language_is_kept_and_not_analysed(validate):
    doc = ghatna.extract(MARATHI)
    assert doc.lang == "mr" and doc.status == "unsupported_language"
    assert doc.text and not doc.entities and not doc.events
    validate(doc.to_dict())


def test_pipeline_pickles_and_keeps_order_with_workers():
    pipeline = pickle.loads(pickle.dumps(Pipeline()))
    raws = [RawDocument(source=f"r{i}", content=f"यह दस्तावेज़ संख्या {i} है और इसमें एक वाक्य है।",
                        format="record") for i in range(12)]
    docs = list(pipeline.map(raws, workers=2))
    assert [d.source for d in docs] == [r.source for r in raws]
    assert all(d.status == "ok" for d in docs)


class Explodes:
    name = "explodes"

    def __call__(self, doc):
        if "बम" in doc.text:
            raise RuntimeError("boom")
        return doc


def test_a_failing_stage_becomes_an_error_record_and_the_batch_goes_on(validate):
    pipeline = Pipeline([*Pipeline().stages, Explodes()])
    raws = [RawDocument("a", "पहला वाक्य है।", "record"), RawDocument("b", "बम वाला वाक्य है।", "record"),
            RawDocument("c", "", error="empty file"), RawDocument("d", "तीसरा वाक्य है।", "record")]
    docs = list(pipeline.map(raws, workers=1))
    assert [d.status for d in docs] == ["ok", "error", "error", "ok"]
    assert docs[1].error == "explodes: RuntimeError: boom"
    assert docs[2].error == "empty file" and docs[2].source == "c"
    for d in docs:
        validate(d.to_dict())
