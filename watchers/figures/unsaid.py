"""Dates next to troops leaving that are not said as a deadline. Pure: no I/O.

Read as a deadline, each of these would alert "Deadline changed" for something nobody set:

* **denied or negated** — "The Pentagon denied reports that US troops would leave Iraq by the
  end of 2025", "US forces will not leave Iraq before 2026", "there is no plan to withdraw
  by 2026", "Mỹ sẽ không rút quân … trong năm 2025", "không có chuyện quân Mỹ rút …", "bác bỏ
  thông tin …" (a negation up to two words before the verb of leaving or ending, in the
  date's clause; not "will not be extended beyond");
* **a condition or a question** — "If talks succeed, US troops would leave by …", "Nếu đàm
  phán thành công, …", "Will US troops really leave Iraq by September 2026?", "Liệu quân Mỹ
  có rút …"; a date inside a condition that follows what depends on it ("will take it to
  parliament if the June deadline is not met", "nếu hạn chót tháng Sáu không được đáp ứng":
  an ultimatum's date); "beyond", "quá" right before the date ("could be delayed beyond
  September 2026": not by then);
* **what was so then** — "Khi Hiệp định … được ký vào tháng 11/2112, hai mốc thời hạn … rời
  khu vực Kurdistan trước ngày 30/9/2114", "When the accord was signed in November 2112, …":
  a sentence opened by a time named by a year before publication tells the dates of then;
* **what would have been** — "an amendment that would have required all US troops to leave
  Iraq by 31 December 2076" (not "would have to leave": still to be done);
* **a forecast** — "US troops could leave Iraq by 2026, analysts say", "giới phân tích dự
  đoán …": the sentence gives the date to analysts, experts or a prediction;
* **an option** — "Pentagon drafting options for full US exit from Iraq by end of 2150", "US
  weighing withdrawal by the end of the year", "phương án rút toàn bộ quân … trước cuối năm":
  options drawn up or weighed are no one's decision (the sentence names an option before the
  date, or a verb of weighing the leaving);
* **another actor's** — "Turkish troops will withdraw from northern Iraq by the end of 2026",
  "Iran said its military advisers would leave Iraq by March 2026", PKK fighters, Peshmerga,
  UNAMI, the EU's mission, NATO's own mission (NATO Mission Iraq, apart from the coalition):
  named in the date's clause, which names neither the US, the coalition nor foreign forces;
* **another event's** — "Talks on the withdrawal … will resume in March 2025", "due to sign
  the withdrawal agreement in October 2024", "must submit a report on the Iraq withdrawal by
  March 1", "vòng đàm phán … về việc rút quân … vào ngày 20/4": a word of another event
  (talks, a signing, a decision, a report, an announcement) between the last word of leaving
  and the date, or before a leaving that is only a noun ("the withdrawal", "việc rút quân"),
  or talks in a clause of the date's own with no leaving (", and the two will begin talks in
  November");
* **a floor's** — "bar the Pentagon from cutting … below 2,500 before 30 September", "would
  advise against cutting US forces in Iraq below about 2,000 before the end of 2197";
* **diplomats'** — "will move 180 of the US Embassy's staff in Baghdad to Erbil by 30
  September": an embassy or its staff moving, no troops named in the date's clause;
* **a start** — "from April, a Norwegian team", "the Norwegian team starts work in April",
  "từ tháng 4": when something begins, not when it is to be done (not "from 31 March 2197 to
  30 September 2197": a date moved; nor "will begin leaving in April": when the first leave;
  nor "sẽ chấm dứt các hoạt động quân sự … từ tháng 9/2025": an end from then);
* **civilians'** — "Some 310 contractors …; … those 50 will leave by mid-April": contractors
  or civilians named in the sentence before the date, and neither troops nor the US or the
  coalition ("a civilian spokesman said the Americans will leave … by September" is ours);
* **not waited for** — "Không có lý do gì để chờ đến tháng 9", "no need to wait until
  September": a wait said not to be needed sets no date (read as written: folded, "chờ đến" is
  "cho đến", until); "phải đợi đến tháng 9/2026 mới rút" does.
"""

from __future__ import annotations

import re

from watchers.figures import lexicon as lx
from watchers.figures.dates import YEAR_NUMBER
from watchers.figures.sentence import Sentence

__all__ = ["OPTIONS", "OPTION_CHOSEN", "threshold_date", "unsaid"]

_LEAVE_OR_END = (lx.LEAVE, lx.END)

_NEGATED = re.compile(
    r"\b(?:not|never|no longer|won't|wont|khong(?! quan)|chua|chang)\s+(?:\S+\s+){0,2}?"
    r"(?:leav\w*|withdraw\w*|pull\w*|end|ending|exit\w*|depart\w*|rut|roi|ket thuc|cham dut)\b"
    r"|\b(?:no plans?|no intention|khong co ke hoach|khong co chuyen|khong co y dinh)\b"
    r"|\b(?:den(?:y|ied|ies|ying)|dismiss\w*|reject\w*|refut\w*)\s+(?:\S+\s+){0,2}?"
    r"(?:reports?|claims?|rumou?rs?|suggestions?|speculation|that)\b"
    r"|\brul(?:ed|es|ing) out\b"
    r"|\b(?:bac bo|phu nhan)\s+(?:\S+\s+){0,2}?(?:thong tin|tin|kha nang|tin don|viec|rang)\b"
)
_CONDITION = re.compile(
    r"\W*(?:if|should|unless|in case|neu|trong truong hop|gia su)\b"
    r"(?! (?:all|everything|things|moi viec|moi chuyen|tat ca)\b)[^,]*,"  # "if all goes to…"
)
# a condition after the main clause, its date inside it (no comma between), read as written:
# folded, "nếu" (if) is "nêu" (to state); not "if all goes to plan", whose date is the plan's
_IF_BEFORE = re.compile(  # (not "even if": whatever happens; nor past "thì" or what is said)
    r"(?<!even )\b(?:if|unless|nếu|trừ khi)\b"
    r"(?! (?:all|everything|things|mọi việc|mọi chuyện|tất cả)\b)"
    r"(?:(?!\b(?:thì|said|says|saying|but|nói|cho biết)\b)[^,;:])*$"
)
_WOULD_HAVE = re.compile(  # a requirement that was not made (not "said … would have withdrawn")
    r"\bwould(?: not|n't)? have (?:required|allowed|forced|mandated|obliged|compelled|ordered|"
    r"barred|set)\b(?:(?!\b(?:but|while|whereas)\b)[^;:])*$"
)
# "When the accord was signed in November 2112, …", "Khi Hiệp định … được ký vào tháng 11/2112,"
# read as written ("Hội đàm" is no "Hồi"; not "when asked", "khi được hỏi")
_FRONTED_WHEN = re.compile(
    r"\W*(?:when|at the time|khi|lúc|hồi|vào thời điểm)\b(?! (?:asked|được hỏi))"
    r"([^,;:]{0,150}?\b(?:signed|drawn up|ký|soạn)\b[^,;:]{0,60}?)[,;:]"
)
_QUESTION = re.compile(r"\W*lieu\b")  # opens the sentence ("tài liệu", "số liệu" are words)
_WAITED = re.compile(  # a wait said not to be needed (not "phải đợi đến tháng 9 mới rút")
    r"(?:\b(?:không|chẳng|no|not|never)|n't)\b[^.;,]{0,25}?\b(?:(?:chờ|đợi) (?:đến|tới)|"
    r"wait(?:ing)? (?:until|till|for))(?: \w+)?\s*$"
)
_ASKED = re.compile(  # ... or a report someone would not confirm, the date inside it
    r"\b(?:asked|asks|asking) (?:whether|if)\b|\bhoi (?:lieu|xem)\b|"
    r"(?:\b(?:declin\w*|refus\w*) to (?:comment on|confirm|discuss)\b[^.;]{0,60}?\breports?\b|"
    r"\btu choi (?:binh luan|xac nhan)\b[^.;]{0,60}?\b"
    r"(?:thong tin|bai bao|tin (?:rang|cho rang|ve viec))\b)"
    r"(?:(?!(?<!which )(?<!that )\b(?:but|said|says|saying|announced|insisted|added|nhung|song|"
    r"khang dinh|cho biet|thong bao|nhac lai)\b)[^.;]){0,120}$"
)
# a report the sentence calls untrue, after the date: "Reports that … by May 2026 are inaccurate"
_REPORTS = re.compile(r"\b(?:reports?|claims?|rumou?rs?) (?:that|of)\b|\b(?:thong tin|tin don)\b")
_UNTRUE_AFTER = re.compile(
    r"^[^;:]*?\b(?:inaccurate|untrue|false|baseless|unfounded|fake|wrong|khong chinh xac|"
    r"sai su that|vo can cu|bia dat|khong dung)\b"
)
# "beyond", "quá" the date (not by then); a date nobody committed to ("không cam kết về tháng
# 1", "would not commit to January")
_NOT_BY = re.compile(
    r"\b(?:beyond|past|qua|vuot qua|(?:khong|chua) cam ket(?: ve| voi)?(?: thoi han| moc)?|"
    r"(?:not|n't|never|refused to|declined to) commit(?: to)?|no commitment to)\s*$"
)
_FORECAST = re.compile(
    r"\b(?:analysts?|experts?|observers?|commentators?|pundits?|predict\w*|forecast\w*|"
    r"speculat\w*|gioi phan tich|nha phan tich|chuyen gia(?! quan su)|nha quan sat|du doan|du bao|"
    r"nhan dinh)\b"
)
# Options drawn up or weighed, no one's decision (folded; here and ``not_levels``), unless
# one is chosen ("the council adopted the second option")
OPTIONS = r"options?|scenarios?|contingency plans?|phuong an|kich ban"
OPTION_CHOSEN = re.compile(
    r"\b(?:chose|chosen|choose|adopt\w*|approv\w*|picked|selected|endors\w*|announc\w*|"
    r"decid\w*|decision|agreed|on track|after|chon|lua chon|thong qua|phe duyet|"
    r"quyet dinh|thong nhat|nhat tri|tuyen bo|cong bo|thong bao|xac nhan|sau khi|sau nhieu)\b"
)  # "After weeks of weighing options, the Pentagon announced …", "phương án được thống nhất"
_OPTION = re.compile(rf"\b(?:{OPTIONS})\b")
_WEIGHED = re.compile(  # not "considered the withdrawal timetable", "weighing in on"
    r"\b(?:(?:weigh\w*(?! in\b)|mull\w*|xem xet|can nhac)\s+(?:\S+\s+){0,3}?"
    r"(?:leav\w*|withdraw\w*|pull\w*|exit\w*|rut|roi)|"
    r"consider\w*\s+(?:\S+\s+){0,2}?(?:leaving|withdrawing|pulling|exiting|removing))\b"
)
_OTHER_ACTOR = re.compile(
    r"\b(?:turk(?:ey|ish)|ankara|iran(?:ian)?s?|tehran|pkk|peshmerga|pmf|hashd|unami|"
    r"united nations|un (?:mission|assistance|mandate)|eu (?:advisory|mission)|"
    r"european union|tho nhi ky|lien hop quoc|phai bo)\b"
)
# an embassy's staff or diplomats moved, no troops named in the clause (folded; not "Diplomats
# said … the United States agreed to leave Baghdad by 30 June")
_DIPLOMATS = re.compile(
    r"\b(?:mov\w*|relocat\w*|withdraw\w*|pull\w*|evacuat\w*|reduc\w*|cut\w*|chuyen|rut|so tan|"
    r"giam)\b[^.;]{0,50}\b(?:embassy|consulate|diplomats?|staff|su quan|nha ngoai giao|nhan vien)\b"
)
_OURS_NAMED = re.compile(r"\b(?:forces?|troop|military|trainers|quan|luc luong)\b")
_CIVILIANS = re.compile(r"\b(?:contractors?|civilians?|nha thau|thuong dan|dan thuong)\b")
_OURS_ACTOR = re.compile(  # "a civilian spokesman said the Americans will leave": ours
    r"\b(?:the us|u\.s\.|united states|americans?|pentagon|washington|coalition|my|hoa ky|"
    r"lien quan)\b"
)
_BEGIN = re.compile(  # "will begin withdrawing … from April": when the first leave
    r"\b(?:begin|begins|began|start|starts|started|bat dau)\b"
    r"(?!\s+(?:work|operations|operating|duty|lam viec|hoat dong))"
)
# a start: "from April", "starting in", "từ tháng 4", "starts work in April" (folded)
_STARTS = re.compile(
    r"(?:\b(?:from|starting(?: in)?|beginning(?: in)?|ke tu|bat dau tu)|(?<!den )(?<!toi )\btu)\s+$"
    r"|\b(?:starts?|begins?|bat dau) (?:work|operations|operating|duty|lam viec|hoat dong)\b"
    r"[^.;,]{0,20}\b(?:in|on|vao)\s+$"  # not "will begin leaving in April": the first to leave
)
_MOVED_ON = re.compile(r"[^,;.]{0,25}?\b(?:to|until|through|den|sang|toi|len)\b")  # "from X to Y"
# NATO Mission Iraq trains Iraqi forces apart from the coalition: its end is not the coalition's
_NATO_MISSION = re.compile(
    r"\bnato(?:'s|’s| s)? (?:mission|advisory mission|training mission)|"
    # "NATO will cut its mission" (not "NATO said the US-led coalition would end its mission")
    r"\bnato\b(?:(?!coalition|lien quan)[^.;]){0,40}?"
    r"\bits (?:advisory |training )?mission\b|"
    r"\bmission of nato\b|\b(?:su menh|phai bo|nhiem vu) (?:cua )?nato\b"
)
_EVENT = re.compile(
    r"\b(?:announc\w*|talks|negotiations?|round|decision|decid\w*|sign(?:s|ed|ing)?|report|"
    r"submit\w*|review|exercise|drill|ceremony|construction|built|voted|resum\w*|discuss\w*|"
    r"debat\w*|hearing|dam phan|thao luan|ky ket|le ky|ky (?:thoa thuan|hiep dinh)|bao cao|"
    r"nop|dien tap|xay dung|doi thoai|cong bo)\b"
)
_DELIVER_BY = re.compile(  # (not "send US troops home by")
    r"\b(?:send|submit|deliver|present|report(?:s|ed)? (?:to|back)|gui|nop|trinh|decide|an dinh|"
    r"dinh ra|quyet dinh|xac dinh)\b"
    r"(?:(?!\b(?:troops?|soldiers|forces|home|quan|linh|binh si)\b)[^.;,]){0,40}"
    r"\b(?:by|before|truoc)\s*(?:ngay\s+)?$"
)
_DELIVERED = re.compile(r"report|submit\w*|review|bao cao|nop")
_TALKS = re.compile(r"\b(?:talks|negotiations?|dam phan|thao luan|hoi dam|doi thoai)\b")
_LEAVING_NOUN = re.compile(  # ("exit plan": a noun; not "troops will exit Iraq")
    r"withdrawals?|pullout|departure|drawdown|redeployment|exit(?= (?:plan|strategy|timetable))"
)
# "việc rút quân": a noun (not "thỏa thuận kết thúc nhiệm vụ … vào cuối năm 2021", an agreement
# to end it then)
_NOUN_BEFORE = re.compile(r"\b(?:viec|cuoc|qua trinh)\s+$")


# A level not to go below by a date: "bar the Pentagon from cutting ... below 2,500 before 30
# September 2072", "cấm giảm ... xuống dưới 2.500 trước ngày 30/9/2072"
_THRESHOLD_DATE = re.compile(
    r"\b(?:bans?|banned|bars?|barred|barring|prohibit\w*|forbid\w*|cam|"
    r"(?:advise|advises|advised|warn|warns|warned|argue|argues|argued) against|"
    r"(?:canh bao|khuyen(?: cao)?) khong nen)\b[^.;,]{0,80}?"
    r"\b(?:below|under|fewer than|less than|duoi|it hon)\s+(?:about\s+|khoang\s+)?\d[\d.,]*"
    r"(?:(?!\b(?:va|nhung|and|but)\b)[^.;]){0,40}"
    r"\b(?:before|until|by|truoc|den|cho den)\s*(?:ngay\s+)?$"
)


def threshold_date(text: str, start: int, at: int) -> bool:
    """Whether the date at ``at`` is when a level is not to be gone below (``start``: where
    its sentence starts): a ban's or a floor's date, no deadline or target."""
    return _THRESHOLD_DATE.search(text, start, at) is not None


def unsaid(sentence: Sentence, clause: int, segment_start: int, at: int) -> bool:
    """Whether the date at ``at`` (folded offsets of ``sentence.doc``; its clause starts at
    ``clause``, the words since the date before it at ``segment_start``) is not said as a
    deadline: see the module docstring."""
    text = sentence.doc.text
    before = text[clause:at]
    if _NEGATED.search(before) or _NOT_BY.search(before):
        return True
    if _CONDITION.match(text[sentence.start : at]):
        return True
    if sentence.text.rstrip().endswith("?") or _QUESTION.match(sentence.text):
        return True
    then = _FRONTED_WHEN.match(sentence.doc.written(sentence.start, sentence.end))
    published = sentence.article.published
    if then and published and any(int(y) < published.year for y in YEAR_NUMBER.findall(then[1])):
        return True
    written = sentence.doc.written(max(sentence.start, at - 150), at)
    if _IF_BEFORE.search(written) or _WOULD_HAVE.search(written):
        return True
    if _ASKED.search(text, sentence.start, at):
        return True
    if _WAITED.search(sentence.doc.quote(max(clause, at - 30), at).lower()):
        return True
    if _REPORTS.search(before) and _UNTRUE_AFTER.search(text[at : sentence.end]):
        return True
    if _FORECAST.search(sentence.text) or threshold_date(text, sentence.start, at):
        return True
    if _OPTION.search(text, sentence.start, at) or _WEIGHED.search(before):
        return not OPTION_CHOSEN.search(text, sentence.start, at)
    ours = (lx.TROOP_NOUN, lx.COALITION_NAMED, _OURS_NAMED)  # troops named beside the staff
    if _DIPLOMATS.search(before) and not any(p.search(before) for p in ours):
        return True  # "will move 180 of the US Embassy's staff in Baghdad to Erbil by 30 September"
    said = text[sentence.start : at]
    if _CIVILIANS.search(said) and not any(p.search(said) for p in (*ours, _OURS_ACTOR)):
        return True  # "Some 310 contractors …; … those 50 will leave by mid-April"
    starts = _STARTS.search(text, max(clause, at - 60), at) and not _MOVED_ON.match(text, at)
    if starts and not (lx.END.search(text, clause, at) or _BEGIN.search(text, clause, at)):
        return True  # "from April, a Norwegian team", "starts work in April"
    nato = [m.span() for m in _NATO_MISSION.finditer(text, clause, at)]  # not the coalition
    if not sentence.ours_named(clause, at, nato) and (nato or _OTHER_ACTOR.search(before)):
        return True
    return _another_event(text, clause, segment_start, at)


def _another_event(text: str, clause: int, segment_start: int, at: int) -> bool:
    """A word of another event after the last word of leaving, or before a leaving that is
    only a noun (then, for a date said as a target, "announced the withdrawal … by September
    2025", only a thing to deliver: "submit a report on the withdrawal by March 1")."""
    leaving = [m for pattern in _LEAVE_OR_END for m in pattern.finditer(text, clause, at)]
    if not leaving:  # ", and the two will begin talks in November": the clause's own event;
        # "requires the Pentagon to send Congress by 1 December a plan": a thing to deliver
        since = max(clause, segment_start)
        return bool(_TALKS.search(text, since, at) or _DELIVER_BY.search(text, since, at))
    last = max(m.end() for m in leaving)
    if _EVENT.search(text, max(last, segment_start), at):
        return True  # "Talks on the withdrawal … will resume in March 2025"
    first = min(m.start() for m in leaving)
    nouns = all(
        _LEAVING_NOUN.match(text, m.start()) or _NOUN_BEFORE.search(text, clause, m.start())
        for m in leaving
    )
    if not nouns:
        return False
    event = _EVENT.search(text, clause, first)  # "due to sign the withdrawal agreement in …"
    if event is None:
        return False
    return not lx.TARGET.search(text, first, at) or _DELIVERED.match(event.group()) is not None
