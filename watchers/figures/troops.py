"""Troop counts in one sentence: which numbers are how many troops are where. Pure: no I/O.

A number is a count when a troop noun follows it ("2,500 U.S. troops", "2.500 binh sĩ
Mỹ"), when it is the target or source of a change of size ("from about 5,200 to 3,000",
"xuống còn 1.000"), a level ("troop presence has stood at about 2,500") or its noun was left
out after another count ("2,500 troops in Iraq and 900 in Syria"); not when it is how many are
hurt, sent or withdrawn ("About 600 troops will be pulled out"), unless all ("the remaining").

Who: ``owners``. Where: the place right after the noun, else the nearest before it in the
sentence (not where troops are moved to), else the one the sentence points back to ("there",
"tại đây"), else the article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from watchers.figures import counted as cx
from watchers.figures import lexicon as lx
from watchers.figures import not_levels as nl
from watchers.figures import tenses as tw
from watchers.figures.model import TroopCount, TroopStatus, is_who
from watchers.figures.numbers import Quantity, approx_before
from watchers.figures.owners import owner
from watchers.figures.places import LEFT_PLACE, Place, country_of, followed
from watchers.figures.sentence import Sentence
from watchers.figures.when import ahead, fronted_past, still_so

__all__ = ["read_troop_counts"]

_HEDGE_TAIL = re.compile(
    r"(?:\b(?:about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|"
    r"more than|over|fewer than|less than|under|below|up to|close to|just over|a little over|"
    r"no more than|not more than|at most|at least|a maximum of|khong qua|toi da|"
    r"khoang tu|khoang|chung|gan|hon|tren|duoi|chua den|chua toi|uoc tinh|xap xi|it nhat)\s*)+"
    r"(?:\ban?\s*)?$"
)
_HEDGES = (
    r"about|around|approximately|roughly|some|nearly|almost|fewer than|less than|under|"
    r"just over|more than|over|khoang|chung|duoi|gan|hon|chi con|chi|con"
)
# "from 5,200 to 3,000": the first number is the level the change starts from
_TO_NUMBER = re.compile(rf"\s*(?:to|den|xuong con|xuong|down to)\s+(?:(?:{_HEDGES})\s+)*\S*\d")
_ELLIPSIS = re.compile(r"^\s*(?:troops\s+)?(?:in|at|o|tai)\s+(?:(?:neighbou?ring|lang gieng)\s+)?$")
# A question about part of a force: "how many of the approximately 2,500 troops ... will stay"
_PART_OF = re.compile(r"\b(?:how many|bao nhieu|of|trong so)\s+(?:the\s+)?$")
# "in the country" after the noun: the country of the place named before, not a region of it
_IN_THE_COUNTRY = re.compile(
    r"\s*(?:[\w.]+\s+){0,3}?(?:in|inside|within|across|o|tai|trong|tren)\s+"
    r"(?:the country|that country|(?:nuoc|quoc gia|dat nuoc|lanh tho)(?: trung dong)? nay)\b"
)
# Where the words after a noun stop describing it: "more than 2,000 after the attacks in Israel"
_PHRASE_END = re.compile(
    r"[;(]|\s[-–—]\s|\b(?:after|since|when|because|due to|amid|as part of|following|while|"
    r"sau khi|khi|vi)\b"
)


def read_troop_counts(
    sentence: Sentence, numbers: list[tuple[int, int, Quantity]]
) -> Iterator[TroopCount]:
    """The troop counts among ``numbers`` (folded offsets of ``sentence.doc``)."""
    previous_who: str | None = None
    previous: TroopStatus | None = None
    elsewhere = False  # the number before was of a place not ours
    for i, (a, b, q) in enumerate(numbers):
        if q.vague:
            continue
        next_start = numbers[i + 1][0] if i + 1 < len(numbers) else sentence.end
        number = _Number(sentence, a, b, q, next_start)
        count, who = number.read(previous_who)
        if elsewhere and lx.COUNT_DOWN_FROM.search(number.core_left[-30:]):
            count = None  # "1,170 remain at Bab al-Shams, down from about 1,870": its place's
        elsewhere = who is not None and count is None
        if who is not None:
            previous_who = who  # even when dropped for its place: "4,500 in Afghanistan and
        if count is not None and number.elided and previous is not None:  # 3,000 in Iraq"
            # "cut to 2,500 troops and 2,500 in Iraq": the elided count shares the tense
            count = replace(count, status=previous)
        if number.status is not None:
            previous = number.status if count is None else count.status
        if count is not None:
            yield count


class _Number:
    def __init__(self, sentence: Sentence, a: int, b: int, q: Quantity, next_start: int) -> None:
        self.s, self.a, self.b, self.q, self.next_start = sentence, a, b, q, next_start
        self.text, self.left = sentence.doc.text, sentence.doc.text[sentence.start : a]
        self.core_left = _HEDGE_TAIL.sub("", self.left)
        self.after = self.text[b:next_start]
        self.elided = False  # a count whose troop noun was left out ("... and 900 in Syria")
        self.status: TroopStatus | None = None  # set once read, even if its place is not ours

    def read(self, previous_who: str | None) -> tuple[TroopCount | None, str | None]:
        """The count this number is, if any, and the actor its troops belong to."""
        core_left, after = self.core_left, self.after
        noun = lx.TROOP_NOUN.search(after)
        noun_end = self.b
        # "còn 2.000", "hiện còn 2.000": the level, neither target nor delta (not "chỉ còn" after
        # a time: "Năm 2011, Mỹ rút quân khỏi Iraq, chỉ còn khoảng 150 binh sĩ")
        still = lx.STILL_BEFORE_CON.search(core_left)
        level = tw.level_con(core_left) or bool(
            still
            and (
                _NOW_WORD.search(core_left, max(0, still.start() - 8))
                or not tw.WHEN_OR_PLAN.search(core_left)
            )
        )
        change_target = bool(lx.CHANGE_TARGET.search(core_left)) and not (
            lx.STILL_BEFORE_CON.search(core_left) or level
        )
        change_source = lx.CHANGE_SOURCE.search(core_left) is not None
        down_from = lx.DOWN_FROM.search(core_left) is not None  # "down from 2,000"
        if noun and lx.NOUN_GAP.match(after[: noun.start()]):
            noun_end = self.b + noun.end()
        elif previous_who is not None and _ellipsis(after):  # "... and 900 in Syria"
            self.elided = True
        elif cx.OTHER_COUNT.match(after) or not (
            (  # "will drop from about 5,200 to 3,000", "numbers are down from 2,000"
                (change_target or change_source)
                and (lx.CHANGE_VERB.search(core_left) or down_from)
                and (lx.TROOP_NOUN.search(core_left) or nl.FORCE_SIZE.search(core_left))
            )
            or lx.LEVEL.search(core_left)  # "troop presence has stood at about 2,500"
        ):
            return None, None
        rest = self.text[noun_end : self.next_start]
        near_left = self.left[-30:]  # and right, to the clause's end: "2 US and 1 British killed"
        near_right = re.split(r"[,;]", self.text[noun_end : min(self.s.end, noun_end + 45)])[0]
        if lx.CASUALTY.search(near_left) or lx.CASUALTY.search(near_right):
            return None, None
        if nl.not_a_level(self.s, self.a, self.b, noun_end, core_left):
            return None, None
        moved = not (change_target or change_source or level) and (
            self._is_delta(core_left)
            or (noun_end > self.b and _moves(rest) and not self._whole(core_left, rest))
        )
        if moved and not lx.EXISTING_FORCE.match(rest):
            return None, None
        who = owner(self.s, self.a, self.b, noun_end, previous_who)
        if who is None or not is_who(who):
            return None, None
        if who in ("coalition", "US") and nl.nato_only(self.s, self.a, noun_end):
            return None, None  # "NATO giảm phái bộ cố vấn tại Iraq xuống còn 300 người"
        status = self._status(change_target, change_source, noun_end)
        self.status = status
        where = self._where(noun_end, who)
        if where is None:
            return None, who
        self.s.article.seen.setdefault((who, self.q.value), where)
        firm, moved = self._firm(change_target, down_from)
        return TroopCount(
            who=who,
            where=where,
            status=status,
            value=self.q.value,
            approx=self.q.approx or approx_before(self.left),
            quote=self.s.quote,
            low=self.q.low,
            firm=firm,
            moved=moved,
        ), who

    def _firm(self, change_target: bool, down_from: bool) -> tuple[bool, bool]:
        """Whether the sentence backs the count ("cut to", an official), and tells a change."""
        down = lx.DOWN_TO.search(self.core_left) and not tw.HEDGED.search(self.core_left)
        changed = down or ((change_target or down_from) and lx.CHANGE_VERB.search(self.core_left))
        now = lx.NOW_LEVEL.search(self.core_left[-30:]) is not None
        return bool(changed) or now or lx.OFFICIAL.search(self.s.text) is not None, bool(changed)

    def _whole(self, core_left: str, rest: str) -> bool:
        """ "The 2,500 troops will leave", not those a clause picks out ("the 40 who worked")."""
        whole = lx.WHOLE_FORCE.search(" " + core_left[-40:])
        picked = whole and not _ALL.search(whole.group()) and _PICKED.match(rest)  # not "all"
        return bool(whole) and not lx.SENT_IN.match(rest) and not picked

    def _is_delta(self, core_left: str) -> bool:
        window = core_left[-60:]
        verbs = list(lx.DELTA_VERB.finditer(window))
        if not verbs:
            return False
        verb = verbs[-1]
        if lx.WHOLE_FORCE.search(" " + window[verb.end() :]):
            return False
        return not lx.NEGATION.search(window[: verb.start()][-40:])

    def _where(self, noun_end: int, who: str) -> str | None:
        s, doc = self.s, self.s.doc
        right_end = self.next_start
        stop = _PHRASE_END.search(self.text, noun_end, right_end)
        if stop:
            right_end = stop.start()
        right = s.places_in(noun_end, right_end, unquoted=True)
        before = followed(doc, s.places_in(s.start, self.a, unquoted=True), s.start)
        if not right and nl.unknown_base(self.s, self.a):
            return None  # "the US footprint at Camp Kasra to around 200"
        if noun_end == self.b and before and not _ellipsis(self.after):
            # no noun after the number: its noun phrase, and place, are before it ("troop
            # levels in Iraq will drop to fewer than 2,000 as ... in Syria")
            return self._named_before(before[-1])
        listed = cx.LIST_THEN.match(self.text, noun_end)  # "412 US, 70 British … at the base"
        span = (listed.end(), s.end) if listed else (noun_end, right_end)  # "and 800 … at X"
        site = cx.AT_SITE.match(self.text, *span)
        at = site.end() if site else -1
        # the site is a place we know when it is named before the clause goes on ("at Al-Harir
        # air base in Erbil"; not "at Al-Sahra, mostly radar, …", "at Nakhil would leave Iraq")
        known = bool(right) and cx.located_at(self.text[at : right[0].start])
        known = known and not nl.unknown_base(self.s, right[0].start)  # "Camp Kasra in Anbar"
        unknown = site is not None and not known
        named = doc.capitalised(at) or cx.AL_NAME.match(self.text, at) is not None
        base = cx.AT_THE_BASE.match(self.text, listed.end() if listed else noun_end)
        if cx.there_at_a_base(self.text, s.start, self.a, noun_end, [p.name for p in before]):
            return None  # "handed Camp Taji …; the 450 troops stationed there": that base's
        located = bool(base and right and _LOCATES.fullmatch(self.text, base.end(), right[0].start))
        if (unknown and named) or (base and not located):
            return None  # at a place we do not know ("800 troops are at Al-Safra"): not ours
        if not (before or right) and nl.site_holds(self.s, self.a, self.core_left):
            return None  # "Dar al-Salam now holds about 610 US troops": a site we do not know
        if not before and nl.site_where(self.s, self.core_left):
            return None  # "Camp Halberd, where about 1,805 US troops are now based"
        if right:
            first = right[0]
            between = self.text[noun_end : first.start]
            if s.article.lang == "vi" and not between.strip():
                return None  # "binh sĩ Iraq": a nationality, not a location
            if len(right) > 1 and re.match(
                r"^\s*(?:,|and|va|hoac|or)\s*$", self.text[first.end : right[1].start]
            ):
                return None  # "ở Syria và Iraq": one figure for two places
            name = first.name
            if lx.MOSTLY_BEFORE.search(between):
                name = country_of(name)  # "fewer than 500, primarily stationed in Erbil"
            return name if name in lx.PLACES else None
        if before and _IN_THE_COUNTRY.match(self.text, noun_end, right_end):
            # "ERBIL, Kurdistan Region — ... 2,500 troops in the country": Iraq
            name = country_of(before[-1].name)
            return name if name in lx.PLACES else None
        last_named = before[-1].end if before else s.start
        if lx.DEICTIC.search(self.text, last_named, self.a) and s.previous_place is not None:
            name = s.previous_place  # "quân số tại đây", "the number of troops there"
            return name if name in lx.PLACES else None
        if before:
            return self._named_before(before[-1])
        if (who, self.q.value) in s.article.seen:
            return s.article.seen[(who, self.q.value)]
        return s.article.place if s.article.place in lx.PLACES else None

    def _named_before(self, place: Place) -> str | None:
        """The topic's place named before the number: not a place that only locates a base we do
        not know ("at Camp Kasra in Anbar province to 200"; the country, the force's size told in
        a clause after the base's), nor a place left ("leave Baghdad …, cut force to 2,000")."""
        after = self.text[place.end : self.a]
        if nl.unknown_base(self.s, place.start):
            return country_of(place.name) if nl.sized_after(self.s, place.end, self.a) else None
        left = LEFT_PLACE.search(self.text, 0, place.start) and lx.CLAUSE_END.search(after)
        name = country_of(place.name) if left and nl.FORCE_SIZE.search(after) else place.name
        return name if name in lx.PLACES else None

    def _status(self, change_target: bool, change_source: bool, noun_end: int) -> TroopStatus:
        status = self._tense(change_target, change_source, noun_end)
        if status == "current" and any(lx.CAP.search(t[-80:]) for t in (self.core_left, self.left)):
            return "planned"  # "set a ceiling of 1,500", "mức trần quân số mới là 1.500"
        return status

    def _tense(self, change_target: bool, change_source: bool, noun_end: int) -> TroopStatus:
        s = self.s
        future = tw.FUTURE.search(s.text) is not None
        past = tw.PAST.search(s.text) is not None and not future
        when = tw.TIME_AFTER.match(self.text, self.b, self.b + 60)
        published = s.article.published
        if when and published is not None:
            # "down from roughly 2,500 at the start of 2025" in an October 2025 article
            month = 1 if when["start"] else 3 if when["early"] or when["dau"] else 12
            if (int(when["year"]), month) < (published.year, published.month):
                return "past"
        # "At the end of 2019, the US still had about 5,200 troops", "Năm 2021, Mỹ có 2.500
        # binh sĩ": a level of that year, unless the sentence says it still is
        still = not future and still_so(self.text, self.b, self.next_start, s.end)
        # a future said then ("announced it would cut", "thông báo sẽ giảm") is a past plan,
        # unless the sentence names a time not yet past ("until 2025", "next year")
        if (
            published
            and not still
            and not (future and ahead(s.text, published.year))
            and fronted_past(self.left, published.year)
        ):
            return "past"
        if tw.PEAK_AFTER.match(self.text, noun_end, self.next_start):
            return "past"  # "hosted up to 900 coalition troops at its peak"
        ahead_of = tw.AFTER_YEAR.search(self.core_left)
        if published and ahead_of and int(ahead_of["year"]) > published.year:
            return "planned"  # "Sau năm 2030, chỉ còn tối đa 90", "after 2030, only 90"
        if (
            published
            and tw.STAY_UNTIL.match(self.text, noun_end, s.end)
            and ahead(self.text[noun_end : s.end], published.year)
        ):
            return "planned"  # "350 advisers remain at Erbil ... no later than 30/9/2030"
        if tw.FUTURE_AFTER.match(self.text, noun_end, self.next_start) and not _PART_OF.search(
            self.core_left
        ):
            return "planned"  # "about 2,000 will remain", not "how many of the 2,500 will stay"
        if tw.FUTURE_KEEP.search(self.core_left):
            return "planned"  # "will keep about 2,000", "sẽ giữ lại 250-350 cố vấn"
        # the change the number is part of has happened: "đã giảm ... xuống còn 2.500", "has
        # reduced from 2,500" (not made one to come by a later clause's "và sẽ tiếp tục rút")
        clause, rest = tw.last_clause(self.core_left), self.text[self.b : s.end]
        perfect = tw.done_in_clause(clause, rest)
        if change_target:
            # the tense before it, past any aside ("The plan, which was approved, reduces…")
            asides = list(_ASIDE.finditer(self.core_left))
            since = s.start + asides[-1].end() if asides else s.start
            plan_then = tw.PLAN_THEN.search(clause) and not tw.DONE_AFTER.search(
                self.text, self.b, s.end
            )
            if (tw.UNDER_WAY.search(clause) or plan_then) and not perfect:
                return "planned"  # "is being reduced to", "was to fall ... to": not yet
            done = past or s.tense(since, self.a) == "past" or perfect
            done = done or bool(lx.DOWN_TO.search(self.core_left) and not future)  # "down to 2,300"
            done = done or (not future and tw.headline_done(s, clause, rest))
            done = done or tw.result_done(clause, s.text, rest, headline=s.doc is s.article.title)
            # "reduced its forces to 2,500, where they remain"
            return "current" if done or still else "planned"
        if _TO_NUMBER.match(self.text, self.b, self.b + 40):
            # "from 5,200 to 3,000": 5,200 is the level now, unless its own clause says the
            # change is done (not an aside's tense: "The plan, which was agreed, reduces")
            own = s.tense(s.start + len(self.core_left) - len(clause), self.a)
            down = lx.DOWN_FROM.search(self.core_left) and not future  # "is down from 2,900 to"
            return "past" if past or perfect or own == "past" or down else "current"
        if change_source:
            # "ordered a reduction from 3,000": the level before a change that has happened
            # "from about 2,500 now"
            return "current" if future or still else "past"
        clause = lx.CLAUSE_BREAK.split(self.core_left)[-1]
        if tw.PAST.search(clause) and not tw.CURRENT.search(clause):
            return "past"
        if tw.past_after(self.text, self.b, self.next_start, self.core_left) and not future:
            return "past"  # "250 to 350 advisers ... remained"
        return "current"


# "at the base in Baghdad", "ở Căn cứ Không quân Ain al-Asad": the place locates or names it
_LOCATES = re.compile(
    r"\s*,?\s*(?:(?:in|near|outside|o|tai|gan)\s+(?:the\s+)?|(?:khong quan|air)\s+)?"
)
_NOW_WORD = re.compile(r"\b(?:hien|nay|van)\b")
_ASIDE = re.compile(r",\s*(?:which|who|that|von|ma)\b[^,;]*,")
_ALL = re.compile(r"\b(?:all|remaining|toan bo|tat ca|het|whole|entire|so con lai)\b")
_PICKED = re.compile(r"\s*(?:u\.\s?s\.?\s+|us\s+|american\s+)?(?:who|that)\s+" + lx.PICKED)
_LEAD_ASIDE = re.compile(r"\s*(?:[^\s,;]+\s*){0,2},[^,;\d]{1,60},")  # "…, most of them American,"


def _moves(rest: str) -> bool:
    """The words after the noun move the troops, past an aside ("…, most of them American,")."""
    aside = _LEAD_ASIDE.match(rest)
    return bool(lx.DELTA_AFTER.match(rest) or (aside and lx.DELTA_AFTER.match(rest[aside.end() :])))


def _ellipsis(after: str) -> bool:
    """ "... and 900 in neighbouring Syria": a count whose troop noun was left out."""
    m = lx.PLACE_RE.search(after)
    return m is not None and _ELLIPSIS.match(after[: m.start()]) is not None
