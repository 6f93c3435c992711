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
    r"norwegian|norway|dutch|netherlands|polish|poland|hungarian|hungary|czech(?: republic)?|"
    r"czechia|japanese|japan|finnish|finland|swedish|sweden|portuguese|portugal|belgian|"
    r"belgium|lithuanian|lithuania|romanian|romania|estonian|estonia|latvian|latvia|slovak|"
    r"slovakia|greek|greece|new zealand"
)
ALLIES_VI = (
    r"phap|duc|canada|dan mach|na uy|ha lan|ba lan|australia|phan lan|thuy dien|bo dao nha|"
    r"litva|romania|estonia|latvia|slovakia|hy lap|tay ban nha|(?:cong hoa )?sec|hungary"
)
_ALLIES = rf"{ALLIES_EN}|{ALLIES_VI}|anh|uc|nhat ban"
ALLY_ACTS = re.compile(
    rf"\b(?P<ally>{_ALLIES})(?:\s*(?:,|and|va)\s*(?:{_ALLIES}))*(?:'s|’s)?\s+"
    # "Denmark said on Thursday it will withdraw", "Đan Mạch hôm thứ Năm cho biết sẽ rút", "Bộ
    # trưởng Quốc phòng Đan Mạch Anders Rønholt cho biết nước này sẽ rút" (the member the one
    # who says it: not "gặp người đồng cấp Anh và cho biết nước này", "đại sứ Pháp, ông Rubio…")
    r"(?:[^.;]{0,30}?\b(?:(?:said|says|announced)\b[^.;,]{0,20}?\s+it|cho biet|thong bao)\s+|"
    r"(?:(?!\bva\b)[^.;,]){0,50}?\b(?:cho biet|thong bao)\s+(?:nuoc nay|ho)\s+)?"
    r"(?:\d[\d.,]*\s+)?"  # "Italy's 300 advisers will leave"
    r"(?:(?:forces?|troops?|military|government|army|contingent|soldiers|advis[eo]rs|trainers|"
    r"(?:staff )?officers|personnel|instructors|quan doi|binh si|luc luong|chinh phu|co van)\s+"
    r"(?:(?:in|at|based in|stationed in) (?:iraq|erbil|baghdad|kurdistan)\s+)?)?"
    r"(?:(?:will|would|is to|are to|plans? to|intends? to|to|has|have|had|se|da|dang|du kien|"
    r"quyet dinh|cung)\s+)*(?:withdraw\w*|pull\w*|leav\w*|rut|roi|"
    # "Six Danish staff officers will move to Kani Sard … and stay there until the end of 2052"
    r"mov(?:e|es|ed|ing)|relocat\w*|chuyen|(?P<keep>(?:keeps?|giu)\s+"
    r"(?:(?!that\b|rang\b)[^\s,;]+\s+){0,5}?(?:troops|soldiers|forces|contingent|detachment|"
    r"advis[eo]rs|trainers|personnel|binh si|luc luong|co van|huan luyen vien|phan doi)|"
    r"(?:extend\w*|keo dai|gia han)\s+(?:[^\s,;]+\s+){0,2}?"
    r"(?:mission|deployment|stay|presence|su menh|nhiem vu|hien dien)|"
    r"(?:stays?|remains?|o lai)(?= (?:in|at|there|until|till|through|tai|o|den|cho den)\b))|"
    r"(?:cut\w*|reduc\w*|giam|cat giam)\s+(?:[^\s,;]+\s+){0,2}?"
    r"(?:troops|forces|presence|contingent|soldiers|quan|binh si|luc luong)"  # "đưa … về nước"
    r"|dua\s+(?:[^\s,;]+\s+){1,6}?(?:roi|rut|ve nuoc)|bring\w*\s+(?:[^\s,;]+\s+){0,6}?home|"
    r"(?:be|come|go|return|head)(?:s|ing)? (?:back )?home)\b"
)

# The same members by their names as written, in both languages (case and diacritics kept:
# "Ba Lan" and not "ba lần", "Úc" and not "ký ức"), for telling a member's own story from the
# coalition's (``partners``). "Anh" and "Ý" (also a name, a pronoun, an idea) only as a country's
# ("nước Anh", "quân đội Ý", "binh sĩ Anh", "Đại sứ quán Anh", "Anh sẽ rút…", "Anh hiện có
# khoảng 420", "Anh sẽ rời căn cứ")
_PARTNER_NAMES: dict[str, str] = {
    "Britain": r"British|Britain|Britons?|Brits|UK|U\.K\.|United Kingdom|Vương quốc Anh|"
    r"(?:(?<=nước )|(?<=quân )|(?<=đội )|(?<=phủ )|(?<=binh sĩ )|(?<=lượng )|(?<=sứ quán )|"
    r"(?<=Quốc phòng )|(?<=Ngoại giao )|(?<=hủ tướng ))Anh(?! em)|"
    # ... and before what it does with its troops or bases (not "Anh rời Iraq năm 2011", "Anh
    # hiện có hai con": a pronoun)
    r"Anh(?= (?:sẽ (?:rút|rời|bàn giao|giữ)|hiện (?:có|còn)|đã rút|rút) [^.;]{0,40}?"
    r"(?:binh sĩ|quân|căn cứ|lực lượng|huấn luyện viên|cố vấn|khỏi))",
    "France": r"French|France(?! 24)|Pháp(?! [Ll]uật| lý)",
    "Germany": r"German|Germans|Germany|Đức(?! Giáo| Cha| Thánh| Phật| Mẹ)",
    "Italy": r"Italians?|Italy|Italia|Ý(?= sẽ rút| rút| đã rút)",
    "Spain": r"Spanish|Spaniards|Spain|Tây Ban Nha",
    "Australia": r"Australians?|Australia|Úc",
    "Canada": r"Canadians?|Canada",
    "Denmark": r"Danish|Danes|Denmark|Đan Mạch",
    "Norway": r"Norwegians?|Norway|Na Uy",
    "Netherlands": r"Dutch|Netherlands|Hà Lan",
    "Poland": r"Polish|Poles|Poland|Ba Lan",
    "Hungary": r"Hungarians?|Hungary",
    "Czechia": r"Czechs?|Séc",
    "Japan": r"Japanese|Japan|Nhật Bản",  # not "Nhật" alone: "Chủ Nhật" (Sunday)
    "Finland": r"Finnish|Finns|Finland|Phần Lan",
    "Sweden": r"Swedish|Swedes|Sweden|Thụy Điển",
    "Portugal": r"Portuguese|Portugal|Bồ Đào Nha",
    "Belgium": r"Belgians?|Belgium|Bỉ(?! ổi)",
    "Lithuania": r"Lithuanians?|Lithuania|Litva",
    "Romania": r"Romanians?|Romania",
    "Estonia": r"Estonians?|Estonia",
    "Latvia": r"Latvians?|Latvia",
    "Slovakia": r"Slovaks?|Slovakia",
    "Greece": r"Greeks?|Greece|Hy Lạp",
    "New Zealand": r"New Zealand(?:ers)?",
}
# Not a member acting: a compound ("UK-based", "German-made", "France-Presse"), a city's
# country ("Brussels (Bỉ)") or a source ("Báo Đức:", "hãng tin Pháp AFP"). A venue ("In
# Canada, …") is read: "In Germany, the Bundestag voted to withdraw" is Germany acting, and a
# member misread costs a split, one missed a merge.
_PARTNER_SOURCE = (
    r"(?<![\w.])(?<!\()(?<!Báo )(?<!hãng tin )(?<!Hãng tin )(?<!tờ )(?<!Tờ )(?:"
    + "|".join(rf"(?P<p{i}>{v})" for i, v in enumerate(_PARTNER_NAMES.values()))
    + r")(?!\w)(?![‐-](?:based|born|made|built|language|speaking|hosted|educated|owned|"
    r"registered|flagged|Presse)\b)"
)
_PARTNER = re.compile(_PARTNER_SOURCE)
_PARTNER_CAPITALS = re.compile(_PARTNER_SOURCE, re.IGNORECASE)  # a title in capitals
_PARTNER_KEYS = list(_PARTNER_NAMES)
# a one-word name after a person's middle name, given name or title: a person's ("Lê Văn Đức",
# "Tuấn Anh", "ông Đức"), not "Quân Pháp", "Sau Mỹ, Đức"
_PERSON_BEFORE = re.compile(
    r"\b(?:Văn|Thị|Minh|Hữu|Trọng|Tuấn|Quốc|Đình|Xuân|Thanh|Hoàng|Ngọc|Công|Duy|Tiến|Mạnh|"
    r"Việt|Hồng|Đức|Anh|ông|bà|Ông|Bà|(?<!hủ )tướng|Tướng)\s+$"  # not "Thủ tướng Anh"
)
_SHORT_VI = frozenset({"Anh", "Đức", "Pháp", "Úc", "Bỉ", "Ý"})


def partners(text: str) -> frozenset[str]:
    """The coalition's other members ``text`` (as written, in NFC) names: as a member acting,
    not in a compound, as a source or in a person's name; a text in capitals whatever the
    case ("PHẦN LAN SẼ RÚT", "UK TO PULL")."""
    pattern = _PARTNER_CAPITALS if text.isupper() else _PARTNER
    found = set()
    for m in pattern.finditer(text):
        name = m.group()
        if name in _SHORT_VI and _PERSON_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Văn Đức", "Tuấn Anh"
        found.add(_PARTNER_KEYS[int(str(m.lastgroup)[1:])])  # the names' groups are "p<i>"
    return frozenset(found)
