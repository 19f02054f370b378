"""Text from documents made safe to print on a terminal.

Names and article text come from the data, so they may hold escape sequences (colours, cursor
moves, OSC-8 links, a title change), other C0/C1 controls, bidirectional overrides that reorder
what is shown, and lone surrogates that cannot be written as UTF-8. `terminal_safe` replaces
each such character with U+FFFD, one for one, so offsets into the text stay valid. Rich markup
is never applied to data: callers wrap data in `rich.text.Text`, which prints it literally.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_safe(s: str) -> str:
    """`s` with every character that could act on a terminal replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", s) if _UNSAFE.search(s) else s
