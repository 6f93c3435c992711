"""What a count after its troop noun counts, where and whose (``watchers.figures.troops``):
another thing counted ("two bases"), a site right after the noun, a base named by a common
noun, the owner said after it ("from other coalition nations"). Folded text. Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures import lexicon as lx
from watchers.figures.places import country_of

# Things a number without a troop noun counts instead: "two bases", "three US officials"
OTHER_COUNT = re.compile(
    r"\s*(?:(?!(?:at|in|of|from|to|by|for|on|with|including|and|or|tai|o|trong|cua|den|va)\b)"
    r"\w+\s+)?(?:bases|sites|camps|outposts|stations|officials|phases|stages|groups|provinces|"
    r"countries|nations|embassies|lawmakers|ministers|diplomats|helicopters|jets|drones|"
    r"rockets|can cu|giai doan|quan chuc|quoc gia|nhom)\b"
)
# A site right after the noun: "800 US troops are at Al-Safra" (not "in Operation ...")
_STAY = (
    r"are|were|is|was|will|remain|remained|stay|stayed|stationed|based|deployed|currently|now|"
    r"still|dang|van|hien|con lai|con|se|co mat"
)
_AT = r"(?:at|o lai|o|tai)"  # "sẽ ở lại Umm Nakhla", "còn lại tại trại" ("còn lại": _STAY)
AT_SITE = re.compile(
    rf"\s*(?:(?:my|hoa ky)\s+)?(?:(?:cuoi cung|con lai)\s+)?(?:(?:{_STAY}|dong quan|dong)\s+)*"
    rf"(?:{_AT}|in)\s+"
    r"(?!(?:operation|nato|the|chien dich)\b)"
)  # "… quân nhân Mỹ cuối cùng ở căn cứ …": the last ones, at the site
# A site that holds the troops, as the subject: "Dar al-Salam now holds", "Al-Sahra hiện còn"
SITE_HOLDS = re.compile(r"\b(?:holds|hosts|houses|is home to)\s*$")
SITE_STILL_HAS = re.compile(
    r"^\W*(?:(?:trai|can cu|camp)\s+)?(?P<name>(?:al[- ])?\w+(?:-\w+)?)\s+(?:hien|van|hien van)\s+"
    r"(?:con|co)\s*$"
)
# ... or named before the clause of the number: "Camp Halberd, where about 1,805 US troops are
# now based", "Trại Halberd, nơi hiện có khoảng 1.805 lính Mỹ"
SITE_WHERE = re.compile(
    r"\b(?:trai|can cu|camp|base|airfield|air base|san bay)\s+(?P<name>(?:al[- ])?\w+(?:-\w+)?)"
    r"\s*,\s*(?:noi|where)(?:\s+(?:hien|van|now|currently|co|con))*\s*$"
)
PROVINCE = re.compile(r"anbar\b")  # a province that stands for its base (Ain al-Asad)
BASE_WORD = re.compile(
    r"\b(?:camp|base|air base|airbase|airfield|air station|trai|can cu|san bay)\b"
)
AL_NAME = re.compile(r"al[- ](?=\w)")  # "at al-Buhaira": a name, though not capitalised
# ...or a base named by a common noun: "leaving about 520 US personnel at the base"
AT_THE_BASE = re.compile(
    rf"\s*(?:(?:my|hoa ky)\s+)?(?:(?:cuoi cung|con lai)\s+)?"
    rf"(?:(?:{_STAY}|had|have|has|worked|served|dong quan|dong|"
    rf"lam viec)\s+)*{_AT}\s+(?:(?:the|this|that|a|an|mot)\s+(?:[\w-]+\s+)?)?(?:air )?"
    r"(?:base|station|camp|airfield|hub|can cu|trai|san bay|tram khong quan|tram)\b"
)
# ...or "there" after a base named before with no place we know: "handed Camp Taji to Iraqi
# forces, but none of the roughly 450 US troops stationed there left", "bàn giao căn cứ Tel Ruman
# …, nhưng không ai trong số khoảng 450 binh sĩ Mỹ đóng tại đây rời khỏi Iraq" (not "Căn cứ Ain
# al-Asad hiện có khoảng 1.200 binh sĩ Mỹ đóng tại đây": Ain al-Asad's)
_THERE = re.compile(
    r"\s*(?:(?:my|hoa ky)\s+)?(?:(?:are|were)\s+)?(?:stationed|based|deployed|dong quan|dong|"
    r"don tru)\s+(?:there|here|(?:tai|o)\s+(?:day|do))\b"
)


def there_at_a_base(text: str, start: int, at: int, noun_end: int, before: list[str]) -> bool:
    """Whether troops said "there" after their noun (at ``noun_end``) are at a base the
    sentence (from ``start``) names before the number (at ``at``), the places named before it
    (``before``) being only countries."""
    if not _THERE.match(text, noun_end) or not BASE_WORD.search(text, start, at):
        return False
    return all(country_of(name) == name for name in before)


# Whose troops, said after the noun: "from other coalition nations", "của các nước khác"...
FROM_OWNER = re.compile(  # not a change's source: "fell to about 2,700 from about 3,150"
    r"\s*(?:from|of|cua|tu cac (?:nuoc|quoc gia))\s+(?!(?:about|around|roughly|some|nearly|"
    r"approximately|an estimated|khoang)\s*\d|\d{1,3}[.,]\d{3}\b)"
)
# Words that set troops apart from an actor named after them: "other than the United States"
OTHER_THAN = r"other than|excluding|except"
# ...unless a force another backs or trains: "from the US-backed Syrian Democratic Forces"
NOT_OWNER = re.compile(
    rf"backed|trained|supported|{OTHER_THAN}|besides|hau thuan|huan luyen|ho tro|"
    r"(?:ngoai|tru|khong phai cua) (?:my|hoa ky)\b"
)
# a list of counts after the noun, then where they all are: "412 binh sĩ Mỹ, 70 binh sĩ Anh và
# 163 nhà thầu dân sự tại căn cứ", "412 US soldiers, 70 British soldiers and 163 contractors at"
LIST_THEN = re.compile(  # (not "2,500 US troops in Iraq, about 1,500 of them at the base")
    r"(?:\s+(?!(?:in|at|o|tai|trong)\b)[^\s,;.\d]+){0,2}?(?:\s*(?:,|\band\b|\bva\b)\s*(?:and\s+|va\s+)?"
    r"(?:about |khoang )?\d[\d.,]*(?:\s+(?!(?:of|trong)\b)[^\s,;.\d]+){1,4}?)+(?=\s+(?:at|tai|o)\s)"
)
# the dead "fallen" ("The number of fallen US soldiers in Iraq rose to 4,500"; not "At a ceremony
# honouring fallen US soldiers, the Pentagon said about 2,500"), and the dead or wounded whose
# count rose ("The number of US troops injured … has risen to 34", "Số … bị thương … tăng lên")
FALLEN = re.compile(
    r"\bfallen (?:\S+ )?(?:soldiers|troops|service members)\b(?:(?!\b(?:said|says|and)\b)[^.;,])*$|"
    rf"{lx.CASUALTY.pattern}(?:(?!\b(?:and|said|while|va|trong khi)\b)[^.;,])*"
    r"\b(?:rose|risen|rising|climbed|tang len|len toi|len den)\b[^.;,]*$|"
    # the dead before "bringing the total", or history: "In 2014 Obama sent 450 …, bringing the"
    rf"(?:{lx.CASUALTY.pattern}|\bfallen\b|\b(?:in|by) (?:19|20|21)\d\d\b)[^.;]*"
    r"\bbringing the total\b[^.;]*$"
)


# a site's words before the first place we know after it, that say the troops go there rather
# than are there: "at Nakhil would leave Iraq" (not "at Al-Harir air base in Erbil", "in Iraqi
# Kurdistan", "ở Căn cứ Không quân Ain al-Asad")
_GOES_TO = re.compile(
    r"[,;]\s|\b(?:would|will|could|should|may|might|to|leav\w*|left|mov\w*|went|go\w*|head\w*|"
    r"se|roi|chuyen|ve)\b"
)


def located_at(gap: str) -> bool:
    """Whether the words between a site named after a troop noun and the first place we know
    after it (``gap``) locate the site there: the clause does not end between them, nor do
    they say where the troops go."""
    return _GOES_TO.search(gap) is None
