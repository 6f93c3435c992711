"""Cues the relevance rules read in a title or a lead, folded (``watchers.topic.text.fold``):
a truce tied to our troops' departure, a garrison abroad, who else leaves, who else's forces,
a country named as a diplomat's, an alliance as a government's. Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures.lexicon import ELSEWHERE

__all__ = [
    "AFTER_ATTACK",
    "ALLIANCE",
    "AS_WRITTEN",
    "COMPANY_LEAVES",
    "ELSEWHERE_PLACE",
    "GARRISON_ABROAD",
    "IRAQI_FORCES",
    "LEAVES_HOST",
    "MAY_FALL",
    "NOT_OURS",
    "NOT_OURS_LEAVING",
    "NOT_TIED",
    "NO_TRUCE",
    "OTHER_ARMY",
    "OTHER_LEAVER",
    "OUR_TROOPS",
    "POLITICAL_EXIT",
    "STAFF",
    "TROOPS_LEAVE",
    "TRUCE",
    "UNRELATED",
    "UNTIL_DATE",
    "diplomatic",
    "party_alliance",
    "political",
]

# a halt to attacks (folded), in an attack story's title: "Faction suspends attacks", "tạm dừng"
TRUCE = re.compile(
    r"\b(?:halt\w*|suspend\w*|truce|cease-?fire|pause\w*|stop\w* attacks|ngung|tam dung|"
    r"dinh chien|hoan tan cong)\b"
)
# our troops leaving, said as such (folded): "the departure of US troops", "their departure
# from federal Iraq" (beside "US forces"), "quân Mỹ phải rời" (not "withdrew its threat
# against the US embassy", "its withdrawal from Iraq's ruling Coordination Framework")
TROOPS_LEAVE = re.compile(
    r"\b(?:departure|withdrawal|exit|pull-?out|leaving)\s+of\s+(?:all\s+)?(?:the\s+)?"
    r"(?:us|u\.s\.|american|coalition|foreign)\s+(?:troops|forces|soldiers)|"
    r"\btheir\s+(?:departure|withdrawal|exit|pull-?out)\s+from\s+(?:federal\s+)?"
    r"(?:iraq|baghdad)\b(?!'s|’s)|"
    r"\b(?:us|u\.s\.|american|coalition|foreign)\s+(?:troops|forces|soldiers)\s+(?:\S+\s+){0,3}?"
    r"(?:leave|leaves|leaving|depart|departs|departing|withdraws?|withdrawing|exits?|exiting|"
    r"pull\w* out)\b|"
    r"\b(?:quan|binh si|linh|luc luong)\s+(?:my|hoa ky|nuoc ngoai)\s+(?:\S+\s+){0,2}?(?:roi|rut)\b"
)
# until a day: "until March 31", "until the 31st of March", "đến ngày 31/3" (not "until all
# 2,500", "tới 2/3 tháng tới")
_MONTH = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
UNTIL_DATE = re.compile(
    rf"\b(?:until|till)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|"
    rf"(?:{_MONTH})\.?\s+\d{{1,2}}\b(?![,.]\d))|"
    r"\b(?:den|cho den|toi)\s+ngay\s+\d{1,2}(?:/\d{1,2}\b|\s+thang\b)"
)
# a truce that ends, or our troops' departure dismissed
NO_TRUCE = re.compile(
    r"\b(?:ends?|ended|ending|resum\w*|breaks?|broke|no plans?|not plan\w*|dismiss\w*|"
    r"reject\w*|not on the table|den(?:y|ies|ied)|refus\w*|had (?:halted|suspended|paused)|"
    r"cham dut|noi lai|pha vo|khong co ke hoach|bac bo|tu choi|phu nhan)\b|"
    r"\bnot\s+(?:\S+\s+){0,2}?(?:withdraw|leave)\b|\bkhong\s+(?:rut|roi)\b"
)
# a title that cuts or counts troops in another country, or pulls them from it (folded): "US
# to trim Kuwait garrison", "US pulls 400 troops from Jordan", "Mỹ sẽ giảm khoảng 2.500 quân
# tại Kuwait", "Mỹ rút bớt quân khỏi Kuwait" (not troops that go there or pass through: "Last
# US troops arrive in Kuwait", "fly out from Kuwait", "rút quân vì căng thẳng tại Israel")
# (countries that host US garrisons, not the coalition's members nor "Iran", a reason)
_ABROAD = r"kuwait|co-?oet|jordan|gioc-?dan|qatar|bahrain|djibouti|somalia|saudi arabia"
ELSEWHERE_PLACE = re.compile(rf"\b(?:{'|'.join(ELSEWHERE.values())}|red sea|bien do|hong hai)\b")
LEAVES_HOST = re.compile(rf"\bleav(?:e|es|ing)\s+(?:{_ABROAD})(?:'s|’s)\s")  # "leave Jordan's …"
GARRISON_ABROAD = re.compile(
    rf"\b(?:{_ABROAD})(?:'s|’s)?\s+(?:garrison|contingent|force)\b|"
    r"\b(?:trim|trims|cut|cuts|reduce|reduces|shrink|shrinks|withdraw|withdraws|pull|pulls|"
    r"bring home|brings home)\s+(?:\S+\s+){0,3}?"
    r"(?:troops|soldiers|forces|garrison|presence|battalion|brigade|units?|trainers|advisers|"
    r"instructors)\s+(?:out\s+)?(?:(?:from|of)\s+(?:\S+\s+){0,4}?)?"  # "from NATO's mission in"
    rf"(?:in|from|of)\s+(?:{_ABROAD})\b|"
    # a level left there: "Anh rút 150 huấn luyện viên, còn khoảng 490 quân ở vùng Vịnh"
    r"\bcon\s+(?:khoang\s+)?[\d.]+\s+(?:quan|binh si|linh)\s+(?:o|tai)\s+"
    rf"(?:{_ABROAD}|vung vinh)\b|"
    r"\brut\s+(?:\S+\s+){0,4}?khoi\s+(?:(?:mot|cac)\s+)?"
    rf"(?:(?:can cu|san bay|trai|phai bo)\s+(?:[^\s,;]+\s+){{0,2}}?(?:o|tai)\s+)?(?:{_ABROAD})\b|"
    rf"\b(?:giam|cat giam)\s+(?:\S+\s+){{0,4}}?quan(?:\s+my)?\s+(?:tai|o)\s+(?:{_ABROAD})\b|"
    # a site handed back to its host: "US Army returns Camp Radhwa to Kuwait", "trả lại … cho"
    rf"\b(?:returns?|returned|hands?|handed)\s+(?:\S+\s+){{0,3}}?(?:back\s+)?to\s+(?:{_ABROAD})\b|"
    rf"\b(?:tra lai|ban giao)\s+(?:\S+\s+){{0,4}}?cho\s+(?:{_ABROAD})\b"
)
# staff or civilians, not soldiers (folded): "non-emergency staff", "nhân viên Đại sứ quán",
# "Polish citizens urged to leave", "nhà thầu xây dựng Úc rời khỏi Iraq", an embassy closed
STAFF = re.compile(
    r"\b(?:staff(?! officers?)|employees|diplomats|citizens|nationals|tourists|students|"
    r"passengers|contractors?|nhan vien(?! quan su)|nha ngoai giao|cong dan|du khach|sinh vien|"
    r"hanh khach|nha thau|embassy|consulate|dai su quan|lanh su quan)\b"
)
# Iraq's own forces, folded: "the Iraqi army", "quân đội Iraq"
IRAQI_FORCES = re.compile(
    r"\b(?:iraqi (?:army|troops|forces|soldiers|police)|(?:quan doi|luc luong|binh si|quan|"
    r"canh sat) iraq)\b"
)
# Countries whose armies are in Iraq's news but not in the coalition (folded)
_OTHER_ARMIES = r"turkey|turkish|tho nhi ky|iran|iranian|russian"
# Another country's army, not the coalition's, in a title (folded): "Turkey to pull 1,200 troops"
OTHER_ARMY = re.compile(  # not "pro-Iran", "Iran-backed", "thân Iran"
    rf"(?<!pro-)(?<!pro )(?<!than )\b(?:{_OTHER_ARMIES}|russia)\b(?![- ](?:backed|aligned|allied))"
)
# NATO's mission, other countries' forces: not our troops' figures
NOT_OURS = re.compile(
    rf"\b(?:nato|phai bo|{_OTHER_ARMIES}|syrian|israeli|kurdish|"
    r"peshmerga|popular mobili[sz]ation|pmf)\b"
)
# a forecast of our force's fall, in a title (folded): "US force in Iraq could shrink", "Quân Mỹ ở
# Iraq có thể chỉ còn 1.500" (``watchers.figures.forecasts`` reads no level in it)
MAY_FALL = re.compile(
    r"\b(?:us|u\.s\.|american|coalition|my|hoa ky|lien quan)\b[^.;:]{0,40}?\b"
    r"(?:could|might|co the)\s+(?:\S+\s+){0,2}?(?:fall|drop|shrink|decline|giam|chi con)\b|"
    # ... or a cut of it weighed: "Pentagon weighs cutting Iraq force to about 1,800"
    r"\b(?:weigh(?:s|ing)?|consider(?:s|ing)?|can nhac)\s+(?:\w+\s+){0,2}?"
    r"(?:cutting|reducing|shrinking|giam)\s+(?:the\s+)?(?:us\s+|u\.s\.\s+)?"
    r"(?:iraq\s+)?(?:force|troops|quan(?! chuc))\b"
)
# our troops named as such (folded): "US troops", "U.S.-led coalition forces", "the United
# States … its troops" (in one clause), "quân Mỹ", "binh sĩ Mỹ", "lực lượng liên quân", "Mỹ điều
# 150 lính"
OUR_TROOPS = re.compile(
    r"\b(?:(?:(?:u\.?s\.?|us|united states|american|pentagon|washington|coalition)\b[^,;:]{0,40}?"
    r"\b|foreign )(?:troops|forces?|soldiers|personnel|advis[eo]rs|trainers|service members)|"
    r"mission of the (?:[\w-]+ )?coalition|coalition(?:'s|’s)? (?:[\w-]+ )?mission|"
    r"(?<!su )(?:quan|quan doi|binh si|binh sy|linh|luc luong|quan nhan|co van)(?: \w+)? "
    r"(?:my|hoa ky|nuoc ngoai)|lien quan|(?:my|hoa ky) [^,;:]{0,30}?\b(?:linh|binh si|binh sy))\b"
)
# who else leaves, in a title that names no foreign forces (folded): a company, its staff,
# diplomats ("Corvane Petroleum to withdraw from Basra's Sahl al-Tibn field, 340 foreign staff
# to leave", "Tập đoàn Corvane rút khỏi mỏ dầu …, 340 nhân viên nước ngoài sẽ rời Iraq")
OTHER_LEAVER = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|petroleum|oil ?fields?|energy|airlines?|contractors|staff|"
    r"employees|workers|diplomats?|embass(?:y|ies)|tap doan|cong ty|nhan vien|nha thau|"
    r"lao dong|dai su quan|nha ngoai giao|mo dau)\b"
)
# ...a company named as the one that leaves, its name between (folded): "US oil services firm
# Harlan to withdraw from Iraq's Umm Sabah field", "Công ty dịch vụ dầu khí Mỹ Harlan rút khỏi"
COMPANY_LEAVES = re.compile(  # not "Pentagon firm on", "Marine company", "Tập đoàn quân 18"
    r"\b(?:(?:oil|services?|security|energy|engineering|contracting|construction|logistics|"
    r"defen[cs]e|petroleum|consulting|drilling|us|u\.s\.|american|british|french|chinese|"
    r"russian|turkish|polish|italian|spanish|german|dutch|danish|canadian|australian|"
    r"foreign|western|among) firms?|(?<!marine )(?<!army )(?<!infantry )(?<!rifle )"
    r"compan(?:y|ies)(?! of)|corporation|(?<!special )operators?|tap doan(?! quan)|cong ty)\b"
    r"(?:\s+[\w'’.&-]+){0,7}?\s+(?:to |will |plans to |must |se |phai )?"
    r"(?:withdraw\w*|pulls? out|leaves?|exits?|quits?|rut khoi|roi khoi|rut(?! quan))"
)
# ...or a party or a minister leaving a government or a political alliance, or resigning
# (folded): "National Dawn Movement quits State Builders Alliance", "pulls his bloc out of
# governing coalition", "Phong trào … rút khỏi liên minh tranh cử", "Bộ trưởng … từ chức",
# "withdraws its three ministers", "rút ba bộ trưởng"
POLITICAL_EXIT = re.compile(
    r"\b(?:(?:quits?|leaves?|exits?|withdraws? from|pulls? (?:\w+ ){0,3}out of|rut khoi|roi khoi)"
    r" (?:the |iraq's )?(?:[\w-]+ ){0,3}(?:alliance|bloc|coalition|cabinet|government|lien minh|"
    r"chinh phu|noi cac|lien danh)|resign(?:s|ed)?|quits|tu chuc|"
    # its ministers or members out of the government: "withdraws its three ministers"
    r"(?:withdraws?|withdrew|pulls?|pulled|rut) (?:its |their |his |her |cac )?(?:\w+ )?"
    r"(?:ministers?|lawmakers|mps|deputies|bo truong|nghi si))\b"
)
# Iraq named only as what something is not tied to (folded): "US to trim Kuwait force by 1,500,
# says cut not tied to Iraq", "… không liên quan đến Iraq"
NOT_TIED = re.compile(
    r"\b(?:not (?:tied|linked|related|connected) to|unrelated to|nothing to do with|"
    r"khong lien quan (?:den|toi)|khong gan voi)\s+(?:the\s+)?(?:\S+\s+){0,3}?iraq\b"
    r"(?!['’]s (?!drawdown|withdrawal|pull-?out|exit))"  # not "Iraq's election"
    r"|\biraq (?:force|forces|troops|presence) (?:is |are |will be )?(?:not affected|unaffected)"
    r"|(?:luc luong|quan) (?:my )?(?:tai|o) iraq khong bi anh huong"  # "…; Iraq force not affected"
)
# troops sent, an attack told as the cause, in a title (folded): "Pentagon sends 450 troops to
# Iraq's Kurdistan region … after drone attack", "Mỹ điều 500 quân đến Iraq sau vụ tấn công"
# (not "US soldier killed after rocket attack")
AFTER_ATTACK = re.compile(
    r"\b(?:send|sends|sending|sent|deploy\w*|dispatch\w*|reinforc\w*|dieu|tang cuong|tang them|"
    r"tang quan)\b"
    r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,60}?\b(?:after|following|in response to|sau(?: khi)?(?: vu)?)\s+"
    r"(?:\S+\s+){0,3}?"
    r"(?:attacks?|strikes?|drones?|rockets?|tan cong|uav)\b"
)

# a country named as a diplomat's: "the Danish ambassador", "đại sứ quán Mỹ"
_DIPLOMAT_AFTER = re.compile(r"\W*(?:ambassadors?|envoys?|embass(?:y|ies)|diplomats?|consul\w*)\b")
_DIPLOMAT_BEFORE = re.compile(
    r"\b(?:(?:dai su|lanh su)(?: quan)?|nha ngoai giao|(?:ambassador|envoy) (?:of|to)|"
    r"(?:embassy|consulate) of)(?: the)?\W*$"
)
# a party alliance named (not folded): "rút khỏi Liên minh Những người Xây dựng Nhà nước" (not
# "Liên minh quốc tế", "Liên minh Chống IS", "liên minh do Mỹ dẫn đầu")
_LIEN_MINH = re.compile(r"\b[Ll]iên minh [“\"]?(?P<next>\S+)")
_NOT_A_PARTY_VI = re.compile(
    r"(?i:quốc tế|chống|toàn cầu|quân sự|đa quốc gia|đánh bại|quyết tâm|chiến dịch|"
    r"do (?:Mỹ|Hoa Kỳ|Washington))"
)
_EN_ALLIANCE = re.compile(r"\b(?P<name>(?:[A-Z][\w-]+ ){1,4})(?:Coalition|Alliance)\b")
_NOT_A_PARTY_EN = re.compile(
    r"^(?:The )?$|\b(?:Global|International|Military|US-led|Western|Multinational|Combined|"
    r"Anti-[\w-]+|Defeat-[\w-]+)\b"
)
# an alliance (a term, not folded) named as a government's or parties': "governing coalition",
# "liên minh cầm quyền", "coalition government", "liên minh tranh cử"
ALLIANCE = re.compile(r"(?i)coalition|alliance|liên minh")
_POLITICAL_AFTER = re.compile(r" (?:government|tranh cu|cam quyen|bau cu|chinh tri)\b")
_POLITICAL_BEFORE = re.compile(r"\b(?:governing|ruling|electoral|political) $")
# ...not when forces follow: "the agreement governing coalition forces"
_FORCES_AFTER = re.compile(r" (?:forces|troops|soldiers|personnel|mission|exit|departure|quan)\b")


def diplomatic(term: str, folded: str) -> bool:
    """Whether every time ``folded`` names ``term`` (folded) it is a diplomat's country."""
    return _only_as(term, folded, _DIPLOMAT_AFTER, _DIPLOMAT_BEFORE)


def political(term: str, folded: str) -> bool:
    """Whether every time ``folded`` names ``term`` (folded; "*": any ending) it is a
    government's or parties' alliance."""
    return _only_as(term, folded, _POLITICAL_AFTER, _POLITICAL_BEFORE, _FORCES_AFTER)


def _only_as(
    term: str,
    folded: str,
    after: re.Pattern[str],
    before: re.Pattern[str],
    unless: re.Pattern[str] | None = None,
) -> bool:
    """Whether every time ``folded`` names ``term`` ``after`` follows it or ``before`` precedes
    it, and ``unless`` does not follow it."""
    ending = r"\w*" if term.endswith("*") else r"(?!\w)"
    at = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(term.rstrip('*'))}{ending}", folded)]
    return bool(at) and all(
        (after.match(folded, end) or before.search(folded[:start]))
        and not (unless and unless.match(folded, end))
        for start, end in at
    )


def party_alliance(sentence: str, forces: set[str]) -> bool:
    """Whether the sentence (not folded) names a party alliance ("rút khỏi Liên minh Những người
    Xây dựng Nhà nước", "liên minh do ông Maliki lãnh đạo", "the State Administration
    Coalition"; not "Liên minh quốc tế", "liên minh do Mỹ dẫn đầu", "the Global Coalition") and,
    of the words of forces found in it (``forces``), only alliances."""
    named = any(
        (m["next"] == "do" or m["next"][0].isupper())
        and not _NOT_A_PARTY_VI.match(sentence, m.start("next"))
        for m in _LIEN_MINH.finditer(sentence)
    ) or any(not _NOT_A_PARTY_EN.search(m["name"]) for m in _EN_ALLIANCE.finditer(sentence))
    return named and all(map(ALLIANCE.match, forces))


_US = re.compile(r"\bU\.?S\.?A?\b")  # "US", "U.S.", "USA", not the pronoun "us"
# words of forces that name them only as written so: "US" not the pronoun "us", "Polish" not
# "polish", "Ba Lan" (Poland) not "ba lan" (three times, typed without diacritics), "Úc"
# (Australia) not "uc" ("ức", typed without)
AS_WRITTEN = {
    "US": _US,
    "U.S.": _US,
    "USA": _US,
    "Polish": re.compile(r"\bPolish\b"),
    "Ba Lan": re.compile(r"\bBa Lan\b|\bBA LAN\b"),
    "Úc": re.compile(r"\b(?:Úc|ÚC|Uc)\b"),
}

# "The army's pullback from Basra is unrelated to the departure of US forces": what comes
# after it is not what the sentence says leaves
UNRELATED = re.compile(
    r"\b(?:unrelated to|not (?:related|connected|linked) (?:to|with)|nothing to do with|"
    r"không liên quan|không gắn với|không dính dáng)",
    re.IGNORECASE,
)
# a sentence that says what it tells is not our forces' leaving (folded): "the commission said
# the two were unrelated", "hai việc không liên quan đến nhau"; "The withdrawal concerns only
# Iraqi forces", "quyết định chỉ liên quan đến Kuwait"
NOT_OURS_LEAVING = re.compile(
    r"\b(?:the two|both) (?:were|are|is|was) (?:unrelated|not (?:related|connected|linked))\b|"
    r"\bkhong lien quan (?:gi )?(?:den|toi|voi) nhau\b|"
    r"\bconcerns? (?:only (?:the )?iraqi|(?:kuwait|jordan|syria) only)\b|"
    r"\bchi lien quan den (?:luc luong (?:cua )?iraq|quan doi iraq|kuwait|jordan|syria)\b"
)
