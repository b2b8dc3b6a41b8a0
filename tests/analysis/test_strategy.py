"""The shared entry point of the command line and the web: the ask's choices apply."""

from __future__ import annotations

import datetime as dt

from powermap.analysis.strategy import targeting_options
from powermap.domain.actors import Ask

DAY = dt.date(2026, 11, 25)


def test_it_puts_the_callers_pins_first_then_the_asks_own() -> None:
    ask = Ask("a", "icj_case", "A", pinned_targets=("x", "y"), excluded_targets=("z",))
    options = targeting_options(ask, on=DAY, pins=("y", "w"), exclusions=("v",), limit=5)
    assert options.pins == ("y", "w", "x")
    assert options.exclusions == ("v", "z")
    assert (options.on, options.limit, options.deciders) == (DAY, 5, ())


def test_it_lets_a_single_decider_replace_the_ask_kinds() -> None:
    ask = Ask("a", "universal_jurisdiction_complaint", "A", decider="de-prosecutor")
    assert targeting_options(ask, on=DAY).deciders == ("de-prosecutor",)
