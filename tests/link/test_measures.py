"""Grouping figures into measures by population, event and unit."""

from __future__ import annotations

from claimledger.link.measures import build_measures, figure_key
from tests.link.helpers import add_figure, doc_with


def measure_with(measures, fig):
    return next(m for m in measures if fig.id in m.figures)


def test_killed_and_sent_never_share_a_measure_even_with_the_same_population():
    a = doc_with("a", "Ruritania sent 8,000 Ruritanian troops. At least 300 Ruritanian soldiers have been killed.")
    sent = add_figure(a, "8,000", 8000, counted="Ruritanian troops", event="sent")
    killed = add_figure(a, "300", 300, counted="Ruritanian soldiers", event="killed", qualifier="at_least")
    measures, _ = build_measures([a])
    assert measure_with(measures, sent).id != measure_with(measures, killed).id
    assert measure_with(measures, killed).event == "killed"


def test_soldiers_troops_and_demonyms_meet_for_the_same_nation_and_event():
    a = doc_with("a", "Officials said 1,000 French soldiers were deployed.")
    b = doc_with("b", "About 1,200 French troops arrived. Some 5,000 German troops arrived too.")
    f1 = add_figure(a, "1,000", 1000, counted="French soldiers", event="deployed")
    f2 = add_figure(b, "1,200", 1200, counted="French troops", event="arrived", qualifier="approx")
    f3 = add_figure(b, "5,000", 5000, counted="German troops", event="arrived", qualifier="approx")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, f1).id == measure_with(measures, f2).id
    assert measure_with(measures, f3).id != measure_with(measures, f1).id
    assert measure_with(measures, f1).label == "French troops deployed"


def test_combined_killed_and_wounded_is_its_own_measure_related_to_its_parts():
    a = doc_with("a", "The quake killed 120 people and injured 400. Casualties reached 520 in all.")
    killed = add_figure(a, "120", 120, counted="people", event="killed")
    hurt = add_figure(a, "400", 400, counted="people", event="injured")
    both = add_figure(a, "520", 520, counted="casualties")
    measures, _ = build_measures([a])
    combined = measure_with(measures, both)
    assert combined.event == "killed_and_wounded"
    assert combined.id not in (measure_with(measures, killed).id, measure_with(measures, hurt).id)
    assert set(combined.related) == {measure_with(measures, killed).id, measure_with(measures, hurt).id}


def test_relative_figure_attaches_to_the_figure_it_modifies():
    a = doc_with("a", "Rebels captured about 900 square kilometres last year. The army has since retaken half of that area.")
    area = add_figure(a, "about 900 square kilometres", 900, counted="territory", event="captured", unit="km2",
                      qualifier="approx")
    half = add_figure(a, "half", 0.5, unit="fraction", relative="share", relative_to=area.id)
    measures, _ = build_measures([a])
    assert half.id in measure_with(measures, area).figures
    assert measure_with(measures, area).unit == "km2"


def test_length_given_for_an_area_joins_the_area_measure_as_a_unit_mismatch():
    a = doc_with("a", "The fire burned 1,250 square kilometers of forest.")
    b = doc_with("b", "The fire burned about 800 kilometers of forest.")
    km2 = add_figure(a, "1,250 square kilometers", 1250, counted="square kilometers of forest", unit="km2")
    km = add_figure(b, "about 800 kilometers", 800, counted="kilometers of forest", unit="km", qualifier="approx")
    measures, groups = build_measures([a, b])
    m = measure_with(measures, km2)
    assert km.id in m.figures and km in groups[m.id].unit_mismatch


def test_conversion_in_the_same_sentence_is_marked():
    a = doc_with("a", "The lake covers 1,250 square kilometers (483 square miles) of land.")
    km2 = add_figure(a, "1,250 square kilometers", 1250, counted="land", unit="km2")
    mi2 = add_figure(a, "483 square miles", 483, counted="land", unit="mi2")
    measures, groups = build_measures([a])
    g = groups[measure_with(measures, km2).id]
    assert g.conversions == {mi2.id}


def test_votes_are_split_by_whose_votes_they_are():
    from claimledger.model import Mention
    a = doc_with("a", "Moreau won 48,200 votes, against 41,900 for Okafor. About 152,000 people voted.")
    a.mentions = [Mention(id="a:m1", doc="a", start=0, end=6, text="Moreau", label="PERSON", entity="E1"),
                  Mention(id="a:m2", doc="a", start=a.text.index("Okafor"), end=a.text.index("Okafor") + 6,
                          text="Okafor", label="PERSON", entity="E2")]
    moreau = add_figure(a, "48,200", 48200, counted="votes", event="won")
    okafor = add_figure(a, "41,900", 41900, event="won")
    total = add_figure(a, "152,000", 152000, counted="people", event="voted", qualifier="approx")
    measures, _ = build_measures([a])
    ids = {measure_with(measures, f).id for f in (moreau, okafor, total)}
    assert len(ids) == 3
    assert measure_with(measures, okafor).label == "Votes for Okafor voted"


def test_non_figures_and_anecdotes_stay_out():
    a = doc_with("a", "In 2024 two leaders met. The storm killed 14 people.")
    year = add_figure(a, "2024", 2024, kind="year")
    two = add_figure(a, "two", 2, counted="leaders")
    killed = add_figure(a, "14", 14, counted="people", event="killed")
    measures, _ = build_measures([a])
    grouped = {f for m in measures for f in m.figures}
    assert year.id not in grouped and two.id not in grouped and killed.id in grouped


def test_percentage_takes_the_noun_it_is_the_value_of():
    a = doc_with("a", "Turnout reached 61 percent on Sunday.")
    fig = add_figure(a, "61 percent", 61, unit="percent")
    key = figure_key(fig, a.text, a.text[:fig.start])
    assert key is not None and key.head == "turnout" and key.dimension == "percent"


def test_an_earlier_estimate_beside_its_update_joins_the_update_measure():
    a = doc_with("a", "More than 310 people have died in the floods, nearly double the first estimate of 160 given on "
                      "Monday. The number of people evacuated has also grown: officials now count 9,000 people in "
                      "shelters, compared with the 4,000 reported on Monday.")
    now = add_figure(a, "310", 310, counted="people", event="died", qualifier="at_least")
    first = add_figure(a, "160", 160)
    shelters = add_figure(a, "9,000", 9000, counted="people")
    before = add_figure(a, "4,000", 4000)
    measures, _ = build_measures([a])
    assert measure_with(measures, first).id == measure_with(measures, now).id
    evacuated = measure_with(measures, shelters)
    assert evacuated.event == "displaced" and before.id in evacuated.figures


def test_a_toll_from_a_disaster_counts_people_and_a_subgroup_keeps_apart():
    a = doc_with("a", "The death toll from Sunday's storm has risen to 52. The party won 1,800 votes; its leader "
                      "thanked every one of the 900 people who voted for reform.")
    toll = add_figure(a, "52", 52, counted="Sunday's storm", event="killed")
    votes = add_figure(a, "1,800", 1800, counted="votes", event="won")
    one = add_figure(a, "one", 1, counted="people", event="voted")
    part = add_figure(a, "900", 900, counted="people", event="voted")
    measures, _ = build_measures([a])
    assert measure_with(measures, toll).counted.startswith("people")
    assert not any(one.id in m.figures for m in measures)
    assert measure_with(measures, part).id != measure_with(measures, votes).id
    assert "reform" in measure_with(measures, part).label


def test_wording_that_names_the_event_for_things_not_people():
    a = doc_with("a", "The bank said 900 jobs would go. Reports said 1,500 homes were lost in the flood, far more "
                      "than the official count of 1,100.")
    jobs = add_figure(a, "900", 900, counted="jobs")
    homes = add_figure(a, "1,500", 1500, counted="homes", event="lost")
    official = add_figure(a, "1,100", 1100)
    measures, _ = build_measures([a])
    assert measure_with(measures, jobs).event == "cut"
    lost = measure_with(measures, homes)
    assert lost.event == "destroyed" and official.id in lost.figures


def test_the_population_of_a_town_is_not_the_turnout_of_its_march():
    a = doc_with("a", "Corbridge, a town of 52,000 inhabitants, saw 6,000 marchers on Sunday. Organisers "
                      "counted 9,000 people, while police said 6,000 took part.")
    population = add_figure(a, "52,000", 52000, counted="inhabitants")
    march = add_figure(a, "6,000", 6000, counted="marchers")
    organisers = add_figure(a, "9,000", 9000, counted="people")
    police = add_figure(a, "6,000", 6000, event="took", occurrence=1)
    measures, _ = build_measures([a])
    assert measure_with(measures, population).id != measure_with(measures, march).id
    assert measure_with(measures, organisers).id == measure_with(measures, police).id == measure_with(measures, march).id


def test_each_side_s_own_losses_are_its_own_measure():
    a = doc_with("a", "Armenian officials said 40 Azerbaijani soldiers had died. Azerbaijan said it lost 3 soldiers. "
                      "Azerbaijan admitted that 3 of its soldiers died.")
    claimed = add_figure(a, "40", 40, counted="Azerbaijani soldiers", event="died")
    own = add_figure(a, "3", 3, counted="soldiers", event="lost")
    own2 = add_figure(a, "3", 3, counted="soldiers", event="died", occurrence=1)
    b = doc_with("b", "Armenia raised its toll to 20 soldiers killed.")
    other_side = add_figure(b, "20", 20, counted="soldiers", event="killed")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, claimed).id == measure_with(measures, own).id == measure_with(measures, own2).id
    assert measure_with(measures, other_side).id != measure_with(measures, claimed).id


def test_shares_of_different_groups_stay_apart_and_a_bare_share_takes_the_group_before_it():
    a = doc_with("a", "The ministry said 21% of teachers were striking, while unions said 60%. "
                      "The operator said 46% of rail workers joined the strike. About 30% of hospital staff stopped work.")
    teachers = add_figure(a, "21%", 21, counted="teachers", event="striking", unit="percent")
    unions = add_figure(a, "60%", 60, unit="percent")
    rail = add_figure(a, "46%", 46, counted="rail workers", event="joined the strike", unit="percent")
    staff = add_figure(a, "30%", 30, counted="hospital staff", unit="percent", qualifier="approx")
    measures, _ = build_measures([a])
    assert measure_with(measures, teachers).id == measure_with(measures, unions).id
    assert len({measure_with(measures, f).id for f in (teachers, rail, staff)}) == 3


def test_a_running_total_and_a_list_count_the_population_of_their_sentence():
    a = doc_with("a", "The blast killed 83 miners. Another 12 bodies were recovered from the mine overnight, bringing the total to 95, the army said. "
                      "The toll is now 95; 60 handed over to families.")
    add_figure(a, "83", 83, counted="miners", event="killed")
    more = add_figure(a, "12", 12, counted="bodies")
    total = add_figure(a, "95", 95)
    toll = add_figure(a, "95", 95, event="toll", occurrence=1)
    handed = add_figure(a, "60", 60, event="handed over")
    measures, _ = build_measures([a])
    assert measure_with(measures, total).id == measure_with(measures, toll).id
    assert measure_with(measures, total).label != "Troops deployed"
    assert measure_with(measures, handed).counted == "people"
    assert measure_with(measures, more).id != measure_with(measures, total).id


def test_a_vague_number_word_is_not_an_event_and_a_place_name_is_not_what_is_counted():
    a = doc_with("a", "Scores of miners are still unaccounted for. The toll from the blast near the port of Varna, "
                      "reached 40 on Friday.")
    scores = add_figure(a, "Scores", 40, counted="miners", event="scored", qualifier="approx")
    toll = add_figure(a, "40", 40)
    measures, _ = build_measures([a])
    assert measure_with(measures, scores).event != "scored"
    assert "varna" not in measure_with(measures, toll).label.lower()


def test_a_count_that_takes_the_toll_to_a_new_total_is_an_increment():
    a = doc_with("a", "Nine miners who were hurt in the blast later died, taking the number of dead to 31.",
                 published="2025-02-01")
    b = doc_with("b", "Officials said 31 miners were killed in the blast.", published="2025-02-01")
    nine = add_figure(a, "Nine", 9, counted="miners", event="hurt")
    total = add_figure(a, "31", 31)
    other = add_figure(b, "31", 31, counted="miners", event="killed")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, total) is measure_with(measures, other)
    assert measure_with(measures, nine).scope == "additional" and measure_with(measures, nine).event == "killed"


def test_shares_of_differently_qualified_groups_stay_apart():
    a = doc_with("a", "About 30% of primary school teachers voted, and 45% of secondary school teachers.")
    primary = add_figure(a, "30%", 30, counted="primary school teachers", event="voted", unit="percent")
    secondary = add_figure(a, "45%", 45, counted="secondary school teachers", event="voted", unit="percent")
    measures, _ = build_measures([a])
    assert measure_with(measures, primary) is not measure_with(measures, secondary)


def test_a_bare_count_set_against_another_takes_its_key_but_not_its_owner():
    a = doc_with("a", "The firm will cut 1,500 jobs, a union said, while the firm put the number at 1,200. "
                      "Ames won 5,000 votes against 4,000 for Bell.")
    union = add_figure(a, "1,500", 1500, counted="jobs", event="cut")
    firm = add_figure(a, "1,200", 1200)
    measures, _ = build_measures([a])
    assert measure_with(measures, union) is measure_with(measures, firm)


def test_joining_a_rally_and_taking_part_are_turnout_and_a_noun_read_as_a_verb_is_no_event():
    a = doc_with("a", "Police said 9,000 people joined the rally in the square. Organisers said 30,000 had taken part.")
    joined = add_figure(a, "9,000", 9000, counted="people")
    taken = add_figure(a, "30,000", 30000, counted="people", event="taken")
    trains = doc_with("c", "Only 120 of the usual 460 trains ran. Another 35 trains were cancelled.")
    ran = add_figure(trains, "120", 120)
    usual = add_figure(trains, "460", 460, counted="trains", event="trained")
    measures, _ = build_measures([a, trains])
    assert measure_with(measures, joined).event == "attended"
    assert measure_with(measures, joined).id == measure_with(measures, taken).id
    assert measure_with(measures, ran).label == "Trains" and measure_with(measures, ran).event is None
    assert not any(usual.id in m.figures for m in measures)     # the total 120 is counted out of


def test_a_second_credit_in_the_sentence_sets_a_bare_count_against_the_first():
    a = doc_with("a", "In Harlow, 18,000 people joined the march according to police, and 60,000 according to "
                      "the organisers.")
    police = add_figure(a, "18,000", 18000, counted="people", event="joined")
    organisers = add_figure(a, "60,000", 60000, counted="people")
    measures, _ = build_measures([a])
    assert measure_with(measures, police).id == measure_with(measures, organisers).id


def test_figures_set_against_each_other_about_a_past_protest_share_one_historical_measure():
    a = doc_with("a", "At the last big protest, in 2019, the ministry counted 200,000 people and the unions "
                      "350,000. This time 410,000 people marched.", published="2024-03-16")
    ministry = add_figure(a, "200,000", 200000, counted="people")
    unions = add_figure(a, "350,000", 350000, counted="people")
    now = add_figure(a, "410,000", 410000, counted="people", event="marched")
    measures, _ = build_measures([a])
    past = measure_with(measures, ministry)
    assert past.time_ref == "historical" and past.id == measure_with(measures, unions).id
    assert measure_with(measures, now).time_ref == "current"


def test_a_toll_on_both_sides_is_its_own_measure_beside_each_sides():
    a = doc_with("a", "Fighting on the frontier killed at least 60 people on both sides. Ruritania said 22 of its "
                      "soldiers had died.")
    both = add_figure(a, "60", 60, counted="people", event="killed", qualifier="at_least")
    side = add_figure(a, "22", 22, counted="soldiers", event="died")
    measures, _ = build_measures([a])
    assert measure_with(measures, both).id != measure_with(measures, side).id
    assert measure_with(measures, both).scope == "both sides"


def test_guards_are_troops_and_a_breakdown_of_the_toll_worded_with_including_is_a_part():
    a = doc_with("a", "Four Armenian border guards were killed on Monday.")
    b = doc_with("b", "The number of Armenian soldiers killed has risen to 15, including 3 conscripts, the ministry said.")
    guards = add_figure(a, "Four", 4, counted="Armenian border guards", event="killed")
    toll = add_figure(b, "15", 15, counted="Armenian soldiers", event="killed")
    part = add_figure(b, "3", 3, counted="conscripts", event="killed")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, guards).id == measure_with(measures, toll).id
    assert measure_with(measures, part).id != measure_with(measures, toll).id


def test_the_n_pointing_back_is_no_new_estimate():
    a = doc_with("a", "Rescuers found 14 bodies on Sunday. A spokesman said the 14 had been identified.")
    add_figure(a, "14", 14, counted="bodies", event="found")
    again = add_figure(a, "14", 14, counted="bodies", event="identified", occurrence=1)
    measures, _ = build_measures([a])
    assert not any(again.id in m.figures for m in measures)


def test_a_numbers_box_labels_its_shares_and_a_share_renamed_turnout_keeps_its_group():
    a = doc_with("a", "Nurses: 27% on strike according to the ministry, 65% according to the union. "
                      "Bus drivers: 40% on strike according to the operator.")
    nurses = add_figure(a, "27%", 27, unit="percent")
    union = add_figure(a, "65%", 65, unit="percent")
    drivers = add_figure(a, "40%", 40, unit="percent")
    b = doc_with("b", "At the port, 46% of dockers took part in the strike, according to management. The dockers' "
                      "union said turnout was closer to 80%.")
    managers = add_figure(b, "46%", 46, unit="percent", counted="dockers")
    dockers = add_figure(b, "80%", 80, unit="percent", qualifier="approx")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, nurses).id == measure_with(measures, union).id != measure_with(measures, drivers).id
    assert measure_with(measures, managers).id == measure_with(measures, dockers).id
    assert measure_with(measures, managers).event == "striking"


def test_a_count_gapped_after_a_comma_answers_the_first():
    a = doc_with("a", "The government said 310,000 people marched nationwide, the unions 800,000.")
    gov = add_figure(a, "310,000", 310000, counted="people", event="marched")
    unions = add_figure(a, "800,000", 800000, counted="people")
    measures, _ = build_measures([a])
    assert measure_with(measures, gov).id == measure_with(measures, unions).id


def test_a_bare_count_claimed_or_kept_in_the_next_sentence_answers_the_count_before():
    a = doc_with("a", "Some 1.5 million people marched across the country, the government said. The unions claimed "
                      "3 million. The federation stuck to its figure of 2.8 million.")
    gov = add_figure(a, "1.5 million", 1500000, counted="people", event="marched", qualifier="approx")
    unions = add_figure(a, "3 million", 3000000)
    federation = add_figure(a, "2.8 million", 2800000)
    measures, _ = build_measures([a])
    assert measure_with(measures, gov).id == measure_with(measures, unions).id == measure_with(measures, federation).id


def test_a_long_group_name_does_not_hide_its_event_and_a_strike_rate_splits_by_school():
    a = doc_with("a", "About 42% of primary school teachers went on strike, the ministry said. The strike rate "
                      "among teachers reached 42.3% in primary schools and 38.5% in secondary schools.")
    went = add_figure(a, "42%", 42, counted="primary school teachers", unit="percent", qualifier="approx")
    primary = add_figure(a, "42.3%", 42.3, unit="percent")
    secondary = add_figure(a, "38.5%", 38.5, unit="percent")
    measures, _ = build_measures([a])
    assert measure_with(measures, went).event == "striking"
    assert measure_with(measures, primary).event == "striking"
    assert measure_with(measures, primary).id != measure_with(measures, secondary).id


def test_crews_working_on_the_front_line_are_deployed():
    a = doc_with("a", "About 400 firefighters were working on the front line.")
    b = doc_with("b", "The fire service said 650 firefighters are now deployed.")
    working = add_figure(a, "400", 400, counted="firefighters", event="working", qualifier="approx")
    deployed = add_figure(b, "650", 650, counted="firefighters", event="deployed")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, working).id == measure_with(measures, deployed).id


def test_each_sides_dead_by_who_says_it_and_whose_losses_are_counted():
    a = doc_with("a", "Armenia says 15 soldiers killed in a clash with Azerbaijan. Armenia put Azerbaijan's losses at "
                      "more than 30, while state media reported 28.", published="2022-09-14")
    own = add_figure(a, "15", 15, counted="soldiers", event="killed")
    theirs = add_figure(a, "30", 30, event="losses", qualifier="at_least")
    media = add_figure(a, "28", 28)
    measures, _ = build_measures([a])
    assert measure_with(measures, own).label.startswith("Armenian")
    assert measure_with(measures, theirs).label.startswith("Azerbaijani")
    assert measure_with(measures, media).id == measure_with(measures, theirs).id


def test_an_earlier_toll_being_revised_joins_the_new_one():
    a = doc_with("a", "Fifteen Greek firefighters were killed, the ministry said, revising its earlier toll of three.",
                 published="2023-08-01")
    new = add_figure(a, "Fifteen", 15, counted="Greek firefighters", event="killed")
    old = add_figure(a, "three", 3, event="killed")
    measures, _ = build_measures([a])
    assert measure_with(measures, new).id == measure_with(measures, old).id


def test_the_first_of_two_coordinated_shares_takes_the_predicate_they_share():
    a = doc_with("a", "The ministry said 42% of primary school teachers and 35% of secondary school teachers were "
                      "on strike.")
    primary = add_figure(a, "42%", 42, counted="primary school teachers", unit="percent")
    secondary = add_figure(a, "35%", 35, counted="secondary school teachers", unit="percent")
    measures, _ = build_measures([a])
    assert measure_with(measures, primary).event == "striking" == measure_with(measures, secondary).event
    assert measure_with(measures, primary).id != measure_with(measures, secondary).id


def test_counts_for_several_cities_stay_apart_in_lists_and_brackets():
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    text = ("Strike day\nIn Leeds, 26,000 marched according to police and 140,000 according to the unions; in "
            "Bristol, 36,000 according to police and 90,000 according to unions. Crowds also marched in Glasgow "
            "(25,000) and Cardiff (12,000), according to police.")
    docs = list(Pipeline().run([Document(id="c", name="c.txt", text=text, outlet="Paper")]))
    measures, _ = build_measures(docs)
    by_value = {f.value: f for f in docs[0].figures}
    leeds, bristol = measure_with(measures, by_value[26000]), measure_with(measures, by_value[36000])
    assert leeds.scope == "in leeds" and by_value[140000].id in leeds.figures
    assert bristol.scope == "in bristol" and by_value[90000].id in bristol.figures
    assert measure_with(measures, by_value[25000]).scope == "in glasgow"


def test_a_share_of_its_staff_is_the_speakers_and_staff_at_a_place_is_theirs():
    a = doc_with("a", "The rail operator said 46% of its staff were on strike. Unions said 45% of workers at the "
                      "national airline had walked out.")
    rail = add_figure(a, "46%", 46, counted="staff", unit="percent")
    airline = add_figure(a, "45%", 45, counted="workers", unit="percent")
    measures, _ = build_measures([a])
    assert measure_with(measures, rail).label.startswith("Rail operator staff")
    assert measure_with(measures, airline).label.startswith("National airline workers")


def test_a_body_putting_the_number_at_a_value_gives_its_own_count_of_the_same_dead():
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    text = ("Clash\nOfficials had estimated Ecuador's dead at 43, and a US intelligence assessment put the number "
            "at 35.")
    docs = list(Pipeline().run([Document(id="p", name="p.txt", text=text, outlet="Paper")]))
    measures, _ = build_measures(docs)
    by_value = {f.value: f for f in docs[0].figures}
    m = measure_with(measures, by_value[43])
    assert by_value[35].id in m.figures and m.label.startswith("Ecuadorian")
    assert {s.name for s in docs[0].sources if s.id in (by_value[43].source, by_value[35].source)} == {
        "Officials", "US intelligence assessment"}


def test_martyred_and_laid_down_their_lives_are_deaths_and_lay_is_no_job_cut():
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    text = "Clash\nTwenty soldiers were martyred in the clash. Four jawans laid down their lives defending the post."
    docs = list(Pipeline().run([Document(id="m", name="m.txt", text=text, outlet="Paper")]))
    measures, _ = build_measures(docs)
    assert {m.label for m in measures} == {"Troops killed"}
