"""What a figure counts: populations, events, units and the words around a number."""

from __future__ import annotations

from claimledger.link.counted import (
    dimension, event_near, is_difference, normalise_counted, normalise_event, population_in, singular,
    subject_before,
)


def test_normalisers():
    assert normalise_counted("North Koreans") == ("people", "north korea", None)
    assert normalise_counted("death toll")[2] == "killed"
    assert normalise_counted("job losses")[0] == "jobs"
    assert normalise_event("killed and injured") == "killed_and_wounded"
    assert normalise_event("dispatched") == "deployed"
    assert normalise_counted("registered voters")[0] == "voters"
    assert normalise_event("laid off") == "cut"


def test_population_named_in_a_sentence_prefers_the_nation_before_the_noun():
    assert population_in("Officials from Chile and Peru counted losses among Polish forces.") == ("troops", "poland")
    assert population_in("The Spanish and French governments said 40 Italian soldiers died.")[1] == "italy"
    assert population_in("Residents of Lima and Quito were evacuated.") == ("people", None)


def test_words_around_a_number():
    assert subject_before("Quarterly revenue fell to ") == "revenue"
    assert subject_before("The death toll passes ") == "toll"
    assert subject_before("It reached ") is None
    assert is_difference("held a lead of about ", " votes")
    assert is_difference("the Greens were ", " seats behind")
    assert not is_difference("the Greens won ", " seats")
    assert event_near("", " people were injured in the crash") == "wounded"
    assert event_near("the number of people killed by the flu in the region has risen to ", "") == "killed"


def test_units_and_plurals():
    assert dimension("mi2") == ("area", 2.58999)
    assert dimension("EUR") == ("money:EUR", 1.0)
    assert dimension(None) == ("count", 1.0)
    assert [singular(w) for w in ("casualties", "cases", "troops", "buses", "people")] == \
        ["casualty", "case", "troop", "buse", "people"]


def test_tolls_from_a_disaster_and_patients_in_hospital():
    assert normalise_counted("Sunday's storm")[0] == "people"          # "the death toll from Sunday's storm"
    assert normalise_counted("fire trucks")[0] == "truck"              # a disaster word that is not the head
    assert event_near("Officials said", " people were still in hospital on Monday") == "hospitalised"
    assert event_near("Officials said", " people were in the stands") is None
    assert event_near("The number of families evacuated has grown: the council now counts", " families") == "displaced"
    assert subject_before("Delta cholera cases top ") == "cases"


def test_the_verb_after_a_relative_clause_says_what_the_people_are_counted_for():
    from claimledger.link.counted import later_event
    assert later_event(" miners who were badly hurt in the blast later died in hospital") == "killed"
    assert later_event(" passengers who had been injured have since died") == "killed"
    assert later_event(" people who were injured were treated at the scene") is None
    assert later_event(" people who were killed and 40 injured") is None
    assert later_event(" people were injured") is None


def test_killed_or_injured_in_one_phrase_is_one_combined_count():
    from claimledger.link.counted import combined_after
    assert combined_after(" miners killed or badly injured in the blast") == "killed_and_wounded"
    assert combined_after(" people dead and injured") == "killed_and_wounded"
    assert combined_after(" killed and 40 injured") is None
    assert combined_after(" people were killed, officials said") is None


def test_a_plural_disaster_noun_counts_occurrences_not_people():
    from claimledger.link.counted import normalise_counted
    assert normalise_counted("landslides")[0] == "landslide"
    assert normalise_counted("earthquake")[0] == "people"     # "the earthquake killed 300": its victims
