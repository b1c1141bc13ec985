"""Short articles written for these tests (floods, elections, company results, strikes)."""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "flood.txt": (
        "Floods force thousands from homes in river valley\n\n"
        "About 12,000 people were evacuated from towns along the Merrow river on Tuesday, the regional "
        "emergency agency said. \"The water is still rising,\" said Clara Voss, the agency's director. "
        "At least 14 people have died and more than 300 homes were damaged, officials said.\n\n"
        "The weather service warned that up to 80 millimetres of rain could fall by Thursday."
    ),
    "election.txt": (
        "Opposition wins most seats in city council vote\n\n"
        "The Civic Alliance won 27 of the 51 seats, the electoral commission said on Sunday. Turnout was "
        "61 percent, up from 54 percent four years ago. According to the commission, 412,000 ballots were cast. "
        "Mayor Jonas Hale said he would \"respect the result\" and congratulated the winners."
    ),
    "results.txt": (
        "Harbor Foods profit falls as costs climb\n\n"
        "Harbor Foods said quarterly revenue rose 4% to $2.3 billion, while net profit fell to $110 million. "
        "Chief executive Maria Lund told analysts that shipping costs had doubled. The company plans to cut "
        "about 600 jobs, a spokesman said, adding that no plant would close."
    ),
    "strike.txt": (
        "Rail strike halts trains for second day\n\n"
        "Some 9,000 rail workers walked out on Monday, the union said, and nearly 40% of services were "
        "cancelled. The transport ministry said the strike would cost the economy as much as 50 million euros "
        "a day. \"We are ready to talk,\" union leader Petra Novak told reporters."
    ),
    "quake.txt": (
        "Earthquake toll rises to 86\n\n"
        "The death toll from Saturday's earthquake rose to 86, the civil protection agency said, and 1,200 "
        "people were injured. Rescuers were still searching for about 30 missing people in two villages, "
        "according to the provincial governor, who said the figure could rise."
    ),
}


def write(folder: Path) -> list[str]:
    """Write the articles into ``folder``; their paths, sorted."""
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return sorted(paths)


def long_text(paragraphs: int) -> str:
    """A long document made of distinct paragraphs (numbers vary), for the segmenting tests."""
    out = []
    for i in range(paragraphs):
        out.append(f"Report {i + 1}: about {1000 + 37 * i:,} people were evacuated from district {i + 1}, the agency "
                   f"said on Monday. \"We need {10 + i} more boats,\" said Ida Marsh, a spokeswoman for the agency. "
                   f"At least {3 + i % 7} people died, officials said.")
    return "\n\n".join(out)
