"""Start-up time of the ``claimledger`` command: ``--help`` must stay under 0.3 s.

    python bench/startup.py            # best of 5 per command line

Each line runs a fresh interpreter (what a user waits for at the prompt).  spaCy, trafilatura
and Datasette are imported only inside the verbs that need them, so ``--help`` costs the Python
start-up plus the data model.  Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_of  # noqa: E402

COMMANDS = (
    ("python -c pass (floor)", ["-c", "pass"]),
    ("claimledger --help", ["-m", "claimledger", "--help"]),
    ("claimledger add --help", ["-m", "claimledger", "add", "--help"]),
    ("claimledger measure --help", ["-m", "claimledger", "measure", "--help"]),
    ("import spacy (for scale)", ["-c", "import spacy"]),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command line (the best is shown)")
    args = parser.parse_args()
    print(f"{'command':<30} {'best s':>7}")
    for label, argv in COMMANDS:
        seconds, _ = best_of(args.repeat, lambda argv=argv: subprocess.run(
            [sys.executable, *argv], check=True, stdout=subprocess.DEVNULL))
        print(f"{label:<30} {seconds:>7.3f}")


if __name__ == "__main__":
    main()
