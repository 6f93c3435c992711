"""Numbers as news writes them, in both languages: "2.500", "2,500", "2,5 nghìn", "a few hundred".

Every function here works on *folded* text (see ``watchers.topic.text.fold``): lower case, no
diacritics, so "nghìn" is "nghin" and "rưỡi" is "ruoi".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NUMBER_PATTERN", "Quantity", "find_quantities", "parse_number"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A whole number read from text.

    ``value`` is the figure itself, or the upper bound of a range ("2.000–2.500" has
    ``low=2000, value=2500``). ``approx`` is true for hedged figures ("khoảng 2.500",
    "about 5,200", ranges). ``vague`` marks amounts that are only an order of magnitude
    ("hàng trăm", "a few hundred"): they carry a range but are not reported as figures.
    """

    value: int
    low: int | None = None
    approx: bool = False
    vague: bool = False


# Digits: "2.500" / "2,500" / "1.234.567" (thousands groups), or "5200", "2,5", "2.5".
_DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"
_SCALES: dict[str, int] = {
    "thousand": 1_000,
    "nghin": 1_000,
    "ngan": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "trieu": 1_000_000,
}
_EN_SCALES = frozenset({"thousand", "million", "k"})
_SCALE = r"(?:thousand|million|nghin|ngan|trieu|k)\b"
_UNITS_EN: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNITS_VI: dict[str, int] = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}  # fmt: skip
_WORD_SCALES: dict[str, int] = {"hundred": 100, "tram": 100, **_SCALES}
_WORD_SCALES.pop("k")
_NUMBER_WORD = "|".join(
    sorted({*_UNITS_EN, *_UNITS_VI, *_WORD_SCALES, "ruoi", "linh", "le", "and"}, key=len)[::-1]
)
# "two thousand five hundred", "hai nghìn rưỡi": at least one unit and one more word.
_WORDS = rf"(?:(?:{_NUMBER_WORD})\b[ -]?)+"
_VAGUE: dict[str, tuple[int, int]] = {
    # multiplier ranges: "a few hundred" is 200..900, "hàng trăm" (hundreds) 100..900
    "a few": (2, 9), "few": (2, 9), "several": (3, 9), "vai": (2, 9), "may": (2, 9),
    "hang": (1, 9), "nhieu": (2, 9),
}  # fmt: skip
_VAGUE_RE = re.compile(
    r"\b(?P<q>a few|several|vai|may|hang|nhieu)\s+(?P<scale>hundreds?|thousands?|tram|nghin|ngan)\b"
)
_APPROX_WORDS = (
    r"about|around|approximately|roughly|some|nearly|almost|estimated|an estimated|"
    r"more than|over|fewer than|less than|under|up to|close to|a little over|just over|"
    r"khoang tu|khoang|chung|gan|hon|tren|duoi|chua den|chua toi|uoc tinh|xap xi|tam|toi da|"
    r"it nhat"
)
_APPROX_RE = re.compile(rf"^(?:(?:{_APPROX_WORDS})\s+)+")
_RANGE_SEP = r"\s*(?:-|–|—|to|den|toi)\s*"
# a rise's start before it: "rose from 2,500 to 2,800", "tăng từ … lên" (not "from 250 to 350")
_FROM_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|increased|grew|grown|climbed|raised|tang|nang)\s+(?:\S+\s+){0,3}?"
    r"(?:from|tu)\s+(?:about |around |khoang )?$"
)

# A number as it appears in running text, with an optional range and scale.
NUMBER_PATTERN = re.compile(
    rf"(?<![\w.,/])(?P<a>{_DIGITS})(?:{_RANGE_SEP}(?P<b>{_DIGITS}))?"
    rf"(?:\s*(?P<scale>{_SCALE}))?(?![\w/])"
    rf"|\b(?P<wa>{_WORDS})(?:{_RANGE_SEP}(?P<wb>{_WORDS}))?(?=[\s,.;:)]|$)"
)


def _digits(token: str, *, decimal: str | None) -> Decimal | None:
    """ "2.500" -> 2500, "2,500" -> 2500; "2,5" -> 2.5 when ``decimal`` is ",".

    Without a scale word (``decimal`` None) a separator followed by groups of exactly three
    digits groups thousands in either convention, and any other separator makes a
    non-integer. Before a scale word the word's language tells the decimal mark: "2,5
    nghìn" and "3,287 triệu" are Vietnamese decimals, "2.5 thousand" an English one.
    """
    separators = re.findall(r"[.,]", token)
    if not separators:
        return Decimal(token)
    groups = re.split(r"[.,]", token)
    thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    if len(set(separators)) > 1:
        return None
    if decimal is not None and separators[0] == decimal:
        return Decimal(f"{groups[0]}.{groups[1]}") if len(groups) == 2 else None
    if thousands:
        return Decimal("".join(groups))
    return Decimal(f"{groups[0]}.{groups[1]}") if len(groups) == 2 else None


def _words(phrase: str) -> int | None:
    """ "two thousand five hundred" -> 2500, "hai nghìn rưỡi" -> 2500, "ba trăm" -> 300."""
    tokens = [t for t in re.split(r"[\s-]+", phrase.strip()) if t and t != "and"]
    total, current, last_scale, seen_unit = 0, 0, 1, False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        pair = f"{tok} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in _UNITS_VI:
            current += _UNITS_VI[pair]
            seen_unit = True
            i += 2
            continue
        if tok in _UNITS_EN or tok in _UNITS_VI:
            current += _UNITS_EN.get(tok, _UNITS_VI.get(tok, 0))
            seen_unit = True
        elif tok in ("hundred", "tram"):
            current = max(current, 1) * 100
            last_scale = 100
        elif tok in _WORD_SCALES:
            scale = _WORD_SCALES[tok]
            total += max(current, 1) * scale
            current, last_scale = 0, scale
        elif tok == "ruoi":  # "hai nghìn rưỡi": and a half of the last scale
            current += last_scale // 2
        elif tok in ("linh", "le"):  # "một trăm linh năm" = 105
            pass
        else:
            return None
        i += 1
    if not seen_unit:
        return None
    return total + current


def parse_number(text: str) -> Quantity | None:
    """Read one number expression (already folded or not): the whole string must be a number.

    >>> parse_number("2.500"), parse_number("2,500")
    (Quantity(value=2500, ...), Quantity(value=2500, ...))

    Understands both digit conventions ("2.500" and "2,500" are 2500; a separator followed
    by exactly three digits groups thousands, any other is a decimal point and needs a scale
    word), scale words ("2,5 nghìn", "2.5 thousand", "5 thousand"), number words ("hai nghìn
    rưỡi", "four"), hedges ("khoảng", "about" -> ``approx``), ranges ("2.000–2.500",
    "250 to 350") and vague amounts ("a few hundred", "hàng trăm" -> ``vague``).
    Returns None for anything else, including non-integers such as "3,39".
    """
    from watchers.topic.text import fold

    s = " ".join(fold(text).split())
    approx = False
    hedge = _APPROX_RE.match(s)
    if hedge:
        approx = True
        s = s[hedge.end() :]
    vague = _VAGUE_RE.fullmatch(s)
    if vague:
        lo, hi = _VAGUE[vague["q"]]
        unit = 1_000 if vague["scale"].startswith(("thousand", "nghin", "ngan")) else 100
        return Quantity(value=hi * unit, low=lo * unit, approx=True, vague=True)
    m = NUMBER_PATTERN.fullmatch(s)
    if m is None:
        return None
    return _from_match(m, approx=approx)


def _from_match(m: re.Match[str], *, approx: bool) -> Quantity | None:
    if m["a"] is not None:
        scale = _SCALES[m["scale"]] if m["scale"] else 1
        decimal = None if not m["scale"] else "." if m["scale"] in _EN_SCALES else ","
        a = _digits(m["a"], decimal=decimal)
        b = _digits(m["b"], decimal=decimal) if m["b"] else None
    else:
        scale = 1
        wa = _words(m["wa"])
        a = Decimal(wa) if wa is not None else None
        b = Decimal(w) if m["wb"] and (w := _words(m["wb"])) is not None else None
        if m["wb"] and b is None:
            return None
    if a is None:
        return None
    high = (b if b is not None else a) * scale
    low = a * scale if b is not None else None
    if high != int(high) or (low is not None and low != int(low)):
        return None
    if low is not None and low >= high:
        return None  # "31-12" and other things that only look like ranges
    return Quantity(
        value=int(high), low=int(low) if low is not None else None, approx=approx or b is not None
    )


def find_quantities(folded: str, lang: str | None = None) -> list[tuple[int, int, Quantity]]:
    """Every whole number in a folded text as ``(start, end, quantity)``, hedge words excluded.

    Vague amounts are found too (``quantity.vague``), so callers can tell them apart. In a
    Vietnamese text (``lang`` "vi") English number words are not read: folded Vietnamese
    words are spelled like some ("tên", a name, is "ten").
    """
    found: list[tuple[int, int, Quantity]] = []
    for m in NUMBER_PATTERN.finditer(folded):
        if m["wa"] is not None and not _plausible_words(m["wa"], english=lang != "vi"):
            continue
        q = _from_match(m, approx=False)
        if (q is None or _FROM_BEFORE.search(folded, 0, m.start())) and (m["b"] or m["wb"]):
            # "from 5,200 to 3,000", "rose from 2,500 to 2,800" are two numbers, not a range
            found.extend(_pieces(m))
            continue
        if q is not None:
            end = m.end("scale") if m["scale"] else m.end("b") if m["b"] else m.end("a")
            if m["wa"] is not None:
                end = m.start("wa") + len(m["wa"].rstrip(" -"))
                if m["wb"] is not None:
                    end = m.start("wb") + len(m["wb"].rstrip(" -"))
            found.append((m.start(), end, q))
    for m in _VAGUE_RE.finditer(folded):
        q = parse_number(m.group(0))
        if q is not None:
            found.append((m.start(), m.end(), q))
    spoken = [m.span() for p in (_RATIO, _NOT_ONE) for m in p.finditer(folded)]  # no counts
    found = [f for f in found if not any(a <= f[0] < b for a, b in spoken)]
    found.sort(key=lambda t: t[0])
    return found


# "four in five U.S. troops", "one out of three": a share, not two numbers of anything
_SMALL = r"\d{1,2}|" + "|".join(sorted(_UNITS_EN, key=len, reverse=True))
_RATIO = re.compile(rf"\b(?:{_SMALL})\s+(?:in|out of|of every)\s+(?:{_SMALL})\b(?![.,]?\d)")
# "not one more soldier", "every one of them": a figure of speech, no number of anything
_NOT_ONE = re.compile(
    r"(?:(?<=\bnot )|(?<=\bnor )|(?<=\bno )|(?<=\bevery )|(?<=\beven )|(?<=\bmuch as ))one\b"
    r"|\bone(?=\s+(?:more|single)\b)"
)


def _pieces(m: re.Match[str]) -> list[tuple[int, int, Quantity]]:
    pieces = []
    for group in ("a", "b", "wa", "wb"):
        if m[group] is None:
            continue
        token = m[group].rstrip(" -")
        if group in ("a", "b") and m["scale"] and group == "b":
            token = f"{token} {m['scale']}"
        q = parse_number(token)
        if q is not None:
            start = m.start(group)
            end = (
                m.end("scale")
                if group == "b" and m["scale"]
                else start + len(m[group].rstrip(" -"))
            )
            pieces.append((start, end, q))
    return pieces


def _plausible_words(phrase: str, *, english: bool = True) -> bool:
    """Number words in running text: English ones (``english``), or Vietnamese ones with a
    scale word.

    Vietnamese unit words double as ordinary words ("năm" is also "year", "ba" "three" or
    "father"), so alone they are not taken for numbers in running text.
    """
    tokens = phrase.split()
    if any(t in _UNITS_EN for t in tokens):
        if not english:
            return False
        return not any(t in _UNITS_VI and t not in _UNITS_EN for t in tokens)
    return any(t in ("tram", "nghin", "ngan", "trieu") for t in tokens) and any(
        t in _UNITS_VI for t in tokens
    )


def approx_before(folded_prefix: str) -> bool:
    """Whether the words just before a number hedge it ("khoảng", "about", "more than")."""
    tail = folded_prefix[-40:]
    return re.search(rf"\b(?:{_APPROX_WORDS})\s*$", tail) is not None
