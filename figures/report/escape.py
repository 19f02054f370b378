"""Escaping for the HTML report: every untrusted string goes through `esc`, and the data handed
to the script through `json_for_script`."""

from __future__ import annotations

import html
import json
import re
from typing import Any

SURROGATE = re.compile("[\ud800-\udfff]")


def esc(value: object) -> str:
    """Escape for HTML text and attribute values alike. A carriage return becomes a character
    reference so the parser keeps it (raw CR LF would be folded to LF)."""
    return html.escape(str(value), quote=True).replace("\r", "&#13;")


def json_for_script(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' (so neither
    '</script>' nor '<!--' can appear) and no raw U+2028/U+2029."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
