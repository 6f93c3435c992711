"""Deadlines in one sentence: which dates are when troops leave or a mission ends. Pure: no I/O.

Each date is read with the stretch of sentence before it (back to the previous date). That
stretch says what happens by the date: troops leave ("rút", "withdraw", "pull out of"), a
mission or a presence ends ("kết thúc nhiệm vụ", "presence ... will end", "continue until"), or
the combat mission ends. When it says nothing but the date is introduced by "by", "until",
"đến" or "scheduled for", the rest of the clause after the date does ("từ nay đến cuối năm sẽ
ngưng nhiệm vụ chiến đấu"). A stretch with only "and from Kurdistan", "the rest", "the full
completion" or a place ("and the Kurdistan region by", ``lx.GAPPED``) continues the one before.
A clause after the date opened by "when" adds what happens then ("by September 2025, when
forces leave Ain al-Asad"); a condition after it ("as soon as the campaign ends") does not.

Not deadlines: election and meeting dates, "at least" and "since" dates, dates in a clause about
the past ("đã ra lệnh ... rút khỏi nước này vào tháng Giêng", "withdrew … in January", "hồi
tháng 9"), dates already past at publication, dates elsewhere, dates someone demands
(``demands``), dates denied, under a fronted condition, asked, forecast, another actor's or
another event's (``unsaid``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from watchers.figures import counted as cx
from watchers.figures import lexicon as lx
from watchers.figures import moves as mv
from watchers.figures.dates import DateMention
from watchers.figures.demands import demanded
from watchers.figures.model import Deadline
from watchers.figures.moves import came_from, moved_to, moves_to, now_said, of_deadline, put_off
from watchers.figures.not_levels import unknown_base
from watchers.figures.places import Place, country_of, federal, followed, place_after, specific
from watchers.figures.sentence import Sentence
from watchers.figures.unsaid import unsaid

__all__ = ["Reading", "read_deadlines"]

Kind = tuple[str, bool]  # ("combat" | "mission" | "leave", partial)

_CONTINUATION = re.compile(
    r"^\W*(?:(?:and|or|va|hoac)\s+)?"
    r"(?:(?:the rest|the remainder|the remaining|so con lai|phan con lai)\b.{0,25}|"
    r"(?:by|until|in|before|vao|den|truoc)\s*)?$"
    r"|^\W*(?:and|or|va|hoac)\s+(?:(?:then|later|sau do)\s+)?(?:from|out of|khoi|tu)\b[^,;]{0,60}$"
)
_DATELINE = re.compile(r"[|•·]\s*$")  # set apart by separators: a page's day of publication
_DATELINE_AFTER = re.compile(r"\s*(?:[|•·\n]|$)")
_STAY = re.compile(r"\b(?:remain|remains|stay|stays|o lai|duy tri)\b")  # until: when they leave
# the rest, or some who stay ("một số lực lượng sẽ ở lại … cho đến tháng 9/2026"): the last
_REST_OR_SOME_STAY = re.compile(  # not "some who remain in Iraq will start leaving": they leave
    rf"{lx.REST.pattern}|(?:{lx.PARTIAL.pattern}).*?{_STAY.pattern}(?!.*\b(?:leav|withdr|rut|roi)\w*)"
)
# Some troops ("withdraw 2,200 troops", "rút 2.200 quân"; not "its 2,500") or a level (LEVEL_BY)
_SOME_TROOPS = re.compile(
    r"(?<!all )(?<!remaining )(?<!the )(?<!its )(?<!their )(?<!toan bo )(?<!tat ca )(?<!het )"
    r"(?<!con lai )(?<![\d.,])\b\d[\d.,]*\s+(?:(?:us|u\.s\.|american|my|hoa ky)\s+)?"
    rf"(?:troops|soldiers|forces|binh si|binh sy|quan|linh)\b|{lx.LEVEL_BY.pattern}"
)
_ASIDE = re.compile(r",\s*which\b[^,;]*,")  # an aside: "The plan, which …, would see troops"
_ACTS = (lx.LEAVE, lx.END, lx.PRESENCE, lx.MISSION)  # what an aside may say happens by a date
# The day something was said ("Sudani said on", "cho biết hôm 11/11") or asked for
_SAID_ON = re.compile(
    r"\b(?:(?:said|says|announced|stated|declared|confirmed|told (?:\w+\s+){1,3})\s+on|"
    r"(?:cho biet|tuyen bo|phat bieu|thong bao|khang dinh|xac nhan|noi)\s+(?:vao )?hom|"
    r"(?:press|seek|ask)\w* for \S+ \S+ (?:departure|exit)\b[^,;]*\bmeets? on|(?:de nghi|yeu cau)"
    r"\b[^,;]*\brut\b[^,;]*\bhop vao)\s*$"
)
_HANDOVER = re.compile(r"\bhand|\bban giao")
# leaving or ending in the simple past, or begun: when it happened ("completed": lx.COMPLETED)
_SIMPLE_PAST = re.compile(r"withdrew|ended|pulled[- ]?out|departed|concluded|closed")
_BEGAN = re.compile(r"\b(?:began|begun|started|da bat dau)\s+$")
_CLAUSE = re.compile(r";|,\s*(?:and|va)\b|\b(?:while|whereas|but|trong khi|nhung)\b")
_BY = re.compile(r"\b(?:by|until|till|through|before|den|cho den|truoc|toi)\s*$")
_WHEN = re.compile(r"\s*,?\s*(?:when|khi|luc)\b")
_FROM_BEFORE = re.compile(r"\b(?:from|tu)\s+(?:\S+\s+){0,3}$")
_JOINED = re.compile(r"\s*(?:,|va |and )")  # what follows a date joins the clause after it
_UNTIL = re.compile(r"\b(?:until|till|through|cho den)\s*$")  # a mission going on ends then
# combat forces leaving is the end of the combat mission ("Lực lượng chiến đấu Mỹ sẽ rút")
_COMBAT_FORCES = re.compile(r"\b(?:combat (?:troops|forces|units)|"
    r"(?:luc luong|quan|binh si|binh sy|linh|don vi) (?:chien dau|tac chien))\b")  # fmt: skip
# verbs of leaving proper, for a stretch that also ends a mission ("leave Iraq, end … mission")
_LEAVE_VERB = re.compile(r"\b(?:withdraw\w*|withdrew|leav(?:e|es|ing)|depart\w*|pull(?:s|ed|ing)?"
    r"[- ]?out|exit\w*|rut(?: quan| khoi| het)?|roi khoi|ra khoi)\b")  # fmt: skip


State = Literal["ahead", "passed", "past"]


@dataclass(frozen=True, slots=True)
class Reading:
    """A deadline read in a sentence. ``state``: still "ahead" at publication; "passed" and
    said as a target ("the mission was to end by September 2025", said in 2026: reported
    apart); or "past", passed and not said as a target (not reported, but it gives the
    deadline's year). ``relative``: its year was not written ("cuối năm nay")."""

    deadline: Deadline
    state: State
    relative: bool
    moved: bool  # its sentence says it replaces another ("now", "postponed")


def read_deadlines(sentence: Sentence, dates: list[DateMention]) -> Iterator[Reading]:
    """The deadlines among ``dates`` (folded offsets of ``sentence.doc``), each with whether
    it had already passed at publication: only one said as a target ("by", "before", "no
    later than") is reported then ("the mission was to end by September 2025", said in 2026);
    the others are "past" (see ``Reading``)."""
    text = sentence.doc.text
    seg_start = sentence.start
    previous: list[Kind] = []
    moves = lx.MOVED.search(sentence.text) is not None  # the sentence moves a date
    moved = moves or re.search(r"\bnow\b", sentence.text) is not None  # "will now leave by"
    firm = sentence.article.moved or moves or lx.OFFICIAL.search(sentence.text) is not None
    found: list[tuple[Reading, bool, int]] = []  # each, whether a move goes to it, where
    from_to: set[int] = set()  # where the dates a move goes from ("from X to Y") are
    for i, d in enumerate(dates):
        segment = text[seg_start : d.start]
        d = sentence.ahead(d, lx.TARGET.search(segment) is not None)  # "by 30 September"
        seg_offset, seg_start = seg_start, d.end
        after_end = dates[i + 1].start if i + 1 < len(dates) else sentence.end
        reader = _Date(sentence, d, seg_offset, after_end)
        if i > 0:
            before = dates[i - 1]
            reader.came_from = came_from(text, before.start)
            reader.of_deadline = of_deadline(text, before.start, before.end)
        kinds = reader.kinds(previous)
        previous = kinds
        if not kinds or reader.excluded(segment):
            continue
        state: State = "ahead"
        if not reader.upcoming():
            state = "passed" if lx.TARGET.search(segment) else "past"
        some = _SOME_TROOPS.search(segment) and not lx.ALL_OF_THEM.search(segment)
        if some and all(k == ("leave", False) for k in kinds):
            continue  # "withdraw 2,200 troops by end-Sept", "cut force to 2,000 by": a target
        clause = _clause_start(sentence, d.start)
        if sentence.allies_only(clause, d.start):
            continue  # "Britain will withdraw its 400 troops by the end of 2025": Britain's
        if demanded(text, clause, d.start, sentence.end):
            continue  # "militias demanded that US troops leave by the end of 2024"
        if unsaid(sentence, clause, seg_offset, d.start):
            continue  # denied, a condition, a question, a forecast, another's or another event's
        now = i > 0 and now_said(segment)  # "troops will now leave by"
        to = now or moves_to(segment, reader.came_from, reader.of_deadline)
        if to and reader.came_from:
            from_to.add(dates[i - 1].start)
        if put_off(text, segment, d.end, after_end, moves):
            state = "past"  # "originally due in September 2025, was postponed by a year"
        held = mv.stands(text, segment, d.end, after_end)  # "remains 30 June": no change
        for kind, scope in _kinds_with_scope(reader, kinds):
            for what in reader.what(kind, scope):
                deadline = Deadline(what, d.date, d.precision, sentence.quote, firm, held)
                found.append((Reading(deadline, state, d.relative, moved), to, d.start))
    # "was to end in September 2025, has been extended until the end of 2026": the date a move
    # goes to stands, and a later one said "now"; those before it, and where it goes from, not
    for n, (reading, _, at) in enumerate(found):
        if at in from_to or any(
            r.deadline.what == reading.deadline.what and at < later
            for r, moved_to, later in found[n + 1 :]
            if moved_to
        ):
            reading = replace(reading, state="past")
        yield reading


def _clause_start(sentence: Sentence, at: int) -> int:
    """Where the clause of ``at`` starts: after the last "while", "but" or ";" before it."""
    breaks = list(_CLAUSE.finditer(sentence.doc.text, sentence.start, at))
    return breaks[-1].end() if breaks else sentence.start


def _kinds_with_scope(reader: _Date, kinds: list[Kind]) -> Iterator[tuple[Kind, tuple[int, int]]]:
    for kind in kinds:
        yield kind, reader.scope
    when = reader.when_clause()
    if when is not None:
        start, end = when
        for kind in reader.kinds_in(start, end, None):
            yield kind, (start, end)


class _Date:
    """One date of a sentence and the words around it."""

    def __init__(self, sentence: Sentence, d: DateMention, seg_start: int, after_end: int) -> None:
        self.s, self.d = sentence, d
        self.text = sentence.doc.text
        self.seg_start, self.after_end = seg_start, after_end
        self.scope = (seg_start, d.start)  # where what the date is for is said
        self.came_from = False  # the date before it came after "from" ("from X to Y")
        self.of_deadline = False  # the date before it was said as the deadline

    def kinds(self, previous: list[Kind]) -> list[Kind]:
        """What happens by the date, from the words before it, else from those after it."""
        segment = self.text[self.seg_start : self.d.start]
        item = segment.rfind(": ") + 2
        if (
            item > 1
            and lx.CHANGE_VERB.search(segment, item)
            and re.search(r"\d", segment[item:])
            and not self.kinds_in(self.seg_start + item, self.d.start, None)
        ):
            # the item of a list the date ends is a change of size to a number, and says no
            # leaving of its own ("rút quân thành ba giai đoạn: lực lượng Mỹ giảm còn khoảng
            # 1.800 người trước ngày 31/12"): a target (``targets``), not the leaving the
            # list is about
            return []
        kinds = self.kinds_in(self.seg_start, self.d.start, previous)
        if kinds:
            return kinds
        if _BY.search(segment) or lx.SCHEDULED.search(segment):
            start, end = self.d.end, self._clause_end(self.d.end)
            here = self.s.places_in(self.seg_start, self.d.start) or lx.LEFT_A_SITE.search(segment)
            joined = _JOINED.match(self.text, start, end)  # ", [và] rời Baghdad"
            if end == self.after_end and here and joined and _BY.search(self.text, start, end):
                return []  # "… ở Anbar trước ngày 31/3, rời Baghdad … trước": the next date's
            if self.s.tense(self.seg_start, end) != "past":
                # the verb may be on either side: "the second phase runs through September
                # 2026 and focuses on ... operations in Syria"
                kinds = self.kinds_in(start, end, None) or self.kinds_in(self.seg_start, end, None)
                if kinds:
                    partial = lx.PARTIAL.search(segment) is not None
                    self.scope = (start, end)
                    return [(name, p or partial) for name, p in kinds]
        if previous and moves_to(segment, self.came_from, self.of_deadline):
            # "..., has been extended until the end of 2026": what the date before was for
            # (unless the words after the date say what: "hoãn lại đến tháng 9/2026 việc rút
            # khỏi Kurdistan")
            return previous
        return []

    def kinds_in(self, start: int, end: int, previous: list[Kind] | None) -> list[Kind]:
        """("combat" | "mission" | "leave", partial) said in ``text[start:end]``."""
        raw = self.text[start:end]
        segment = lx.CONDITION.sub(lambda m: " " * len(m.group()), raw)
        combat = lx.COMBAT.search(segment) is not None
        end_verb = lx.END.search(segment) is not None
        leave = lx.LEAVE.search(segment) is not None or lx.DEADLINE_NOUN.search(segment) is not None
        mission = lx.MISSION.search(segment) is not None
        presence = lx.PRESENCE.search(segment) is not None
        partial = bool(lx.PARTIAL.search(segment)) and not _REST_OR_SOME_STAY.search(segment)
        if not (end_verb or leave or (mission and _UNTIL.search(segment))):
            gapped = lx.GAPPED.match(segment) and self.s.places_in(start, end)  # "and Erbil by"
            if previous and (_CONTINUATION.match(segment) or gapped):
                return [(name, p and not lx.REST.search(segment)) for name, p in previous]
            return []
        if combat:
            kinds: list[Kind] = [("combat", False)]
            if (
                lx.COMBAT_CONTEXT.search(segment)
                and not _COMBAT_FORCES.search(segment)
                and _LEAVE_VERB.search(segment)
            ):
                kinds.append(("leave", partial))  # "leave Iraq, end ISIS combat mission"
            return kinds
        if mission and (end_verb or _UNTIL.search(segment)):
            who = {k for _, k in self.s.who_in(start, end)}
            if self.s.article.combat and "US" in who and "coalition" not in who:
                return [("combat", False)]
            return [("mission", False)]
        if leave or (end_verb and presence):
            return [("leave", partial)]
        if end_verb and re.search(r"withdrawal|rut quan", segment):
            return [("leave", partial)]
        if end_verb and previous and previous[0][0] == "leave":
            return [("leave", partial)]  # "... and the full completion targeted by 2026"
        return []

    def upcoming(self) -> bool:
        published = self.s.article.published
        if published is None:
            return True
        d = self.d
        parts = [int(p) for p in d.date.split("-")]
        if d.precision == "day":
            return date(*parts) >= published
        if d.precision == "month":
            return (parts[0], parts[1]) >= (published.year, published.month)
        return parts[0] >= published.year

    def excluded(self, segment: str) -> bool:
        """Election, meeting, "at least" and "since" dates, the day something was said ("said
        on"), a government's deadline, dates of past events (an election or an announcement
        named in an aside about a noun, ", which ...,", does not count). A date is a past
        event's when the verb before it is in the past ("rút quân ... đã xuất hiện từ đầu năm
        2020"), or its year is not written and its clause is about the past ("đã ra lệnh ...
        rút khỏi nước này vào tháng Giêng"); not an agreement made then about a future date."""
        said = _SAID_ON.search(segment) or mv.replaced(segment)  # said on; compared with
        given = lx.GIVEN_TO.match(self.text, self.d.end)  # a government's: "đối với Thủ tướng"
        if lx.NOT_DEADLINE.search(_ASIDE.sub(_aside, segment)) or said or given:
            return True
        if lx.AT_LEAST.search(_strip_preposition(segment)) and not _STAY.search(segment):
            return True  # "at least until 2026" is no deadline, unless troops stay until then
        if _DATELINE.search(segment) and _DATELINE_AFTER.match(self.text, self.d.end):
            return True  # "... will end later this year | 26 July 2021 |": the day it was said
        done = lx.COMPLETED.search(segment)
        if done and not lx.COMPLETION_AHEAD.search(segment[: done.start()][-60:]):
            return True  # "the withdrawal was completed on 25 January": it happened then
        if lx.SINCE.search(segment) or lx.THING_LEAVES.search(segment):
            return True  # since then; "Every truck that leaves in May": a thing, not forces
        if moved_to(segment):
            return False  # "đã được hoãn lại đến cuối năm 2026": the move is past, not the date
        if re.search(r"\bhoi\s*$", segment):
            return True  # "kết thúc hồi tháng 9/2025": back then
        found = [
            m
            for pattern in (lx.LEAVE, lx.END, lx.PRESENCE)
            for m in pattern.finditer(self.text, self.seg_start, self.d.start)
        ]
        if found:
            last = max(found, key=lambda m: m.end())
            went = lx.WENT.match(self.text, last.end()) and not _BY.search(segment)  # "moved then"
            if went or self.s.tense(last.end(), self.d.start) == "past":
                return True
            if (
                _SIMPLE_PAST.fullmatch(last.group())
                or _BEGAN.search(self.text, self.seg_start, last.start())
            ) and not lx.COMPLETION_AHEAD.search(self.text, self.seg_start, last.start()):
                return True  # "US forces withdrew from Ain al-Asad in January 2026", "began…"
        return self.d.relative and self.s.tense(self.s.start, self.d.start) == "past"

    def when_clause(self) -> tuple[int, int] | None:
        """ "by September 2025, when forces leave Ain al-Asad": the clause after the date."""
        m = _WHEN.match(self.text, self.d.end, self.after_end)
        if m is None:
            return None
        return m.end(), self._clause_end(m.end())

    def _clause_end(self, start: int) -> int:
        m = re.search(r"[;]|,\s*(?:but|while|nhung|trong khi)\b", self.text[start : self.after_end])
        return start + m.start() if m else self.after_end

    def what(self, kind: Kind, scope: tuple[int, int]) -> list[str]:
        """The deadline kinds ("coalition leaves Erbil", ...) for places named around it."""
        name, partial = kind
        start, end = scope
        anchor_re = lx.MISSION if name == "mission" else lx.LEAVE
        anchors = list(anchor_re.finditer(self.text, start, end))
        if name == "leave" and not anchors:  # "the coalition's presence ... will end"
            anchors = list(lx.PRESENCE.finditer(self.text, start, end))
        anchor = max((a.start() for a in anchors), default=start)
        if scope[0] > self.d.start:  # after the date: up to the end of the verb's phrase
            comma = self.text.find(",", anchor, end)
            end = comma if comma != -1 else end
            limit = end
        else:
            change = lx.CHANGE_VERB.search(self.text, anchor, end)
            limit = end
            end = change.start() if change else end
        names = self._names(self.s.places_in(anchor, end), name, anchor)
        if not names:
            names = self._names(self.s.places_in(start, limit), name, start)
        after = self._place_after()
        if after is not None:
            names = [after.name]
        if not names:
            names = self._names(self.s.places_in(self.s.start, start), name, self.s.start)[-1:]
            if lx.REST.search(self.text[start:end]):
                names = [country_of(n) for n in names]  # "Baghdad by 2025, the rest by 2026"
        if not names:
            # a sentence that names no place is about the one before's ("... in Afghanistan. It
            # would stop short of ... all troops withdrawn by the end of the year"), or the base
            # it speaks of ("the US-held half of the base … by 15 May", ``lx.THE_BASE``)
            previous = self.s.previous_place
            base = lx.THE_BASE.search(self.text, _clause_start(self.s, self.d.start), self.d.start)
            if base or (previous is not None and previous not in lx.PLACES):
                return []
            names = [self.s.article.place]
        if any(n not in lx.PLACES for n in names):
            return []
        handover = bool(anchors) and all(_HANDOVER.search(a.group()) for a in anchors)
        placed = self.s.places_in(self.s.start, self.d.start)  # may locate a base, or be one
        at = placed[-1].start if placed else self.d.start
        # a handover, a base we do not know ("at Camp Zerinbar"); a province that locates one
        # ("căn cứ Kasra ở tỉnh Anbar") names no base of its own, unless named before
        unknown = unknown_base(self.s, at)
        if unknown and placed and cx.PROVINCE.match(self.text, at):
            names = [n for n in names if n != placed[-1].name or n in {p.name for p in placed[:-1]}]
        if not names or ((handover or unknown) and all(country_of(n) == n for n in names)):
            return []
        if name == "combat":
            return ["US combat mission ends in Iraq"]
        span, carried = (self.s.start, self.d.start), self.s.previous_federal
        places = specific(federal(names, self.text, span, name, carried))
        if name == "mission":
            return [f"coalition mission ends in {p}" for p in places]
        if partial:
            return [f"first coalition troops leave {p}" for p in places]
        return [f"coalition leaves {p}" for p in places]

    def _names(self, places: list[Place], kind: str, since: int) -> list[str]:
        places = followed(self.s.doc, places, since, datelines=False)
        if kind == "mission":  # "operations in Syria from bases in Iraq"
            places = [
                p
                for p in places
                if not _FROM_BEFORE.search(self.text[max(since, p.start - 30) : p.start])
            ]
        return [p.name for p in places]

    def _place_after(self) -> Place | None:
        """ "by September 2026 in Kurdistan": a place right after the date (``place_after``)."""
        places = self.s.places_in(self.d.end, min(self.after_end, self.d.end + 80))
        return place_after(self.text, self.d.end, places, self.s.doc.written)


def _aside(m: re.Match[str]) -> str:
    """An aside about a noun, left out of the election and announcement check unless it says
    what happens by the date itself ("Sudani, who wants troops to leave before the elections,
    will visit on April 15" is a visit's date)."""
    aside = m.group()
    return aside if any(p.search(aside) for p in _ACTS) else " "


def _strip_preposition(segment: str) -> str:
    return re.sub(
        r"\b(?:vao|den|cho den|toi|by|until|till|through|before|truoc|in)\s*$", "", segment.rstrip()
    )
