"""Builds gold.json for this fictional story in the gold format of ``../shared/benchmarks/stories``.

Written before the first claimledger run on these texts.  Same conventions as that benchmark: anchor = exact
substring of one article (unique in it); source = lower-case name fragments of whom the text credits in the figure's
own sentence (any one suffices); optional figures are neither required nor false; neutral anchors are ignored.
Breakdowns by city, earlier protests and unrelated counts (a city's population, a poll) are separate measures.
Run ``python gold_build.py`` after an edit, then ``python ../../../../shared/benchmarks/stories/validate_gold.py .``
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from gold_format import Gold  # noqa: E402

G = Gold()
fig, quote, NEUTRAL, BAD = G.fig, G.quote, G.neutral, G.bad


MINISTRY = ["interior ministry", "ministry", "authorities", "government"]
UNION = ["national workers' federation", "federation", "fnt", "union", "organisers", "marques"]
POLICE = ["police"]
EDU = ["education ministry", "ministry", "government"]

fig("a1", "01", "only 120 of its usual 460 trains", 120, "exact", ["trains"], "running", ["rail operator"], "M_trains_running")
fig("a2", "01", "usual 460 trains", 460, "exact", ["trains"], "running", ["rail operator"], "M_trains_usual", optional=True)
fig("a3", "01", "31% of teachers", 31, "exact", ["teachers"], "striking", EDU, "M_teachers_striking", unit="%")
fig("a4", "01", "put the figure at 74%", 74, "exact", ["teachers"], "striking", UNION, "M_teachers_striking", unit="%")
NEUTRAL.append(dict(doc="01", anchor="from 40 to 44 hours"))
quote("01", "This is a strike of the whole country, not of a few activists", ["helena marques", "marques"])
quote("01", "the reform was needed to keep companies competitive", ["rui tavares", "tavares", "labour minister"], False)
quote("01", "We will not withdraw it", ["rui tavares", "tavares", "labour minister"])

fig("b0", "02", "Hundreds of thousands march", 200000, "vague", ["people"], "turnout", [], "M_turnout", optional=True,
    vague=True)
fig("b1", "02", "More than 310,000 people", 310000, "more_than", ["people"], "turnout", MINISTRY, "M_turnout")
fig("b2", "02", "said 800,000 had taken part", 800000, "exact", ["people"], "turnout", UNION, "M_turnout")
fig("b3", "02", "police counted 45,000 marchers", 45000, "exact", ["marchers"], "turnout", POLICE, "M_turnout_lisbon")
fig("b4", "02", "150,000 people had filled", 150000, "exact", ["people"], "turnout", UNION, "M_turnout_lisbon")
fig("b5", "02", "18,000 people joined", 18000, "exact", ["people"], "turnout", POLICE, "M_turnout_porto")
fig("b6", "02", "60,000 according to the organisers", 60000, "exact", ["people"], "turnout", UNION, "M_turnout_porto")
fig("b7", "02", "drew 1.1 million people", 1100000, "exact", ["people"], "turnout", ["unions"], "M_hist_2012_turnout")
BAD.append(dict(doc="02", anchor="November 2012", why="date"))
quote("02", "The government must listen to the street", ["helena marques", "marques"])
quote("02", "the unions' figures were \"pure fantasy\"", ["paulo faria", "faria", "prime minister"], False)

fig("c1", "03", "Police arrested 23 people", 23, "exact", ["people"], "arrested", ["police command", "police"], "M_arrested")
fig("c2", "03", "Six police officers were injured", 6, "exact", ["police officers"], "injured", ["police spokesman", "police"], "M_police_injured")
fig("c3", "03", "drawn 45,000 people", 45000, "exact", ["people"], "turnout", ["interior ministry", "ministry"], "M_turnout_lisbon")
fig("c4", "03", "a city of about 550,000 people", 550000, "approx", ["people"], "population", [], "M_population_lisbon")
NEUTRAL.append(dict(doc="03", anchor="one of them seriously"))
quote("03", "it had nothing to do with the strike", ["national workers' federation", "federation"], False)

fig("d0", "04", "turnout to 330,000", 330000, "exact", ["people"], "turnout", [], "M_turnout")
fig("d1", "04", "to 330,000 nationwide", 330000, "exact", ["people"], "turnout", MINISTRY, "M_turnout")
fig("d2", "04", "its figure of 800,000", 800000, "exact", ["people"], "turnout", UNION, "M_turnout")
fig("d3", "04", "arrested 31 people", 31, "exact", ["people"], "arrested", POLICE, "M_arrested")
fig("d4", "04", "nine officers had been hurt", 9, "exact", ["officers"], "injured", POLICE, "M_police_injured")
fig("d5", "04", "teachers at 34%", 34, "exact", ["teachers"], "striking", EDU, "M_teachers_striking", unit="%")
fig("d6", "04", "up from 31% in the morning", 31, "exact", ["teachers"], "striking", EDU, "M_teachers_striking", unit="%")
BAD.append(dict(doc="04", anchor="March 28", why="date"))
quote("04", "We counted every march, and our figure is the true one", ["helena marques", "marques"])
quote("04", "open to dialogue but not to blackmail", ["rui tavares", "tavares", "labour minister"])

fig("e0", "05", "draws hundreds of thousands", 200000, "vague", ["people"], "turnout", [], "M_turnout", optional=True,
    vague=True)
fig("e1", "05", "At least 300,000 people", 300000, "at_least", ["people"], "turnout", MINISTRY, "M_turnout")
fig("e2", "05", "nearly 800,000 marchers", 800000, "nearly", ["marchers"], "turnout", UNION, "M_turnout")
fig("e3", "05", "police counted 18,000 demonstrators", 18000, "exact", ["demonstrators"], "turnout", POLICE, "M_turnout_porto")
fig("e4", "05", "the union said 60,000", 60000, "exact", ["people"], "turnout", UNION, "M_turnout_porto")
fig("e5", "05", "About one in three teachers", 33.3, "approx", ["teachers"], "striking", EDU, "M_teachers_striking", unit="%",
    optional=True)
BAD.append(dict(doc="05", anchor="in 2022", why="year"))

fig("f1", "06", "counted 310,000 marchers", 310000, "exact", ["marchers"], "turnout", ["interior ministry", "ministry"], "M_turnout")
fig("f2", "06", "Federation 800,000", 800000, "exact", ["people"], "turnout", UNION, "M_turnout")
fig("f3", "06", "almost half a million people", 500000, "nearly", ["people"], "difference", [], "M_turnout_gap", optional=True)
fig("f4", "06", "the ministry counted 200,000 people", 200000, "exact", ["people"], "turnout", ["ministry"], "M_hist_2023_turnout")
fig("f5", "06", "the unions 350,000", 350000, "exact", ["people"], "turnout", ["unions"], "M_hist_2023_turnout")
fig("f6", "06", "58% of Portuguese oppose", 58, "exact", ["portuguese"], "oppose", ["civitas"], "M_poll_oppose", unit="%")
fig("f7", "06", "35% who support", 35, "exact", ["portuguese"], "support", ["civitas"], "M_poll_support", unit="%")
BAD.append(dict(doc="06", anchor="March 2023", why="date"))
quote("06", "Both sides count what suits them", ["ana lopes", "lopes", "sociologist"])

fig("g1", "07", "About a third of flights", 33.3, "approx", ["flights"], "cancelled", ["airport operator"], "M_flights_cancelled_share",
    unit="%", optional=True)
fig("g2", "07", "scrapped 180 of its 520", 180, "exact", ["flights"], "cancelled", [], "M_carrier_flights_cancelled")
fig("g3", "07", "its 520 scheduled flights", 520, "exact", ["flights"], "scheduled", [], "M_carrier_flights", optional=True)
fig("g4", "07", "46% of workers", 46, "exact", ["energy workers"], "striking", ["management"], "M_energy_striking", unit="%")
fig("g5", "07", "closer to 80%", 80, "approx", ["energy workers"], "striking", ["energy workers' union", "union"],
    "M_energy_striking", unit="%")
fig("g6", "07", "27% of nurses", 27, "exact", ["nurses"], "striking", ["health ministry", "ministry"], "M_nurses_striking", unit="%")
fig("g7", "07", "put the figure at 65%", 65, "exact", ["nurses"], "striking", ["nurses' union", "union"], "M_nurses_striking",
    unit="%")
fig("g8", "07", "More than 200 rallies", 200, "more_than", ["rallies"], "held", ["organisers"], "M_rallies")
fig("g9", "07", "police counted 45,000 people", 45000, "exact", ["people"], "turnout", ["police"], "M_turnout_lisbon")

fig("h1", "08", "said 310,000 people marched", 310000, "exact", ["people"], "turnout", ["government"], "M_turnout")
fig("h2", "08", "the unions 800,000", 800000, "exact", ["people"], "turnout", ["unions"], "M_turnout")
fig("h3", "08", "38% on strike", 38, "exact", ["primary school teachers"], "striking", ["ministry"], "M_primary_striking", unit="%")
fig("h4", "08", "81% according", 81, "exact", ["primary school teachers"], "striking", ["teachers' union", "union"],
    "M_primary_striking", unit="%")
fig("h5", "08", "24% according", 24, "exact", ["secondary school teachers"], "striking", ["ministry"], "M_secondary_striking",
    unit="%")
fig("h6", "08", "70% according", 70, "exact", ["secondary school teachers"], "striking", ["union"], "M_secondary_striking",
    unit="%")
fig("h7", "08", "120 of 460 trains", 120, "exact", ["trains"], "running", ["operator"], "M_trains_running")
fig("h8", "08", "of 460 trains", 460, "exact", ["trains"], "running", ["operator"], "M_trains_usual", optional=True)

MEASURES = {
    "M_turnout": "marchers nationwide on 14 Mar 2024 (ministry 310,000+ / 300,000+, raised to 330,000; union 800,000)",
    "M_turnout_lisbon": "marchers in Lisbon (police 45,000; union 150,000)",
    "M_turnout_porto": "marchers in Porto (police 18,000; union 60,000)",
    "M_teachers_striking": "share of teachers on strike (ministry 31% in the morning, 34% final; union 74%)",
    "M_trains_running": "trains running at midday (120)",
    "M_arrested": "people arrested in Lisbon (23 on Thursday evening, 31 on Friday)",
    "M_police_injured": "police officers injured in the clashes (six, then nine)",
    "M_population_lisbon": "population of Lisbon (about 550,000), unrelated to the strike",
    "M_hist_2012_turnout": "turnout of the November 2012 general strike (1.1 million, unions)",
    "M_hist_2023_turnout": "turnout of the March 2023 protest (ministry 200,000, unions 350,000)",
    "M_poll_oppose": "share of Portuguese opposing the reform (58%)",
    "M_poll_support": "share supporting it (35%)",
    "M_carrier_flights_cancelled": "flights the national carrier cancelled (180)",
    "M_energy_striking": "share of energy company workers on strike (management 46%, union ~80%)",
    "M_nurses_striking": "share of nurses on strike (ministry 27%, union 65%)",
    "M_rallies": "rallies held across the country (200+)",
    "M_primary_striking": "share of primary school teachers on strike (ministry 38%, union 81%)",
    "M_secondary_striking": "share of secondary school teachers on strike (ministry 24%, union 70%)",
}
DISAGREEMENTS = [
    {"measure": "M_turnout", "expect": ["conflict"], "why": "ministry 300,000-330,000 vs union 800,000"},
    {"measure": "M_turnout_lisbon", "expect": ["conflict"], "why": "police 45,000 vs union 150,000"},
    {"measure": "M_turnout_porto", "expect": ["conflict"], "why": "police 18,000 vs union 60,000"},
    {"measure": "M_teachers_striking", "expect": ["conflict"], "why": "ministry 31-34% vs union 74%"},
    {"measure": "M_arrested", "expect": ["evolving", "conflict"], "why": "23 on Thursday, 31 on Friday"},
    {"measure": "M_police_injured", "expect": ["evolving", "conflict"], "why": "six, then nine"},
    {"measure": "M_energy_striking", "expect": ["conflict"], "why": "management 46% vs union ~80%"},
    {"measure": "M_nurses_striking", "expect": ["conflict"], "why": "ministry 27% vs union 65%"},
    {"measure": "M_primary_striking", "expect": ["conflict"], "why": "ministry 38% vs union 81%"},
    {"measure": "M_secondary_striking", "expect": ["conflict"], "why": "ministry 24% vs union 70%"},
]
DOCS = {"01": "01_wire.txt", "02": "02_herald.txt", "03": "03_daily.txt", "04": "04_morning.txt",
        "05": "05_foreign.txt", "06": "06_analysis.txt", "07": "07_business.txt", "08": "08_recap.txt"}
CLAIMS = [{"a": {"doc": "02", "anchor": "said 800,000 had taken part"},
           "b": {"doc": "02", "anchor": "the unions' figures were \"pure fantasy\""},
           "why": "the prime minister rejects the union's count", "soft": True}]

G.save(HERE, about="Fictional story written for claimledger (no text copied from any source): a general strike and "
                  "march turnout, authorities vs unions, with city breakdowns, earlier protests and unrelated counts.", story="portugal-general-strike", docs=DOCS, measures=MEASURES, disagreements=DISAGREEMENTS,
       claim_conflicts=CLAIMS)
