"""The left grammar: currency marker, qualifier and the words that decide what a number is."""

from __future__ import annotations

import re
from typing import Final

from figures.extract.memo import remember
from figures.extract.raw import K_COUNT, K_DURATION, K_MONEY, K_PERCENT, K_QUANTITY, Raw
from figures.extract.raw_ops import apply_scale
from figures.extract.tokens import (
    ASCII_LETTERS,
    FOLDS_TO_ASCII,
    OPEN_PUNCT,
    SYMBOL_ALT,
    plural_follows,
)
from figures.vocab.codes import ALIASES, ISO_CODES
from figures.vocab.currencies import (
    CURRENCY_WORDS,
    LOCAL_SYMBOLS,
    LOWER_CODES,
    SPACED_DOLLAR_PREFIXES,
    SYMBOLS,
    WORDLIKE_CODES,
)
from figures.vocab.nouns import RANK_WORDS
from figures.vocab.qualifiers import DIRECTION_WORDS, QUALIFIERS_IN_SPAN, QUALIFIERS_OUTSIDE
from figures.vocab.scales import CODE_MULTIPLIERS
from figures.vocab.stop_words import STOPWORDS
from figures.vocab.time_words import MONTHS, YEAR_CONTEXT

# Longest first, so an alternation takes "u.s." before "u.s" and "MM" before "M".
_SPACED_ALT: Final = "|".join(re.escape(p) for p in sorted(SPACED_DOLLAR_PREFIXES, key=lambda p: (-len(p), p)))
_MULT_ALT: Final = "|".join(re.escape(m) for m in sorted(CODE_MULTIPLIERS, key=lambda m: (-len(m), m)))
# A currency marker directly before the number ("RMB 10", "US$10", "hk $ 10.05", "Rs. 500").
_PREFIX: Final = re.compile(
    rf"(?:(?P<sym>{SYMBOL_ALT})"
    r"|(?P<spaced>(?<![A-Za-z.])(?i:" + _SPACED_ALT + r")[ ]?\$)"
    r"|(?P<mcode>(?<![A-Za-z])(?P<mult>" + _MULT_ALT + r")(?P<mc>[A-Z]{3}))"
    r"|(?P<code>(?<![A-Za-z])[A-Z]{3})"
    rf"|(?P<lcode>(?<![A-Za-z])(?:{'|'.join(sorted(LOWER_CODES))})))"
    r"[ \u00a0]?\Z"
)
# The longest _PREFIX match ("u.s. $" and a space). A wider search window finds nothing more
# (lookbehinds see past the window's start), so the search tries no more starts than that.
_PREFIX_WINDOW: Final = 1 + max(
    max(len(p) + 2 for p in SPACED_DOLLAR_PREFIXES),  # "u.s." " " "$"
    max(len(s) for s in SYMBOLS),
    max(len(m) + 3 for m in CODE_MULTIPLIERS),  # "MMUSD"
    max(len(c) for c in LOWER_CODES), 3,
)
# The last character of every _PREFIX alternative: a symbol, "$", a code letter, a lower-case code.
_PREFIX_LAST_CHARS: Final = frozenset(
    {sym[-1] for sym in SYMBOLS} | {"$"} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    | {code[-1] for code in LOWER_CODES}
)
# Markers that end in a letter: lower-case codes and symbols such as "Rs", "Rmb" and "RM"
# (all two or three characters long, which prefix_before relies on).
_LETTER_FINAL_MARKERS: Final = frozenset(
    {m for m in SYMBOLS if m[-1].isascii() and m[-1].isalpha()} | LOWER_CODES
)
_SHARE_PRICE_LEFT: Final = re.compile(
    r"(?:clos(?:ed|ing)|open(?:ed|ing)|trad(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing)|settl(?:ed|ing))"
    r"(?:[ ]+(?:the[ ]+day|lower|higher|flat|up|down|trading))?[ ]+at[ ]+\Z"
    r"|(?:share|stock)[ ]+price[ ]+(?:of|at|to|was|is|fell[ ]+to|rose[ ]+to)[ ]+\Z"
    r"|(?:shares?|stock)(?:[ ]+[a-z]+){1,2}?[ ]+(?:at|to)[ ]+\Z"
    r"|price[ ]+target[ ]+(?:of|to)[ ]+\Z",
    re.I,
)
# A word every _SHARE_PRICE_LEFT alternative holds (lower case, ASCII text): the search tries
# forty starts under re.I, about 45,000 instructions, so it runs only when one is there.
_SHARE_PRICE_STEMS: Final = ("price", "share", "stock", "clos", "open", "trad", "end", "finish", "settl")
_CAPS_WORDS: Final = re.compile(r"[A-Za-z]{2,}")


def _share_price_before(text: str, pos: int) -> bool:
    """A share price's words end right before `pos` ("closed at", "share price of")."""
    lo = max(0, pos - 40)
    window = text[lo:pos]
    # The stems are ASCII; under re.I only four non-ASCII letters match ASCII ones (FOLDS_TO_ASCII).
    if window.isascii() or not any(c in window for c in FOLDS_TO_ASCII):
        low = window.lower()
        for stem in _SHARE_PRICE_STEMS:
            if stem in low:
                break
        else:
            return False
    return _SHARE_PRICE_LEFT.search(text, lo, pos) is not None


_LEFT_WINDOW: Final = 48
# The share-price pattern is only tried after one of these words (a cheap pre-filter).
_SHARE_PRICE_CUES: Final = frozenset({"at", "of", "to", "was", "is"})
# Words before a number that negate it ("minus five percent").
_NEGATORS: Final = frozenset({"minus", "negative"})
# The last word of every in-span qualifier phrase ("more than" -> "than"): a cheap pre-filter.
_QUALIFIER_LAST_WORDS: Final = frozenset(k.split(" ")[-1] for k in QUALIFIERS_IN_SPAN)
_MODEL_STRIP: Final = OPEN_PUNCT + ",;:"


def prev_word(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token ending right before `pos` (skipping spaces), and its start."""
    return _nearest_token(text, pos)


def _nearest_token(text: str, pos: int) -> tuple[str, int]:
    """_left_tokens(text, pos, 1) with its start, by a loop over the characters (most anchors
    need only this token: a loop costs a fifth of rsplit on the window)."""
    lo = pos - _LEFT_WINDOW
    if lo < 0:
        lo = 0
    j = pos
    while j > lo and text[j - 1].isspace():
        if text[j - 1] == "\n":
            return "", pos  # a line break before any token: none (see _left_tokens)
        j -= 1
    i = j
    while i > lo and not text[i - 1].isspace():
        i -= 1
    if i == j or (i == lo and lo > 0 and not text[lo - 1].isspace()):
        return "", pos  # no token, or the window cut it in half
    return text[i:j], i


def _left_tokens(text: str, pos: int, n: int) -> list[str]:
    """Up to n tokens before pos, nearest first. Stops at a line break (a qualifier never
    reaches across paragraphs), so no token is separated from `pos` by a line break. Offsets
    are found only when a caller needs one (_token_start): most anchors never do."""
    lo = pos - _LEFT_WINDOW
    if lo < 0:
        lo = 0
    nl = text.rfind("\n", lo, pos)
    if nl >= 0:
        lo = nl + 1
    parts = text[lo:pos].rsplit(None, n)
    if len(parts) > n:
        del parts[0]  # the rest of the window, before the n nearest tokens
    elif parts and lo > 0 and nl < 0 and not text[lo - 1].isspace():
        del parts[0]  # the window cut a token in half
    parts.reverse()
    return parts


def _token_start(text: str, pos: int, toks: list[str], i: int) -> int:
    """Start offset of toks[i], for toks = _left_tokens(text, pos, n). Each token is the last
    occurrence of its string before the token after it (only whitespace lies in between, and
    a token holds none)."""
    end = pos
    for tok in toks[: i + 1]:
        end = text.rfind(tok, 0, end)
    return end


def prefix_before(text: str, s: int) -> re.Match | None:
    """The currency marker ending right before the number at `s` (_PREFIX, searched over the
    _PREFIX_WINDOW characters before it). The search costs about 1 us, so it runs only when
    the character before the number (or before one space) can end a marker: most numbers
    follow a word like "in" or "about" and skip it."""
    i = s - 1
    c = text[i] if i >= 0 else ""
    if c == " " or c == "\u00a0":
        i -= 1
        c = text[i] if i >= 0 else ""
    if c in ASCII_LETTERS:
        # A marker ending in a letter is a code ("RMB", "MEUR") or one of _LETTER_FINAL_MARKERS.
        tail = text[max(0, i - 2):i + 1]
        if not (
            tail in _LETTER_FINAL_MARKERS
            or tail[-2:] in _LETTER_FINAL_MARKERS
            or tail[-1:] in _LETTER_FINAL_MARKERS
            or (c.isupper() and len(tail) == 3 and tail.isupper() and tail.isalpha())
        ):
            return None
    elif c not in _PREFIX_LAST_CHARS:
        return None
    return _PREFIX.search(text, max(0, s - _PREFIX_WINDOW), s)


def left_currency(text: str, pm: re.Match, raw: Raw) -> None:
    """Apply the currency marker `pm` (from prefix_before) found before the number."""
    if pm.group("sym") is not None:
        sym = pm.group("sym")
        code = SYMBOLS[sym]
        if sym[0].isalpha() and pm.start() > 0 and text[pm.start() - 1].isalpha():
            return  # "Rs", "RM", "Dh" inside a word are letters, not a currency
        local = LOCAL_SYMBOLS.get(sym)
        if local is not None and len(sym) == 1 and pm.end() != pm.start() + 1:
            return  # a single-letter marker is read glued to the number only ("R68.40")
        raw.kind = K_MONEY
        if local is not None:
            raw.marker = local  # settled by the document locale (currency_context)
        elif code is None:
            raw.marker = "¥" if sym in ("¥", "￥") else "$"
        else:
            raw.currency, raw.basis = code, "symbol"
    elif pm.group("spaced") is not None:
        letters = pm.group("spaced").rstrip("$ ").lower()
        raw.kind, raw.currency, raw.basis = K_MONEY, SPACED_DOLLAR_PREFIXES[letters], "symbol"
    elif pm.group("mcode") is not None:
        # "MEUR 250", "KUSD 40": a scale letter glued to an ISO code (finance tables, filings).
        code = pm.group("mc")
        if code not in ISO_CODES:
            return
        raw.kind, raw.currency, raw.basis = K_MONEY, code, "code"
        raw.scale_word = pm.group("mult")
        apply_scale(raw, CODE_MULTIPLIERS[pm.group("mult")])
    elif pm.group("code") is not None:
        code = pm.group("code")
        code = ALIASES.get(code, code)
        if code not in ISO_CODES:
            return
        if code in WORDLIKE_CODES and (in_caps_run(text, pm.start()) or plural_follows(text, raw.end)):
            return  # "TOP 10 STOCKS", "ALL 5 solutions": words, not Tongan or Albanian money
        raw.kind, raw.currency, raw.basis = K_MONEY, code, "code"
    else:
        code = pm.group("lcode").upper()
        raw.kind, raw.currency, raw.basis = K_MONEY, ALIASES.get(code, code), "code"
    raw.start = pm.start()


def in_caps_run(text: str, pos: int) -> bool:
    """True inside an all-caps headline, where 'TOP 10' or 'ALL 5' are words, not currencies."""
    before = text[max(0, pos - 12):pos]
    words = _CAPS_WORDS.findall(before)
    return bool(words) and all(w.isupper() for w in words)


def left_side(text: str, raw: Raw) -> bool:
    """Qualifier (inside the span), direction and outside qualifiers; rejects ranks, dates,
    ages and model names. Returns False when the anchor is not a figure."""
    pos = raw.start
    # An opening bracket or quote glued to the figure ends the left context.
    if pos and text[pos - 1] in OPEN_PUNCT:
        return True
    tok, _ = _nearest_token(text, pos)
    if not tok:
        if pos < len(text) and text[pos] == "~":
            raw.qualifier = raw.qualifier or "approx"
        return True
    if len(tok) == 1 and tok in OPEN_PUNCT:
        return True
    near, alone, direction, outside, not_money, model, aged = _near_word(tok)
    if not alone:
        return _left_side_words(text, raw, _left_tokens(text, pos, 4), near)
    # The nearest word alone decides (no qualifier phrase, negator, "by" or "of" to follow
    # further left): the same rules as in _left_side_words, with its answers cached.
    if pos < len(text) and text[pos] == "~":
        raw.qualifier = raw.qualifier or "approx"
    if direction is not None:
        raw.direction = direction
    elif outside is not None and raw.qualifier is None:
        raw.qualifier = outside
    kind = raw.kind
    # A physical unit makes the number a measure even after a name ('Processor 2.80 GHz').
    if kind != K_MONEY and (not_money or (model and kind != K_PERCENT and kind != K_QUANTITY)):
        return False
    if aged:
        return False
    if (
        kind == K_MONEY
        and raw.per is None
        and near in _SHARE_PRICE_CUES
        and _share_price_before(text, pos)
    ):
        raw.per = "share"
    return True


_NEAR: Final[dict[str, tuple]] = {}


def _near_word(tok: str) -> tuple:
    hit = _NEAR.get(tok)  # the memo's look-up inline: a call saved per repeated word
    return hit if hit is not None else remember(_NEAR, tok, _read_near_word)


def _read_near_word(tok: str) -> tuple:
    """What the token right before a figure says, for left_side: (the lower-cased word,
    whether it decides alone, direction, outside qualifier, rejects a non-money figure (rank,
    month, ordinal), model name, "aged"). Cached: the same words precede many figures."""
    near = tok.lower().lstrip(OPEN_PUNCT)
    w0 = near.rstrip(",;:")
    alone = not (near in _QUALIFIER_LAST_WORDS or near in _NEGATORS or near == "of" or w0 == "by")
    not_money = (
        (w0 in RANK_WORDS and w0 == near)
        or near in ("no.", "#")
        or w0 in MONTHS
        or (w0.endswith(("th", "st", "nd", "rd")) and w0[:-2].isdigit())
    )
    # (A lower-case word is never a model name: the test is skipped for most words.)
    stripped = tok.strip(_MODEL_STRIP)
    model = not tok.islower() and bool(stripped) and _is_model_name(stripped)
    outside = QUALIFIERS_OUTSIDE.get(w0) if w0 not in DIRECTION_WORDS else None
    return near, alone, DIRECTION_WORDS.get(w0), outside, not_money, model, w0 == "aged"


def _left_side_words(text: str, raw: Raw, toks: list[str], near: str) -> bool:
    """left_side when words further left matter: a qualifier phrase ("more than"), a negator
    ("minus"), "by" after a verb, "age of"."""
    pos = raw.start
    lowered = [near] + [t.lower().lstrip(OPEN_PUNCT) for t in toks[1:]]
    k = 0
    # Qualifier in the span: try three words, then two, then one (every qualifier phrase ends
    # with the nearest word). The tokens never reach across a line break, so a qualifier found
    # here is joined to the figure by spaces.
    if near in _QUALIFIER_LAST_WORDS:
        # The phrases of one, two and three words ending with the nearest one, built by
        # concatenation (a join over a reversed slice cost several times as much).
        phrases = [near]
        if len(lowered) >= 2:
            phrases.append(lowered[1] + " " + near)
            if len(lowered) >= 3:
                phrases.append(lowered[2] + " " + phrases[1])
        for width in (3, 2, 1):
            if len(lowered) >= width:
                q = QUALIFIERS_IN_SPAN.get(phrases[width - 1])
                if q:
                    tok = toks[width - 1]
                    raw.qualifier = q
                    raw.start = _token_start(text, pos, toks, width - 1) + len(tok) - len(tok.lstrip(OPEN_PUNCT))
                    k = width
                    break
        if k == 1 and lowered[0] == "over" and raw.kind == K_DURATION:
            # "invest 180 billion euros over five years": 'over' names the period here, except
            # after 'for/of/in/after' ("for over ten years" means more than ten).
            before = lowered[1] if len(lowered) > 1 else ""
            if before not in ("for", "of", "in", "after", "lasted", "lasting", "took", "spanning"):
                raw.qualifier = None
                raw.start = pos
                k = 0
    if raw.start < len(text) and text[raw.start] == "~":
        raw.qualifier = raw.qualifier or "approx"
    rest = lowered[k:] if k else lowered
    if k == 0 and rest[0] in _NEGATORS:
        raw.start = _token_start(text, pos, toks, 0)
        if raw.value is not None:
            raw.value = -raw.value
        if raw.low is not None:
            raw.low = -raw.low
        if raw.high is not None:
            raw.high = -raw.high
        rest = rest[1:]
    if rest:
        w0 = rest[0].rstrip(",;:")
        if w0 == "by":
            # "expanded by", "cut rates by": the verb is one or two words before "by".
            for w1 in rest[1:3]:
                if w1 in DIRECTION_WORDS:
                    raw.direction = DIRECTION_WORDS[w1]
                    break
        elif w0 in DIRECTION_WORDS:
            raw.direction = DIRECTION_WORDS[w0]
        elif w0 in QUALIFIERS_OUTSIDE and raw.qualifier is None:
            raw.qualifier = QUALIFIERS_OUTSIDE[w0]
        kind = raw.kind
        if kind != K_MONEY:
            if (w0 in RANK_WORDS and w0 == rest[0]) or rest[0] in ("no.", "#"):
                return False
            if w0 in MONTHS:
                return False
            if w0.endswith(("th", "st", "nd", "rd")) and w0[:-2].isdigit():
                return False
            if kind != K_PERCENT and kind != K_QUANTITY and not toks[k].islower():
                # A model name directly before the figure (again joined by spaces, as above).
                # (A lower-case word is never one: the test is skipped for most words.)
                tok0 = toks[k].strip(_MODEL_STRIP)
                if tok0 and _is_model_name(tok0):
                    return False
        # "age of 30", "aged 30", "ages of 3 to 5".
        if w0 == "aged" or (rest[0] == "of" and len(rest) > 1 and rest[1] in ("age", "ages")):
            return False
    if (
        raw.kind == K_MONEY
        and raw.per is None
        and lowered[k if k < len(lowered) else 0] in _SHARE_PRICE_CUES
        and _share_price_before(text, raw.start)
    ):
        raw.per = "share"
    return True


def _is_model_name(tok: str) -> bool:
    """'Model', 'iPhone', 'PCIe', 'Windows': a capitalised non-function word glued to a number
    by one space names a product, not a quantity."""
    # islower() is the quick answer for most words: it implies no upper-case letter.
    if not tok[:1].isalpha() or tok.islower() or not any(c.isupper() for c in tok):
        return False
    if tok.lower() in _NOT_MODEL_WORDS:
        return False
    return tok.isalpha() or any(c.isdigit() for c in tok) or "-" in tok


# Capitalised words that are not product names (one set, for one look-up).
_NOT_MODEL_WORDS: Final = frozenset(
    STOPWORDS | MONTHS | set(QUALIFIERS_IN_SPAN) | set(DIRECTION_WORDS)
    | set(QUALIFIERS_OUTSIDE) | set(CURRENCY_WORDS)
    | {"between", "from", "only", "just", "all", "another", "nearly", "some", "over"}
)


def is_year_like(text: str, s: int, e: int, raw: Raw) -> bool:
    tok = text[s:e]
    if len(tok) != 4 or not tok.isdigit() or not 1800 <= int(tok) <= 2100:
        return False
    if raw.scale_word or raw.kind != K_COUNT:
        return False
    prev, _ = prev_word(text, s)
    return prev.lower().strip(OPEN_PUNCT + ",") in YEAR_CONTEXT or raw.unit is None
