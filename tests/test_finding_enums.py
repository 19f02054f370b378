"""Finding.status and severity are str-valued enums that serialize as their plain strings."""

from __future__ import annotations

import json

import pytest

from figures.checks._common import CONSISTENT, ERROR, INCONSISTENT, INFO, UNVERIFIABLE, WARNING
from figures.model import Finding, Severity, Status


@pytest.mark.parametrize(
    ("member", "word"),
    [(CONSISTENT, "consistent"), (INCONSISTENT, "inconsistent"), (UNVERIFIABLE, "unverifiable"),
     (INFO, "info"), (WARNING, "warning"), (ERROR, "error")],
)
def test_constants_are_the_enum_members(member, word):
    assert isinstance(member, Status | Severity)
    assert member == word and str(member) == word and f"{member}" == word
    assert json.dumps(member) == f'"{word}"'


def test_to_dict_holds_plain_strings():
    f = Finding("conversion", Status.INCONSISTENT, Severity.ERROR, (), "m")
    d = f.to_dict()
    assert type(d["status"]) is str and type(d["severity"]) is str
    assert (d["status"], d["severity"]) == ("inconsistent", "error")
