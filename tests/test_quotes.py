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


# -- quotation marks as writers type them ----------------------------------------------------

def test_two_single_marks_are_one_double_mark():
    text = "किसान नेता हरपाल सिंह कहते हैं, ''हमारी फ़सल पानी के बिना सूख रही है.'' बैठक जारी रही।"
    [q] = quotes(text)
    assert q.direct and q.speaker_text == "किसान नेता हरपाल सिंह"
    assert q.text == "हमारी फ़सल पानी के बिना सूख रही है."


def test_mark_glued_to_next_word_closes_and_stray_single_gives_way():
    # a headline in single marks glued to the next sentence, then a stray single mark before
    # a speech tag: neither swallows the double-quoted speech
    text = ("कल की ख़बर 'नदी किनारे बसा पुराना शहर'नगर निगम ने सफ़ाई का काम शुरू किया. "
            "'महापौर अनिल जोशी ने कहा, \"हम हर गली को साफ़ करेंगे और पेड़ लगाएंगे.\" फिर वे लौटे।")
    qs = [q for q in quotes(text) if q.direct]
    assert [q.speaker_text for q in qs] == ["महापौर अनिल जोशी"]
    assert qs[0].text == "हम हर गली को साफ़ करेंगे और पेड़ लगाएंगे."


def test_unclosed_quote_ends_before_the_next_one_opens():
    text = ('व्यापारी मोहन लाल ने बताया कि, "हमारी दुकान पुराने बाज़ार में थी. वहां भीड़ रहती थी. '
            'सब कुछ बदल गया. अब वहां सड़क है. शाम को डॉक्टर रीना मिश्रा आईं. '
            'उन्होंने कहा, "यह इलाका मुझे याद है और यहां मेरा स्कूल था."')
    people = [entity(text, "MOHAN", "मोहन लाल"), entity(text, "REENA", "रीना मिश्रा")]
    first, second = [q for q in quotes(text, people) if q.direct]
    assert first.speaker == "MOHAN" and first.text.endswith("अब वहां सड़क है.")
    assert second.speaker == "REENA"  # her name lies outside the unclosed quote


def test_short_term_in_quotes_inside_a_cues_clause_is_no_quote():
    text = "जांच दल की रिपोर्ट के अनुसार दोनों अफ़सरों में 'ज़मीन का सौदा' को लेकर झगड़ा था।"
    [q] = quotes(text)
    assert not q.direct and q.speaker_text == "जांच दल की रिपोर्ट"
    assert q.text.startswith("दोनों अफ़सरों में 'ज़मीन का सौदा' को लेकर")


# -- pronouns and unnamed speakers -------------------------------------------------------------

def test_pronoun_goes_to_the_subject_of_the_nearest_sentence_with_one():
    text = ('पूर्व सैनिक करण सिंह कहते हैं, "हमें पेंशन नहीं मिली." '
            'गांव के मुखिया बलवीर राणा भी नाराज़ ही रहते हैं. वो कहते हैं, "सरकार ने वादा तोड़ा है."')
    people = [entity(text, "KARAN", "करण सिंह"), entity(text, "BALVIR", "बलवीर राणा")]
    assert [q.speaker for q in quotes(text, people)] == ["KARAN", "BALVIR"]


def test_pronoun_skips_an_oblique_person_and_words_inside_quotes():
    text = ('वकील अमित जैन ने कहा, "जज नरेश पाल ने सुनवाई टाल दी है." '
            'फिर उन्होंने पत्रकार सुधा राय से कहा, "हम ऊंची अदालत में अपील करेंगे."')
    people = [entity(text, "AMIT", "अमित जैन"), entity(text, "NARESH", "नरेश पाल"),
              entity(text, "SUDHA", "सुधा राय")]
    assert [q.speaker for q in quotes(text, people)] == ["AMIT", "AMIT"]


def test_pronoun_goes_to_an_unnamed_group():
    text = ("नदी किनारे एक झोपड़ी में तीन बुज़ुर्ग किसान बैठे हुए थे. पूछने पर उन्होंने कहा कि "
            "इस साल बारिश बहुत कम हुई है।")
    [q] = quotes(text, [entity(text, "G", "नदी", "LOC")])
    assert q.speaker_text == "तीन बुज़ुर्ग किसान"


def test_pronoun_with_no_person_before_it_takes_the_next_named_speaker():
    text = ("उनका कहना था कि शहर में पानी की भारी कमी है. बाद में नगर आयुक्त सुरेश मेहता ने कहा कि "
            "नए टैंकर भेजे जा रहे हैं।")
    [first, second] = quotes(text, [entity(text, "SURESH", "सुरेश मेहता")])
    assert first.speaker == "SURESH" and second.speaker == "SURESH"


def test_report_in_an_outlet_speaks_for_the_outlet():
    [q] = quotes("दैनिक भास्कर में छपी ख़बर के अनुसार, पुल की मरम्मत अगले महीने शुरू होगी।")
    assert q.speaker_text == "दैनिक भास्कर"
    [q] = quotes("स्थानीय अख़बार में ख़बर छपी है कि मेले में दस हज़ार लोग पहुंचे।")
    assert q.speaker_text == "स्थानीय अख़बार" and q.text == "मेले में दस हज़ार लोग पहुंचे"


def test_source_cue_yields_to_a_speech_verb_with_its_own_speaker():
    [q] = quotes("अदालत में पेश आरोप पत्र के मुताबिक गवाह दिनेश यादव ने पुलिस को बताया कि "
                 "हमलावर रात दो बजे आए थे।")
    assert q.speaker_text == "गवाह दिनेश यादव" and q.text == "हमलावर रात दो बजे आए थे"


# -- more ways Hindi news reports speech -------------------------------------------------------

def test_noun_cues_and_imperfective_cues():
    [q] = quotes("मज़दूर संघ का दावा है कि कारखाने में सुरक्षा के नियम नहीं माने जाते।")
    assert q.speaker_text == "मज़दूर संघ"
    [q] = quotes("लेकिन ज़िला प्रशासन की माने तो सभी सड़कें अब खुल चुकी हैं।")
    assert q.speaker_text == "ज़िला प्रशासन" and q.text == "सभी सड़कें अब खुल चुकी हैं"
    [q] = quotes("गांव के कुछ लोग दावा करते हैं कि कुआं सौ साल पुराना है।")
    assert q.speaker_text == "गांव के कुछ लोग"
    [q] = quotes("विपक्षी दल बार-बार ये कहता आया है कि चुनाव में धांधली हुई।")
    assert q.speaker_text == "विपक्षी दल" and q.text == "चुनाव में धांधली हुई"
    # an accusation that nobody voices is no speech
    assert quotes("उन पर ज़मीन हड़पने का आरोप भी लगा था और मामला अदालत में है।") == []


def test_passive_speech_takes_its_agent():
    [q] = quotes("आयोग की सालाना रिपोर्ट में कहा गया है कि आधे स्कूलों में शिक्षक नहीं हैं।")
    assert q.speaker_text == "आयोग की सालाना रिपोर्ट"
    [q] = quotes("राजभवन की ओर से यह घोषणा की गई कि समारोह रविवार को होगा।")
    assert q.speaker_text == "राजभवन" and q.text == "समारोह रविवार को होगा"


def test_converb_words_follow_the_main_verbs_ki():
    [q] = quotes("प्रधानाचार्य रमा शुक्ला ने यह कहते हुए बात करने से मना कर दिया कि "
                 "मामला जांच में है।")
    assert q.speaker_text == "प्रधानाचार्य रमा शुक्ला" and q.text == "मामला जांच में है"
    # where the main verb is a speech verb itself, it carries the words
    [q] = quotes("मंत्री ने नुकसान का ब्योरा बताते हुए कहा कि राहत का काम तेज़ी से चल रहा है।")
    assert q.speaker_text == "मंत्री" and q.cue == "कहा"


def test_reported_words_may_start_after_a_paragraph_break():
    [q] = quotes("मंत्री ने सभा में यह भी कहा कि\n\nनई नहर से सौ गांवों को पानी मिलेगा।")
    assert q.speaker_text == "मंत्री" and q.text == "नई नहर से सौ गांवों को पानी मिलेगा"


def test_short_quotation_the_clause_goes_on_after_is_a_term():
    [q] = quotes("कंपनी का दावा है कि 'स्मार्ट घड़ी प्रो' नाम की नई घड़ी दो दिन तक चलती है।")
    assert not q.direct and q.speaker_text == "कंपनी"
    assert q.text.startswith("'स्मार्ट घड़ी प्रो' नाम की")
    # a conjunction opening the sentence is not part of the speaker
    [q] = quotes("हालांकि कुछ ग्रामीणों का कहना है कि मुआवज़ा अब तक नहीं मिला।")
    assert q.speaker_text == "कुछ ग्रामीणों"


def test_the_person_asked_answers():
    text = ("कोच विनोद शर्मा ने टीम की तारीफ़ की. कप्तान अजय राठौर से जब पूछा गया कि वे कब लौटेंगे "
            "तो उन्होंने कहा कि अगले साल वापसी करेंगे।")
    people = [entity(text, "VINOD", "विनोद शर्मा"), entity(text, "AJAY", "अजय राठौर")]
    [q] = quotes(text, people)
    assert q.speaker == "AJAY"


def test_speaker_before_a_reflexive_adjunct_and_a_title_is_no_quote():
    text = ("लेखिका मीरा सेन अपनी किताब 'पहाड़ों के बीच बीते हुए दिन' में लिखती हैं, "
            "\"वो सर्दियां मैं कभी नहीं भूल सकती.\"")
    [q] = quotes(text)
    assert q.speaker_text == "लेखिका मीरा सेन" and q.text == "वो सर्दियां मैं कभी नहीं भूल सकती."


def test_pronoun_after_a_relative_clause_goes_to_its_head():
    text = ("गांव के एक बुज़ुर्ग शिक्षक, जिनका बेटा फ़ौज में है, उनका कहना है कि "
            "सीमा पर हालात अब शांत हैं।")
    [q] = quotes(text)
    assert q.speaker_text == "गांव के एक बुज़ुर्ग शिक्षक"


def test_the_one_asking_is_not_the_one_asked():
    text = ("निर्देशक सुनील दत्त सेट पर पहुंचे. नए अभिनेता रोहन से उन्होंने पूछा कि "
            "क्या वे घुड़सवारी जानते हैं।")
    people = [entity(text, "SUNIL", "सुनील दत्त"), entity(text, "ROHAN", "रोहन")]
    [q] = quotes(text, people)
    assert q.speaker == "SUNIL"
