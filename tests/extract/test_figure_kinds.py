"""Kinds: only real estimates are figures; dates, ages, names, bios and contacts are kept apart."""

from __future__ import annotations

from claimledger.extract.figure_kinds import bio_start, special_spans


def test_special_spans_cover_contacts_and_links():
    text = "Call +1 212 555 0100 or see https://news.example/2024/05 and @desk24 today."
    covered = "".join(text[a:b] for a, b in special_spans(text))
    assert "212 555 0100" in covered and "2024/05" in covered and "@desk24" in covered
    assert "today" not in covered


def test_bio_start_only_in_the_tail():
    body = "The council hired 40 teachers. " * 20 + "\n"
    bio = "About the Author\nSam Lee is a reporter who has covered 12 elections."
    assert bio_start(body + bio) == len(body)
    assert bio_start(bio + "\n" + body) == len(bio + "\n" + body)
    assert bio_start(body) == len(body)


def test_email_scan_is_bounded_and_still_finds_addresses():
    from claimledger.extract.figure_kinds import special_spans

    text = "Write to press@quake-relief.org for the 40 survivors' list."
    (start, end), = special_spans(text)
    assert text[start:end] == "press@quake-relief.org"
    assert special_spans("y" * 200_000 + "@") == []   # no address, and no backtracking over the word


def test_many_numbers_in_one_sentence_all_read(nlp):
    from claimledger.extract.figures import extract_figures
    from claimledger.model import Document

    text = "Precinct counts were " + ", ".join(str(100 + 3 * i) for i in range(400)) + "."
    rows = extract_figures(Document(id="p", text=text), nlp(text))
    assert len(rows) == 400 and rows[-1].value == 100 + 3 * 399
