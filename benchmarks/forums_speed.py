"""How fast the forum finder is on the example situations.

    python benchmarks/forums_speed.py [--runs 50]

For each facts file in examples/facts/ the script parses the facts, then times
`find_forums` (median and worst of `--runs` runs, after one warm-up) on the shipped
knowledge base. The baseline, measured in the same process, is loading and validating the
knowledge base once (`check_knowledge`), which every command pays before finding forums.
The target of the issue is printed with PASS or MISS: finding forums for a situation
takes well under a second (we check the worst run against 0.25 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from powermap.analysis.forums import find_forums
from powermap.formats.facts_yaml import parse_facts
from powermap.knowledge import check_knowledge

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "facts"
TODAY = dt.date(2026, 11, 25)
TARGET_SECONDS = 0.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs per situation")
    args = parser.parse_args()

    started = time.perf_counter()
    report = check_knowledge(None)
    baseline = time.perf_counter() - started
    kb = report.kb
    if kb is None:
        raise SystemExit("the knowledge base does not load: run `powermap kb check`")
    print(f"baseline: load and validate the knowledge base once: {baseline * 1000:8.1f} ms")
    print(f"{'situation':<12} {'forums':>6} {'median ms':>10} {'worst ms':>9} {'vs baseline':>12}")
    worst_overall = 0.0
    for path in sorted(EXAMPLES.glob("*.yaml")):
        facts = parse_facts(path.read_text(encoding="utf-8"), str(path), lambda c: c in kb.states)
        found = find_forums(facts, kb, TODAY)  # warm-up
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            find_forums(facts, kb, TODAY)
            times.append(time.perf_counter() - started)
        median, worst = statistics.median(times), max(times)
        worst_overall = max(worst_overall, worst)
        print(
            f"{path.stem:<12} {len(found):>6} {median * 1000:>10.2f} {worst * 1000:>9.2f} "
            f"{median / baseline:>11.1%}"
        )
    verdict = "PASS" if worst_overall < TARGET_SECONDS else "MISS"
    print(
        f"{verdict}: worst run {worst_overall * 1000:.1f} ms (target < {TARGET_SECONDS * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
