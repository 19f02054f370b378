"""The benchmark corpus: the project's seed articles (and ../shared/seeds when present),
repeated paragraph by paragraph to a target size. Shared by every benchmark in bench/."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def seed_paragraphs() -> list[str]:
    dirs = [REPO / "seeds", REPO.parent / "shared" / "seeds"]
    paras: list[str] = []
    for d in dirs:
        if d.is_dir():
            for p in sorted(d.glob("*.txt")):
                paras += [x for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
    return paras


def corpus(min_bytes: int) -> list[str]:
    """Paragraphs repeated until their UTF-8 size reaches min_bytes."""
    paras = seed_paragraphs()
    out: list[str] = []
    size = 0
    while size < min_bytes:
        for p in paras:
            out.append(p)
            size += len(p.encode("utf-8"))
    return out


def size_mb(paras: list[str]) -> float:
    return sum(len(p.encode("utf-8")) for p in paras) / 1e6
