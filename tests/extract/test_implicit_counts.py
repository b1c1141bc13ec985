"""Counts given in words, not numbers (local news): one person, nobody."""

from __future__ import annotations

import pytest

from claimledger.model import Document
from claimledger.pipeline import Pipeline


@pytest.fixture(scope="module")
def run():
    pipeline = Pipeline()
    return lambda text: [f for f in pipeline(Document(id="t", text=text)).figures if f.implicit]


@pytest.mark.parametrize("text, event, value", [
    ("A 19-year-old was killed in a crash on the ring road on Sunday.", "killed", 1),
    ("Police said a woman was injured when the balcony collapsed.", "wounded", 1),
    ("A cyclist who died after the collision has been named.", "killed", 1),
    ("The driver was pronounced dead at the scene.", "killed", 1),
    ("A motorist was shot in the arm on Fifth Avenue, police said.", "wounded", 1),
    ("The roof of the warehouse fell in overnight. No one was hurt.", "wounded", 0),
])
def test_counts_without_a_number(run, text, event, value):
    found = run(text)
    assert [(f.event, f.value) for f in found] == [(event, value)]
    assert found[0].sentence_start <= found[0].start < found[0].end <= found[0].sentence_end


def test_a_number_in_the_article_wins_and_things_are_not_people(run):
    found = run("Three people were killed and a man was injured in the blast.")
    assert [(f.event, f.value) for f in found] == [("wounded", 1)]      # the killed count is the number
    assert run("The board killed the merger plan on Monday.") == []


@pytest.fixture(scope="module")
def counts():
    """(event, value) of every count figure of a text, numbers and words alike."""
    pipeline = Pipeline()
    return lambda text: sorted(((f.event, f.value) for f in pipeline(Document(id="t", text=text)).figures
                                if f.kind == "figure" and f.unit == "count"), key=lambda p: (p[0] or "", p[1]))


@pytest.mark.parametrize("text, expected", [
    # people shot and not killed are wounded
    ("Three hikers were shot near the trail on Sunday.", [("wounded", 3)]),
    # shot, some of them fatally: the wounded are the others
    ("Two farmers were shot, one fatally, in a dispute over water.", [("killed", 1), ("shot", 2), ("wounded", 1)]),
    ("Three clerks were shot on Monday, one of them fatally.", [("killed", 1), ("shot", 3), ("wounded", 2)]),
    # "two others" leaves out the one already named
    ("A cyclist was killed and two others were shot at the depot.", [("killed", 1), ("wounded", 2)]),
    # the second verb or the adverb says what happened to the people shot
    ("Two guards were shot and killed at the depot.", [("killed", 2)]),
    ("Two guards were fatally shot at the depot.", [("killed", 2)]),
    ("Three guards were shot to death at the depot.", [("killed", 3)]),
    # as many dead as shot: the dead may be other people ("an officer shot, the suspect killed")
    ("One of the guards was shot in the leg. The suspect was killed by police.", [("killed", 1), ("shot", 1)]),
])
def test_people_shot(counts, text, expected):
    assert counts(text) == expected


def test_shots_fired_are_not_people_shot(counts):
    assert ("shot", 30.0) not in counts("Police fired 30 shots at the car.")


@pytest.mark.parametrize("text, event, value", [
    ("Driver hurt in crash on ring road", "wounded", 1),              # a headline drops its article
    ("Teen shot and killed on bridge", "killed", 1),
    ("The storm left a man dead.", "killed", 1),                       # the object is who died
    ("Police are investigating the death of a woman in the park.", "killed", 1),
    ("The victim was taken to the clinic, where the victim later passed away.", "killed", 1),
    ("A student accidentally shoots himself while cleaning a rifle.", "wounded", 1),
])
def test_more_counts_without_a_number(run, text, event, value):
    assert [(f.event, f.value) for f in run(text)] == [(event, value)]


def test_an_article_is_still_needed_inside_a_text(run):
    assert run("Officials said driver hurt nobody.") == [] or all(f.value == 0 for f in run("Officials said driver hurt nobody."))


@pytest.mark.parametrize("text, expected", [
    # the members of a coordinated subject add up; the members' own numbers are parts of the total
    ("Three miners and a welder were injured in the factory fire.", [("wounded", 4)]),
    ("Two young pupils and a teacher were hurt in the bus crash.", [("wounded", 3)]),
    ("Four nurses and four porters were hurt when the roof fell.", [("wounded", 8)]),
    ("The guard and a clerk were killed in the warehouse fire.", [("killed", 2)]),
    ("A careless hunter shot himself and a friend on Sunday.", [("wounded", 2)]),
    ("A farmer is accused of fatally shooting his brother and two nephews.", [("killed", 3)]),
    ("Police said a farmer shot three people in their legs and another person in the arm.", [("wounded", 4)]),
    ("Amara Okafor and her cousin were hurt in the bus crash.", [("wounded", 2)]),
    ("The blast at the plant injured a welder, two others.", [("wounded", 3)]),
    # "two others" in a second clause of the same event add to the first clause's count
    ("Two miners were in critical condition and two others hurt after the blast.", [("wounded", 4)]),
    ("One miner was killed and two others were hurt in the blast.", [("killed", 1), ("wounded", 2)]),
])
def test_coordinated_people_add_up(counts, text, expected):
    assert [(e, v) for e, v in counts(text) if e is not None] == expected


@pytest.mark.parametrize("text", [
    "The driver and two other passengers were not injured in the bus crash.",
    "Two cooks were never hurt in the factory fire.",
])
def test_people_the_event_spared_are_no_casualties(counts, text):
    assert [(e, v) for e, v in counts(text) if e == "wounded"] == []


def test_companies_are_not_people(counts):
    assert [(e, v) for e, v in counts("Acme and Globex were hurt by the ruling.") if e] == []


def test_a_graded_denial_still_says_hurt(counts):
    assert ("wounded", 2.0) in counts("Two cyclists were not seriously hurt in the crash.")


@pytest.mark.parametrize("text, event, value", [
    ("No other worker was injured in the fire.", "wounded", 0),
    ("A welder was burned at the plant. A second worker was not hurt.", None, None),
    ("Both drivers were hurt in the crash on the bridge.", "wounded", 2),
    ("He accidentally shot himself while cleaning a rifle in the barn.", "wounded", 1),
    ("A local teen who accidentally shot himself in the barn faces charges.", "wounded", 1),
    ("Police say he was cleaning a rifle and accidentally shot himself.", "wounded", 1),
    ("She was hurt when the scaffold gave way.", None, None),        # who "she" is may be counted already
    ("The falling crane could have killed a worker.", None, None),     # harm that did not happen
    ("The tenant threatened to shoot a neighbour over the fence.", None, None),
    ("A 9-year-old boy is recovering after accidentally shooting himself in the hand.", "wounded", 1),
    ("9-year-old accidentally shoots himself in the foot - Channel 4 News", "wounded", 1),
])
def test_more_people_in_words(run, text, event, value):
    assert [(f.event, f.value) for f in run(text)] == ([] if event is None else [(event, value)])


@pytest.mark.parametrize("text, expected", [
    # "also" and "other" mark people beside the dead
    ("A clerk was shot and killed in the raid. Her colleague was also shot.", [("killed", 1), ("wounded", 1)]),
    ("A cashier was killed in the robbery. Three other guards were shot.", [("killed", 1), ("wounded", 3)]),
    # named people shot beside deaths: how they died, not more casualties
    ("A clerk died in the raid. Okafor and her cousin were shot in the hall.", [("killed", 1)]),
])
def test_people_shot_beside_the_dead(counts, text, expected):
    assert [(e, v) for e, v in counts(text) if e in ("killed", "wounded")] == expected


def test_ordinals_and_age_ranges_are_no_counts():
    pipeline = Pipeline()
    figs = pipeline(Document(id="t", text="A fourth passenger was hurt by glass. All four of the injured were "
                                          "cooks between the ages of 24 and 30.")).figures
    values = sorted(f.value for f in figs if f.kind == "figure")
    assert values == [4.0]                      # no 0.25 share, no count of 24 or 30
    assert [f.value for f in figs if f.kind == "age"] == [24.0, 30.0]
    shares = pipeline(Document(id="t", text="A third of the workers were hurt.")).figures
    assert [round(f.value, 2) for f in shares if f.kind == "figure"] == [0.33]


@pytest.mark.parametrize("text, expected", [
    # "shot himself" does not say whether he died: beside a death it is how he died
    ("A student who shot himself by accident has died, officials said.", [("killed", 1)]),
    ("A student accidentally shoots himself while cleaning a rifle.", [("wounded", 1)]),
])
def test_shot_himself_is_wounded_unless_he_died(run, text, expected):
    assert [(f.event, f.value) for f in run(text)] == expected


def test_the_count_words_leave_the_event_word_to_the_predicate(run):
    found = run("Officials said the injured guard shot himself while fleeing the depot.")
    assert [(f.text, f.event, f.value) for f in found] == [("guard", "wounded", 1.0)]
