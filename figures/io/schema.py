"""The interface contract (DESIGN.md section 4) as pydantic models: the `figures extract` row
(JSONL, CSV, DataFrame), the `figures check --format json` document and a user rate-table row.

They describe and validate outputs (`figures schema extract|check` prints their JSON Schema; the
tests validate every output format against them). The frozen dataclasses of figures.model stay
the core types on the hot path: nothing here runs while extracting or checking.

Fields other helpers add later are allowed (extra="allow"): the contract is extended, never
broken, so a consumer validating with an older schema keeps working.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

# One source per concept: the contract names the core enums (their values are what every output
# writes), not copies of them.
from figures.model import Kind, Severity, Status

# Decimals travel as strings in plain notation ("10000000000", never "1e10").
DecimalStr = Annotated[str, Field(pattern=r"^-?\d+(\.\d+)?$")]
DateStr = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
CodeStr = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class ExtractRow(BaseModel):
    """One figure: a JSONL line, a CSV row or a DataFrame row of `figures extract`."""

    model_config = ConfigDict(extra="allow")

    doc: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: Kind
    value: DecimalStr | None
    low: DecimalStr | None
    high: DecimalStr | None
    currency: CodeStr | None
    unit: str | None
    per: str | None
    qualifier: str | None
    scale_word: str | None
    precision: DecimalStr | None
    date: DateStr | None
    to_currency: CodeStr | None
    normalized_value: DecimalStr | None
    normalized_low: DecimalStr | None
    normalized_high: DecimalStr | None
    rate: DecimalStr | None
    rate_date: DateStr | None
    rate_source: str | None
    currency_candidates: list[str] = Field(default_factory=list)
    currency_basis: str | None = None


class MentionRefRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class FindingRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    check: str
    status: Status
    severity: Severity
    mentions: list[MentionRefRow]
    message: str
    details: dict[str, Any]


class DocumentRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc: str | None
    date: DateStr | None
    findings: list[FindingRow]


class CheckDocument(BaseModel):
    """The whole output of `figures check --format json`."""

    model_config = ConfigDict(extra="allow")

    documents: list[DocumentRow]
    cross_findings: list[FindingRow] = Field(default_factory=list)
    summary: dict[str, Any]


class RateRow(BaseModel):
    """One row of a user rate table (`--rates FILE`): units of `currency` per one base unit."""

    date: DateStr
    currency: CodeStr
    rate: DecimalStr


MODELS: dict[str, type[BaseModel]] = {"extract": ExtractRow, "check": CheckDocument,
                                      "rates": RateRow}


def json_schema(name: str) -> str:
    """The JSON Schema of one contract model, as `figures schema NAME` prints it."""
    return json.dumps(MODELS[name].model_json_schema(), indent=2, sort_keys=True)
