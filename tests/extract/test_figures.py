"""The figures stage on text written for these tests: disasters, elections, companies, sport, health."""

from __future__ import annotations

import pytest

from claimledger.extract.figures import extract_figures
from claimledger.model import FIGURE_KINDS, QUALIFIERS, Document, Figure


@pytest.fixture
def extract(nlp):
    def run(text: str) -> list[Figure]:
        doc = Document(id="t", text=text)
        return extract_figures(doc, nlp(text))
    return run


def find(figures: list[Figure], text: str) -> Figure:
    matches = [f for f in figures if f.text == text]
    assert matches, f"no figure {text!r} in {[f.text for f in figures]}"
    return matches[0]


def real(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.kind == "figure"]


# Rows: offsets, sentence, ids ------------------------------------------------------------------

def test_rows_point_into_the_document_text(extract):
    text = "The earthquake killed at least 2,300 people.\nRescuers found 40 survivors."
    figures = extract(text)
    assert [f.id for f in figures] == ["t:f1", "t:f2"]
    for fig in figures:
        assert text[fig.start:fig.end] == fig.text
        assert fig.doc == "t"
        assert fig.sentence_start <= fig.start < fig.end <= fig.sentence_end
        assert fig.kind in FIGURE_KINDS and fig.qualifier in QUALIFIERS
        assert fig.statement is None and fig.source is None and fig.as_of is None
    assert text[figures[1].sentence_start:figures[1].sentence_end] == "Rescuers found 40 survivors."


# Values -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure, value, low, high", [
    ("Rescuers have pulled 11,000 people from the rubble.", "11,000", 11000, 11000, 11000),
    ("The vaccine was given to 1 million people.", "1 million", 1e6, 1e6, 1e6),
    ("The clinic hired a dozen nurses.", "a dozen", 12, 12, 12),
    ("The clinic hired four dozen nurses.", "four dozen", 48, 48, 48),
    ("Only two candidates remain in the race.", "two", 2, 2, 2),
    ("The club signed 5-10,000 new members.", "5-10,000", 7500, 5000, 10000),
    ("Organisers expect 70-100,000 runners.", "70-100,000", 85000, 70000, 100000),
    ("The party won between 500,000 and 800,000 votes.", "between 500,000 and 800,000", 650000, 500000, 800000),
])
def test_values_and_bounds(extract, text, figure, value, low, high):
    fig = find(extract(text), figure)
    assert fig.kind == "figure"
    assert (fig.value, fig.low, fig.high) == (pytest.approx(value), pytest.approx(low), pytest.approx(high))


def test_ranges_have_the_range_qualifier(extract):
    assert find(extract("Organisers expect 70-100,000 runners."), "70-100,000").qualifier == "range"


@pytest.mark.parametrize("text, figure, low, high", [
    ("Thousands of fans queued outside the stadium.", "Thousands", 2000, 9999),
    ("Millions of patients are on waiting lists.", "Millions", 2e6, 1e7 - 1),
    ("Hundreds of voters were turned away.", "Hundreds", 200, 999),
    ("Tens of thousands of homes lost power.", "Tens of thousands", 20000, 99999),
])
def test_vague_quantities_are_flagged_with_honest_bounds(extract, text, figure, low, high):
    fig = find(extract(text), figure)
    assert fig.vague and fig.kind == "figure"
    assert (fig.low, fig.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text, figure, value, unit", [
    ("Acme reported revenue of $1.2bn last year.", "$1.2bn", 1.2e9, "USD"),
    ("The bank set aside €900 million for fines.", "€900 million", 9e8, "EUR"),
    ("The club paid £45m for the striker.", "£45m", 4.5e7, "GBP"),
    ("Some 30% of voters backed the mayor.", "30%", 30, "percent"),
    ("Turnout reached 64 per cent in the capital.", "64 per cent", 64, "percent"),
    ("The fire burned 1,250 square kilometres of forest.", "1,250 square kilometres", 1250, "km2"),
    ("The storm cut power 40 miles inland.", "40 miles", 40, "mi"),
    ("The mill processed 3,000 tonnes of grain.", "3,000 tonnes", 3000, "t"),
    ("Sales of 12 million units were recorded.", "12 million", 1.2e7, "count"),
])
def test_units_are_normalised_and_the_wording_kept(extract, text, figure, value, unit):
    fig = find(extract(text), figure)
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit
    if unit != "count":
        assert fig.unit_text and fig.unit_text in fig.text


# Qualifiers, hedges, negation -------------------------------------------------------------------

@pytest.mark.parametrize("words, qualifier", [
    ("about", "approx"), ("around", "approx"), ("some", "approx"), ("roughly", "approx"),
    ("approximately", "approx"), ("an estimated", "approx"),
    ("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"), ("upwards of", "at_least"),
    ("up to", "at_most"), ("as many as", "at_most"), ("as high as", "at_most"), ("no more than", "at_most"),
    ("fewer than", "at_most"), ("nearly", "at_most"), ("almost", "at_most"),
])
def test_qualifier_vocabulary(extract, words, qualifier):
    fig = find(extract(f"The charity fed {words} 1,500 families last winter."), "1,500")
    assert fig.qualifier == qualifier
    assert fig.qualifier_text.lower() == words
    if qualifier == "at_least":
        assert fig.low == 1500 and fig.high is None
    elif qualifier == "at_most":
        assert fig.high == 1500 and (fig.low is None or fig.low < 1500)
    else:
        assert fig.low < 1500 < fig.high


def test_exact_figures_have_equal_bounds(extract):
    fig = find(extract("The league sold 45,000 season tickets."), "45,000")
    assert fig.qualifier == "exact" and fig.low == fig.high == 45000


def test_hedge_comes_from_the_figure_s_own_clause(extract):
    figures = extract("The company probably lost 300 customers, and could shed 50 stores; "
                      "it reportedly sold 12 factories.")
    assert find(figures, "300").hedge == "probably"
    assert find(figures, "50").hedge == "could"
    assert find(figures, "12").hedge == "reportedly"
    assert extract("The firm sold 12 factories.")[0].hedge is None


def test_hedged_passive_belief(extract):
    fig = find(extract("As many as 1,000 voters were believed to have been turned away."), "1,000")
    assert fig.hedge == "believed"


@pytest.mark.parametrize("text", [
    "Officials denied that 10,000 jobs would be cut.",
    "The ministry said it had not sent 10,000 doctors to the region.",
])
def test_denied_figures_are_negated(extract, text):
    assert find(extract(text), "10,000").negated


def test_plain_figures_are_not_negated(extract):
    assert not find(extract("The ministry sent 10,000 doctors to the region."), "10,000").negated


# What is counted, and what happened to it --------------------------------------------------------

def test_counted_noun_phrase(extract):
    figures = extract("Rebels freed 40 Canadian aid workers and 3,000 artillery shells were found.")
    assert find(figures, "40").counted == "Canadian aid workers"
    assert find(figures, "3,000").counted == "artillery shells"
    assert find(extract("The fire burned 1,250 square kilometres of state forest."),
                "1,250 square kilometres").counted == "square kilometres of state forest"


def test_coordinated_figures_get_their_own_events_and_share_the_noun(extract):
    figures = extract("Around 300 miners have been killed and 2,700 wounded so far, the ministry said.")
    killed, wounded = find(figures, "300"), find(figures, "2,700")
    assert (killed.event, wounded.event) == ("killed", "wounded")
    assert killed.counted == wounded.counted == "miners"
    assert killed.qualifier == "approx" and wounded.qualifier == "exact"


def test_one_figure_for_killed_and_wounded_together(extract):
    figures = real(extract("The floods left 4,000 villagers killed and injured across the province."))
    assert len(figures) == 1
    assert figures[0].event == "killed_and_wounded"


def test_elliptical_head_takes_the_antecedent_population(extract):
    figures = extract("The storm forced 20,000 residents from their homes. "
                      "As many as 1,000 were believed to have been injured.")
    fig = find(figures, "1,000")
    assert fig.counted == "residents"
    assert fig.event == "wounded" and fig.qualifier == "at_most"


@pytest.mark.parametrize("text, figure, event", [
    ("The earthquake killed at least 2,300 people.", "2,300", "killed"),
    ("Police arrested 45 protesters outside parliament.", "45", "arrested"),
    ("The club sold 12 players in the summer.", "12", "sold"),
    ("He scored 22 goals for the club.", "22", "scored"),
    ("The ministry deployed 5,000 nurses to rural clinics.", "5,000", "deployed"),
    ("The government supplied 300 generators to the hospitals.", "300", "supplied"),
    ("Firefighters rescued 18 hikers from the ridge.", "18", "rescued"),
])
def test_event_from_the_governing_predicate(extract, text, figure, event):
    assert find(extract(text), figure).event == event


def test_event_after_a_parenthesis_and_a_relative_clause(extract):
    figures = extract("The rebels lost half of the 900 square kilometers (347 square miles) they seized.")
    assert find(figures, "900 square kilometers").event == "captured"


# Relative figures --------------------------------------------------------------------------------

def test_changes_and_multiples(extract):
    figures = extract("Turnout rose by 20% and the party's seat count doubled, while its majority was cut in half.")
    rise = find(figures, "20%")
    assert (rise.relative, rise.change) == ("change", "up")
    doubled = find(figures, "doubled")
    assert (doubled.relative, doubled.change, doubled.value) == ("multiple", "up", 2.0)
    halved = find(figures, "half")
    assert (halved.relative, halved.change, halved.value) == ("multiple", "down", 0.5)


def test_fall_is_a_change_down(extract):
    fig = find(extract("Hospital admissions fell 12% in the winter."), "12%")
    assert (fig.relative, fig.change) == ("change", "down")


def test_level_after_to_is_absolute(extract):
    figures = extract("Sales rose 5% to $3.2 billion.")
    assert find(figures, "$3.2 billion").relative is None


def test_share_is_linked_to_the_quantity_it_is_a_share_of(extract):
    figures = extract("The fire burned 1,250 square kilometres of forest; firefighters saved roughly half of that area.")
    area, half = find(figures, "1,250 square kilometres"), find(figures, "half")
    assert half.relative == "share" and half.relative_to == area.id
    assert half.qualifier == "approx" and half.unit == "fraction"
    figures = extract("The club lost about half of its 30,000 members.")
    assert find(figures, "half").relative_to == find(figures, "30,000").id


def test_share_of_an_unquantified_thing_is_not_linked(extract):
    figures = extract("Imports supplied nearly half of the grain eaten in the country.")
    half = find(figures, "half")
    assert half.relative == "share" and half.relative_to is None and half.counted == "grain"


def test_a_third_and_percent_of(extract):
    figures = extract("A third of patients recovered, and 30% of voters stayed home.")
    third = find(figures, "A third")
    assert third.value == pytest.approx(1 / 3) and third.counted == "patients"
    assert find(figures, "30%").counted == "voters"


# Time wording ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure, as_of", [
    ("Around 300 miners have been killed so far.", "300", "so far"),
    ("The number of cases had risen to 1,200 by last month.", "1,200", "by last month"),
    ("The army has deployed 5,000 troops since their arrival began.", "5,000", "since their arrival"),
    ("The ministry sent 300 doctors last November.", "300", "last November"),
])
def test_as_of_wording(extract, text, figure, as_of):
    fig = find(extract(text), figure)
    assert fig.as_of_text == as_of
    assert fig.as_of is None


def test_as_of_is_the_nearest_time_wording(extract):
    figures = extract("The army has deployed 5,000 troops since their arrival began, and 300 more last November.")
    assert find(figures, "300").as_of_text == "last November"


# Unit warnings -----------------------------------------------------------------------------------

def test_territory_given_as_a_length_is_flagged(extract):
    fig = find(extract("Rebels captured about 800 kilometers of territory near the border."), "800 kilometers")
    assert fig.unit == "km" and fig.unit_warning and "km2" in fig.unit_warning
    assert fig.event == "captured"


def test_a_distance_is_not_flagged(extract):
    fig = find(extract("The convoy drove 800 kilometers to the capital."), "800 kilometers")
    assert fig.unit == "km" and fig.unit_warning is None


# Not figures -------------------------------------------------------------------------------------

def kinds(figures: list[Figure]) -> dict[str, str]:
    return {f.text: f.kind for f in figures}


def test_dates_years_and_times(extract):
    found = kinds(extract("The minister said on March 3, 2024 that 12 towns were hit. In 2014 the town had "
                          "9,000 residents. Polls open at 10:30 a.m. and close at 8 pm."))
    assert found["3"] == "date" and found["2024"] == "year" and found["2014"] == "year"
    assert found["10:30"] == "time" and found["8"] == "time"
    assert found["12"] == "figure" and found["9,000"] == "figure"


def test_ages(extract):
    found = extract("Maria Lopez, 46, and two men aged 19 and 25 were injured; a 52-year-old cyclist died.")
    ages = sorted(f.value for f in found if f.kind == "age")
    assert ages == [19, 25, 46, 52]
    assert find(found, "two").kind == "figure"


def test_ordinals_and_names_are_not_figures(extract):
    figures = extract("Smith became the 47th president of the league; the 80th infantry brigade joined "
                      "the XIII International Meeting, and the new iPhone 15 went on sale.")
    assert real(figures) == []


def test_phone_numbers_handles_and_urls(extract):
    figures = extract("Call 555-123-4567 or +44 20 7946 0958, visit https://example.com/page/2024 "
                      "or follow @news24 for 10 updates.")
    assert [f.text for f in real(figures)] == ["10"]


def test_durations(extract):
    fig = find(extract("The patients recovered within about two weeks."), "two weeks")
    assert fig.kind == "duration" and fig.unit == "week" and fig.qualifier == "approx"


def test_pronoun_one_is_not_a_figure(extract):
    assert real(extract("One runs ahead and the other follows.")) == []


def test_author_biography_gives_no_figure_rows(extract):
    body = ("The flood displaced 12,000 residents and destroyed 300 homes, officials said. "
            "Relief groups delivered 40 tonnes of food.\n" * 3)
    bio = ("About the Author\nJane Smith is a freelance writer who has contributed over 300 articles to "
           "12 newspapers in a thirty-year career.")
    figures = extract(body + bio)
    bio_start = len(body)
    assert all(f.kind != "figure" for f in figures if f.start >= bio_start)
    assert [f.value for f in real(figures)][:3] == [12000, 300, 40]


def test_bio_without_heading_is_detected_by_its_cues(extract):
    body = "The council approved 45 new schools and 3,000 teaching posts for the region.\n" * 4
    bio = "John Doe is a business journalist who has written more than 2,000 stories for regional papers."
    figures = extract(body + bio)
    assert all(f.kind != "figure" for f in figures if f.start >= len(body))


# Forms seen in business, science and sport copy ---------------------------------------------------

@pytest.mark.parametrize("text, figure, value, unit", [
    ("The engine makes 640bhp at full throttle.", "640bhp", 640, "bhp"),
    ("The charger delivers 120W to the phone.", "120W", 120, "W"),
    ("The yacht was quoted at USD10m last week.", "USD10m", 1e7, "USD"),
    ("Shares rose to RM23.50 in early trade.", "RM23.50", 23.5, "MYR"),
    ("Tickets cost 500 USD at the door.", "500 USD", 500, "USD"),
    ("The festival drew 35m viewers on television.", "35m", 3.5e7, "count"),
    ("The sprinter won the 100m final.", "100m", 100, "m"),
    ("The striker lost 20 pounds over the summer.", "20 pounds", 20, "lb"),
    ("The club paid 20 pounds for each ticket.", "20 pounds", 20, "GBP"),
    ("Crude traded at $58.24 per barrel.", "$58.24 per barrel", 58.24, "USD/bbl"),
])
def test_glued_units_currency_codes_and_rates(extract, text, figure, value, unit):
    fig = find(extract(text), figure)
    assert fig.value == pytest.approx(value) and fig.unit == unit


@pytest.mark.parametrize("text, figure, low, high, unit", [
    ("Prices are expected to rise between 5% and 6% next year.", "between 5% and 6%", 5, 6, "percent"),
    ("Homes sell for from $750,000 to $1 million here.", "from $750,000 to $1 million", 750000, 1e6, "USD"),
    ("The fund wants from $10 to $15 billion.", "from $10 to $15 billion", 1e10, 1.5e10, "USD"),
    ("Apartments measure 450 sq ft to 900 sq ft.", "450 sq ft to 900 sq ft", 450, 900, "ft2"),
])
def test_ranges_written_with_units_on_both_ends(extract, text, figure, low, high, unit):
    fig = find(extract(text), figure)
    assert (fig.low, fig.high, fig.unit, fig.qualifier) == (pytest.approx(low), pytest.approx(high), unit, "range")


def test_change_then_new_level(extract):
    figures = extract("The deficit increased by $43.6 billion to $419.2 billion.")
    change, level = find(figures, "$43.6 billion"), find(figures, "$419.2 billion")
    assert (change.relative, change.change) == ("change", "up")
    assert level.relative is None


def test_restated_change_goes_the_same_way(extract):
    figures = extract("The index lost 190 points, or 0.6%, on Friday.")
    assert find(figures, "0.6%").change == "down"


def test_bracketed_conversion_shares_the_event(extract):
    figures = extract("Troops captured 1,200 square kilometers (463 square miles) last year.")
    assert find(figures, "463 square miles").event == find(figures, "1,200 square kilometers").event == "captured"


@pytest.mark.parametrize("text, figure, unit", [
    ("Most of the babies were younger than three months old.", "three months", "month"),
    ("Cases are rarely diagnosed before 3 years of age.", "3 years", "year"),
    ("The patient is a 87 yo man with a cough.", "87", "year"),
])
def test_ages_written_with_time_units(extract, text, figure, unit):
    fig = find(extract(text), figure)
    assert fig.kind == "age" and fig.unit == unit


@pytest.mark.parametrize("text", [
    "Apple unveiled the iPhone 11 and the Galaxy S22 rivals it.",
    "The S&P 500 closed higher on Friday.",
    "The car has a six-speed gearbox.",
])
def test_numbers_inside_names_are_not_figures(extract, text):
    assert real(extract(text)) == []


def test_years_before_counted_nouns(extract):
    found = kinds(extract("Merck's 2018 sales beat forecasts, and 2000 workers joined."))
    assert found["2018"] == "year" and found["2000"] == "figure"


def test_time_with_dot_is_not_a_decimal_figure(extract):
    found = kinds(extract("Healthcare dropped 1.61% by 10.45 pm."))
    assert found["1.61%"] == "figure" and found["10.45"] == "time"


def test_scores_are_not_figures_or_ranges(extract):
    figures = extract("United won 3-1 on Sunday in front of 74,000 fans.")
    assert find(figures, "3-1").kind == "other"
    fans = find(figures, "74,000")
    assert fans.kind == "figure" and fans.event is None


@pytest.mark.parametrize("text, figure, value, counted", [
    ("Nearly 4 in 10 voters backed the plan.", "4 in 10", 0.4, "voters"),
    ("About 1 in 5 adults smoke.", "1 in 5", 0.2, "adults"),
])
def test_ratios_are_shares(extract, text, figure, value, counted):
    fig = find(extract(text), figure)
    assert fig.value == pytest.approx(value) and fig.relative == "share" and fig.counted == counted


def test_magnitude_and_fold(extract):
    figures = extract("The magnitude 6.8 earthquake struck at dawn, and claims rose 7-fold.")
    assert find(figures, "magnitude 6.8").unit == "magnitude"
    fold = find(figures, "7-fold")
    assert (fold.value, fold.relative, fold.change) == (7.0, "multiple", "up")


def test_a_negated_predicate_does_not_deny_its_subject_figure(extract):
    assert not find(extract("About 1,200 residents did not vote."), "1,200").negated


def test_values_have_no_binary_noise(extract):
    fig = find(extract("Revenue was $4.1 billion, nearly 0.4 of the total."), "$4.1 billion")
    assert fig.value == 4.1e9


def test_part_of_a_counted_whole(extract):
    figures = extract("The company will close two of its five plants.")
    assert find(figures, "two").counted == find(figures, "five").counted == "plants"


def test_change_of_an_earlier_quantity_is_linked_to_it(extract):
    figures = extract("The clinic treated 4,000 patients in 2022. Since then their numbers have been cut in half.")
    half = find(figures, "half")
    assert half.relative == "multiple" and half.relative_to == find(figures, "4,000").id
    assert half.counted == "patients"
    unrelated = extract("The clinic treated 4,000 patients in 2022. Its staff doubled.")
    assert find(unrelated, "doubled").relative_to is None


def test_estimated_is_both_approx_and_a_hedge(extract):
    fig = find(extract("Floods displaced an estimated 90,000 people."), "90,000")
    assert fig.qualifier == "approx" and fig.hedge == "estimated" and fig.event == "displaced"


@pytest.mark.parametrize("text, figure, value", [
    ("Half a million people marched on Sunday.", "Half a million", 5e5),
    ("A quarter of a million fans watched.", "A quarter of a million", 2.5e5),
    ("The bonds pay 7 3/4 percent.", "7 3/4 percent", 7.75),
    ("The loan was 35 lakh rupees.", "35 lakh rupees", 3.5e6),
])
def test_fractions_of_scales_and_written_fractions(extract, text, figure, value):
    assert find(extract(text), figure).value == pytest.approx(value)


def test_a_year_before_sales_is_a_year(extract):
    found = kinds(extract("Acme had 1988 sales of about $14 million, with 2000 workers."))
    assert found["1988"] == "year" and found["2000"] == "figure"


def test_elliptical_head_takes_the_population_named_with_among(extract):
    figures = extract("Officials reported heavy casualties among coal miners, with as many as 40 killed and injured.")
    fig = find(figures, "40")
    assert fig.counted == "coal miners" and fig.event == "killed_and_wounded" and fig.qualifier == "at_most"


# A bare number continues the figure before it (round 2) -------------------------------------------

@pytest.mark.parametrize("text, figure, unit", [
    ("The Dow Jones index rose 120 points to 35,400 on Friday.", "35,400", "pt"),
    ("Her weight dropped from 80 kilograms to 72 during the season.", "72", "kg"),
    ("A ticket at the gate costs about 8 or $9.", "8", "USD"),
    ("The Nikkei closed at 28,100 points, while the Hang Seng climbed 0.4% to 24,900.", "24,900", "pt"),
])
def test_bare_number_takes_the_unit_it_continues(extract, text, figure, unit):
    assert find(extract(text), figure).unit == unit


def test_level_after_a_percentage_change_is_not_a_percentage(extract):
    fig = find(extract("Shares of the brewer rose 3% to 41 on Tuesday."), "41")
    assert fig.unit == "count" and fig.counted is None


def test_compared_figure_counts_the_same_thing(extract):
    figures = extract("Some 1,200 voters turned out in the northern districts on Sunday, compared with 950 in the south.")
    assert find(figures, "950").counted == "voters"


def test_no_unit_across_a_sentence_break_the_parser_missed(extract):
    figures = extract("Gold traded at $1,790 EUR=. The index was up at 96.1 points later.")
    assert find(figures, "$1,790").unit == "USD"
    assert all(f.unit != "USD" for f in figures if f.value == pytest.approx(96.1))


# Spans, units and names (round 2) -----------------------------------------------------------------

@pytest.mark.parametrize("text, figure, value, unit", [
    ("The tumour shrank to ~2.5 cm across.", "~2.5 cm", 2.5, "cm"),
    ("The world population passed 8 B people this year.", "8 B", 8e9, "count"),
    ("The hatchback has a 2.0-litre engine.", "2.0-litre", 2.0, "l"),
    ("The hybrid earns a 40-mpg rating.", "40-mpg", 40, "mpg"),
    ("The pickup delivers 400 lb-ft of torque.", "400 lb-ft", 400, "lbft"),
    ("The diesel makes 450 Nm of torque.", "450 Nm", 450, "Nm"),
    ("The foundry moved to a 3 nm process.", "3 nm", 3, "nm"),
    ("The phone ships with a 65 W charger.", "65 W", 65, "W"),
    ("The tuned coupe produces 300 PS.", "300 PS", 300, "hp"),
    ("The island has one 90,000 barrel-a-day refinery.", "90,000 barrel-a-day", 90000, "bbl/day"),
])
def test_round_two_spans_and_units(extract, text, figure, value, unit):
    fig = find(extract(text), figure)
    assert fig.value == pytest.approx(value) and fig.unit == unit


def test_tilde_is_approximate(extract):
    assert find(extract("Water rose ~40 cm overnight."), "~40 cm").qualifier == "approx"


def test_number_word_before_digits_is_two_numbers(extract):
    figures = extract("The valley has just one 300 megawatt dam.")
    assert [f.value for f in figures] == [300]


def test_neighbouring_numbers_joined_by_or_are_a_range(extract):
    fig = find(extract("The strike lasted three or four weeks."), "three or four weeks")
    assert (fig.low, fig.high, fig.qualifier, fig.unit) == (3, 4, "range", "week")


def test_capitalised_fraction_word_inside_a_sentence_is_a_name(extract):
    figures = extract("Crowds gathered for the Fourth of July fireworks.")
    assert all(f.unit != "fraction" for f in figures)


def test_scale_letter_apart_from_the_number_needs_a_counted_plural(extract):
    figures = extract("She studied in class 8 B last year.")
    assert all(f.value != pytest.approx(8e9) for f in figures)


def test_hyphen_after_an_acronym_joins_a_name(extract):
    figures = extract("Hospitals ran 500 COVID -19 tests on Monday.")
    assert kinds(figures) == {"500": "figure", "-19": "other"}


def test_number_inside_a_model_name_is_not_counted(extract):
    figures = extract("The dealer sold 400 Model 3 sedans in March.")
    assert find(figures, "400").counted == "Model 3 sedans"
    assert find(figures, "3").kind == "other"


@pytest.mark.parametrize("text, figure", [
    ("Mayor Ruth Okafor will be 58 next month.", "58"),
    ("He will be 35 by the end of the season.", "35"),
    ("She turned 30 in May.", "30"),
    ("Life expectancy for women in the region is about 81.", "81"),
])
def test_ages_from_context(extract, text, figure):
    fig = find(extract(text), figure)
    assert fig.kind == "age" and fig.unit == "year"


def test_be_with_a_noun_after_is_not_an_age(extract):
    assert find(extract("He was 35 points ahead of the field."), "35 points").kind == "figure"


def test_fold_word_is_a_multiple(extract):
    fig = find(extract("Profits at the chain grew more than sixfold."), "sixfold")
    assert (fig.value, fig.relative, fig.change, fig.qualifier) == (6, "multiple", "up", "at_least")


@pytest.mark.parametrize("text, figure, counted", [
    ("Three of the mayor's aides resigned.", "Three", "mayor's aides"),
    ("The hospital performs 200 operations per week.", "200", "operations per week"),
])
def test_counted_with_possessive_and_rate(extract, text, figure, counted):
    assert find(extract(text), figure).counted == counted


def test_time_after_a_number_is_not_counted(extract):
    assert find(extract("The reservoir averaged 2.1 last year."), "2.1").counted is None


def test_one_with_a_unit_is_a_figure(extract):
    fig = find(extract("Unemployment rose by one per cent."), "one per cent")
    assert fig.kind == "figure" and fig.unit == "percent"


def test_one_of_a_superlative_group(extract):
    fig = find(extract("The app is one of the most popular games in Brazil."), "one")
    assert fig.kind == "other" and fig.counted == "most popular games"


@pytest.mark.parametrize("text, figure, value, unit", [
    ("The bus fare is 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
    ("A child's ticket costs £2 and 50p.", "£2 and 50p", 2.5, "GBP"),
    ("A coffee at the stadium costs 5 euros and 20 cents.", "5 euros and 20 cents", 5.2, "EUR"),
])
def test_currency_and_its_cents_are_one_amount(extract, text, figure, value, unit):
    figures = real(extract(text))
    assert len(figures) == 1
    fig = find(figures, figure)
    assert fig.value == pytest.approx(value) and fig.unit == unit


def test_capitalised_number_word_inside_a_name_is_not_a_figure(extract):
    found = kinds(extract("Fans still talk about the Kick Six win, and Big Ten schools sold 40,000 tickets."))
    assert found["Six"] == "other" and found["Ten"] == "other" and found["40,000"] == "figure"
    assert kinds(extract("Officials said Two Hundred Hands, a charity, fed 300 families."))["300"] == "figure"


def test_change_with_its_verb_left_out_goes_the_same_way(extract):
    figures = extract("Shares of the airline were down 2.3%, the caterer by 2.6% and the airport was flat.")
    gapped = find(figures, "2.6%")
    assert (gapped.relative, gapped.change) == ("change", "down")
    plain = extract("Shares of the airline were down 2.3%, and analysts expect a 4% dividend.")
    assert find(plain, "4%").relative is None


@pytest.mark.parametrize("text, figure, change", [
    ("Shares of the chipmaker plummeted 40.8 per cent on Monday.", "40.8 per cent", "down"),
    ("The league leaders shed 12 points in a month.", "12 points", "down"),
    ("Ticket sales rebounded 15% after the final.", "15%", "up"),
])
def test_more_change_verbs(extract, text, figure, change):
    fig = find(extract(text), figure)
    assert (fig.relative, fig.change) == ("change", change)


def test_shedding_a_count_is_an_event_not_a_change(extract):
    fig = find(extract("The carmaker will shed 3,000 jobs next year."), "3,000")
    assert fig.relative is None and fig.event == "cut" and fig.counted == "jobs"


def test_shortened_comparison_takes_the_scale_and_currency(extract):
    figures = extract("The retailer earned $4.2 billion, up from 3.9 a year earlier.")
    fig = find(figures, "3.9")
    assert fig.value == pytest.approx(3.9e9) and fig.unit == "USD" and fig.counted is None
    other = find(extract("Net profit was $812 million versus 640 million a year ago."), "640 million")
    assert other.value == pytest.approx(6.4e8) and other.unit == "USD"


def test_three_digit_scores_are_scores(extract):
    fig = find(extract("The Bulls beat the Knicks 110-102 on Sunday."), "110-102")
    assert fig.kind == "other"


def test_single_capital_before_a_name_is_not_a_unit(extract):
    figures = extract("The shop at 9 W Main Street sells 20 V batteries.")
    assert find(figures, "9").unit == "count" and find(figures, "20 V").unit == "V"


def test_a_metre_letter_is_not_a_scale_to_inherit(extract):
    figures = extract("The pole is 1m long, the same as 10 dm.")
    assert find(figures, "10 dm").value == 10 and find(figures, "10 dm").unit == "dm"
    assert find(extract("The plank is 2m long and the beam 3."), "3").value == 3


def test_a_capitalised_number_word_opening_a_sentence_keeps_its_noun():
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    doc = Document(id="n", name="n.txt", text="Quake hits coast\nSixteen fishermen were killed. Twelve boats sank.")
    figures = {f.text: f for f in next(iter(Pipeline().run([doc]))).figures}
    assert figures["Sixteen"].counted == "fishermen" and figures["Sixteen"].event == "killed"
    assert figures["Twelve"].counted == "boats"
