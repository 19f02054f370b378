"""No compiled regex in the figures package can backtrack super-linearly (ReDoS).

Every figures.* module is imported and its module globals are walked for compiled patterns
(also one level into tuples, lists and dicts). Each pattern goes through regexploit, which
looks for repeats that can match the same text in several ways followed by something that can
fail: the shape that makes a regex engine backtrack polynomially or exponentially. A pattern
it flags fails here with regexploit's example attack string.

regexploit proves the absence of the nested-repeat shapes; tests/test_linear.py times the
extractor itself on adversarial text.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings

import pytest

import figures

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # regexploit imports sre_parse
        from regexploit.ast.sre import SreOpParser
        from regexploit.redos import find as find_redos
except ImportError:  # pragma: no cover - depends on the environment
    pytest.skip(
        "regexploit is not installed (pip install regexploit, or the project's test extra): "
        "the ReDoS check of figures' regexes cannot run",
        allow_module_level=True,
    )


def _patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.walk_packages(figures.__path__, "figures."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, (tuple, list, dict)):
                for i, item in enumerate(values):
                    if isinstance(item, re.Pattern):
                        found[f"{info.name}.{name}[{i}]"] = item
    return found


PATTERNS = _patterns()


def test_the_walk_finds_the_extractor_patterns():
    assert "figures.extract.scan._ANCHOR" in PATTERNS
    assert "figures.extract.tokens.WORD_RUN" in PATTERNS
    assert len(PATTERNS) >= 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_super_linear_backtracking(name):
    pattern = PATTERNS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = SreOpParser().parse_sre(pattern.pattern, pattern.flags)
        except Exception as exc:  # regexploit does not model every construct
            pytest.skip(f"regexploit cannot parse {name}: {type(exc).__name__}: {exc}")
        redos = find_redos(parsed)
    assert not redos, (
        f"{name} can backtrack super-linearly (regexploit starriness {redos[0].starriness}); "
        f"attack string: {redos[0].example()}; pattern: {pattern.pattern!r}"
    )
