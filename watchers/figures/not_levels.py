"""Numbers beside a troop noun that are no level of ours, whatever the words around them say
of time: a wish or a threshold, a unit's size, a headline's list, words quoted for effect,
NATO's own mission, a site the reader does not know. Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures import counted as cx
from watchers.figures import lexicon as lx
from watchers.figures import tenses as tw
from watchers.figures.forecasts import forecast, weighed
from watchers.figures.sentence import Sentence

__all__ = [
    "FORCE_SIZE", "aside", "nato_only", "not_a_level", "site_holds", "site_where", "sized_after",
    "unknown_base",
]  # fmt: skip

_WITH_END = re.compile(r",\s*(?:with|voi)\s*$")
# "Lực lượng Đặc nhiệm Kestrel (của lục quân Mỹ), gồm khoảng 400 binh sĩ", "Task Force Kestrel,
# made up of 400";
# a task force of one arm, not named: "an aviation task force of about 300 soldiers", "Một lực
# lượng đặc nhiệm không quân lục quân Mỹ gồm khoảng 300 binh sĩ" (not "A US task force of about
# 2,500 troops remains in Iraq", the whole force)
_ARM = (
    r"aviation|helicopter|logistics?|engineer(?:ing)?|artillery|air defen[cs]e|medical|"
    r"khong quan|truc thang|hau can|cong binh|phao binh|phong khong|quan y"
)
_UNIT_OF = re.compile(
    r"\b(?:(?<!joint )task force|luc luong dac nhiem(?! lien hop))(?:\s+(?!(?:in|at|cua|tai|o)\b)"
    r"[^\s,;]+)(?:\s+(?!(?:in|at|tai|o|trong)\b)[^\s,;]+){0,4}?\s*,\s*"  # not "… in Iraq,"
    r"(?:with|comprising|made up of|gom|bao gom|voi)\s*$|"
    rf"\b(?:{_ARM})\s+task force\s+(?:of|with|comprising|made up of)\s*$|"
    rf"\bluc luong dac nhiem\s+(?:{_ARM})\b(?:\s+[^\s,;]+){{0,4}}?\s+(?:gom|bao gom)\s*$"
)
# a unit, then its size: "A US helicopter battalion with about 370 soldiers ... left", "an
# air-defense battery of about 220 soldiers", "một khẩu đội phòng không gồm khoảng 220 binh sĩ"
_UNIT_WITH = re.compile(  # (not "The brigade left Baghdad with 2,500 US troops remaining")
    r"\b(?:battalion|brigade|battery|company|squadron|regiment|detachment)\s+(?:with|of)\s+$|"
    r"\b(?:tieu doan|lu doan|dai doi|phi doi|trung doan|khau doi)\b(?:\s+[^\s,;]+){0,3}?\s*,?\s+"
    r"(?:voi|gom)\s+$"
)
_IS_A = re.compile(
    r"\b(?:is|are|was|were|la)\s+(?:now\s+|only\s+|chi\s+)?(?:an?|one|mot)\s+(?:\S+\s+){0,3}$"
)
# soldiers of a unit ("of the army's 14th Division", "from the 10th Mountain Division",
# "thuộc Sư đoàn 14", "thuộc Lực lượng đặc nhiệm Kestrel", "of a helicopter unit", "thuộc một
# đơn vị trực thăng"): the unit's size; not the coalition's task force ("Combined Joint Task
# Force", "Lực lượng Đặc nhiệm Liên hợp"), nor "units" in general ("nhiều đơn vị khác nhau")
_OF_UNIT = re.compile(
    r"\s*(?:(?:my|hoa ky)\s+)?(?:"
    r"(?:(?:of|from|thuoc|cua|tu)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}?)?"
    r"(?:division|brigade|battalion|regiment|su doan|lu doan|tieu doan|trung doan)\b"
    r"|(?:of|thuoc|cua)\s+(?:(?:the|an?|one|two|three|mot|hai|ba)\s+)?"
    r"(?:(?!(?:cac|nhung|nhieu|my|us|operation|inherent|resolve|coalition|lien)\b)"
    r"[\w.'’-]+\s+){0,3}?"
    r"(?<!joint )(?:task force|units?|detachments?|luc luong dac nhiem(?! lien hop)|don vi)\b"
    r"(?! (?:khac|lien hop|lien quan))"
    r")"
)
# a number coordinated with one moved: "move the roughly 1,490 troops at Camp Stonebridge and
# about 140 advisers out of federal Iraq" (not "withdraw 500 and keep 2,000": its own verb)
_MOVED_AND = re.compile(
    r"\b(?:mov(?:e|es|ed|ing)|rotat\w*|relocat\w*|redeploy\w*|send(?:s|ing)?|sent|"
    r"withdraw\w*|withdrew|pull(?:s|ed|ing)? out|di chuyen|chuyen|rut|dieu)\s+(?:the\s+|cac\s+)?"
    r"(?:(?:roughly|about|some|nearly|around|khoang)\s+)?\d[\d.,]*\s+[^,;\d]{0,45}?\b(?:and|va)\s+$"
)
# the last ones, who leave: how many go, not how many stay ("The last 14 US advisers at the
# Basra command left on Sunday", "14 cố vấn quân sự Mỹ cuối cùng làm việc tại … đã rời trụ sở";
# not "the last 2,500 US troops will remain")
_LAST = re.compile(r"\b(?:the|its|their) (?:last|final|first)\s*$")
_LAST_LEAVE = re.compile(  # their own verb: not "will remain … after the others leave", "not"
    r"(?:(?!\b(?:remain\w*|stay\w*|not|never|after|o lai|khong|chua|sau khi|duy tri)\b)"
    r"[^,;.]){0,150}?\b(?:left|leaves?|leaving|departed|departs?|withdr[ae]w\w*|pulled out|"
    r"flew (?:out|home)|(?:da |se |vua )?(?:roi|rut|ve nuoc|ra di))\b"
)
# "cuối cùng" right after the troops, not "… tại Iraq và cuối cùng sẽ rút" (eventually)
_LAST_AFTER = re.compile(r"(?:\s+(?!hien\b|va\b)\S+){0,8}?\s+(?:cuoi cung|(?<!lan )dau tien)\b")
# troops counted with civilians: "military personnel and civilians", "quân nhân và nhân viên
# dân sự", "military and civilian staff" (not "and hundreds of civilian contractors", "and
# civilian cooperation")
_WITH_CIVILIANS = re.compile(
    r"[^,;.\d]{0,30}?\b(?:and|va)\s+(?:civilians\b|civilian (?:staff|personnel|employees)\b|"
    r"nhan vien dan su\b)"
)
# a floor or a forecast: "Senate moves to keep at least 2,500", "expects fewer than 1,000 by 2082"
_FLOOR_OR_FORECAST = re.compile(  # (not "has maintained at least", "would retain at least")
    r"\b(?:to\s+(?:keep|retain|maintain)\s+(?:at least|no fewer than|no less than|a minimum of)|"
    r"expect\w*\s+(?:fewer than|less than|under|below|no more than))\s+$"
)
# a ceiling voted: "voted to bar the Pentagon from spending money to keep more than 1,500 US
# troops" (not "Barham Salih said the US is keeping more than", "has not stopped the US from
# maintaining over", "has not barred Washington from keeping": ``_NOT_BARRED``)
_BARRED = re.compile(
    r"\b(?:bar|bars|barred|barring|prohibit\w*|forbid\w*)\s+(?:\S+\s+){0,3}?from\s+"
    r"(?:[^\s,;]+\s+){0,4}?(?:keep|keeping|station|stationing|maintain|maintaining)\s+"
    r"(?:more than|over|above)(?:\s+(?:about|around|roughly|some|approximately))?\s+$"
    r"|\bcam\s+(?:lau nam goc|bo quoc phong|chinh phu|chinh quyen|my|hoa ky|viec|chi|"
    r"(?:su )?dung (?:ngan sach|tien|kinh phi|quy|cong quy|nguon))\b"
    r"(?:(?!\b(?:nhung|noi|trong khi|va|du|khi|ma)\b)[^,;.]){0,60}?\b(?:duy tri|giu|dong quan)\s+"
    r"(?:hon|tren|qua)(?:\s+khoang)?\s+$"
)  # one clause, folded: "cấm Lầu Năm Góc chi tiền để duy trì hơn 1.500" (not "cảm ơn", "cấm vận")
_NOT_BARRED = re.compile(r"\b(?:not|n't|nothing|never|no|khong|chua)\b[^,;]{0,30}$")
_PROPOSED = re.compile(r"\b(?:bill|proposal|proposed|amendment|draft|du luat|de xuat|du thao)\b")
_IMPOSED = re.compile(  # a cap decided or enacted, not a bill's
    r"\b(?:announc\w*|set|sets|setting|impos\w*|decid\w*|agreed|signed|passed|enact\w*|cong bo"
    r"|ap dat|ap dung|quyet dinh|thong qua|dong y|(?<!hoa )ky)\b"  # "ký", not "Hoa Kỳ"
)
# over the text before the number, hedges taken off: a floor ("a floor of 2,200 troops", "mức
# sàn 2.200 quân") or a plan given up ("the earlier plan, for about 1,600 troops", "kế hoạch
# ban đầu là 1.600")
_FLOOR_OR_PLAN_GONE = re.compile(
    r"\b(?:floors?\s+(?:of|at)|(?:a|its|the bill's) floor\s*[-–—:]|(?:a )?minimum of|"
    r"muc (?:san|toi thieu)(?: la)?|"
    r"(?:earlier|previous|original|old|former|initial)\s+(?:plan|target|goal)s?\b[^.;]{0,20}?"
    r"\b(?:for|of|called for|foresaw|envisaged|was)|(?:ke hoach|muc tieu)\s+(?:truoc do|ban dau|"
    r"cu)\b[^.;]{0,20}?\b(?:la|voi|gom))\s*$"
)
# troops named as what attacks target, then a number with no troops of its own: the attacks'
# count ("Attacks on US troops in Iraq fell to 12 a month", "Số vụ tấn công nhằm vào lính Mỹ
# … giảm xuống còn 12"), and so is what they cost ("Casualties among US troops in Iraq have
# fallen to 12"; not "rockets hit a base housing 2,500 US troops")
_ATTACKS_ON = re.compile(
    r"\b(?:(?:attacks?|strikes?|assaults?|incidents?|fire|tan cong|tap kich)(?: by [^\s,;]+)?\s+"
    r"(?:on|at|against|targeting|nham vao|vao)|"
    r"(?P<cost>casualties|deaths|injuries|losses|thuong vong|tu vong)\s+(?:among|of|cua|trong)"
    r"(?: so)?)\s+"
    r"(?:(?:the|us|u\.s\.|american|coalition|foreign|my|hoa ky|cac|nhung)\s+){0,2}"
    r"(?:troops|forces|soldiers|personnel|service members|binh si|linh|quan)\b"
    # in the number's clause, naming no count of its own: not "Despite attacks on US forces,
    # the US has cut…", "Attacks … fell after the US cut its force to 2,500"
    r"(?:(?!\b(?:force|forces|troops|soldiers|presence|number|quan so|luc luong|binh si|so)\b)"
    r"[^,;])*$"
)
# people who are not troops counted, troops named only as whom they serve: "Contractors
# supporting US forces in Iraq fall to 5,900", "Số nhà thầu phục vụ quân đội Mỹ … giảm còn
# 5.900" (not "US troops and contractors fell to", "civilian contractors and 2,500 troops")
_OTHERS_COUNTED = re.compile(
    r"(?<!\band )(?<!\bva )\b(?:contractors?|civilians?|diplomats?|civilian (?:staff|employees|"
    r"workers)|nha thau|nha ngoai giao|nhan vien dan su)\b"
    r"(?:\s+(?:supporting|serving|working (?:for|with)|hired by|attached to|for|with|phuc vu|"
    r"lam viec cho|cho)\s+(?:(?:the|us|u\.s\.|american|coalition|foreign|my|hoa ky)\s+){0,2}"
    r"(?:troops|forces|military|soldiers|quan doi|luc luong|binh si|quan)\b)?"
    r"(?:(?!\b(?:force|forces|troops?|soldiers|presence|contingent|footprint|personnel|military"
    r"|marines|levels?|strength|numbers?|quan so|luc luong|binh si|linh|quan nhan|quan|and|va|said"
    r"|says|say|told|cho biet|noi|theo)\b)[^,;])*$"
)  # (not the ones who speak: "Two diplomats said the US contingent … stands at")
# what they cost, counted: "have risen to 186 service members", "đã lên tới 12 binh sĩ" (not
# "have not shaken Washington's plan to keep about 2,500 troops")
_COST_COUNTED = re.compile(
    r"\b(?:risen|rose|climbed|reached|fallen|fell|stands?|stood|totals?|totalled|numbered|"
    r"len toi|len den|tang len|giam xuong(?: con)?|la)(?:\s+(?:to|at))?\s*$"
)
_TROOPS_AFTER = re.compile(
    r"\s*(?:(?:us|u\.s\.|american|coalition|my|hoa ky)\s+)?"
    r"(?:troops|soldiers|forces|personnel|service members|binh si|linh|quan nhan|quan|nguoi)\b"
)
_LIST_START = re.compile(r"(?:^|[:\-–—]\s(?:[^,;:\d]+,\s*)?)\W*$")  # "…: three sites, 2,300 troops"
_LIST_NEXT = re.compile(r"\s*(?:[,:]|(?:and|va)\s+(?:about\s+)?\d)")  # "… and 4,600 contractors"
_QUOTE_OPENS = re.compile(r"\W*[\"“”«]\s*$")  # a quotation that opens the sentence
_IS_AFTER = re.compile(r"\s*(?:\S+\s+){0,1}?(?:is|was|la)\b")  # "... soldiers is still an army"
# a capitalised word that names no site: the sentence's first word when it is one of these
_NOT_A_NAME = frozenset({"the", "it", "this", "that", "a", "an", "its", "their", "which", "there"})
_WORD = re.compile(r"\w[\w-]*")
# a base's name before "air base", after "camp", "căn cứ": "Kasra", "Qasr al-Sahil"
_BEFORE = re.compile(r"(?P<name>\w[\w-]*)\s+")
_NAME = re.compile(
    r"\s+(?:khong quan\s+)?(?P<name>(?!khong\b|quan\b)\w[\w-]*)(?:\s+al[- ]\w[\w-]*)?"
)
_COUNTRIES = frozenset({"Iraq", "Syria"})
_BY = r"\s+(?:by|before|until|no later than|truoc|den|vao)(?:\s+(?:the|ngay))?\s*$"
# "at Camp Kasra", "leave Camp Kasra", "closure of Camp Kasra", "đóng cửa trại Kasra"
_AT_BASE = re.compile(
    r"\b(?:at|in|from|leav\w*|left|clos\w*|tai|o|khoi|roi|dong cua)\s+(?:(?:the|of)\s+)?$"
)
# between a base's name and the place that locates it: "in western", "ở tỉnh", "in ... province"
_LOCATED = re.compile(
    r"(?:\s+(?!(?:and|or|va|hoac|then|roi|in|near|o|tai|gan)\b)[\w-]+)?"  # "Camp Tell Zawiya"
    r"\s*(?:,\s*|\(\s*)?(?:(?:in|near|o|tai|gan)\s+|(?=tinh\s)|(?<=\())"
    r"(?:(?:the\s+)?(?!(?:and|or|va|hoac|then|roi)\b)\w+\s+){0,3}"
)  # not "in Anbar and leave Iraq", "in March and exit Iraq"; "Tall Ghuraba, tỉnh Anbar", "(Anbar)"
# a base located by the province only, named before: "this base in Anbar", "căn cứ ở tỉnh Anbar
# này" (its "này" after the province: ``_NAY``)
_BASE_IN = re.compile(
    r"\b(?:(?:this|that)\s+(?:air\s+)?(?:base|airfield|camp)|can cu|trai|san bay)\s+"
    r"(?:in|at|o|tai)\s+(?:(?:the|tinh|western|mien tay)\s+)*$"
)  # (no name before the base's word: not "Qalat Rawan Airfield in the Kurdistan region")
# a site that holds troops, named as the subject ("Dar al-Salam now holds about 610 US
# troops", "Sarwan, which now hosts about 1,020", "Al-Sahra hiện còn khoảng 520")
_AIN_AL_ASAD = re.compile(rf"\b(?:{lx.PLACES['Ain al-Asad'].removesuffix('|anbar')}|asad air)")
_NAY = re.compile(r"\s+(?:province\s+)?nay\b")
_AT_A_BASE = re.compile(  # also "here" in a sentence of a base (``_A_BASE_HERE``)
    r"\b(?:at|tai|o)\s+(?:(?:the|this|that)\s+)?(?:base|camp|airfield|can cu|trai|san bay)"
    r"(?:\s+(?:nay|do))?\s+(?:(?:is|was|remains?|stands?|van|hien)\s+)*"
    r"(?:at|la|o muc|vao)?\s*$"
)
_A_BASE_HERE = re.compile(  # "Căn cứ này … nâng quân số tại đây lên khoảng 1.250"
    r"\b(?:can cu|trai|san bay)\b[^.;]*\b(?:tai|o) day\s+(?:len|xuong|xuong con|con)?\s*$"
)
_ITEM_BY = re.compile(  # "leave Qasr Sahm by the end of", "…, Qasr Sahm by"
    r"(?:\bleave|\bvacate|,|\band)\s+(?P<name>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:by|before|until|"
    r"no later than)(?:\s+the)?(?:\s+(?:end|beginning|start|middle)\s+of)?\s*$"
)
FORCE_SIZE = re.compile(r"\b(?:troop|force|presence|footprint|quan so|quan luc|su hien dien)\b")
# the force's size said in a clause of its own after a base's ("…, chủ yếu ở căn cứ Qasr Sufayr
# (Anbar), đưa quân số Mỹ từ khoảng 3.150"), not the base's own ("where", "there", "tại đây")
_SIZED = re.compile(
    r"[,;]\s(?:(?!\b(?:there|where|whose|its|base|camp|tai day|o day|noi|can cu|trai)\b)[^,;])*"
    rf"(?:{FORCE_SIZE.pattern})(?:(?!\b(?:there|tai day|o day)\b)[^,;])*$"
)
_ITEM_BREAK = re.compile(r",|\b(?:and|or|va|hoac)\b")
_NAME_AFTER = frozenset({"camp", "trai", "can cu", "san bay"})  # a base named after its word


def not_a_level(s: Sentence, a: int, b: int, noun_end: int, core_left: str) -> bool:
    """Whether the number at ``a:b`` (its noun ending at ``noun_end``; ``core_left`` the
    sentence before it, hedges taken off) counts no troops that are there or will be."""
    text = s.doc.text
    if tw.ASKED_TO_KEEP.search(core_left) or tw.THRESHOLD.search(text, s.start, a):
        return True  # "asked the United States to keep 450", "before ... drops below 1,000"
    barred = _BARRED.search(text, s.start, a)
    if barred and not _NOT_BARRED.search(text, s.start, barred.start()):
        return True  # a ceiling voted
    if _FLOOR_OR_FORECAST.search(text, s.start, a) or _FLOOR_OR_PLAN_GONE.search(core_left):
        return True
    if forecast(text, s.start, a, s.end):
        return True  # "could fall to about 1,800", "the budget request assumes no more than"
    proposed = lx.CAP.search(core_left[-80:]) and _PROPOSED.search(text, s.start, a)
    if proposed and not _IMPOSED.search(text, s.start, a):
        return True  # a cap a bill proposes: "dự luật … giới hạn quân số ở mức 1.000"
    if (attacks := _ATTACKS_ON.search(core_left)) and (
        not _TROOPS_AFTER.match(text, b) or (attacks["cost"] and _COST_COUNTED.search(core_left))
    ):
        return True  # the attacks' count, or what they cost ("12 người", "186 service members")
    if cx.FALLEN.search(core_left) or (
        _OTHERS_COUNTED.search(core_left) and not _TROOPS_AFTER.match(text, b)
    ):
        return True  # the fallen; contractors, civilians or diplomats counted
    if _WITH_END.search(core_left) and not (
        s.who_in(s.start, min(s.end, noun_end + 16)) or s.places_in(s.start, s.end)
    ):
        return True  # "Task Force Talon, with about 380 soldiers": the size of a unit
    unit = _UNIT_WITH.search(core_left)  # not the force itself: "is now a single company of"
    if unit and _IS_A.search(core_left, 0, unit.start()):
        unit = None
    if _UNIT_OF.search(core_left) or unit or _OF_UNIT.match(text, noun_end):
        return True  # a unit named, then its size; its size, then the unit
    if _AT_A_BASE.search(tw.last_clause(core_left)) or _A_BASE_HERE.search(core_left):
        return True  # the base's count, unnamed: "Quân số Mỹ tại căn cứ vẫn ở mức khoảng 900"
    if _MOVED_AND.search(core_left):
        return True  # "… and about 140 advisers": moved with the number before
    if weighed(core_left):
        return True  # "One option would shrink the force … to about 1,200": no one's plan
    last = _LAST.search(core_left) or _LAST_AFTER.match(text, b)
    if last and _LAST_LEAVE.match(text, max(b, last.end())):
        return True  # the last ones, who leave
    if _WITH_CIVILIANS.match(text, b):
        return True  # troops and civilians together: no force's size
    if (
        _QUOTE_OPENS.fullmatch(text, s.start, a)
        and not any(c.isdigit() for c in text[a:b])
        and _IS_AFTER.match(text, noun_end)
    ):
        return True  # '"One thousand soldiers is not a withdrawal," said ...': a figure of speech
    # a headline that lists a number among others ("400 troops, 10 days: inside ...", "Thỏa
    # thuận an ninh: 150 quân nhân, không căn cứ"): nothing says what it is
    return (
        s.doc is s.article.title
        and _LIST_START.search(core_left) is not None
        and _LIST_NEXT.match(text, noun_end) is not None
    )


def nato_only(s: Sentence, a: int, end: int) -> bool:
    """The sentence names NATO's mission before the number (at ``a``; its noun ends at ``end``)
    and neither the coalition up to the number's own words ("2,500 US troops", "binh sĩ Mỹ") nor
    the US between: "NATO giảm phái bộ cố vấn tại Iraq xuống còn 300 người", "NATO's training
    mission in Iraq will keep its current size of about 850 personnel despite the US and
    coalition drawdown"."""
    text = s.doc.text
    named = lx.NATO_MISSION.search(text, s.start, a)
    stop = min(s.end, end + 12)
    if named is None or lx.COALITION_NAMED.search(text, s.start, stop):
        return False
    return not any(kind == "US" for _, kind in s.who_in(named.end(), stop))


def site_holds(s: Sentence, a: int, core_left: str) -> bool:
    """A site that holds the troops is the subject ("Dar al-Salam now holds about 610 US
    troops", "Al-Sahra hiện còn khoảng 520"): with no place we know before the number, a site
    we do not know."""
    clause = tw.last_clause(core_left)
    if cx.SITE_HOLDS.search(clause):  # a name, not "The country hosts about 2,500"
        return any(_a_name(s, m.start(), m.end()) for m in _WORD.finditer(s.doc.text, s.start, a))
    has = cx.SITE_STILL_HAS.match(clause)
    at = s.start + len(core_left) - len(clause)  # where the clause starts
    return has is not None and _a_name(s, at + has.start("name"), at + has.end("name"))


def site_where(s: Sentence, core_left: str) -> bool:
    """A site we do not know named right before the "where" that opens the number's clause:
    "Camp Halberd, where about 1,805 US troops are now based", "Trại Halberd, nơi hiện có"."""
    m = cx.SITE_WHERE.search(core_left)
    return m is not None and _a_name(s, s.start + m.start("name"), s.start + m.end("name"))


def _a_name(s: Sentence, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is capitalised and names no actor and no place we
    know (nor is a sentence's first word that names nothing: "The", "It")."""
    text = s.doc.text
    if not s.doc.capitalised(start) or s.who_in(start, end) or lx.PLACE_RE.match(text, start):
        return False
    return text[start:end] not in _NOT_A_NAME and not _title_case(s)


def _title_case(s: Sentence) -> bool:
    """A headline In Title Case: most of its longer words capitalised, so capitals name
    nothing."""
    if s.doc is not s.article.title:
        return False
    longer = [
        m.start() for m in _WORD.finditer(s.doc.text, s.start, s.end) if m.end() - m.start() > 3
    ]
    return len(longer) > 2 and sum(map(s.doc.capitalised, longer)) > 0.6 * len(longer)


def sized_after(s: Sentence, end: int, a: int) -> bool:
    """Whether the force's size at ``a`` is said in a clause of its own after a base named up
    to ``end`` (``_SIZED``), with no other place between: the country's, not the base's."""
    return _SIZED.search(s.doc.text, end, a) is not None and not s.places_in(end + 1, a)


def unknown_base(s: Sentence, at: int) -> bool:
    """Whether a base the reader does not know is named in the words before ``at`` (the
    number, or a country or a province that only locates it: "Iraq", "Anbar", which stands
    for a base of its own; "leave Al-Khudair Air Base in western Iraq by the end of January"):
    "the US footprint at Camp Kasra to around 200", "at Camp Kasra in Anbar province" (not
    "at Ain al-Asad air base", "Căn cứ Không quân Ain al-Asad", "at Al Asad air base",
    "at Camp Victory in Baghdad", which Baghdad holds)."""
    text = s.doc.text
    locator = s.places_in(at, min(s.end, at + 40))[:1] if lx.PLACE_RE.match(text, at) else []
    # the words before: a base's long name and what locates it ("căn cứ không quân Qasr
    # al-Sahil ở miền tây tỉnh Anbar") before a place; fewer before a number
    start = text.rfind(" ", s.start, max(s.start, at - (60 if locator else 40))) + 1 or s.start
    if start < s.start:
        start = s.start
    base_in = _BASE_IN.search(text, max(s.start, at - 30), at) if locator else None
    if base_in and cx.PROVINCE.match(text, at):
        before = text[:at]  # "this base in Anbar": one the article named before, not Ain al-Asad
        this = base_in.group().startswith("th") or _NAY.match(text, locator[0].end)
        if this and any(b in before for b in s.article.bases) and not _AIN_AL_ASAD.search(before):
            return True  # "rời căn cứ ở tỉnh Anbar này"
    if locator and not (cx.PROVINCE.match(text, at) or locator[0].name in _COUNTRIES):
        return False  # a place we know locates it, and holds it: "Camp Victory in Baghdad"
    if not locator and any(
        re.search(rf"\b{re.escape(name)}{_BY}", text[start:at]) for name in s.article.bases
    ):
        return True  # a base the article named before: "leave Umm Nakhla by 31 December"
    item = None if locator else _ITEM_BY.search(text, start, at)
    parts = _WORD.finditer(text, *item.span("name")) if item else iter(())
    if item and all(_a_name(s, *w.span()) or cx.AL_NAME.match(text, w.start()) for w in parts):
        return True  # a list's item no place we know: "…, Qasr Sahm by the end of April, …"
    for base in cx.BASE_WORD.finditer(text, start, at):
        low = max(s.start, base.start() - 25)
        # not a place of the list's item before ("Camp Sabreen near Baghdad and Nakhla Air Base")
        low = max([low, *(m.end() for m in _ITEM_BREAK.finditer(text, low, base.start()))])
        window = s.places_in(low, min(s.end, base.end() + 25))
        if any(not (cx.PROVINCE.match(text, p.start) or p.name in _COUNTRIES) for p in window):
            continue  # the base is one we know ("Al Asad air base"), or a place we know holds it
        if base.group() in _NAME_AFTER:  # "Camp Kasra", "căn cứ (Không quân) Kasra"
            name = _NAME.match(text, base.end(), at)
            first, last = base.start(), name.end() if name else base.end()
        else:  # "Kasra air base"
            words = list(_BEFORE.finditer(text, start, base.start()))
            name = words[-1] if words else None
            at_al = name is not None and cx.AL_NAME.match(text, name.start()) is not None
            if name and len(words) > 1 and at_al and not s.doc.capitalised(name.start()):
                name = words[-2]  # "Qasr al-Sahil Air Base": the name starts before "al-"
            first = name.start("name") if name else base.start()
            if name and len(words) > 1 and _a_name(s, words[-2].start(), words[-2].end()):
                first = words[-2].start()  # "Umm Nakhla Air Base": a name of two words
            last = base.end()
        if name is None or not _a_name(s, name.start("name"), name.end("name")):
            continue
        # the count or the place is the base's: "at Camp Kasra to around 200", "Camp Kasra in
        # western Iraq"; not "handed over Camp Taji and cut its force in Iraq to about 2,500"
        held = _AT_BASE.search(text, max(s.start, first - 12), first) is not None
        if _LOCATED.fullmatch(text, last, at) if locator else held:
            return True
    return False


def aside(s: Sentence, at: int, kind: str, end: int) -> bool:
    """Whether the actor named at ``at:end`` owns no troops here: "Iraq's Umm Rabia base" (a
    place), a country visited or met ("on a visit to Finland", "talks with Finland's
    president", "phát biểu tại Phần Lan"), the US beside others' troops ("các nước đồng
    minh của Mỹ", "các nước đối tác của Mỹ", "coalition nations other than the US", "không
    tính Mỹ", "liên quân do Mỹ dẫn đầu", "the US-led coalition")."""
    text = s.doc.text
    if kind == "other":
        if _VENUE.search(text, max(s.start, at - 40), at):
            return True  # "Speaking on a visit to Finland, Hegseth said": where, not whose
        owned = text[at:end].endswith(("'s", "’s")) or text.startswith(("'s", "’s"), end)
        return owned and _PLACE_OF.match(text, end) is not None
    if kind != "US":
        return False
    return bool(_BESIDE_US.search(text, max(s.start, at - 30), at) or _LED.match(text, end))


_VENUE = re.compile(
    r"\b(?:visit(?:ing)?(?: to)?|speaking (?:in|at)|trip to|talks with|met|meeting|"
    r"chuyen tham|tham|phat bieu tai|hoi dam voi|gap)\s+(?:\S+\s+)?$"
)
_PLACE_OF = re.compile(r"(?:'s|’s)?\s+(?:\S+\s+){0,3}?(?:base|air base|camp|airfield|province)\b")
_BESIDE_US = re.compile(
    rf"\b(?:(?:dong minh|allies|partners|lien quan|doi tac)\s+(?:cua|of)|{cx.OTHER_THAN}|"
    r"not counting|khong tinh|ngoai)\s+(?:the\s+)?$"
)
_LED = re.compile(r"\s*-?\s*(?:led|dan dau)\b")
