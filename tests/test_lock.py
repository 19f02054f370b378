"""requirements/lock.txt (scripts/lock.sh) pins what pyproject.toml asks for: every runtime and
test dependency, each at one version with PyPI's hashes, and satisfying pyproject's range.
scripts/audit.sh audits exactly this file, so a dependency missing here would go unaudited."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO

LOCK = REPO / "requirements" / "lock.txt"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)")


def _pins() -> dict[str, tuple[Version, list[str]]]:
    pins: dict[str, tuple[Version, list[str]]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line)
        if m:
            name = canonicalize_name(m.group(1))
            pins[name] = (Version(m.group(2)), [])
        elif name and "--hash=sha256:" in line:
            pins[name][1].append(line.split("--hash=sha256:")[1].split()[0].rstrip("\\"))
    return pins


def _wanted() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


PINS = _pins()


def test_the_lock_names_no_machine_specific_index():
    text = LOCK.read_text(encoding="utf-8")
    assert "--find-links" not in text and "--extra-index-url" not in text and "file://" not in text


@pytest.mark.parametrize("req", _wanted(), ids=str)
def test_each_dependency_is_pinned_inside_its_range_with_hashes(req):
    name = canonicalize_name(req.name)
    assert name in PINS, f"{req.name} is not in requirements/lock.txt: run scripts/lock.sh"
    version, hashes = PINS[name]
    assert req.specifier.contains(version, prereleases=True), (req, version)
    assert hashes and all(len(h) == 64 for h in hashes)


def test_every_pin_has_hashes():
    assert len(PINS) > 20
    assert [n for n, (_, hashes) in PINS.items() if not hashes] == []
