"""Small patterns and look-aheads shared by the left and right grammar (built once at import)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.trie import trie_pattern
from figures.vocab.currencies import CURRENCY_WORDS, LOWER_CODES, SYMBOLS
from figures.vocab.nouns import IRREGULAR_NOUNS, NOT_PLURAL
from figures.vocab.number_words import MAGNITUDES, POINT_WORDS, SPOKEN_DIGITS, TENS, UNITS
from figures.vocab.scales import (
    GLUED_ONLY_SCALES,
    NOT_AFTER_A_NUMBER,
    SCALE_WORDS,
    SPACED_AFTER_CURRENCY,
    UNREAD_SCALE_PHRASES,
)
from figures.vocab.stop_words import STOPWORDS

# A run of number words: "twenty-five", "two hundred and five thousand". The word list is
# prefix-factored (it takes the longest word that fits, as a longest-first alternation would,
# at a fraction of the cost under re.I). A run holds at most MAX_RUN_WORDS words: every anchor
# inside a run matches the rest of it, so an unbounded run made text such as
# "one two three one two three ..." quadratic. Twelve words cover any written-out amount
# ("nine hundred ninety-nine thousand nine hundred ninety-nine" has eight).
MAX_RUN_WORDS: Final = 12
RUN_WORDS: Final = (*UNITS, *TENS, *MAGNITUDES, "dozen")
WORDNUM: Final = "(?:" + trie_pattern(list(RUN_WORDS)) + ")"
WORD_RUN: Final = re.compile(
    rf"{WORDNUM}(?:(?:-|[ ]+|[ ]+and[ ]+){WORDNUM}(?![A-Za-z])){{0,{MAX_RUN_WORDS - 1}}}", re.I
)

# A spoken decimal point after a number: "-point-four", " point two five", "-point-4" (group f:
# the fraction's digits, as digits or as spoken digit words, at most six).
_DIGIT_WORD: Final = "(?:" + trie_pattern(sorted(SPOKEN_DIGITS)) + ")"
# The two characters a SPOKEN_POINT is read after (its callers skip the match otherwise). A set:
# one look-up of a two-character slice costs a tenth of str.startswith with a tuple, a method
# call in the compiled engine.
POINT_STARTS: Final = frozenset({"-p", " p", "-P", " P"})
SPOKEN_POINT: Final = re.compile(
    r"(?:-|[ ]+)(?:" + "|".join(POINT_WORDS) + r")(?:-|[ ]+)"
    rf"(?P<f>\d{{1,6}}(?![\d.,]\d)|{_DIGIT_WORD}(?:(?:-|[ ]+){_DIGIT_WORD}(?![A-Za-z])){{0,5}})(?![A-Za-z0-9])",
    re.I,
)


def spoken_fraction(m: re.Match) -> tuple[Decimal, Decimal]:
    """(fraction, precision) of a SPOKEN_POINT match: "four" -> (0.4, 0.1)."""
    f = m.group("f")
    digits = f if f[0].isdigit() else "".join(str(SPOKEN_DIGITS[w.lower()]) for w in WORD_SPLIT.split(f))
    return Decimal("0." + digits), Decimal(1).scaleb(-len(digits))


# A symbol that begins with a letter starts a word: "T$" (pa'anga) is not the end of "TT$".
# Two tries, the letter-initial symbols behind one shared lookbehind: a flat alternation with a
# lookbehind on each entry costs the regex engine every assertion at every start it tries
# (left.prefix_before searched seven starts in about 10 us; the tries take under 1 us). A trie
# still prefers the longest symbol, as the old longest-first order did.
SYMBOL_ALT: Final = (
    "(?<![A-Za-z])(?:" + trie_pattern([s for s in SYMBOLS if s[0].isascii() and s[0].isalpha()]) + ")"
    "|(?:" + trie_pattern([s for s in SYMBOLS if not (s[0].isascii() and s[0].isalpha())]) + ")"
)
GLUED: Final = re.compile(r"[A-Za-z]+")
# True in the compiled copy of this package (setup.py builds it with mypyc as
# figures._extract_native; see figures.extract.native). The hottest readers have two forms and
# take the one that is cheap where they run: a loop over code points in the compiled engine,
# where a match call (state, match object, group reads) costs several times the loop, and one
# regex match in the interpreter, where each step of a loop is a bytecode round. Both forms give
# the same answer (tests/test_tokens_guards.py runs each against the other).
NATIVE: Final = __name__.startswith("figures._extract_native.")
# Character classes as sets, for the one-character tests of the hot paths: a set look-up costs
# a third of the str method calls they replace in the compiled engine (c.isascii() and
# c.isalpha()). Both hold the empty string's answer too, so a test at the end of the text
# stays the method calls' ("".isascii() is True, "".isalpha() is False).
ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
ASCII_CHARS: Final = frozenset(chr(i) for i in range(128)) | {""}
# The non-ASCII letters that match an ASCII letter under re.I ("İ", "ı", "ſ", the Kelvin sign):
# a guard that reads ASCII words must leave text holding one of them to the full match.
FOLDS_TO_ASCII: Final = "\u0130\u0131\u017f\u212a"
PERCENT: Final = re.compile(
    r"[ \u00a0]?[%％]|[ \u00a0]?(?:(?P<pp>percentage[ -]points?)|(?P<bp>basis[ -]points?|bps|bp)"
    r"|percents?|percentages?|per[ ]cents?|pct)(?![A-Za-z])",
    re.I,
)


def _cjk(word: str) -> bool:
    return all("\u3000" <= ch <= "\u9fff" for ch in word)


# Scale words after a number, as written (case-sensitive): after a space, a no-break space or a
# hyphen, or glued ("5bn"); every form in vocab.scales but the glued-only letters (read with the
# glued suffix, digit_figures), the plurals, and the CJK characters, which follow the digits
# directly (group cn: "10亿"). The longest form wins ("lakh crore" before "lakh").
_SPACED_BASE: Final = frozenset(
    {w for w in SCALE_WORDS if not _cjk(w) and w not in GLUED_ONLY_SCALES and w not in NOT_AFTER_A_NUMBER}
    | set(UNREAD_SCALE_PHRASES)
)


def _case_forms(words: frozenset[str]) -> frozenset[str]:
    """Each lower-case word also Capitalised and in CAPITALS ("Mn", "MILLION", "Lakh Crore"):
    newsrooms and headlines write scale words in every case. Forms in capitals already ("MM")
    are not lowered ("mm" is millimetres)."""
    out = set(words)
    for w in words:
        if w.islower() and len(w) > 1:
            out.add(w.upper())
            out.add(" ".join(p.capitalize() for p in w.split(" ")))
            out.add(w.capitalize())
    return frozenset(out)


SPACED_SCALES: Final = _case_forms(_SPACED_BASE)
# Every written form of a scale word -> its multiplier (SCALE_WORDS in every case).
SCALE_FORMS: Final[dict[str, int]] = {
    **{w: SCALE_WORDS[w.lower()] for w in _case_forms(frozenset(SCALE_WORDS)) if w.lower() in SCALE_WORDS},
    **SCALE_WORDS,
}
CJK_SCALES: Final = frozenset(w for w in SCALE_WORDS if _cjk(w))
SCALE_AFTER: Final = re.compile(
    r"(?:[ \u00a0]|-)?(?P<s>" + trie_pattern(sorted(SPACED_SCALES)) + r")(?![A-Za-z])"
    r"|(?P<cn>" + trie_pattern(sorted(CJK_SCALES)) + ")",
)
# The first word of each SCALE_AFTER form, as written: a cheap pre-filter.
SCALE_FIRST_WORDS: Final = frozenset(w.split(" ")[0] for w in SPACED_SCALES)
# A spaced letter after a currency ("$5 m", "₹7.5 L"): vocab.scales.SPACED_AFTER_CURRENCY.
SCALE_LETTER_AFTER: Final = re.compile(
    r"[ \u00a0](?P<s>" + trie_pattern(sorted(SPACED_AFTER_CURRENCY | {"L"})) + r")(?![A-Za-z0-9])"
)
# Chinese and Japanese currency marks, written after the amount too ("10亿元").
CJK_MARKS: Final = frozenset(m for m in SYMBOLS if _cjk(m))
CN_MARK: Final = re.compile(r"[ ]?(?:" + trie_pattern(sorted(CJK_MARKS)) + ")")
# Prefix-factored (longest name first, as a longest-first alternation): CLDR gives several
# hundred names. A space inside a name stands for any run of spaces.
_CURRENCY_NAME_ALT: Final = trie_pattern(sorted(CURRENCY_WORDS)).replace(r"\ ", "[ ]+")
_CURRENCY_AFTER: Final = re.compile(
    rf"(?:[ \u00a0]+|-)(?:(?P<name>{_CURRENCY_NAME_ALT})(?![A-Za-z])"
    r"|(?P<code>[A-Z]{3})(?![A-Za-z])"
    rf"|(?P<lcode>(?:{'|'.join(sorted(LOWER_CODES))}))(?![A-Za-z]))",
    re.I,
)
_LEADING_LETTERS: Final = re.compile(r"[a-z]*")
# The first run of letters of each currency name ("dollars", "hong", "u" of "u.s. dollar"): a
# word that begins no name skips the long name alternation (see currency_word_after).
def _first_run(name: str) -> str:
    m = _LEADING_LETTERS.match(name)
    return m.group() if m else ""


NAME_FIRST_RUNS: Final = frozenset(_first_run(k) for k in CURRENCY_WORDS)
WORD_SPLIT: Final = re.compile(r"[ -]+")
OPEN_PUNCT: Final = "([{\"'“‘«"
ORDINAL: Final = frozenset({"st", "nd", "rd", "th"})
NOT_HEAD_VERBS: Final = frozenset({"said", "says", "saw", "were", "are"})

# The word next_word reads, as one match (the interpreted engine's form).
_NEXT_WORD: Final = re.compile(r"(?:[ \u00a0]+|-)([A-Za-z][A-Za-z&'’]*(?:-[A-Za-z]+)*)")


def next_word(text: str, pos: int) -> tuple[str, int]:
    """The word after `pos`: after spaces (or one hyphen), an ASCII letter, then letters, "&",
    apostrophes, and hyphenated letter runs ("in-house", "AT&T", "Xiaomi’s"). Returns (word,
    end), or ("", -1) where no word follows. The counted-noun search reads up to three words
    after every number: the compiled engine loops over code points (see NATIVE)."""
    if not NATIVE:
        m = _NEXT_WORD.match(text, pos)
        return (m.group(1), m.end()) if m is not None else ("", -1)
    n = len(text)
    q = pos
    if q < n and text[q] == "-":
        q += 1
    else:
        while q < n and (text[q] == " " or text[q] == "\u00a0"):
            q += 1
        if q == pos:
            return "", -1
    if q >= n or not is_ascii_letter(ord(text[q])):
        return "", -1
    end = q + 1
    while end < n:
        o = ord(text[end])
        if not (is_ascii_letter(o) or o == 38 or o == 39 or o == 0x2019):  # & ' ’
            break
        end += 1
    # "-[A-Za-z]+" parts: a hyphen counts only with a letter after it
    while end + 1 < n and text[end] == "-" and is_ascii_letter(ord(text[end + 1])):
        end += 2
        while end < n and is_ascii_letter(ord(text[end])):
            end += 1
    return text[q:end], end


_LETTER_RUN: Final = re.compile(r"[A-Za-z]*")  # letters_end, as one match


def letters_end(text: str, i: int) -> int:
    """Where the run of ASCII letters at `i` ends (`i` itself when none is there). The guards
    read the next word with it: a loop over code points compiled, one match interpreted."""
    if NATIVE:
        n = len(text)
        while i < n and is_ascii_letter(ord(text[i])):
            i += 1
        return i
    m = _LETTER_RUN.match(text, i)
    assert m is not None  # the pattern matches the empty string
    return m.end()



def is_ascii_letter(o: int) -> bool:
    """Whether code point `o` is an ASCII letter (the compiled loops test code points: no
    one-character string is made)."""
    return 97 <= o <= 122 or 65 <= o <= 90


_PEEK: Final = re.compile(r"[ \u00a0]*(-?)([A-Za-z]*)")  # peek's read, as one match


def peek(text: str, cur: int) -> tuple[str, str, int, bool]:
    """What follows `cur`, for the right side's guards: the first character after any spaces,
    the ASCII letters after that (and after one hyphen), where those letters end, and whether
    a non-ASCII character there leaves the guards unsure (currency signs, CJK marks, en dashes,
    and the letters that case-fold to ASCII under re.I: 'ſ', 'K', 'ı', 'İ'). Unsure means: run
    every matcher."""
    # It runs once or twice per anchor: the compiled engine loops over code points (NATIVE).
    if NATIVE:
        n = len(text)
        q = cur
        while q < n and (text[q] == " " or text[q] == "\u00a0"):
            q += 1
        i = q + 1 if q < n and text[q] == "-" else q
        end = i
        while end < n and is_ascii_letter(ord(text[end])):
            end += 1
    else:
        m = _PEEK.match(text, cur)
        assert m is not None  # every part of _PEEK is optional
        q, i, end = m.start(1), m.start(2), m.end()
    first = text[q:q + 1]
    return first, text[i:end], end, not (first in ASCII_CHARS and text[end:end + 1] in ASCII_CHARS)


def plural_follows(text: str, pos: int) -> bool:
    """'8.8m subscribers': a counted noun after a glued 'm' makes it a scale, not metres."""
    word, end = next_word(text, pos)
    if end < 0 or text[pos] == "-":
        return False
    w = word.lower()
    return w in IRREGULAR_NOUNS or (w.endswith("s") and w not in NOT_PLURAL and w not in STOPWORDS)


def cn_mark(text: str, pos: int) -> re.Match | None:
    """CN_MARK.match(text, pos), skipped where the character after the optional space is ASCII
    (every mark is CJK): most numbers are followed by an ASCII space and word."""
    i = pos + 1 if text[pos:pos + 1] == " " else pos
    if text[i:i + 1] in ASCII_CHARS:
        return None
    return CN_MARK.match(text, pos)


def currency_follows(text: str, pos: int) -> bool:
    return bool(currency_word_after(text, pos)) or bool(cn_mark(text, pos))


def match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """End of a match of `pattern` at `pos`, for patterns that match the empty string."""
    m = pattern.match(text, pos)
    assert m is not None  # the pattern matches the empty string
    return m.end()


def currency_word_after(text: str, cur: int) -> re.Match | None:
    """_CURRENCY_AFTER.match(text, cur), run only when it can match: its name alternation is
    the costliest match of the right side (about 1 us), and most next words begin no name.

    After the spaces or hyphen, a match needs a name whose first letter run is the next word's
    (lower-cased), or a three-letter code. Non-ASCII letters can case-fold to ASCII under
    re.I, so a word touching one always gets the full match."""
    n = len(text)
    if cur >= n:
        return None
    c = text[cur]
    if c == "-":
        q = cur + 1
    elif c == " " or c == "\u00a0":
        q = cur + 1
        while q < n and (text[q] == " " or text[q] == "\u00a0"):
            q += 1
    else:
        return None
    end = letters_end(text, q)
    if (
        end - q == 3
        or text[q:end].lower() in NAME_FIRST_RUNS
        or text[end:end + 1] not in ASCII_CHARS
    ):
        return _CURRENCY_AFTER.match(text, cur)
    return None
