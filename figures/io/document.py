"""What a reader yields: a Document built from text and the date it was given or found, or an
InputFailure naming what could not be read; and the column names of tabular input."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from figures.errors import InputError
from figures.io.decoding import decode, one_line
from figures.model import Document
from figures.normalize.dates import find_document_date


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A document (or a whole path) that could not be read, with a one-line reason."""

    doc: str
    message: str


@dataclass(frozen=True, slots=True)
class Columns:
    """The column (or JSON field) names of tabular input. A row's `country` or `locale` cell
    (either name; 'AU', 'en_AU') is that document's country, see with_run_country."""

    text: str = "text"
    date: str = "date"
    id: str = "id"
    country: str = "country"
    locale: str = "locale"


DEFAULT_COLUMNS = Columns()


def text_document(name, data, fixed_date, encoding, warn) -> Iterator[Document | InputFailure]:
    name = one_line(name)
    try:
        text, warning = decode(data, name, encoding)
    except InputError as exc:
        yield InputFailure(name, str(exc))
        return
    if warning and warn:
        warn(warning)
    yield make_document(name, text, fixed_date, None)


def make_document(doc: str, text: str, fixed_date, column_date,
                  country: str | None = None) -> Document:
    if fixed_date is not None:
        return Document(doc, text, fixed_date, "argument", country=country)
    if column_date is not None:
        return Document(doc, text, column_date, "column", country=country)
    found = find_document_date(text)
    return Document(doc, text, found, "text" if found else None, country=country)


def with_run_country(doc: Document, country: str | None) -> Document:
    """`doc` with the run's country (the CLI's --country/--locale), validated.

    A table row's own `country`/`locale` cell is more specific than one flag for the whole run,
    so it wins: the flag is the country of the rows (and files) that give none. A streamed
    file's chunks carry the locale *inferred* from its opening, which the flag overrides, as it
    overrides the text's evidence everywhere."""
    if not country:
        return doc
    from figures.extract import check_country
    from figures.io.stream import Chunk

    cc = check_country(country)
    if doc.country is not None and not isinstance(doc, Chunk):
        return doc
    return dataclasses.replace(doc, country=cc)
