"""One bounded memo for the engine's readers of a word (left._near_word, right_nouns._noun_word).

A dict, not functools.lru_cache: a call through lru_cache costs the compiled engine about six
times a dict look-up (an argument tuple, the key's hash, the recency list). The dict is cleared
when full, so its memory stays bounded; news repeats its words, so it refills with the common
ones at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

LIMIT: Final = 8192


def remember(memo: dict[str, tuple], key: str, read: Callable[[str], tuple]) -> tuple:
    """read(key), from `memo` when it was read before."""
    hit = memo.get(key)
    if hit is None:
        if len(memo) >= LIMIT:
            memo.clear()
        hit = memo[key] = read(key)
    return hit
