"""figures.extract runs in linear time on adversarial text.

The linearity proof: 2 MB of each adversarial pattern takes at most 2.5x the time of 1 MB
(plus a small constant for timer noise). Nothing here asserts an absolute speed, so a slow CI
machine cannot fail it; a quadratic path fails it at any machine speed (doubling the input
quadruples its time).

- Sizes are characters of text built by repeating the pattern.
- Patterns that make a figure (or an anchor) every few characters ("$1$1...") are timed at
  a quarter or half of that: at 1M characters "$1$1..." builds half a million Figure objects
  (seconds, and hundreds of MB) to show the same ratio, and the file must stay within about
  20 s of CI time.
- Each size is timed with time.process_time (CPU time of this process: other processes on a
  shared machine do not inflate it), best of up to 3 runs: the measurement stops as
  soon as the bound holds, so a passing pattern costs one run of each size. The garbage
  collector is paused while timing: its passes over millions of live objects are noise here.
- Every adversarial input also goes through extract without raising, and each figure's
  offsets index the text.
"""

from __future__ import annotations

import gc
import time

import pytest

import figures

MB = 1_000_000
RATIO = 2.5
SLACK = 0.05  # seconds: timer resolution and scheduling noise on short runs
ROUNDS = 3

# name -> (pattern, characters in the smaller text)
PATTERNS: dict[str, tuple[str, int]] = {
    "comma lists": ("1,", MB),
    "dollar signs": ("$", MB),
    "dollar amounts": ("$1", MB // 4),
    "scale words": ("billion ", MB),
    "scaled ranges": ("1 billion-", MB),
    "long digit run": ("9", MB),
    "dotted digits": ("1.", MB),
    "dashes": ("- ", MB),
    "number words": ("one two three ", MB),
    "hyphenated number words": ("twenty-one-", MB),
    "currency codes": ("RMB ", MB),
    "qualifiers": ("more than ", MB),
    "prefixed ranges": ("HK$1-2-3-4-", MB // 4),
    "full-width digits": ("１２３", MB),
    "NBSP digit groups": ("1\u00a0000\u00a0", MB),
    "spaced numbers": ("1 ", MB // 2),
    "counted numbers": ("3 years ", MB // 4),
    "percents": ("5% ", MB // 4),
}


def _text(pattern: str, size: int) -> str:
    return (pattern * (size // len(pattern) + 1))[:size]


def _timed(text: str) -> tuple[float, list]:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        found = figures.extract(text)
        return time.process_time() - start, found
    finally:
        gc.enable()


@pytest.mark.parametrize("name", list(PATTERNS))
def test_adversarial_input_is_extracted_in_linear_time(name):
    pattern, size = PATTERNS[name]
    small, large = _text(pattern, size), _text(pattern, 2 * size)
    figures.extract(small[:1000])  # warm caches and lazy imports outside the timing
    t_small = t_large = float("inf")
    for _ in range(ROUNDS):
        elapsed, found = _timed(small)
        t_small = min(t_small, elapsed)
        t_large = min(t_large, _timed(large)[0])
        if t_large <= RATIO * t_small + SLACK:
            break
    assert t_large <= RATIO * t_small + SLACK, (
        f"{name}: {2 * size:,} characters took {t_large:.3f} s, {size:,} took {t_small:.3f} s "
        f"(ratio {t_large / t_small:.2f}, bound {RATIO})"
    )
    for f in found:  # the extraction did not raise; its offsets index the text
        assert 0 <= f.start < f.end <= len(small)
        assert small[f.start:f.end] == f.text
