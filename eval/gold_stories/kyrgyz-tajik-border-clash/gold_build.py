"""Builds gold.json for this fictional story in the gold format of ``../shared/benchmarks/stories``.

Written before the first claimledger run on these texts (see ``../portugal-general-strike/gold_build.py`` for
the conventions).  Each side's dead is its own measure (Kyrgyz citizens; Tajik soldiers; Tajik citizens), the
both-sides total is another, civilians among the Kyrgyz dead are a breakdown, and the 2021 clashes are historical.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from gold_format import Gold  # noqa: E402

G = Gold()
fig, quote, NEUTRAL, BAD = G.fig, G.quote, G.neutral, G.bad


KG = ["kyrgyz", "kyrgyzstan", "border service", "health ministry", "defence ministry", "ministry"]
TJ = ["tajik", "tajikistan", "dushanbe", "defence ministry", "ministry"]
EMERG = ["emergencies ministry", "ministry"]

fig("a1", "01", "Three Kyrgyz border guards killed", 3, "exact", ["border guards"], "killed", [], "M_kg_killed")
fig("a2", "01", "Three Kyrgyz border guards were killed", 3, "exact", ["border guards"], "killed", ["border service"],
    "M_kg_killed")
fig("a3", "01", "five wounded", 5, "exact", ["border guards"], "injured", ["border service"], "M_kg_injured")
fig("a4", "01", "970-kilometre border", 970, "exact", ["border"], "length", [], "M_border_length", unit="km")
fig("a5", "01", "about a third of which", 33.3, "approx", ["border"], "undemarcated", [], "M_border_share", optional=True)

fig("b1", "02", "says 24 dead", 24, "exact", ["people"], "killed", ["kyrgyzstan"], "M_kg_killed")
fig("b2", "02", "has risen to 24", 24, "exact", ["kyrgyz citizens"], "killed", ["health ministry"], "M_kg_killed")
fig("b3", "02", "including 12 civilians", 12, "exact", ["civilians"], "killed", ["health ministry"], "M_kg_civilians_killed")
fig("b4", "02", "Another 87 people were wounded", 87, "exact", ["people"], "injured", ["ministry"], "M_kg_injured")
fig("b5", "02", "136,000 people had been evacuated", 136000, "exact", ["people"], "evacuated", EMERG, "M_evacuated")
fig("b6", "02", "10 of its citizens had died", 10, "exact", ["tajik citizens"], "killed", ["tajikistan"], "M_tj_citizens_killed")
fig("b7", "02", "killed 55 people", 55, "exact", ["people"], "killed", [], "M_hist_2021_killed")
BAD.append(dict(doc="02", anchor="In 2021", why="year"))
quote("02", "We are defending our land", ["rustam nazarov", "nazarov", "defence minister"])

fig("c1", "03", "claims more than 30 Tajik soldiers killed", 30, "more_than", ["tajik soldiers"], "killed", ["kyrgyzstan"],
    "M_tj_killed")
fig("c2", "03", "Dushanbe says two", 2, "exact", ["tajik soldiers"], "killed", ["dushanbe"], "M_tj_killed")
fig("c3", "03", "more than 30 Tajik soldiers had been killed", 30, "more_than", ["tajik soldiers"], "killed", KG, "M_tj_killed")
fig("c4", "03", "only two of its soldiers had died", 2, "exact", ["tajik soldiers"], "killed", TJ, "M_tj_killed")
fig("c5", "03", "between 35 and 40 Tajik troops", 35, "approx_or_more", ["tajik troops"], "killed",
    ["central asia security monitor", "analysts"], "M_tj_killed")
fig("c6", "03", "toll stood at 24", 24, "exact", ["kyrgyz"], "killed", [], "M_kg_killed")
quote("03", "Our soldiers fought bravely", ["almaz osmonov", "osmonov", "spokesman"])

fig("d1", "04", "at least 41 people on both sides", 41, "at_least", ["people"], "killed", [], "M_both_killed")
fig("d2", "04", "140,000 people had now left", 140000, "exact", ["people"], "evacuated", EMERG, "M_evacuated")

fig("e0", "05", "honours five soldiers killed", 5, "exact", ["tajik soldiers"], "killed", ["tajikistan"], "M_tj_killed")
fig("e1", "05", "medals to five soldiers killed", 5, "exact", ["tajik soldiers"], "killed", [], "M_tj_killed")
fig("e2", "05", "more than two military deaths", 2, "more_than", ["military deaths"], "killed", [], "M_tj_killed", optional=True)
fig("e3", "05", "said 24 of its citizens died", 24, "exact", ["kyrgyz citizens"], "killed", ["kyrgyzstan"], "M_kg_killed")
fig("e4", "05", "the five had died", 5, "exact", ["tajik soldiers"], "killed", ["spokesman", "defence ministry"],
    "M_tj_killed", optional=True)
quote("05", "defending the motherland", ["spokesman", "defence ministry"])

MEASURES = {
    "M_kg_killed": "Kyrgyz citizens killed (3 border guards on the first day, 24 from the second day on)",
    "M_kg_injured": "Kyrgyz wounded (5 on the first day, 87 later)",
    "M_kg_civilians_killed": "civilians among the Kyrgyz dead (12)",
    "M_tj_killed": "Tajik soldiers killed (Kyrgyz claim 30+, analysts 35-40, Tajikistan 2 then 5)",
    "M_tj_citizens_killed": "Tajik citizens killed, by Tajikistan (10)",
    "M_both_killed": "killed on both sides (at least 41)",
    "M_evacuated": "people evacuated in Kyrgyzstan (136,000, then 140,000)",
    "M_hist_2021_killed": "killed in the 2021 clashes (55)",
    "M_border_length": "length of the border (970 km)",
}
DISAGREEMENTS = [
    {"measure": "M_kg_killed", "expect": ["evolving", "conflict"], "why": "3 on 15 Sep, 24 from 17 Sep"},
    {"measure": "M_kg_injured", "expect": ["evolving", "conflict"], "why": "5, then 87"},
    {"measure": "M_tj_killed", "expect": ["conflict"], "why": "Kyrgyzstan 30+, analysts 35-40 vs Tajikistan 2 (later 5)"},
    {"measure": "M_evacuated", "expect": ["evolving", "conflict"], "why": "136,000, then 140,000"},
]
DOCS = {"01": "01_agency.txt", "02": "02_daily.txt", "03": "03_wire.txt", "04": "04_russian.txt", "05": "05_later.txt"}
CLAIMS = [{"a": {"doc": "03", "anchor": "more than 30 Tajik soldiers had been killed"},
           "b": {"doc": "03", "anchor": "only two of its soldiers had died"},
           "why": "each side's count of Tajik dead", "soft": True}]

G.save(HERE, about="Fictional story written for claimledger (no text copied from any source; places real, people and "
                  "figures invented): a border clash with each side's dead counted by both sides, a both-sides total, "
                  "a civilian breakdown, evacuations and a past clash.", story="kyrgyz-tajik-border-clash", docs=DOCS, measures=MEASURES, disagreements=DISAGREEMENTS,
       claim_conflicts=CLAIMS)
