"""Dates someone demands troops leave by: not deadlines. Pure: no I/O.

"Militias demanded that US troops leave Iraq by the end of 2024" and "nghị sĩ yêu cầu quân
Mỹ rút trước cuối năm 2024" say what someone wants, not what was agreed or announced: read as
a deadline, such a date would alert "Deadline changed". But "calls for" and "yêu cầu" are also
how an agreement sets a date ("the agreement calls for troops to leave by September 2025"),
and a demand can be met ("Washington agreed to Baghdad's demand that …", "và phía Mỹ đã chấp
nhận"). So a date is demanded (``demanded``) when the last demand of its clause before it
(``_DEMAND``: the verb followed by who is to leave or by the leaving) reaches it, with no comma
and no other verb of saying or agreeing in between (``_ENDS``: "Amid calls for US troops to
leave, the two governments agreed …"), and nothing before the demand calls for it or accepts
it (``_MET``: an agreement, both governments, "heeded", "nhất trí") nor anything after the
date ties it to an agreement (``_MET_AFTER``: "as agreed", "under the deal", "theo thỏa thuận",
"đã chấp nhận"). The patterns are over folded text (no case, no diacritics).
"""

from __future__ import annotations

import re

from watchers.figures.actors import WHO_EN, WHO_VI

__all__ = ["demanded"]

_FOR_LEAVING = (  # "demanded on Sunday that", "recommended last week that", "in a statement"
    r"(?: (?:in a statement(?: issued| released)?|(?:late |early )?(?:on |last |this |earlier "
    r"this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month))){0,3}"
    r"(?: that| for)?(?: [\"“‘']?(?:the|all|a|an|every|each))?"  # 'call for "all foreign forces"'
    r"(?: (?:full|swift|immediate|complete|total|speedy|quick|rapid))?"
    r" [\"“‘']?(?:(?:us|u\.s\.|american)(?![-‑])|united states(?![’'])|foreign|coalition|"
    r"international|"
    r"troops|forces|"
    r"washington|baghdad|"
    r"government|withdrawal|pullout|exit|departure|expulsion|an end|the end|end)"
)
_DEMAND = re.compile(
    r"\b(?:(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:on|upon|for)|"
    r"press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|insist(?:s|ed|ing)?(?: that| on)?|"
    r"ask(?:s|ed|ing)?|seek(?:s|ing)?|sought|wants?|wanted|wanting|(?:would|to) force|"
    r"recommend(?:s|ed|ing|ations?)?|"
    # a parliament's vote for the leaving: "Iraq's parliament voted on Tuesday for all foreign
    # troops to leave the country by 30 June 2161" (its resolution binds no one)
    r"(?:parliament|lawmakers|legislators|mps|deputies)(?:'s|’s| who)?"
    r"(?: (?:on|last|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week))?"
    r" vot(?:e|es|ed|ing))"
    + _FOR_LEAVING
    # not what is asked for an agreement or plan: "voted for the withdrawal agreement under which"
    + r"(?!\s+(?:[\w-]+\s+)?(?:agreement|plan|deal|accord|pact|timetable|framework)\b)"
    + r"|gave (?:us|u\.s\.|american|foreign|coalition|washington)\b[^,;]{0,30}\buntil|ultimatum|"
    # "Iraq to ask the transition board to bring the Baghdad exit forward to June": a request
    r"ask(?:s|ed|ing)? (?:the )?(?:united states|u\.?s\.?|washington|americans|"
    r"[\w-]+ (?:board|council|committee|commission))\b[^,;.]{0,40}?\bto (?:bring|move) "
    r"[^,;.]{0,50}?\b(?:forward|up)|"
    r"toi hau thu|"
    r"(?<!theo )(?<!cac )(?<!nhung )(?<!mot )"
    r"(?:yeu cau|keu goi|hoi thuc|thuc giuc|doi hoi|muon|de nghi|khuyen nghi)"
    r" (?:phia )?(?:my|hoa ky|washington|baghdad|quan|binh|luc luong|lien quan|lien minh|cac|"
    r"moi (?:luc luong|quan|binh|linh|co van|su hien dien|nhan vien quan su)|"  # not "mọi bên"
    r"toan bo|chinh phu|chinh quyen|rut|phai|nhanh chong|som|uy ban|hoi dong|"
    r"(?:cuoi|dau|giua) (?:nam|thang))|"  # the date itself: "Erbil muốn cuối năm 2140"
    # "đòi" after its subject; "đội quân" (an army) opens a sentence or follows "một", "các"
    r"(?<=[a-z] )(?:(?<=dan quan )|(?<!quan ))(?<!bo )(?<!mot )(?<!cac )(?<!nhung )(?<!doi )doi "
    r"(?:quan|rut|my|hoa ky|washington|moi (?:luc luong|quan|binh|linh|co van|su hien dien)|"
    r"lien quan|(?:cac )?luc luong|"
    # "Quốc hội Iraq đòi toàn bộ quân nước ngoài … rút" (foreign: not "dời toàn bộ quân", a move)
    r"toan bo (?:quan|binh|linh|luc luong)[^,;.]{0,12}nuoc ngoai)|"
    # ... or after a comma before all of them: "..., đòi toàn bộ quân nước ngoài rời Iraq" (not
    # "đội quân", nor "đổi Mỹ rút … lấy …", a trade)
    r"(?<=, )doi (?:toan bo|cac)|"
    r"\bbuoc (?:my|hoa ky|washington|quan|lien quan))\b"
)
# before the demand, what calls for the date or accepts the demand ("the agreement calls for",
# "the two governments called for", "agreed to Baghdad's demand", "hai nước đã nhất trí yêu cầu")
_MET = re.compile(
    r"\b(?<!reject )(?<!rejects )(?<!rejected )(?<!oppose )(?<!opposed )(?<!bac bo )"
    r"(?<!phan doi )"
    r"(?:agreements?|deals?|accords?|pacts?|plans?|joint statements?|communiques?|memorandum|"
    r"(?<!coordination )framework|timetable|roadmap|schedule|treaty|laws?|jointly|"
    r"(?:two|both) (?:governments|countries|sides)|agree\w*|accept\w*|met|heed\w*|honou?r\w*|"
    r"compl(?:y|ies|ied)|bow(?:s|ed)? to|conced\w*|grant\w*|thoa thuan|hiep dinh|hiep uoc|"
    r"ke hoach|tuyen bo chung|lo trinh|ban ghi nho|dong y|chap thuan|chap nhan|dap ung|"
    r"nhat tri|thong nhat|cam ket|hai (?:nuoc|ben|chinh phu))\b"
)
# a recommendation approved ("approved the Pentagon's recommendation", "phê duyệt khuyến nghị")
_APPROVED = re.compile(  # by whom decides: not a parliament's, nor one that urges a demand
    r"(?<!parliament )(?<!committee )(?<!lawmakers )(?<!quoc hoi )(?<!nghi vien )(?<!uy ban )"
    r"\b(?:approv\w*|endors\w*|signed off on|phe duyet)\s+(?:\S+\s+){0,3}?"
    r"(?:recommendations?|khuyen nghi)\b(?!\s+(?:urging|calling|demanding|that|yeu cau|keu goi))"
)
# after the date, only what ties it to an agreement ("as agreed", "under the deal", "theo thỏa
# thuận") or an acceptance ("and Washington agreed", "phía Mỹ đã chấp nhận")
_MET_AFTER = re.compile(
    r"\b(?:as (?:agreed|announced|planned)|"
    r"(?:under|in line with|in accordance with|per) (?:the |an |a )?(?:\w+ ){0,2}"
    r"(?:agreement|deal|accord|pact|plan|timetable|roadmap|framework|statement|treaty|"
    r"announcement|decision)|"
    # (not "the schedule agreed with the Iraqi government": another agreement)
    # not "the agreed dates", "government says agreed dates stand"
    r"(?<!not )(?<!never )(?<!n't )(?<!the )(?:agreed|accepted)(?! with)"
    r"(?!\s+(?:dates?|deadlines?|timetables?|schedules?|terms)\b)|"
    r"(?:both|two) governments (?:\w+ )?(?:endorsed|approved)|"
    r"theo (?:\w+ ){0,2}(?:thoa thuan|hiep dinh|ke hoach|lo trinh|lich trinh|tuyen bo chung)|"
    r"(?<!khong )nhu trong (?:\w+ ){0,2}(?:thoa thuan|hiep dinh)|"
    r"nhu da (?:thoa thuan|cam ket|thong nhat|cong bo)|"
    r"da (?:duoc (?:\w+ ){0,3})?(?:nhat tri|dong y|chap nhan|chap thuan|thong nhat|dap ung)|"
    r"cam ket|(?<!without )ratifying|da phe chuan)\b"
)  # "…, ratifying the security agreement" (not "must still be ratified", "chưa phê chuẩn")
# after the date, another event it is told against, with its own date, ends what ties it: "…,
# two days after Iraq agreed to give US forces until 30 November" (not "three days after the
# request Washington agreed": the demand met)
_HOW_MANY = r"\b(?:a|one|two|three|four|five|six|\d+)"  # "two days after", "six months before"
_OTHER_EVENT = re.compile(rf"{_HOW_MANY} (?:days?|weeks?|months?) (?:after|before)\b(?=[^.]*\d)")
# a demand's words stop at a comma (not one before the date it names: "sớm lên sáu tháng,
# tới ngày 31/12/2072"), or where another verb says what the date is for
_ENDS = re.compile(
    r",(?!\s*(?:(?:to|by|until|toi|den|cho den|truoc)\s+(?:ngay\s+)?|"
    r"(?:i\.e\.|tuc|tuc la|that is)\b[^,;]{0,30})$)|"  # ", tức Tết Ba Tư ngày 21/3": the same date
    r"\b(?:announc\w*|said|says|agreed|declared|pledged|committed|tuyen bo|cho biet|thong bao|"
    r"nhat tri|thong nhat|cam ket|giu nguyen|kept|keeps|reaffirm\w*)\b"
)

# an aside that says what the demand includes: "leave Iraq, including the Kurdistan region, by
# 30 June", "rời Iraq, kể cả khu vực Kurdistan, trước", "all foreign troops, including those
# in the Kurdistan region, leave"
_INCLUDING = re.compile(r",\s*(?:including|ke ca|bao gom)\b[^,;]*(?=,)")
# ...both its commas, when the leaving follows it: "all foreign troops, including those in the
# Kurdistan region, leave the country by 31 December"
_INCLUDING_VERB = re.compile(
    r",\s*(?:including|ke ca|bao gom)\b[^,;]*,(?=\s*(?:(?:to|must|should|will|would|be|are to|"
    r"is to|deu|phai|can|se|duoc)\s+)*(?:fully\s+|immediately\s+|all\s+)?(?:leave|withdraw|"
    r"depart|exit|pull|roi|rut|by|before|within|no later than|truoc|cham nhat|khong muon hon|"
    r"vao|trong)\b)"
)
# a demand rejected right before it: "rejecting the parliament's call for all foreign troops to
# leave by the end of the year" (an accord named before does not meet it; "as agreed" after does)
_REJECTED = re.compile(
    r"\b(?:reject\w*|rebuff\w*|dismiss\w*|bac bo|tu choi)(?:\s+[^\s,;]+){0,5}?\s*$"
)
# the US side asking, or ordering, its own troops out: "Lầu Năm Góc yêu cầu mọi binh sĩ Mỹ rời",
# "Bộ trưởng Quốc phòng Mỹ ra lệnh yêu cầu", "Ông Trump ra lệnh cho Lầu Năm Góc yêu cầu"
_US_SIDE = re.compile(rf"\b(?:{WHO_EN['US']}|{WHO_VI['US']}|trump|biden|white house|nha trang)\b")
_ASKS = re.compile(r"yeu cau|ask|order")  # (not "wants", "muốn": a wish)
_ORDERED = re.compile(
    r"\b(?:ordered|ra lenh)(?:\s+cho(?:\s+[^\s,;]+){1,3}|(?:\s+[^\s,;]+){0,3})\s*$"
)
# a comparison after the date is no agreement of it: "…, a year earlier than the date agreed
# under the accord", "six months before the date agreed for the last US base" (not "no later
# than", "không muộn hơn"; ", and Washington accepted" counts)
_THAN = re.compile(
    r"(?:\b(?:earlier|sooner|ahead of|(?<!no )(?<!not )later) than|\bsom hon|(?<!khong )\bmuon hon|"
    rf"\bso voi|{_HOW_MANY} (?:days?|weeks?|months?|years?) (?:before|after) the (?:date|deadline))"
    r".*?(?=;|[,-]\s*(?:and|but|as|va|nhung|theo|a request)\b|$)"
)


def demanded(text: str, start: int, at: int, end: int) -> bool:
    """Whether the date at ``at`` is demanded by the clause from ``start`` (the sentence ends
    at ``end``): see the module docstring."""
    # the date itself may be what is asked for: "Erbil asks for end of 2140" (dated "end of")
    demands = [m for m in _DEMAND.finditer(text, start, min(end, at + 8)) if m.start() < at]
    if not demands:
        return False
    demand = demands[-1]
    between = _INCLUDING.sub("", _INCLUDING_VERB.sub("", text[demand.end() : at]))
    if _ENDS.search(between):
        return False
    asker = text[max(start, demand.start() - 60) : demand.start()]  # who asks, in its clause
    rejected = _REJECTED.search(asker)
    ordered = _ORDERED.search(asker) and _US_SIDE.search(text, start, demand.start())
    asks = _ASKS.match(demand.group()) and _US_SIDE.search(" ".join(asker.split()[-3:]))
    if (ordered or asks) and not rejected:
        return False
    return not (
        (_MET.search(text, start, demand.start()) and not rejected)
        or _APPROVED.search(text, start, demand.end())
        or _MET_AFTER.search(_THAN.sub("", _before_other_event(text[at:end])))
    )


def _before_other_event(after: str) -> str:
    """What follows the date up to another event it is told against (``_OTHER_EVENT``)."""
    other = _OTHER_EVENT.search(after)
    return after if other is None else after[: other.start()]
