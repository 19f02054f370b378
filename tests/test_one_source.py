"""House rules for issue 13's "one source per concept": one sentence splitter, one stop-word list,
one singularizer, one alias table, one interval model. Each rule scans the package's source
(AST, no import) so a second copy fails here, wherever someone adds it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "figures"
SPLITTER = PACKAGE / "extract" / "sentences.py"
STOP_WORDS = PACKAGE / "vocab" / "stop_words.py"
INTERVAL = PACKAGE / "normalize" / "interval.py"

# A regex character class of sentence-end marks only, holding '.', '!' and '?' ("[.!?]",
# "[.!?。！？]"): the mark of a sentence-end pattern. ("[.,;:!?)]", the end of a word, is not.)
_SENTENCE_CLASS = re.compile(r"\[(?=[^\]]*\.)(?=[^\]]*!)(?=[^\]]*\?)[.!?。！？]+\]")
# Words any stop-word list holds; this many of them in one literal make it a stop-word list (a
# list of words that mean "a year follows" shares a few, a stop-word list shares most).
_CORE_STOP = frozenset("""
the a an of and or to in on for with by from at this that these those is was it its he she they
we their there but if as also
""".split())
_CORE_LIMIT = 12


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_extract_native" not in p.parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes (a docstring may well mention "the end of a sentence.")."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _word_literals(tree: ast.Module):
    """(line, words) of every literal that lists words: set/list/tuple displays of strings, dict
    keys, and '''...'''.split()."""
    for node in ast.walk(tree):
        words: list[str] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Dict):
            words = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "split" and isinstance(node.func.value, ast.Constant)
              and isinstance(node.func.value.value, str)):
            words = node.func.value.value.split()
        if words:
            yield node.lineno, words


def test_one_sentence_splitter():
    """No regex splitting on [.!?] outside figures/extract/sentences.py."""
    offenders = []
    for path in _modules():
        if path == SPLITTER:
            continue
        tree = _tree(path)
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                    and _SENTENCE_CLASS.search(node.value)):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value[:60]!r}")
    assert not offenders, ("a second sentence-end pattern; use figures.extract.sentences "
                           "(SENTENCE_END, sentence_at, sentence_ends):\n" + "\n".join(offenders))


def test_the_splitter_itself_is_found_by_the_rule():
    # The rule must see the pattern it protects, or it would pass on any copy.
    tree = _tree(SPLITTER)
    assert any(isinstance(n, ast.Constant) and isinstance(n.value, str)
               and _SENTENCE_CLASS.search(n.value) for n in ast.walk(tree))


def test_one_stop_word_list():
    """No literal listing common stop words outside figures/vocab/stop_words.py."""
    offenders = []
    for path in _modules():
        if path == STOP_WORDS:
            continue
        for line, words in _word_literals(_tree(path)):
            core = set(words) & _CORE_STOP
            if len(core) >= _CORE_LIMIT:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {sorted(core)}")
    assert not offenders, ("a second stop-word list; import STOPWORDS or METRIC_STOP_WORDS from "
                           "figures.vocab.stop_words:\n" + "\n".join(offenders))


def test_the_stop_word_list_is_found_by_the_rule():
    assert any(len(set(words) & _CORE_STOP) >= _CORE_LIMIT
               for _, words in _word_literals(_tree(STOP_WORDS)))


@pytest.mark.parametrize("name", ["singular", "_singular", "singularize", "norm_plural"])
def test_one_singularizer(name):
    """Only figures/extract/sentences.py defines a singularizer."""
    where = [str(p.relative_to(PACKAGE.parent)) for p in _modules()
             for n in ast.walk(_tree(p))
             if isinstance(n, ast.FunctionDef) and n.name == name and p != SPLITTER]
    assert not where, f"a second singularizer ({name}); use figures.extract.sentences.singular: {where}"


def test_one_interval_model():
    """Qualifier intervals are computed in figures/normalize/interval.py only: no other module
    reads the approximation share or defines bounds()/interval()."""
    offenders = []
    for path in _modules():
        if path == INTERVAL:
            continue
        tree = _tree(path)
        for n in ast.walk(tree):
            if isinstance(n, ast.FunctionDef) and n.name in ("bounds", "interval", "semantic", "pragmatic", "computed"):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{n.lineno}: def {n.name}")
            if isinstance(n, ast.Name) and n.id in ("APPROX_SHARE", "APPROX_REL", "APPROX_ALLOWANCE") \
                    and path.name != "qualifiers.py":
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{n.lineno}: {n.id}")
    assert not offenders, "a second interval model:\n" + "\n".join(offenders)


@pytest.mark.parametrize("name", ["CODE_ALIASES", "CURRENCY_ALIASES", "CURRENCY_NAMES"])
def test_one_alias_table(name):
    """Currency aliases live in figures.vocab.codes.ALIASES, code names in CODE_NAMES; no module
    defines another table under an old name (CURRENCY_NAMES meant name->code in one module and
    code->name in another)."""
    where = [str(p.relative_to(PACKAGE.parent)) for p in _modules()
             for n in ast.walk(_tree(p))
             if isinstance(n, (ast.Assign, ast.AnnAssign))
             and any(isinstance(t, ast.Name) and t.id == name
                     for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
    assert not where, f"{name} defined in {where}; use figures.vocab.codes (ALIASES, CODE_NAMES)"
