"""Direct quotation spans: marks of every kind, and never a failure on unbalanced text."""

from __future__ import annotations

from claimledger.extract.quotes import find_quotes, inside_quote


def texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in find_quotes(text)]


def test_straight_quote_split_around_the_cue():
    text = '"We played well," the coach said, "but we lost the game."'
    assert texts(text) == [["We played well,"], ["but we lost the game."]]


def test_curly_double_quote_with_apostrophes_inside():
    text = "The striker’s agent didn’t comment. “It’s the club’s decision,” she said."
    assert texts(text) == [["It’s the club’s decision,"]]


def test_single_quotes_at_top_level_in_a_headline():
    text = "Mayor: 'The bridge will reopen in May' despite flood damage"
    assert texts(text) == [["The bridge will reopen in May"]]


def test_nested_quote_stays_inside_the_outer_one():
    text = "“The minister told us, ‘No more delays,’ and we believed him,” the engineer said."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start:quotes[0].end] == "The minister told us, ‘No more delays,’ and we believed him,"


def test_quote_over_several_paragraphs_has_one_part_per_paragraph():
    text = ("“The first tremor woke the whole village.\n"
            "“By the second one, people were already in the street.\n"
            "“Nobody went back inside that night,” the mayor said.\n"
            "Rescue teams arrived at dawn.")
    assert texts(text) == [["The first tremor woke the whole village.",
                            "By the second one, people were already in the street.",
                            "Nobody went back inside that night,"]]


def test_unbalanced_marks_do_not_break_the_rest_of_the_article():
    text = ("Shares fell 3\" on the chart and “analysts worried.\n"
            "The company’s chief said: “Results will improve next quarter.”")
    assert ["Results will improve next quarter."] in texts(text)


def test_odd_number_of_marks_never_raises():
    for text in ['"', '“', '”', "'", 'a " b', '“a ‘b” c’', "rock 'n' roll", "“\n“\n", "''", "‘’’’"]:
        find_quotes(text)


def test_typewriter_double_apostrophes_are_quote_marks():
    text = "''Turnout was higher than expected,'' said the returning officer."
    assert texts(text) == [["Turnout was higher than expected,"]]


def test_stray_straight_mark_between_spaces_is_ignored():
    text = 'A 12 " screen. Then "the results are final" she said.'
    assert texts(text) == [["the results are final"]]


def test_inside_quote_finds_the_enclosing_quote():
    text = 'He said "yes" twice.'
    quotes = find_quotes(text)
    assert inside_quote(quotes, text.index("yes")) is quotes[0]
    assert inside_quote(quotes, text.index("twice")) is None
