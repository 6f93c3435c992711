"""When a troop count holds: a plan to come, a level now, a moment past. The words that tell
it, and the small readings of a clause made with them.

Like ``lexicon``'s, every pattern matches *folded* text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watchers.figures import lexicon as lx

if TYPE_CHECKING:
    from watchers.figures.sentence import Sentence

# A verb after the noun that puts the count in the future: "2,000 will remain"
FUTURE_AFTER = re.compile(
    r"\s*(?:\S+\s+){0,4}?(?:(?:will|would|could|may|are to|are expected to|se|du kien|co the)\s+"
    r"(?:\S+\s+){0,2}?(?:remain|stay|be left|o lai|con lai|duoc giu|don tru)|duoc o lai)\b"
)
# what lays out a plan: "the plan, announced in September, calls for about 2,000 troops"
_PLAN_NOUNS = (
    r"plans?|agreements?|accords?|deals?|proposals?|bills?|drafts?|roadmaps?|framework|"
    r"timetables?|schedules?|statements?|phases?|posture|ndaa|laws?|strateg(?:y|ies)|memorandum"
)
# A verb before the number that keeps troops in the future: "will keep 2,500", "sẽ giữ lại 350",
# "will have 500", "sẽ có 500"
FUTURE_KEEP = re.compile(
    r"(?:\b(?:will|would|could|may|might|plans? to|planning to|intends? to|intending to|"
    r"expected to|set to|supposed to|se|du kien|"
    r"ke hoach|co the)|"
    r"^\W*(?:the\s+)?(?:us|u\.s\.|united states|washington|pentagon|america|coalition)\s+to)"
    r"\s+(?:(?!not\b|never\b|khong\b)\S+\s+)?"  # a headline's "US to keep 2,500 troops"
    r"(?:keep|retain|maintain|leave|have|be|allow|let|permit|giu|giu lai|duy tri|de lai|co)"
    r"(?:\s+(?:only|just|chi))?\s*$|"
    r"\b(?:will|would|se)\b[^.;]{0,80}\b(?:and|va)\s+"
    r"(?:keep|retain|maintain|giu|giu lai|duy tri)\s*$|"
    r"\b(?:foresees?|envisages?|envisions?|provides? for)\s*$|"
    rf"\b(?:{_PLAN_NOUNS})\b[^.;]{{0,60}}?\bcalls? for\s*$"
)  # "will leave Camp Nakhla ... and keep no more than 1,100", "the accord foresees 2,200",
# "the plan calls for about 1,600 US troops to remain" (not "lawmakers call for 2,500 … to stay")
# A change said as done in the present perfect: "has reduced", "have already cut" (not
# "has decided to reduce")
PERFECT = re.compile(
    r"\b(?:(?:has|have)\s+(?:already\s+|now\s+|just\s+)?"
    r"(?:reduced|cut|lowered|trimmed|decreased|dropped|fallen|shrunk|withdrawn|pulled|"
    r"drawn down|brought down|scaled back|risen|increased|grown)|"
    r"(?:finished|completed) (?:reducing|cutting|drawing))\b"
)
# A verb after the noun that puts the count in the past: "350 advisers ... remained", "had
# served at"
PAST_AFTER = re.compile(
    r"\s*(?:(?:\S+\s+){0,6}?(?:remained|stayed|were|had been|had served)|"
    r"(?:[^\s,;]+\s+){0,3}?tung)\b"
)
# ... but not a level a change left ("3,050 troops remained …, down from about 3,400"), unless
# a time before the count sets it in the past ("When the drawdown began in 2024, 2,500 …")
_LEFT_BY_CHANGE = re.compile(r"[^.;]*,\s*(?:down|up) from\b")
_PAST_TIME_BEFORE = re.compile(  # opening the sentence (not "Under the agreement signed in 2024")
    r"^\W*(?:in (?:19|20|21)\d\d|by (?:then|the end of)|when|last year|an?(?: \w+)? years? ago|"
    r"then|at the (?:time|end|start|beginning|height|peak))\b"
)


def past_after(text: str, b: int, end: int, left: str) -> bool:
    """Whether a verb after the count at ``b`` (its clause up to ``end``; ``left``: the
    sentence before it) puts it in the past (``PAST_AFTER``)."""
    if not PAST_AFTER.match(text, b, end):
        return False
    return not _LEFT_BY_CHANGE.match(text, b) or _PAST_TIME_BEFORE.search(left) is not None


# A past time right after the number: "2,500 at the start of 2025", "5.000 quân hồi năm 2019"
TIME_AFTER = re.compile(
    r"\s*(?:\S+\s+){0,3}?(?:at the (?P<start>start|beginning) of|at the end of|"
    r"in (?P<early>early )?(?:late |mid-)?|(?:hoi |vao )?(?P<dau>dau )?(?:cuoi |giua )?nam)"
    r"\s*(?P<year>(?:19|20|21)\d{2})\b"
)
FUTURE = re.compile(
    rf"\b(?:will{lx.FOR_GOOD}|would|to (?:reduce|cut|drop|decrease|lower|trim|bring)|plans?|"
    rf"planned|set to|expected|going to|is reducing|are reducing|se{lx.FOR_GOOD}|du kien|"
    r"ke hoach|trong nhung thang toi)\b"
)
PAST = re.compile(
    r"\b(?:was|were|had|used to|at (?:its|the) peak|previously|formerly|led to|tung|"
    r"once(?= (?:numbering|numbered|had|stood))|dinh diem|truoc day|luc do|khi do)\b"
)
CURRENT = re.compile(
    r"\b(?:currently|now|still|remain(?:s|ing)?|there are|has|have|hien|hien co|van|dang|"
    r"hien nay|hien tai|con lai)\b"
)
# A change under way: "the number is being reduced to about 1,500", "đang được cắt giảm"
UNDER_WAY = re.compile(
    r"\b(?:is|are) being (?:reduced|cut|lowered|trimmed|drawn down|brought down|scaled back)\b|"
    r"\bdang (?:duoc )?(?:cat giam|giam (?:xuong|con|bot|quan))\b"
)
# A plan said then: "the US force was to fall from about 4,200 ... to about 2,500 by 31 March"
PLAN_THEN = re.compile(
    r"\b(?:was|were) (?:to|due to|supposed to|expected to|set to|scheduled to)\b|\bdu kien se\b"
)
# ... unless the sentence says it came true: "..., and it has", "now stands at that level"
DONE_AFTER = re.compile(
    r"\b(?:and (?:it|they) (?:has|have|did)|now stands?|has since|have since|da dat)\b"
)
# How many there were at a site's busiest: "hosted up to 900 coalition troops at its peak"
PEAK_AFTER = re.compile(
    r"[^,;.]{0,30}\b(?:at (?:its|their) peak|at the peak\b(?! of)|luc cao diem|thoi dinh diem)\b"
)
# A year still to come after which a level holds: "Sau năm 2030, chỉ còn tối đa 90"
AFTER_YEAR = re.compile(
    r"^\W*(?:sau|after|beyond)\s+(?:nam\s+)?(?P<year>20\d\d)\b(?![^.;]*\b(?:now|hien|nay)\b)"
)
# Someone asks for troops to be kept: a wish, no level ("asked the United States to keep 450
# troops", "đề nghị Mỹ giữ lại 450 binh sĩ")
ASKED_TO_KEEP = re.compile(
    r"(?:\b(?:ask|urg|want)\w*\b[^.;]{0,40}?\bto|"
    r"\b(?:de nghi|yeu cau|keu goi|muon(?! hon))(?:\s+[^\s,;]+){0,3}?)"
    r"\s+(?:\S+\s+)?(?:keep|retain|maintain|leave|giu|giu lai|duy tri|de lai)\s*$|"
    # someone calls for a number ("lawmakers call for 2,500 US troops to stay"), not a plan
    rf"^(?!.*\b(?:{_PLAN_NOUNS})\b[^.;]{{0,60}}?\bcall).*\bcall(?:s|ed|ing)? for\s*$"
)


def level_con(core_left: str) -> bool:
    """ "Mỹ còn 2.500 binh sĩ", "hoàn tất đợt rút quân, còn 2.000": "còn" (remaining) with no
    change in its clause, and no plan or time before it ("sẽ rút bớt quân, còn khoảng 2.000",
    "dự kiến", "sắp tới", "đến tháng 9/2026", "hồi năm 2019"), says how many there are now,
    not what a change will leave."""
    if not _CON_END.search(core_left) or _CON_TARGET.search(core_left):
        return False
    if FUTURE.search(core_left) or WHEN_OR_PLAN.search(core_left):
        return False
    if (lx.CHANGE_VERB.search(core_left) or _WITHDRAW.search(core_left)) and not _DONE.search(
        core_left
    ):
        return False  # "quyết định rút bớt quân, còn…", "nhất trí cắt giảm…, còn…": a plan
    return lx.CHANGE_VERB.search(last_clause(core_left)) is None


def last_clause(text: str) -> str:
    """The last clause of ``text`` (a comma within a number, "2,500", breaks none), as it is
    written at the end of ``text``."""
    breaks = [m for m in lx.CLAUSE_BREAK.finditer(text) if not _NUMBER_COMMA.match(text, m.start())]
    return text[breaks[-1].end() :] if breaks else text


def done_in_clause(clause: str, after: str = "") -> bool:
    """A change said as done in the number's own clause ("has reduced ... from 2,500"), with
    no plan after it ("has withdrawn from Ain al-Asad and will cut ... to 2,000"), or in the
    simple past with no plan in the clause at all and no time after the number (``after``)
    ("fell from 2,900 to 2,500", not "will be reduced from", "reduced ... to 2,000 by
    September")."""
    said = list(PERFECT.finditer(clause))
    if said:
        return FUTURE.search(clause, said[-1].end()) is None
    near = clause[-60:]  # the verb of the number's change, not "Iraq dropped its objection and"
    plan = FUTURE.search(clause) or UNDER_WAY.search(clause) or HEDGED.search(clause)
    return bool(SIMPLE_PAST.search(near)) and not plan and not _TIME_AHEAD.search(after)


def result_done(clause: str, sentence: str, after: str, *, headline: bool = False) -> bool:
    """A change told as the result of what the sentence reports, in a clause of its own that
    opens with a participle, with no plan, wish or time to come ("Iraqi forces took control of
    the base on Monday, cutting the US force in Iraq to about 2,900"; not "The US will pull
    out 500, cutting the force to 2,000", "…, bringing it to 2,000 by March"); in a
    ``headline``, in its present tense ("US task force leaves Iraq, cutting American force to
    about 2,700")."""
    event = _HEADLINE_EVENT if headline else _PAST_EVENT
    return (
        _RESULT.match(clause) is not None
        and event.search(sentence) is not None
        and not FUTURE.search(sentence)
        and not HEDGED.search(sentence)
        and not _VI_NOT_DONE.search(sentence)
        and not _ONCE.search(sentence)
        and not _TIME_AHEAD.search(after)
    )


# a handover to come, possible or wished for, in Vietnamese: "sắp", "có thể", "chuẩn bị", "muốn"
_VI_NOT_DONE = re.compile(
    rf"\b(?:sap|co the|chuan bi|muon|de xuat|de nghi|yeu cau|neu|du dinh|du kien|se{lx.FOR_GOOD}|"
    r"ke hoach)\b"
)
_RESULT = re.compile(  # after another result: "…, ending Spain's mission and reducing …"
    r"\s*(?:[a-z]+ing\b[^,;]{0,80}?\band\s+)?"
    r"(?:cutting|reducing|lowering|bringing|taking|trimming|shrinking|leaving|qua do|nho do|"
    r"(?:raising|increasing)(?= (?:the |its |their )?(?:number|total|size|level|force|presence|"
    r"us force|american force)\b))\b"
)  # "…, qua đó giảm số binh sĩ Mỹ tại Iraq xuống còn khoảng 2.600", "…, leaving about 2,470"
# what happened, said in the past tense: a departure, a handover ("took control", "left")
_TROOPS_WORD = r"(?:troops|forces|soldiers|units|personnel|task force|battalion|brigade|battery)"
_BASE_WORD = r"(?:base|air ?base|airfield|camp|headquarters)"
_PAST_EVENT = re.compile(
    rf"\b(?<!first ){_TROOPS_WORD}\b[^,;]{{0,40}}\b"
    r"(?:left|departed|withdrew|flew out|pulled out)\b|"
    # troops sent in: "has moved an air-defense battery of about 220 soldiers from Kuwait"
    rf"\b(?:has|have) (?:moved|sent|deployed)\b[^,;]{{0,40}}\b{_TROOPS_WORD}\b|"
    rf"\b(?:took (?:full )?(?:control|over)|handed (?:over )?)\b[^,;]{{0,40}}\b{_BASE_WORD}\b|"
    # a base handed over in Vietnamese, told without tense as what was done
    r"\b(?:ban giao|trao lai|trao tra)\b[^,;]{0,20}\b(?:trai|can cu|san bay)\b"
)
_HEADLINE_EVENT = re.compile(
    rf"\b{_TROOPS_WORD}\b[^,;]{{0,30}}\b(?:leaves?|leave|depart|departs|withdraws?|exits?)\b|"
    rf"\b(?:sends|moves|deploys)\b[^,;]{{0,30}}\b{_TROOPS_WORD}\b|"
    rf"\b(?:takes (?:full )?(?:control|over)|hands (?:over )?)\b[^,;]{{0,40}}\b{_BASE_WORD}\b"
)
# the first of them, or a level once it is done: still to come
_ONCE = re.compile(
    r"\bfirst\b|\b(?:once|when|after)\b[^,;]*\b(?:complete|completed|finished|done)\b"
)
# A change said in the simple past (not "being reduced", "be reduced", "a reduced force")
SIMPLE_PAST = re.compile(
    r"(?<!being )(?<!be )(?<!\ba )\b(?:fell|dropped|shrank|decreased|reduced|lowered|trimmed|"
    r"halved|rose|increased|grew|climbed|raised(?= (?:the |its |their )?(?:number|total|size|"
    r"level|force|presence|us force|american force)\b))\b"
)
# A wish, a condition or a may, in English: "wants ... reduced", "could come down to"
HEDGED = re.compile(
    r"\b(?:could|(?<!\d )may(?! \d)|might|would|should|wants?|wanted|asks?|asked|urg\w+|"
    r"demand\w*|calls? for|if)\b"
)  # not the month: "the 31 May date", "May 2025"


_CON_END = re.compile(r"\bcon\s*$")
_CON_TARGET = re.compile(r"\b(?:xuong|se|se chi)\s+con\s*$")
_WITHDRAW = re.compile(r"\b(?:rut|withdraw\w*|pull\w* out)\b")
_DONE = re.compile(r"\b(?:da|hoan tat|hoan thanh|xong|completed|finished|has|have)\b")
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d)")  # at a comma: one inside a number
# a time or a plan before "còn": "đến tháng 9/2026 Mỹ còn", "hồi năm 2019", "sau giai đoạn
# một", "khi", "theo thỏa thuận/lộ trình", "sắp tới": not the level now
WHEN_OR_PLAN = re.compile(
    r"\d|\b(?:sap|toi day|sau nay|den|toi|sau|khi|vao|(?<!lau )nam(?! goc)|thang|cuoi|hoi|luc|"
    r"thoi diem|"
    r"dinh diem|theo thoa thuan|theo lo trinh|lo trinh)\b"
)
# Troops that stay until a time to come: "350 advisers remain at Erbil ... no later than 30
# September 2030" is a plan (with ``when.ahead``)
STAY_UNTIL = re.compile(
    r"\s*(?:\S+\s+){0,3}?(?:remain|stay|o lai|con lai)\b[^.;,]{0,60}?(?:,\s*)?\b(?:until|through|"
    r"no later than|den|cho den|khong muon hon)\b"
)
# A level said as a threshold: "before Iraq force drops below 1,000", "nếu quân số giảm dưới";
# or as a forecast of one: "could drop below 2,000 by late summer", "có thể giảm xuống dưới"
# (not "may": also the month)
THRESHOLD = re.compile(
    r"(?:\b(?:before|until|unless|if|truoc khi|neu|cho den khi|cam(?! ket)|bans?|banning|bars?|"
    r"barred|prohibit\w*|chan viec|should not|khong nen|could|might|co the|"
    r"(?:advise[sd]?|warn(?:s|ed)?|argue[sd]?) against)\b[^.;,]{0,40}|"
    # ... and "barring / blocking / preventing / stopping the Pentagon from cutting", "block
    # any cut" (not "the blockade ended and", "to prevent a vacuum the US has reduced")
    r"\b(?:barring|block(?:s|ed|ing)?|prevent(?:s|ed|ing)?|stop(?:s|ped|ping)?)\b[^.;,]{0,30}?"
    r"\b(?:from|any)\b[^.;,]{0,20}?)"
    r"\b(?:drops?|falls?|goes|going|dips?|cut\w*|reduc\w*|giam|xuong|be|con)\s+"
    r"(?:[^\s,;]+\s+){0,7}?"
    r"(?:below|under|xuong duoi|duoi|fewer than|less than)"
    r"(?:\s+(?:about|around|some|khoang|chung))?\s*$"
)


# A level's change in an English headline's present tense, with no time after it: done ("US
# force in Iraq drops to 2,900 after handover"; not "... falls to 2,000 by March", "to fall to")
_HEADLINE_NOW = re.compile(r"(?<!to )\b(?:falls?|drops?|dips?|shrinks?|declines?|slips?)\b")
# a cut told with the departure that made it: "US cuts Iraq force to 2,150 as 450 soldiers
# leave"; in a report's sentence, "is cutting its force to about 2,150 … after 450 soldiers left"
_HEADLINE_CUT = re.compile(r"(?<!to )\b(?:cuts|reduces|trims|lowers)\b")
_CUTTING = re.compile(r"\b(?:is|are) (?:cutting|reducing|trimming|lowering)\b")
_AFTER_LEFT = re.compile(  # not "as troops prepare to leave", "as the first 500 leave"
    rf"\b(?:after|as)\b(?:(?!\b(?:first|prepar\w*|begin\w*|began|start\w*|to)\b)[^,;]){{0,30}}"
    rf"\b{_TROOPS_WORD}\b(?:(?!\b(?:prepar\w*|begin\w*|began|start\w*|to)\b)[^,;]){{0,40}}\b"
    r"(?:left|departed|withdrew|flew out|pulled out|leave|depart)\b"
)
_TIME_AHEAD = re.compile(r"\b(?:by|before|until|next)\b")  # "by March"


def headline_done(sentence: Sentence, clause: str, rest: str) -> bool:
    """Whether the number's clause is an English headline's change in the present tense,
    or a cut told with the departure that made it (``_AFTER_LEFT``), with no time after the
    number (``rest``)."""
    article = sentence.article
    title = sentence.doc is article.title
    now = title and bool(_HEADLINE_NOW.search(clause))
    cut = bool(_HEADLINE_CUT.search(clause) if title else _CUTTING.search(clause))
    return (
        article.lang == "en"
        and (now or (cut and bool(_AFTER_LEFT.search(rest))))
        and not HEDGED.search(clause)  # "could fall to" (the caller has left out "will")
        and not _TIME_AHEAD.search(rest)
    )
