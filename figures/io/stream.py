"""Large text files read in overlapping chunks, so memory stays bounded and no figure is cut."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from figures.io.decoding import BINARY_SNIFF, one_line
from figures.io.document import InputFailure
from figures.model import Document
from figures.normalize.dates import find_document_date

CHUNK_CHARS = 1024 * 1024

# Each chunk of a streamed file carries this many characters of the text before and after the
# part it reports. A figure (the extractor accepts none longer than a few hundred characters:
# longer digit runs and lists are not figures) that starts in a chunk's own part is therefore
# read whole and with its left context, wherever the cut falls, even in text without spaces.
OVERLAP_CHARS = 4096


@dataclass(frozen=True, slots=True)
class Chunk(Document):
    """A piece of a streamed file: `text` starts at file offset `offset` and includes up to
    OVERLAP_CHARS on each side of the part it reports, [own_start, own_end) in file offsets.
    Figures are kept only when they start in that part, so the overlap never duplicates one."""

    own_start: int = 0
    own_end: int = 0

    def owns(self, start: int) -> bool:
        """Does a figure at chunk-local offset `start` belong to this chunk?"""
        return self.own_start <= start + self.offset < self.own_end

    @property
    def owned_text(self) -> str:
        return self.text[self.own_start - self.offset:self.own_end - self.offset]


def is_continuation(doc: Document) -> bool:
    """Is `doc` a later chunk of the file before it (not a document of its own)?"""
    return doc.own_start > 0 if isinstance(doc, Chunk) else doc.offset > 0


def stream_text_file(
    path: Path, fixed_date=None, encoding: str | None = None, chunk_chars: int | None = None
) -> Iterator[Document | InputFailure]:
    """A large text file as Chunks of about `chunk_chars` characters, each overlapping its
    neighbours by OVERLAP_CHARS (see Chunk), so memory stays bounded and no figure is cut,
    even in a file without a single space. Cuts prefer a blank line, then a line break:
    the document locale (what a bare '$' means) is read from the first chunk and kept for all."""
    import codecs

    chunk_chars = chunk_chars or CHUNK_CHARS
    name = one_line(path.name)
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputFailure(name, f"{name}: cannot read ({exc.strerror})")
        return
    with f:
        head = f.read(BINARY_SNIFF)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputFailure(name, f"{name}: binary file (NUL bytes), not text; pass a UTF-8 text file")
            return
        enc = encoding or ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
            enc = "utf-16"
        try:
            decoder = codecs.getincrementaldecoder(enc)("strict")
        except LookupError:
            yield InputFailure(name, f"--encoding {one_line(enc)}: unknown encoding")
            return
        pending = ""  # decoded text not yet reported, starting at file offset own_start
        behind = ""  # up to OVERLAP_CHARS reported just before own_start
        own_start = 0
        doc_date = fixed_date
        date_source = "argument" if fixed_date else None
        first = True
        country: str | None = None
        byte_pos = 0
        data = head
        while True:
            try:
                pending += decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                yield InputFailure(
                    name,
                    f"{name}: not {enc} near byte {byte_pos + exc.start}; pass --encoding "
                    "(the part before it was processed)",
                )
                return
            byte_pos += len(data)
            eof = not data
            while len(pending) >= chunk_chars + OVERLAP_CHARS or (eof and pending):
                last = eof and len(pending) <= chunk_chars + OVERLAP_CHARS
                cut = len(pending) if last else _cut(pending, chunk_chars)
                owned = pending[:cut]
                text = behind + owned + ("" if last else pending[cut:cut + OVERLAP_CHARS])
                if first:
                    first = False
                    if doc_date is None:
                        doc_date = find_document_date(owned)
                        date_source = "text" if doc_date else None
                    # One locale for the whole file, from its opening (dateline, exchanges):
                    # a later chunk alone would lose what a bare '$' means.
                    from figures.extract import document_locale

                    country = document_locale(owned).country
                yield Chunk(name, text, doc_date, date_source, offset=own_start - len(behind),
                            country=country, own_start=own_start, own_end=own_start + cut)
                behind = (behind + owned)[-OVERLAP_CHARS:]
                pending = pending[cut:]
                own_start += cut
            if eof:
                return
            data = f.read(chunk_chars)


def _cut(text: str, target: int) -> int:
    """Where to end a chunk's own part: after the last blank line (else line break) before
    `target`, else at `target` (the overlap keeps a figure there whole)."""
    for sep in ("\n\n", "\n"):
        i = text.rfind(sep, target // 2, target)
        if i >= 0:
            return i + len(sep)
    return target
