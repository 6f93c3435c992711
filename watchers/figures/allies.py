"""The coalition's other members: what says they act for themselves, and which are named.
Pure: no I/O.

``ALLY_ACTS`` matches *folded* text, as ``lexicon``'s patterns do; ``partners`` reads the text
as written.
"""

from __future__ import annotations

import re

__all__ = ["ALLIES_EN", "ALLIES_VI", "ALLY_ACTS", "partners"]

# Other members of the coalition: other actors, and as the subject of leaving, cutting or
# keeping (``ALLY_ACTS``): "Britain will withdraw its 400 troops by the end of 2025", "Poland
# will keep its 90 soldiers until December 31" are Britain's and Poland's dates, not the
# coalition's (not "Speaking in Britain, Sudani said the troops would leave"; nor "ba lần").
ALLIES_EN = (
    r"british|britain|uk|u\.k\.?|united kingdom|french|france(?![- ](?:presse|24)\b)|german|"
    r"germany|italian|italy|spanish|spain|australian|australia|canadian|canada|danish|denmark|"
    r"norwegian|norway|dutch|netherlands|polish|poland|hungarian|hungary|czech|japanese|japan|"
    r"finnish|finland|swedish|sweden|portuguese|portugal|belgian|belgium|lithuanian|lithuania|"
    r"romanian|romania|estonian|estonia|latvian|latvia|slovak|slovakia|greek|greece|new zealand"
)
ALLIES_VI = (
    r"phap|duc|canada|dan mach|na uy|ha lan|ba lan|australia|phan lan|thuy dien|bo dao nha|"
    r"litva|romania|estonia|latvia|slovakia|hy lap|tay ban nha"
)
_ALLIES = rf"{ALLIES_EN}|{ALLIES_VI}|anh|uc|nhat ban"
ALLY_ACTS = re.compile(
    rf"\b(?P<ally>{_ALLIES})(?:\s*(?:,|and|va)\s*(?:{_ALLIES}))*(?:'s|’s)?\s+"
    # "Denmark said on Thursday it will withdraw", "Đan Mạch hôm thứ Năm cho biết sẽ rút"
    r"(?:[^.;]{0,30}?\b(?:(?:said|says|announced)\b[^.;,]{0,20}?\s+it|cho biet|thong bao)\s+)?"
    r"(?:\d[\d.,]*\s+)?"  # "Italy's 300 advisers will leave"
    r"(?:(?:forces?|troops?|military|government|army|contingent|soldiers|advis[eo]rs|trainers|"
    r"quan doi|binh si|luc luong|chinh phu|co van)\s+)?"
    r"(?:(?:will|would|is to|are to|plans? to|intends? to|to|has|have|had|se|da|dang|du kien|"
    r"quyet dinh|cung)\s+)*(?:withdraw\w*|pull\w*|leav\w*|rut|roi|(?P<keep>(?:keeps?|giu)\s+"
    r"(?:(?!that\b|rang\b)[^\s,;]+\s+){0,5}?(?:troops|soldiers|forces|contingent|detachment|"
    r"advis[eo]rs|trainers|binh si|luc luong|co van|huan luyen vien|phan doi)|"
    r"(?:extend\w*|keo dai|gia han)\s+(?:[^\s,;]+\s+){0,2}?"
    r"(?:mission|deployment|stay|presence|su menh|nhiem vu|hien dien))|"
    r"(?:cut\w*|reduc\w*|giam|cat giam)\s+(?:[^\s,;]+\s+){0,2}?"
    r"(?:troops|forces|presence|contingent|soldiers|quan|binh si|luc luong)"  # "đưa … về nước"
    r"|dua\s+(?:[^\s,;]+\s+){1,6}?(?:roi|rut|ve nuoc)|bring\w*\s+(?:[^\s,;]+\s+){0,6}?home)\b"
)

# The same members by their names as written, in both languages (case and diacritics kept:
# "Ba Lan" and not "ba lần", "Úc" and not "ký ức"; not "Anh", also a name and a pronoun), for
# telling a member's own story from the coalition's (``partners``)
_PARTNER_NAMES: dict[str, str] = {
    "Britain": r"British|Britain|UK|U\.K\.|United Kingdom|Vương quốc Anh|nước Anh",
    "France": r"French|France|Pháp",
    "Germany": r"German|Germany|Đức",
    "Italy": r"Italian|Italy|Italia",
    "Spain": r"Spanish|Spain|Tây Ban Nha",
    "Australia": r"Australian|Australia|Úc",
    "Canada": r"Canadian|Canada",
    "Denmark": r"Danish|Denmark|Đan Mạch",
    "Norway": r"Norwegian|Norway|Na Uy",
    "Netherlands": r"Dutch|Netherlands|Hà Lan",
    "Poland": r"Polish|Poland|Ba Lan",
    "Hungary": r"Hungarian|Hungary",
    "Czechia": r"Czech|Séc",
    "Japan": r"Japanese|Japan|Nhật Bản",  # not "Nhật" alone: "Chủ Nhật" (Sunday)
    "Finland": r"Finnish|Finland|Phần Lan",
    "Sweden": r"Swedish|Sweden|Thụy Điển",
    "Portugal": r"Portuguese|Portugal|Bồ Đào Nha",
    "Belgium": r"Belgian|Belgium|Bỉ",
    "Lithuania": r"Lithuanian|Lithuania|Litva",
    "Romania": r"Romanian|Romania",
    "Estonia": r"Estonian|Estonia",
    "Latvia": r"Latvian|Latvia",
    "Slovakia": r"Slovak|Slovakia",
    "Greece": r"Greek|Greece|Hy Lạp",
    "New Zealand": r"New Zealand",
}
_PARTNER = re.compile(
    "|".join(rf"(?P<p{i}>\b(?:{v})\b)" for i, v in enumerate(_PARTNER_NAMES.values()))
)
_PARTNER_KEYS = list(_PARTNER_NAMES)


def partners(text: str) -> frozenset[str]:
    """The coalition's other members ``text`` (as written, in NFC) names."""
    return frozenset(
        _PARTNER_KEYS[int(next(k for k, v in m.groupdict().items() if v)[1:])]
        for m in _PARTNER.finditer(text)
    )
