"""Sentence lookups by bisection give spaCy's own sentence for every token."""

from claimledger.extract.sentence_index import per_sentence, token_sentence


def test_token_sentence_is_the_parse_sentence(nlp):
    parsed = nlp("The quake struck at dawn. Rescuers found 40 survivors. The toll rose to 212 by noon.")
    for token in parsed:
        assert (token_sentence(token).start, token_sentence(token).end) == (token.sent.start, token.sent.end)


def test_per_sentence_computes_once(nlp):
    parsed = nlp("Turnout was 61%. Results come later.")
    calls = []
    sent = next(parsed.sents)
    for _ in range(3):
        per_sentence(parsed, sent, "words", lambda s: calls.append(1) or len(s))
    assert calls == [1]
