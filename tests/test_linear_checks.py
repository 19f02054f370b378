"""Every check runs in linear time (issue 12 item 3): 10x the figures in one document, or 10x
the documents in a run, costs at most about 10x the time (RATIO allows for timer noise and
caches). A quadratic check (one pass over every figure per increment, as `difference` once
did) takes about 100x and fails at any machine speed. The garbage collector is paused while
timing, as in tests/test_linear.py."""

from __future__ import annotations

import functools
import gc
import time

import pytest

from figures.checks import CHECKS, make_docs
from figures.extract import extract

RATIO = 16.0
SLACK = 0.3  # seconds: scheduling noise when the machine is shared (a quadratic check is 100x)
ROUNDS = 5

# Sentences written for this test; each shape feeds one family of checks.
SHAPES = {
    "changes": "The crew grew by nearly 1,800 people to 2,300 people from 500 people. ",
    "money": ("The port will spend RMB 10 billion ($1.54 billion) on cranes, up 8.5% from "
              "HK$13.52 billion. Sales of $3 million, $4 million and $5 million made $12 million. "
              "Profit rose 20% to $12 million from $10 million. "),
    "capacity": "The 101 kWh pack charges at 250 kW and a 2.5 MW turbine gives 7 GWh a year. ",
}


@functools.cache  # the inputs are shared by every check: extract them once
def _docs(shape: str, reps: int, ndocs: int) -> tuple:
    text = SHAPES[shape] * reps
    figs = extract(text, doc="d0")
    return tuple((f"d{i}", text, None, [f.replace(doc=f"d{i}") for f in figs])
                 for i in range(ndocs))


def _once(fn, items) -> float:
    docs = make_docs(list(items))  # fresh caches each round
    gc.collect()
    gc.disable()
    try:
        t = time.process_time()
        fn(docs)
        return time.process_time() - t
    finally:
        gc.enable()


@pytest.mark.parametrize("check", list(CHECKS))
@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("axis", ["one document", "many documents"])
def test_check_is_linear(check, shape, axis):
    fn = CHECKS[check]
    if axis == "one document":
        small, large = _docs(shape, 40, 1), _docs(shape, 400, 1)
    else:
        one = _docs(shape, 2, 1)[0]
        small = [(f"d{i}", one[1], None, [f.replace(doc=f"d{i}") for f in one[3]]) for i in range(20)]
        large = [(f"d{i}", one[1], None, [f.replace(doc=f"d{i}") for f in one[3]]) for i in range(200)]
    fn(make_docs(list(small)))  # warm lazy imports and caches outside the timing
    t_small = t_large = float("inf")
    for _ in range(ROUNDS):  # best of up to ROUNDS; stops as soon as the bound holds
        t_small = min(t_small, _once(fn, small))
        t_large = min(t_large, _once(fn, large))
        if t_large <= RATIO * t_small + SLACK:
            break
    assert t_large <= RATIO * t_small + SLACK, (
        f"{check} on {shape} ({axis}): 10x input took {t_large:.3f}s vs {t_small:.3f}s")
