"""Long texts are parsed in bounded segments that tile the text; offsets stay exact."""

from __future__ import annotations

import re

import pytest

from claimledger.engine.segments import cut_points
from claimledger.model import Document
from claimledger.pipeline import Context, Pipeline

from tests.engine.corpus import long_text


def tiles(text: str, cuts: list[tuple[int, int]]) -> bool:
    return cuts[0][0] == 0 and cuts[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))


def test_short_text_is_one_segment():
    assert cut_points("Forty people were rescued.", 100) == [(0, 26)]


def test_cuts_prefer_paragraphs_then_sentences_then_whitespace():
    text = long_text(40)
    cuts = cut_points(text, 1_000)
    assert tiles(text, cuts) and all(end - start <= 1_000 for start, end in cuts)
    assert all(text[end - 2:end] == "\n\n" for _, end in cuts[:-1])

    one_paragraph = text.replace("\n\n", " ")
    cuts = cut_points(one_paragraph, 1_000)
    assert tiles(one_paragraph, cuts)
    assert all(re.search(r"[.!?][\"”]?\s+$", one_paragraph[start:end]) for start, end in cuts[:-1])


def test_single_line_of_words_cut_at_whitespace_and_unbroken_run_cut_hard():
    line = " ".join(f"w{i}" for i in range(20_000))
    cuts = cut_points(line, 5_000)
    assert tiles(line, cuts) and all(end - start <= 5_000 for start, end in cuts)
    assert all(line[end - 1] == " " for _, end in cuts[:-1])
    blob = "x" * 12_345
    assert cut_points(blob, 5_000) == [(0, 5_000), (5_000, 10_000), (10_000, 12_345)]


@pytest.fixture(scope="module")
def analysed():
    text = long_text(60)
    whole = Pipeline(Context()).analyse(Document(id="abc123", name="long.txt", text=text))
    pieces = Pipeline(Context(segment_chars=2_000)).analyse(Document(id="abc123", name="long.txt", text=text))
    return text, whole, pieces


def test_segmented_analysis_points_into_the_full_text(analysed):
    text, _, doc = analysed
    assert len(text) > 10_000
    for f in doc.figures:
        assert text[f.start:f.end] == f.text
        assert f.sentence_start <= f.start < f.end <= f.sentence_end
    for st in doc.statements:
        assert all(text[a:b] for a, b in st.parts)
        if st.cue_start is not None:
            assert text[st.cue_start:st.cue_end] == st.cue or st.cue in text[st.cue_start:st.cue_end].lower()
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    ids = [r.id for r in (*doc.figures, *doc.statements, *doc.sources, *doc.mentions)]
    assert len(ids) == len(set(ids))
    sources = {s.id for s in doc.sources}
    assert all(f.source in sources for f in doc.figures if f.source)
    assert all(st.speaker in sources and set(st.via) <= sources for st in doc.statements if st.speaker)
    assert sum(1 for s in doc.sources if s.kind == "outlet") == 1


def test_segmented_analysis_finds_what_the_whole_parse_finds(analysed):
    _, whole, pieces = analysed
    spans = lambda doc: sorted((f.start, f.end, f.value, f.qualifier) for f in doc.figures)
    assert spans(pieces) == spans(whole)
    assert [(s.start, s.end) for s in pieces.sentences] == [(s.start, s.end) for s in whole.sentences]
    # statement rules look at neighbouring paragraphs (headlines, colon labels): allow a few boundary changes
    key = lambda st: (st.start, st.end, st.text, st.direct)
    same = set(map(key, pieces.statements)) & set(map(key, whole.statements))
    assert len(same) >= 0.9 * len(whole.statements) and abs(len(pieces.statements) - len(whole.statements)) <= 3
