"""Invented texts that are and are not news, for the news check."""

CHANGELOG = """Changelog

## 3.2.0 - 2024-04-02
- Fixed a crash in `parse_config()` when the file held 46 people records
- Added `--dry-run` flag to the export command
- Bumped lxml to 5.2.1 and dropped support for Python 3.8
- Renamed `UserStore.load_all` to `UserStore.iter_users` (#1432)

## 3.1.4 - 2024-02-11
- Fixed memory leak in worker pool, see #1399
- Docs: clarified settings.yaml keys
"""

CODE = """import os
from pathlib import Path

def load_items(path: str) -> list[dict]:
    \"\"\"Read 250 items from the cache.\"\"\"
    with open(Path(path) / "items.json") as fh:
        data = json.load(fh)
    return [item for item in data if item.get("count", 0) > 10]
"""

MENU = """Harbour Grill - Dinner Menu
Starters
Grilled sardines 8.50
Tomato and bread soup 6.00
Mains
Sea bass with fennel 19.50
Lamb shoulder, two people 38.00
Mushroom risotto 15.00
Desserts
Lemon tart 7.00
"""

INDEX = """Valley Post - Latest news
Flood waters recede in river towns
Council approves new bus lanes
Local team wins regional final
Weather: rain expected on Friday
Opinion: the case for a fourth bridge
School strike talks to resume
More headlines
"""

NEWS = """Floods force 2,300 from homes in river valley
Floodwater covered 40 streets in Ardmore on Friday and about 2,300 residents were moved to shelters, the county
emergency office said.
"The water is still rising and we expect more families to leave tonight," said Tomas Reyes, the county's flood
coordinator.
Officials said the river peaked at 6.2 metres, its highest level since 1998.
"""

FEATURE = """The last ferryman of Lake Tarin
For 41 years, Ivo Brandt has carried villagers across the lake in a wooden boat his father built.
The crossing takes 20 minutes on a calm day and twice that when the wind turns.
He charges two coins, the same price as in 1983, and keeps a notebook of every passenger.
Next spring a bridge will open at the northern shore, and the ferry will stop running.
"""

LIVE = """Election night: live updates
- 21:05 Polls have closed in all 14 districts, the electoral commission said.
- 21:40 Turnout reached 61 percent, up from 55 percent four years ago, officials said.
- 22:15 The incumbent mayor told supporters she was "cautiously hopeful".
- 23:00 Counting in the coastal district has been delayed by a power cut, according to the commission.
"""

BRIEF = """Rail strike called off
Train drivers called off Monday's strike after a late pay offer, the union said.
"""

SAMPLES_NOT_NEWS = {"changelog": CHANGELOG, "code": CODE, "menu": MENU, "index": INDEX}
SAMPLES_NEWS = {"news": NEWS, "feature": FEATURE, "live": LIVE, "brief": BRIEF}
