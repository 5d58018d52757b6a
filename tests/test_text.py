"""Normalisation, language identification, sentences and tokens."""

import pytest

from ghatna.text.langid import identify
from ghatna.text.normalise import match_key, normalise_text
from ghatna.text.segment import sentence_spans, tokenize


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_nukta_variants_share_a_key_and_text_keeps_spelling():
    assert match_key("कज़ाख़स्तान") == match_key("कजाखस्तान")
    assert match_key("क़") == match_key("\u0958")  # precomposed and decomposed nukta
    text = normalise_text("कज़ाख़स्तान")
    assert "\u093c" in text  # the nukta is still in the returned text


def test_normalise_removes_invisible_characters_and_keeps_lines():
    raw = "\ufeffपुतिन\u200d ने\u00a0कहा।\r\n\r\n\r\n\r\nदूसरा  पैरा\u200b।"
    assert normalise_text(raw) == "पुतिन ने कहा।\n\nदूसरा पैरा।"


def test_keys_fold_digit_scripts_and_case():
    assert match_key("२०२२") == "2022"
    assert match_key("  Kazakhstan\tCSTO ") == "kazakhstan csto"


@pytest.mark.parametrize("text,lang", [
    ("रूस के राष्ट्रपति ने सोमवार को बैठक में भाग लिया और कहा कि स्थिति स्थिर है।", "hi"),
    ("The president said on Monday that the situation in the country was stable.", "en"),
    ("मुख्यमंत्र्यांनी आज मुंबईत बैठक घेतली आणि शेतकऱ्यांच्या प्रश्नांवर चर्चा केली. ही बैठक महत्त्वाची होती आणि त्यात अनेक निर्णय झाले आहेत.", "mr"),
    ("प्रधानमन्त्रीले आज काठमाडौंमा बैठक बोलाउनुभयो र त्यसमा धेरै मन्त्रीहरू सहभागी थिए। उनले भने कि सरकार यो समस्या समाधान गर्न तयार छ।", "ne"),
    ("وزیر اعظم نے پیر کو اجلاس میں شرکت کی اور کہا کہ صورتحال قابو میں ہے۔", "ur"),
    ("প্রধানমন্ত্রী সোমবার বৈঠকে যোগ দেন এবং বলেন যে পরিস্থিতি নিয়ন্ত্রণে আছে।", "bn"),
    ("ਪ੍ਰਧਾਨ ਮੰਤਰੀ ਨੇ ਸੋਮਵਾਰ ਨੂੰ ਮੀਟਿੰਗ ਵਿੱਚ ਹਿੱਸਾ ਲਿਆ ਅਤੇ ਕਿਹਾ ਕਿ ਸਥਿਤੀ ਕਾਬੂ ਵਿੱਚ ਹੈ।", "pa"),
])
def test_language_identification(text, lang):
    assert identify(text)[0] == lang


def test_short_devanagari_fragment_follows_the_prior():
    assert identify("पुतिन", prior="hi")[0] == "hi"


def test_sentences_hindi_danda_quotes_and_abbreviations():
    text = 'डॉ. राम ने कहा कि वे आएंगे। क्या यह सही है? हाँ! उन्होंने कहा "हम जीतेंगे।" श्री. मोदी पहुँचे॥ अंत'
    assert sentences(text) == [
        "डॉ. राम ने कहा कि वे आएंगे।", "क्या यह सही है?", "हाँ!", 'उन्होंने कहा "हम जीतेंगे।"',
        "श्री. मोदी पहुँचे॥", "अंत",
    ]


def test_sentences_english_abbreviations_initials_and_decimals():
    text = "Dr. Rao met U.S. officials at 3.5 p.m. on Monday. J. Smith said so! Did he?\nNew line"
    assert sentences(text) == [
        "Dr. Rao met U.S. officials at 3.5 p.m. on Monday.", "J. Smith said so!", "Did he?",
        "New line",
    ]


def test_sentence_offsets_point_into_text():
    text = "पहला वाक्य।  दूसरा वाक्य।\n\nतीसरा"
    for start, end in sentence_spans(text):
        assert text[start:end] == text[start:end].strip()
        assert text[start:end]


def test_tokens_keep_digit_grouping_and_split_punctuation():
    text = "कुल 1,00,000 लोग, २०२२ में कासिम-जोमार्ट।"
    assert [text[s:e] for s, e in tokenize(text)] == [
        "कुल", "1,00,000", "लोग", ",", "२०२२", "में", "कासिम", "-", "जोमार्ट", "।"]
