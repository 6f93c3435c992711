"""Counts that are a forecast or a budget's figure, not a level (``not_levels``). Folded text.
Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures.unsaid import OPTION_CHOSEN, OPTIONS

__all__ = ["forecast", "weighed"]

# A forecast of the force's fall ("US force in Iraq could fall to about 1,800", "quân số có
# thể giảm còn"; not "đã có thể giảm", "Guarding it could fall to"); a budget's cap ("budget
# request, which assumes no more than 2,000", "ngân sách … giả định … không quá 2.000",
# "ngân sách Lầu Năm Góc dự tính khoảng 2.700 lính"); an average ("the request puts an average
# of about 2,700 US troops in Iraq next year", "giả định trung bình khoảng 2.700"): no level
_MAY_FALL_TO = re.compile(
    r"\b(?:force|forces|troops|soldiers|presence|numbers?|levels?|footprint|quan(?! chuc)|"
    r"luc luong|binh si)(?:\s+[^\s,;.]+){0,4}?\s+(?<!da )(?<!moi )(?:could|might|co the)\s+"
    r"(?:[^\s,;]+\s+){0,2}?(?:fall|drop|shrink|decline|dip|come down|go down|giam|xuong)\s+"
    r"(?:xuong\s+)?(?:con\s+|duoi\s+|below\s+|under\s+)?(?:to\s+)?"
    r"(?:about |around |roughly |some |khoang )?$"
)
# ... or someone's expectation that it falls below a number: a bound, not a level ("he expected
# the number of US troops in Iraq to fall below 2,000 early next year", "Analysts expect",
# "ông dự kiến … sẽ giảm xuống dưới 2.000"; not the Pentagon's or its officials', nor the
# passive of a plan, "is expected to fall below 500", nor one under a plan)
_BELOW = re.compile(
    r"(?:(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!pentagon )(?<!officials )(?<!it )"
    r"(?<!department )\b(?:expect(?:s|ed)?|predict(?:s|ed)?)|"
    r"\b(?:ong|ba|ho|gioi phan tich|chuyen gia) (?:du kien|du doan|cho rang|tin rang))\b"
    r"[^.;,]{0,80}?\b(?:fall|drop|shrink|decline|dip|"
    r"go|giam)\s+(?:xuong\s+)?(?:below|under|duoi)\s+(?:about |around |khoang )?$"
)
_UNDER_PLAN = re.compile(  # "Under the plan, … could shrink to", not "if it goes to plan"
    r"\bunder (?:the|its|a) (?:\w+ )?(?:plan|schedule)\b|(?<!dien ra )\btheo (?:\w+ )?"
    r"(?:ke hoach|lo trinh)\b"
)
_BUDGETED = re.compile(  # the count right after the budget's verb, or after "no more than"
    r"\b(?:budget|request|fiscal|ngan sach|du toan|tai khoa)\b[^.;]{0,120}"  # an average in it
    r"\b(?:an average of|on average|trung binh(?: co)?)\s+(?:about |around |khoang )?"
    r"(?:between [\d.,]+ and |tu [\d.,]+ (?:den|toi) )?$|"  # "an average of between 2,300 and"
    r"\b(?:budget|ngan sach)\b(?:(?:\s+[^\s,;.]+){0,8}\s+(?:assum\w+|plans? for|gia dinh|du tru|"
    r"du tinh)"
    r"\s+(?:an average of\s+|trung binh\s+)?|[^.;]{0,120}\b(?:assum\w+|plans? for|du tru|"
    r"gia dinh)\b[^.;]{0,90}\b(?:no more than|at most|khong qua|toi da)\s+(?:an average of\s+)?)"
    r"(?:about |around |khoang )?(?:[\d.,]+\s*(?:-|–|to|den|toi)\s*)?$"  # "2.300 - 2.600"
)

# the level an option would bring (folded): "One option would shrink the force from about 2,470
# to about 1,200 by October", "một phương án sẽ giảm quân số … xuống khoảng 1.200"
_OPTION_TO = re.compile(
    rf"\b(?:{OPTIONS})\b(?:[^.;]|\.\d){{0,50}}?"
    r"\b(?:would|could|include\w*|se|co the|la|gom)\b"
    r"(?:[^.;]|\.\d){0,80}?\b(?:to|xuong con|xuong|con)\s+"
    r"(?:about |around |roughly |some |khoang )?$"
)
# ...or a cut weighed: "White House weighs cutting Iraq force to fewer than 2,000 by spring",
# "Lầu Năm Góc cân nhắc giảm quân số xuống khoảng 1.800"
_WEIGHED_TO = re.compile(
    r"\b(?:(?:weigh(?:s|ed|ing)?(?! in\b)|mull\w*|consider(?:s|ing)?|can nhac|xem xet)\s+"
    r"(?:\w+\s+){0,3}?|"
    # "Mỹ tính giảm quân ở Iraq xuống 1.800" (not "dự tính", a budget's; nor "tỉnh", "tính đến")
    r"(?<!du )tinh )(?:cut\w*|reduc\w*|shrink\w*|trim\w*|bring\w*|giam|cat giam|rut)\b"
    r"(?:[^.;]|\.\d){0,60}?\b(?:to|xuong con|xuong|con)\s+"
    r"(?:about |around |roughly |some |fewer than |less than |under |khoang |duoi )?$"
)

# ...or one a denial is of: "White House denies report of plan to cut Iraq force to below 2,000",
# "Nhà Trắng bác tin giảm quân Mỹ ở Iraq xuống dưới 2.000" (folded "bac" is also "bắc", north)
_DENIED = re.compile(
    r"\b(?:(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|rebuff\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:reports?|claims?|rumou?rs?)|(?:bac(?: bo)?|phu nhan)\s+(?:cac\s+)?(?:tin|thong tin))\b"
    r"(?:(?!\b(?:and|said|saying|but|va|cho biet|nhung)\b)(?:[^.;]|\.\d)){0,100}$"  # up to it
)


def forecast(text: str, start: int, at: int, end: int) -> bool:
    """Whether the count at ``at`` (its sentence runs from ``start`` to ``end``) is a forecast
    of the force's fall, not tied to a plan ("could shrink to 2,000 under the plan"), one
    expected below it, or a budget's figure."""
    may_fall = _MAY_FALL_TO.search(text, start, at) and not _UNDER_PLAN.search(text, start, end)
    below = _BELOW.search(text, start, at) and not _UNDER_PLAN.search(text, start, end)
    return bool(may_fall or below or _BUDGETED.search(text, start, at))


def weighed(before: str) -> bool:
    """Whether the count after ``before`` (its sentence up to the count) is the level an option
    would bring or a cut weighed, none chosen, or one denied: no one's plan."""
    if _DENIED.search(before):
        return True
    return bool(_OPTION_TO.search(before) or _WEIGHED_TO.search(before)) and not (
        OPTION_CHOSEN.search(before)
    )
