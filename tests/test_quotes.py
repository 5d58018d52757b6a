"""Quotes: direct and indirect speech, speakers, pronouns, entities."""

from __future__ import annotations

import pickle

from ghatna.document import Document, Entity, Mention
from ghatna.quotes import QuotesStage
from ghatna.quotes.extract import extract_quotes
from ghatna.text.normalise import normalise_text


def quotes(text: str, entities: list[Entity] | None = None):
    return extract_quotes(Document(text=text, lang="hi", entities=entities or []))


def entity(text: str, eid: str, surface: str, etype: str = "PER") -> Entity:
    """An entity with a mention at every occurrence of `surface` (what NER would give)."""
    mentions = []
    start = text.find(surface)
    while start >= 0:
        mentions.append(Mention(start, start + len(surface), surface, etype))
        start = text.find(surface, start + 1)
    return Entity(id=eid, name=eid, type=etype, mentions=mentions)


def test_direct_quote_after_cue():
    text = "मंत्री रमेश वर्मा ने कहा, “सरकार किसानों की पूरी मदद करेगी।” बैठक खत्म हुई।"
    [q] = quotes(text)
    assert q.direct and q.speaker_text == "मंत्री रमेश वर्मा" and q.cue == "कहा"
    assert q.text == "सरकार किसानों की पूरी मदद करेगी।"
    assert text[q.start:q.end] == q.text


def test_quote_opening_mid_sentence_runs_over_sentence_ends():
    text = ("सीमा पर हालात बिगड़ने के बाद जनरल अरुण सिंह ने आरोप लगाया कि \"घुसपैठिए रात में आए। "
            "उनके पास भारी हथियार थे। हमने उन्हें रोका।\" इसके बाद बैठक हुई।")
    [q] = quotes(text)
    assert q.direct and q.speaker_text == "जनरल अरुण सिंह" and q.cue == "आरोप लगाया"
    assert q.text.startswith("घुसपैठिए") and q.text.endswith("हमने उन्हें रोका।")


def test_unbalanced_closing_quote_starts_after_cue():
    text = "रविवार को पुलिस अधीक्षक नीरज कुमार ने कहा कि हालात काबू में हैं और शांति है\" बाकी जांच जारी है।"
    [q] = quotes(text)
    assert q.direct and q.speaker_text == "पुलिस अधीक्षक नीरज कुमार"
    assert q.text == "हालात काबू में हैं और शांति है"


def test_speaker_after_quote():
    text = "“हम इस हमले का जवाब देंगे,” सेना प्रमुख ने कहा। फिर वे चले गए।"
    [q] = quotes(text)
    assert q.speaker_text == "सेना प्रमुख" and q.text == "हम इस हमले का जवाब देंगे,"


def test_genitive_and_source_cues():
    [q] = quotes("डॉक्टर अनीता का कहना है, “मरीज़ों की हालत अब स्थिर है।”")
    assert q.speaker_text == "डॉक्टर अनीता"
    [q] = quotes("पुलिस के अनुसार हादसे में पांच लोगों की मौत हो गई।")
    assert not q.direct and q.speaker_text == "पुलिस" and q.text == "हादसे में पांच लोगों की मौत हो गई"


def test_indirect_speech_with_ki():
    [q] = quotes("मुख्यमंत्री ने बताया कि राहत शिविरों में खाना पहुंचाया जा रहा है।")
    assert not q.direct and q.speaker_text == "मुख्यमंत्री" and q.cue == "बताया"
    assert q.text == "राहत शिविरों में खाना पहुंचाया जा रहा है"


def test_not_speech():
    # an announcement with 'क्योंकि' is not reported speech; 'it is said' has no speaker;
    # a one-word title in quotation marks is not a quote
    assert quotes("सरकार ने आपातकाल की घोषणा की क्योंकि हिंसा बढ़ गई।") == []
    assert quotes("कहा जाता है कि यह किला बहुत पुराना है।") == []
    assert quotes("उन्होंने ‘बसीज’ में काम किया।") == []


def test_pronoun_speaker_goes_to_earlier_person_without_entities():
    text = ("विदेश मंत्री सुनील राव ने सोमवार को दौरा किया। उन्होंने कहा, “दोनों देशों के रिश्ते "
            "मज़बूत हैं।”")
    [q] = quotes(text)
    assert q.speaker_text == "विदेश मंत्री सुनील राव"


def test_pronoun_speaker_resolves_to_person_entity():
    text = "राष्ट्रपति सुनीता देवी दिल्ली पहुंचीं। उनके अनुसार दोनों देश व्यापार बढ़ाएंगे।"
    people = [entity(text, "P1", "सुनीता देवी"), entity(text, "G1", "दिल्ली", "GPE")]
    [q] = quotes(text, people)
    assert q.speaker == "P1" and q.speaker_text == "सुनीता देवी"


def test_speaker_entity_from_mention_in_phrase():
    text = "रूसी राष्ट्रपति व्लादिमीर पुतिन ने कहा कि सेना जल्द लौटेगी।"
    ents = [entity(text, "PUTIN", "व्लादिमीर पुतिन"), entity(text, "RUS", "रूसी", "NORP")]
    [q] = quotes(text, ents)
    assert q.speaker == "PUTIN" and q.speaker_text == "रूसी राष्ट्रपति व्लादिमीर पुतिन"


def test_english_quotes():
    text = ('"We will not allow this," said President Jane Doe. '
            'According to the ministry, 40 people were hurt. She said the army would stay.')
    qs = quotes(text)
    assert [(q.direct, q.speaker_text) for q in qs] == [
        (True, "President Jane Doe"), (False, "the ministry"), (False, "President Jane Doe")]
    assert qs[2].text == "the army would stay"


def test_stage_is_picklable():
    stage = pickle.loads(pickle.dumps(QuotesStage()))
    assert stage.name == "quotes" and stage.needs_supported_language


def test_seed_quotes(seed_path):
    text = normalise_text(seed_path.read_text(encoding="utf-8"))
    by_start = {q.text[:20]: q for q in quotes(text)}
    tokayev = next(q for k, q in by_start.items() if k.startswith("विदेशी लड़ाकों"))
    putin = next(q for k, q in by_start.items() if k.startswith("उन्होंने अच्छी तरह"))
    assert tokayev.direct and tokayev.speaker_text == "टोकायव"
    assert putin.direct and putin.speaker_text == "पुतिन"
    assert "आतंकवादी शिविरों" in putin.text  # the quote runs over the sentence end
    # with NER entities, the speakers resolve to them
    ents = [entity(text, "TOKAYEV", "टोकायव"), entity(text, "PUTIN", "पुतिन")]
    resolved = {q.text[:20]: q.speaker for q in quotes(text, ents)}
    assert resolved[tokayev.text[:20]] == "TOKAYEV" and resolved[putin.text[:20]] == "PUTIN"
