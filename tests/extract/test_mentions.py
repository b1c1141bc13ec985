"""Named-entity mentions: an organisation name split by the parser at "and" is joined back."""

from __future__ import annotations

from claimledger.extract.mentions import join_coordinated_names, mentions
from claimledger.model import Document


def names_in(nlp, text: str) -> list[str]:
    doc = Document(id="d", name="d.txt", text=text)
    mentions(doc, nlp(text), None)
    return [m.text for m in doc.mentions]


def test_a_name_coordinating_two_plural_nouns_is_one_organisation(nlp):
    found = names_in(nlp, "Prices rose, according to the Northern Bakers and Confectioners Association.")
    assert "Northern Bakers and Confectioners Association" in found
    assert "Confectioners Association" not in found


def test_two_organisations_joined_by_and_stay_two(nlp):
    parsed = nlp("Google and Microsoft Corporation said so.")
    join_coordinated_names(parsed)
    assert [e.text for e in parsed.ents if e.label_ == "ORG"] == ["Google", "Microsoft Corporation"]


def test_such_a_name_is_one_source(nlp):
    from claimledger.pipeline import Pipeline

    text = "Exports fell by 12 percent, according to the Northern Bakers and Confectioners Association."
    doc = Pipeline().analyse(Document(id="d", name="d.txt", text=text))
    names = [s.name for s in doc.sources if s.kind != "outlet"]
    assert "Northern Bakers and Confectioners Association" in names and "Confectioners Association" not in names
