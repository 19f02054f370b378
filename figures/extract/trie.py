"""Regex building blocks shared by the scanners."""

from __future__ import annotations

import re


def trie_pattern(words: list[str], tails: dict[str, str] | None = None) -> str:
    """A prefix-factored alternation of `words`: the regex engine rejects most positions on the
    first or second character instead of trying every word (3x faster than a flat alternation).
    Each node is a plain alternation of distinct characters, so matching stays linear.

    `tails` maps a word to a pattern that must follow it (usually a lookahead); a word without
    a tail ends where it ends. Longer words are tried before a shorter word's tail."""
    return _build(_trie(words), tails or {})


def trie_alternatives(words: list[str], tails: dict[str, str] | None = None) -> str:
    """trie_pattern's top level as bare alternatives ("a...|b..."), to be spliced into an
    enclosing alternation: each then opens with a literal, which the regex engine tests in
    place, where a nested group costs it a jump at every start it tries."""
    tails = tails or {}
    root = _trie(words)
    assert "" not in root, "the empty word cannot be an alternative"
    return "|".join(re.escape(ch) + _build(sub, tails) for ch, sub in sorted(root.items()))


def _trie(words: list[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = w
    return trie


def _build(node: dict, tails: dict[str, str]) -> str:
    alts = [re.escape(ch) + _build(sub, tails) for ch, sub in sorted(node.items()) if ch]
    if "" in node and node[""] in tails:
        alts.append(tails[node[""]])
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node and node[""] not in tails else body
