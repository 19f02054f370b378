"""The one sentence splitter and the one singularizer, shared by the engine and the checks.

A sentence ends at '.', '!' or '?' (runs of them, and CJK stops) followed by whitespace,
optionally after closing quotes or brackets ('He said "no." Then'); at a CJK full stop even
without a space; and at a line break. "3.5", "U.S.-based" and "Inc.," do not end a sentence.
Sentences are found locally (`sentence_at`: two anchored regex calls within `SENTENCE_REACH`
characters) or once per document (`sentence_ends`), never by a second pattern elsewhere
(tests/test_one_source.py keeps it so).
"""

from __future__ import annotations

import re
from typing import Final

from figures.vocab.nouns import IRREGULAR_NOUNS

__all__ = ["SENTENCE_END", "SENTENCE_REACH", "sentence_at", "sentence_ends", "singular"]

# One end mark first (so the regex engine scans for it by its character set), then: a line break
# ends there; a run of marks and closing quotes must meet whitespace; a CJK stop ends anyway.
# The same as "[.!?。！？]+[\"'”’)\]]*(?=\s)|[。！？]|\n", three times faster.
_END: Final = r"(?:[.!?。！？\n](?:(?<=\n)|[.!?。！？]*[\"'”’)\]]*(?=\s)|(?<=[。！？])))"
SENTENCE_END: Final = re.compile(_END)
_LAST_END: Final = re.compile(r"(?s:.*)" + _END)  # greedy: the last sentence end before a position
# How far either side of a position a sentence is looked for: a longer "sentence" is a table
# or a list, and is cut there.
SENTENCE_REACH: Final = 600


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding character `pos`: from just after the previous
    sentence end to just after the next one, at most `SENTENCE_REACH` characters either way."""
    lo = max(0, pos - SENTENCE_REACH)
    hi = min(len(text), pos + SENTENCE_REACH)
    m = _LAST_END.match(text, lo, pos)
    start = m.end() if m else lo
    m = SENTENCE_END.search(text, pos, hi)
    return start, (m.end() if m else hi)


def sentence_ends(text: str) -> list[int]:
    """Offsets where the sentences of `text` end (the first character of each end mark)."""
    return [m.start() for m in SENTENCE_END.finditer(text)]


def singular(word: str) -> str:
    """The singular of a lower-case English noun: 'vehicles' -> 'vehicle', 'batteries' ->
    'battery', 'boxes' -> 'box', 'people' -> 'person'; words that only look plural ('bus',
    'status', 'analysis', 'glass') are returned as they are."""
    irregular = IRREGULAR_NOUNS.get(word)
    if irregular is not None:
        return irregular
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word
