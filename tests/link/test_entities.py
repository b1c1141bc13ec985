"""Cross-document entity linking: variants, acronyms, surnames, and no false merges."""

from __future__ import annotations

from claimledger.link.entities import link_entities, name_key
from tests.link.helpers import add_mention, add_source, doc_with


def entity_of(docs, text):
    for d in docs:
        for m in d.mentions:
            if m.text == text:
                return m.entity
    raise KeyError(text)


def test_spelling_and_transliteration_variants_merge():
    a = doc_with("a", "President Oleksandr Hrytsenko met Mikhalio Sydorenko. Park Ji-won was absent.")
    b = doc_with("b", "Oleksandr Hrytsenkoo and Mykhailo Sydorenko spoke. Park Ji Won sent troops; Mr. Park said so.")
    for d, names in ((a, ["Oleksandr Hrytsenko", "Mikhalio Sydorenko", "Park Ji-won"]),
                     (b, ["Oleksandr Hrytsenkoo", "Mykhailo Sydorenko", "Park Ji Won", "Mr. Park"])):
        for n in names:
            add_mention(d, n, "PERSON")
    link_entities([a, b])
    docs = [a, b]
    assert entity_of(docs, "Oleksandr Hrytsenko") == entity_of(docs, "Oleksandr Hrytsenkoo")
    assert entity_of(docs, "Mikhalio Sydorenko") == entity_of(docs, "Mykhailo Sydorenko")
    assert entity_of(docs, "Park Ji-won") == entity_of(docs, "Park Ji Won") == entity_of(docs, "Mr. Park")
    assert entity_of(docs, "Park Ji-won") != entity_of(docs, "Oleksandr Hrytsenko")


def test_acronyms_long_forms_and_country_aliases():
    a = doc_with("a", "The National Intelligence Service briefed lawmakers. The Korean Central News Agency denied it.")
    b = doc_with("b", "The NIS said the KCNA report was false. The DPRK and North Korea are one country.")
    add_mention(a, "National Intelligence Service", "ORG")
    add_mention(a, "Korean Central News Agency", "ORG")
    add_mention(b, "NIS", "ORG")
    add_mention(b, "KCNA", "ORG")
    add_mention(b, "DPRK", "ORG")
    add_mention(b, "North Korea", "GPE")
    entities = link_entities([a, b])
    docs = [a, b]
    assert entity_of(docs, "NIS") == entity_of(docs, "National Intelligence Service")
    assert entity_of(docs, "KCNA") == entity_of(docs, "Korean Central News Agency")
    assert entity_of(docs, "DPRK") == entity_of(docs, "North Korea")
    nis = next(e for e in entities if e.id == entity_of(docs, "NIS"))
    assert nis.name == "National Intelligence Service" and nis.documents == ["a", "b"]


def test_two_people_sharing_a_surname_never_merge():
    a = doc_with("a", "Coach Maria Lopez praised striker Ana Lopez after the match.")
    b = doc_with("b", "Lopez scored twice.")
    add_mention(a, "Maria Lopez", "PERSON")
    add_mention(a, "Ana Lopez", "PERSON")
    add_mention(b, "Lopez", "PERSON")
    link_entities([a, b])
    docs = [a, b]
    assert entity_of(docs, "Maria Lopez") != entity_of(docs, "Ana Lopez")
    lone = entity_of(docs, "Lopez")
    assert lone not in (entity_of(docs, "Maria Lopez"), entity_of(docs, "Ana Lopez"))


def test_surname_only_mention_joins_the_one_full_name():
    a = doc_with("a", "Health minister Amara Nwosu opened the clinic.")
    b = doc_with("b", "Nwosu said cases were falling. Dr. Nwosu repeated it.")
    add_mention(a, "Amara Nwosu", "PERSON")
    add_mention(b, "Nwosu", "PERSON")
    add_mention(b, "Dr. Nwosu", "PERSON")
    link_entities([a, b])
    docs = [a, b]
    assert entity_of(docs, "Nwosu") == entity_of(docs, "Amara Nwosu") == entity_of(docs, "Dr. Nwosu")


def test_first_name_matches_only_within_its_own_document():
    a = doc_with("a", "Sergeant Oleksandr, 46, led the platoon.")
    b = doc_with("b", "General Oleksandr Marchuk spoke.")
    add_mention(a, "Oleksandr", "PERSON")
    add_mention(b, "Oleksandr Marchuk", "PERSON")
    link_entities([a, b])
    assert entity_of([a, b], "Oleksandr") != entity_of([a, b], "Oleksandr Marchuk")


def test_sources_get_entities_and_ids_are_stable():
    def build():
        a = doc_with("a", "Reuters reported the toll. Reuters said 40 died.")
        b = doc_with("b", "According to Reuters, 41 died.")
        add_mention(a, "Reuters", "ORG")
        add_mention(b, "Reuters", "ORG")
        src = add_source(b, "Reuters", kind="wire_agency")
        add_source(b, "officials", kind="anonymous")
        return [a, b], src
    docs, src = build()
    first = [(e.id, e.name) for e in link_entities(docs)]
    docs2, _ = build()
    assert first == [(e.id, e.name) for e in link_entities(docs2)]
    assert src.entity == docs[0].mentions[0].entity
    assert docs[1].sources[1].entity is None          # anonymous sources are not entities


def test_name_key_drops_titles_possessive_places_and_articles():
    assert name_key("Lt. Gen. Kyrylo Tomenko") == "kyrylo tomenko"
    assert name_key("South Korea's National Intelligence Service") == "national intelligence service"
    assert name_key("the Red Cross") == "red cross"


def test_context_types_a_name_the_parser_mislabels():
    from claimledger.link.entities import context_type

    text = ("Rescuers in Marlow said the bridge held. Talia Brenn, 34, was pulled out. The Marlow suburb of "
            "Esk flooded. Nurse Ida Vale, a retired teacher, helped. The capital, Osk, sent pumps. "
            "Marlow police chief Ben Roy spoke. Acme Corp said 40 staff left.")

    def of(name):
        start = text.index(name)
        return context_type(text, start, start + len(name))

    assert of("Marlow") == "place"            # "in Marlow"
    assert of("Talia Brenn") == "person"      # an age in apposition
    assert of("Ida Vale") == "person"         # "a retired teacher"
    assert of("Osk") == "place"               # "The capital, Osk"
    assert of("Acme Corp") is None
    coded = "Marches were held in Harlow (42) and Esk."
    assert context_type(coded, coded.index("Harlow"), coded.index("Harlow") + 6) == "place"
    clause = "In Harlow, a nurse said the ward was full."
    assert context_type(clause, 3, 9) is None          # the next clause's subject, not an apposition
    listed = "Marches were held in Harlow, Esk, Osk and Tarn on Sunday, Acme Corp and Tarn Bank said."
    for name in ("Esk", "Osk", "Tarn"):
        assert context_type(listed, listed.index(name), listed.index(name) + len(name)) == "place"
    assert context_type(listed, listed.index("Tarn Bank"), listed.index("Tarn Bank") + 9) is None
    start = text.index("Marlow police")
    assert context_type(text, start, start + 6) is None   # a place before "police" says nothing


def test_context_votes_settle_a_town_labelled_an_organisation():
    a = doc_with("a", "Floods hit Tarnby on Monday. Tarnby officials said roads were shut.")
    b = doc_with("b", "Pumps were sent to homes near Tarnby. Workers in Tarnby cleared mud.")
    add_mention(a, "Tarnby", "ORG")                  # "hit Tarnby": no cue
    add_mention(b, "Tarnby", "ORG")                  # "near Tarnby"
    add_mention(b, "Tarnby", "ORG", occurrence=1)    # "in Tarnby"
    entities = link_entities([a, b])
    assert next(e for e in entities if e.name == "Tarnby").type == "place"


def test_a_name_written_short_joins_the_one_longer_name():
    a = doc_with("a", "Minister Rafiq Hasan Talukder visited the site.")
    b = doc_with("b", "Rafiq Hasan said the inquiry would report in May.")
    c = doc_with("c", "Lena Maria Ost and Lena Maria Berg both spoke; Lena Maria thanked them.")
    add_mention(a, "Rafiq Hasan Talukder", "PERSON")
    add_mention(b, "Rafiq Hasan", "PERSON")
    for n in ("Lena Maria Ost", "Lena Maria Berg", "Lena Maria"):
        add_mention(c, n, "PERSON")
    link_entities([a, b, c])
    docs = [a, b, c]
    assert entity_of(docs, "Rafiq Hasan") == entity_of(docs, "Rafiq Hasan Talukder")
    assert entity_of(docs, "Lena Maria") not in (entity_of(docs, "Lena Maria Ost"), entity_of(docs, "Lena Maria Berg"))


def test_a_big_city_the_parser_calls_a_person_is_a_place_unless_something_says_person():
    a = doc_with("a", "Marseille saw the largest march. Victoria, 52, led it.")
    b = doc_with("b", "Crowds filled Marseille again. Senator Florence spoke.")
    add_mention(a, "Marseille", "PERSON")
    add_mention(b, "Marseille", "PERSON")
    add_mention(a, "Victoria", "PERSON")          # an age after it: a person
    add_mention(b, "Senator Florence", "PERSON")  # a title: a person
    entities = {e.name: e.type for e in link_entities([a, b])}
    assert entities["Marseille"] == "place"
    assert entities["Victoria"] == "person" and entities["Florence"] == "person"
