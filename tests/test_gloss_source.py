"""Issue 13's "one source" for the words between an amount and its conversion: the conversion
check's gap pattern and the extractor's gloss pattern are both built from
figures.vocab.gloss.GLOSS_WORDS. A literal spelling two gloss phrases as a regex anywhere else
in the package fails here (scanned from the sources, no import), and every entry of the table is
read where the table says."""

from __future__ import annotations

import ast
import re

import pytest

from figures.checks.conversion import linked
from figures.vocab.gloss import GLOSS_WORDS
from tests.test_checks_support import fig
from tests.test_one_source import PACKAGE, _docstrings, _modules, _tree

TABLE = PACKAGE / "vocab" / "gloss.py"
BUILT_FROM_TABLE = (PACKAGE / "checks" / "conversion.py", PACKAGE / "extract" / "currency_context.py")


def _spellings(phrase: str) -> set[str]:
    """How a regex literal would spell a gloss phrase that a plain word list would not:
    'equivalent to' as 'equivalent\\s+to' or 'equivalent[ ]+to', 'i.e.' as 'i\\.e\\.'."""
    out = set()
    for space in (r"\s+", r"\s*", "[ ]+", "[ ]*", "\\ "):
        out.add(phrase.replace(".", r"\.").replace(" ", space))
    return {s for s in out if s != phrase}


SPELLINGS = {s: w for w in GLOSS_WORDS if (" " in w or "." in w) and w[0].isalpha()
             for s in _spellings(w)}


def _offenders(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            hits = sorted({w for s, w in SPELLINGS.items() if s in node.value})
            if len(hits) >= 2:  # one phrase alone is another concept's ("more than 5%")
                found.append(f"{where}:{node.lineno}: {hits}")
    return found


def test_no_gloss_phrase_is_spelled_as_a_regex_outside_the_table():
    offenders = []
    for path in _modules():
        if path != TABLE:
            offenders += _offenders(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert not offenders, ("a gloss phrase written into a pattern; add it to "
                           "figures/vocab/gloss.py and build the pattern from GLOSS_WORDS:\n"
                           + "\n".join(offenders))


def test_the_rule_finds_the_old_literals():
    # The two patterns as they were before the table: the rule must see them, or it would pass
    # on any copy.
    old_extract = ('X = re.compile(r",?[ ]+(?:or|i\\.e\\.|equivalent[ ]+to|equal[ ]+to)'
                   '(?:[ ]+(?:about|around))?[ ]+")')
    old_check = 'X = r"(?:or|about|approx\\.?|equivalent\\s+to|the\\s+equivalent\\s+of|i\\.e\\.,?)"'
    assert _offenders(old_extract, "old")
    assert _offenders(old_check, "old")


@pytest.mark.parametrize("path", BUILT_FROM_TABLE, ids=lambda p: p.name)
def test_both_patterns_read_the_table(path):
    tree = _tree(path)
    imports = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
               and n.module == "figures.vocab.gloss" for a in n.names}
    assert "GLOSS_WORDS" in imports
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "GLOSS_WORDS"]
    assert uses, f"{path.name} imports GLOSS_WORDS but builds no pattern from it"


def test_every_place_named_in_the_table_is_read_by_a_pattern():
    places = set().union(*GLOSS_WORDS.values())
    assert places == {"word", "link", "hedge", "x-bracket", "x-link", "x-hedge"}
    for path in BUILT_FROM_TABLE:
        text = path.read_text(encoding="utf-8")
        named = set(re.findall(r'"((?:x-)?(?:word|link|hedge|bracket))"', text))
        places -= named
    assert not places, f"places no pattern reads: {sorted(places)}"


def _pair(gap: str) -> tuple[str, object, object]:
    text = f"It will invest RMB 10 billion{gap}$1.54 billion next year."
    a = fig(text, "RMB 10 billion", "money", "1e10", currency="CNY", precision="1e9")
    b = fig(text, "$1.54 billion", "money", "1.54e9", currency="USD", precision="1e7")
    return text, a, b


@pytest.mark.parametrize("word", sorted(w for w, at in GLOSS_WORDS.items() if "word" in at))
def test_each_word_links_a_conversion_in_brackets(word):
    text, a, b = _pair(f" ({word} ")
    assert linked(text, a, b)


@pytest.mark.parametrize("word", sorted(w for w, at in GLOSS_WORDS.items() if "link" in at))
def test_each_link_links_a_conversion_after_a_comma(word):
    text, a, b = _pair(f", {word} ")
    assert linked(text, a, b)


@pytest.mark.parametrize("word", sorted(w for w, at in GLOSS_WORDS.items() if "hedge" in at))
def test_each_hedge_links_a_conversion_after_a_comma(word):
    text, a, b = _pair(f", {word} ")
    assert linked(text, a, b)


def test_a_word_the_table_does_not_hold_links_nothing():
    text, a, b = _pair(", besides ")
    assert not linked(text, a, b)
