"""Places named in a sentence, and which of them a figure belongs to. Pure: no I/O."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from watchers.figures import lexicon as lx
from watchers.figures.spans import Folded

__all__ = [
    "LEFT_PLACE",
    "Place",
    "PlaceIndex",
    "around",
    "country_of",
    "federal",
    "find_places",
    "followed",
    "inside",
    "specific",
]

# A place troops leave ("leave Baghdad"), not where a count in the next clause is
LEFT_PLACE = re.compile(
    r"\b(?:(?:leav(?:e|es|ing)|left)|(?:withdraw\w*|withdrew|exit\w*|depart\w*)(?:\s+from)?|"
    r"pull\w* out(?:\s+of)?|roi(?: khoi)?|rut khoi)\s+$"
)

# A quoted phrase is someone's words about something else: "developments in Syria".
_QUOTED = re.compile(r"\"[^\"]{1,60}\"|“[^”]{1,60}”")

# "Baghdad" and "Washington" also name governments ("Washington and Baghdad agreed"): as a
# place Baghdad needs a word of location before it.
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|to|into|out of|near|capital|airport|o|tai|khoi|den|toi|vao|trong|"
    r"thu do|san bay|can cu|base|bases|leave|leaves|leaving|left|roi)\W+(?:\w+\W+){0,2})$"
)
# Where troops are sent ("relocated to Erbil and Kuwait"): not where the counted ones are.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:relocat\w*|redeploy\w*|mov(?:e|ed|es|ing)|transferr?\w*|shift\w*|sent|send\w*|"
    r"chuyen|dieu chuyen|tai trien khai|dieu)\b[^,;.]{0,20}"
    r"\b(?:to|into|toward|towards|sang|toi|den)\W+(?:\w+\W+){0,3}$"
)


@dataclass(frozen=True, slots=True)
class Place:
    """A place name at ``start:end`` of the folded text; ``name`` is from ``lexicon``."""

    start: int
    end: int
    name: str

    @property
    def ours(self) -> bool:
        """Whether figures are reported for it (Iraq, Syria, the bases...) or dropped."""
        return self.name in lx.PLACES


def find_places(
    doc: Folded, start: int, end: int, *, unquoted: bool = False, skip_datelines: bool = False
) -> list[Place]:
    """Places named in ``doc.text[start:end]``, in order.

    "Baghdad" also names a government ("Washington and Baghdad agreed"), so as a place it
    needs a word of location before it. With ``unquoted``, names inside short quotations
    are skipped; with ``skip_datelines`` (``doc`` being a lead: a story's title and first
    line), those of its dateline (``_DATELINE``).
    ``PlaceIndex`` answers the same for many spans of one document.
    """
    return PlaceIndex(doc, start, end, skip_datelines=skip_datelines).within(
        start, end, unquoted=unquoted
    )


# Where something was signed or met, not a place troops are in or leave: "the accord signed
# in Baghdad in October 2097", "at talks in Baghdad", "ký kết tại Baghdad"
_VENUE = re.compile(
    r"\b(?:signed|agreed|reached|concluded|initialled|held|meeting|met|talks|speaking|"
    r"(?:news|press) conference|ky(?: ket)?|hop|phat bieu|hop bao)"
    r"\s+(?:in|at|tai|o)\s+(?:the\s+)?$"
)
# Two capitals side by side are two governments: "Baghdad and Washington finalized".
_GOVERNMENTS = re.compile(r"\s+(?:and|va)\s+(?:washington|wash\.)\b")
# ...but a leaving it names is a place's: "the Baghdad withdrawal date", "Baghdad exit"
_LEAVING_AFTER = re.compile(r"\s+(?:withdrawal|exit|pullout|pull-out|departure|drawdown)\b")
# A dateline, where the outlet writes from: a name in capitals at a line's start, perhaps a
# region after a comma and an agency in brackets, then a dash ("ERBIL, Kurdistan Region —",
# "BAGHDAD (Reuters) -", "BAGHDAD/ERBIL (Reuters) -", "AIN AL-ASAD AIR BASE, Iraq (AP) —").
# An outlet in Erbil puts it on every report: ``find_places(..., skip_datelines=True)`` leaves
# its places out (a story's news), figures keep them ("will stay here": the city written).
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<name>[a-z][a-z.'’ /-]{2,40}?)[ \t]*"
    r"(?:,[^—–\-\n]{1,40})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[—–-]+\s"
)


class PlaceIndex:
    """The places of (a span of) a document, found once and looked up by span."""

    def __init__(
        self, doc: Folded, start: int = 0, end: int | None = None, *, skip_datelines: bool = False
    ) -> None:
        self.doc = doc
        self.places: list[Place] = []
        datelines = _datelines(doc) if skip_datelines else []
        for m in lx.PLACE_RE.finditer(doc.text, start, len(doc.text) if end is None else end):
            name = lx.PLACE_NAMES[int(next(k for k, v in m.groupdict().items() if v)[1:])]
            at = m.start()
            if any(a <= at < b for a, b in datelines) or _VENUE.search(
                doc.text, max(0, at - 40), at
            ):
                continue  # where the outlet writes from; where an accord was signed
            if name == "Baghdad" and (
                not (
                    _LOCATIVE_BEFORE.search(doc.text[max(0, at - 40) : at])
                    or _LEAVING_AFTER.match(doc.text, m.end())
                )
                or _GOVERNMENTS.match(doc.text, m.end())  # "Baghdad and Washington agreed"
            ):
                continue
            self.places.append(Place(at, m.end(), name))
        self._starts = [p.start for p in self.places]

    def within(self, start: int, end: int, *, unquoted: bool = False) -> list[Place]:
        """The places that lie inside ``start:end``."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        found = [p for p in self.places[lo:hi] if p.end <= end]
        if unquoted and found:
            quoted = [m.span() for m in _QUOTED.finditer(self.doc.text, start, end)]
            found = [p for p in found if not any(a <= p.start < b for a, b in quoted)]
        return found


def _datelines(doc: Folded) -> list[tuple[int, int]]:
    """The spans of the document's datelines (``_DATELINE``, its name in capitals)."""
    return [
        m.span()
        for m in _DATELINE.finditer(doc.text)
        if all(doc.capitalised(i) for i in range(*m.span("name")) if doc.text[i].isalpha())
    ]


def around(name: str) -> list[str]:
    """The places ``name`` lies within, nearest first: Erbil -> [Kurdistan, Iraq]."""
    out = []
    while name in lx.WITHIN:
        name = lx.WITHIN[name]
        out.append(name)
    return out


def country_of(name: str) -> str:
    """The largest place ``name`` lies in: Erbil -> Iraq; a country is itself."""
    return (around(name) or [name])[-1]


def specific(names: list[str]) -> list[str]:
    """Drop places that contain another one named with them: "Irbil, Kurdistan" is Erbil."""
    unique = list(dict.fromkeys(names))
    return [n for n in unique if not any(inside(other, n) for other in unique if other != n)]


# federal Iraq, all of Iraq but the Kurdistan region, is left with Baghdad, in the timetable's
# first phase ("Camp Ferrand in Baghdad and the rest of federal Iraq", "lãnh thổ liên bang Iraq",
# "mọi địa điểm khác bên ngoài Khu tự trị người Kurd"), folded
_IRAQ = re.compile(  # not the name of a joint body: "Ủy ban Rút quân chung Mỹ - Iraq"
    r"(?<!my - )(?<!my-)(?<!ky - )\biraq\b(?!\s?-\s?(?:my|hoa ky)\b)"
)
_FEDERAL_BEFORE = re.compile(r"\b(?:federal|lien bang)\s+$")
_FEDERAL_AFTER = re.compile(r"\s+lien bang\b")
_KURDISTAN = re.compile(r"\b(?:kurdistan|nguoi kurd)\b")
_FEDERAL_LAND = re.compile(r"\b(?:lanh tho lien bang|federal territory)\b")  # Iraq unnamed
_OUTSIDE = re.compile(r"\b(?:outside|beyond|ben ngoai)\s+(?:the\s+)?(?:\S+\s+){0,3}?$")
# leaving federal Iraq said right after the date, as what it is for: "until 30 November 2158 to
# leave Camp Meridian and the rest of federal Iraq", "đến ngày 30/11 để rời lãnh thổ liên bang"
# (not "by 2159 after leaving federal Iraq a year earlier": the first phase, before)
_LEAVES_FEDERAL = re.compile(
    r"[^,;.]{0,25}?\b(?:to leave|to withdraw from|to pull out of|de roi(?: khoi)?|de rut khoi)\s"
    r"[^,;.]{0,50}?\b(?:federal iraq|lanh tho lien bang|iraq lien bang)\b"
)


# a deadline said by its noun, in a sentence that names no place: "Hạn chót mới là ngày 30/11"
_DEADLINE_NOUN = re.compile(r"\b(?:deadline|new date|han chot|thoi han|han moi|moc moi)\b")


def said_federal(text: str, start: int, end: int) -> bool:
    """Whether the Iraq named at ``text[start:end]`` (folded) is said federal."""
    return bool(
        _FEDERAL_BEFORE.search(text, max(0, start - 16), start) or _FEDERAL_AFTER.match(text, end)
    )


def federal(
    names: list[str], text: str, span: tuple[int, int], kind: str, carried: bool = False
) -> list[str]:
    """``names`` of the places of a deadline of ``kind``, with federal Iraq read as Baghdad
    when troops leave ("leave"): the Iraq named last before the date in its clause (``span``:
    the sentence's start and the date's, in the folded ``text``), else first after it, said
    federal (or leaving federal Iraq said right after it, ``_LEAVES_FEDERAL``; or "the federal
    territory" in a clause that names no Iraq, "rút quân khỏi lãnh thổ liên bang"; or, in a
    sentence that names no Iraq and says the date by its noun, the federal Iraq the sentence
    before named last: ``carried``); or the Kurdistan named last before it said outside of.
    Leaving it is the first phase, not leaving Iraq or Kurdistan (a mission's end in Iraq is
    the first phase already); not "Having left federal Iraq in 2025, the rest will leave Iraq
    by 2026"."""
    if kind != "leave":
        return names
    start, at = span
    after = text.find(" ", at)  # past the date's first word: "31.12.2158" has dots of its own
    if "Iraq" in names and after != -1 and _LEAVES_FEDERAL.match(text, after):
        return ["Baghdad" if n == "Iraq" else n for n in names]
    start = max(start, text.rfind(";", start, at) + 1)  # the date's clause
    before = list(_IRAQ.finditer(text, start, at))
    iraq = before[-1] if before else _IRAQ.search(text, at, at + 80)
    kurds = list(_KURDISTAN.finditer(text, start, at))
    told = carried and iraq is None and bool(_DEADLINE_NOUN.search(text, start, at))
    land = _FEDERAL_LAND.search(text, start, at)  # "the federal territory", after any Iraq
    read = {
        "Iraq": told
        or (iraq is not None and said_federal(text, iraq.start(), iraq.end()))
        or (land is not None and (iraq is None or iraq.start() < land.start())),
        "Kurdistan": bool(kurds) and bool(_OUTSIDE.search(text, start, kurds[-1].start())),
    }
    return ["Baghdad" if read.get(n) else n for n in names]


def followed(
    doc: Folded, places: list[Place], since: int, *, datelines: bool = True
) -> list[Place]:
    """Places that are not destinations of a move ("relocated to Erbil and Kuwait"), nor,
    without ``datelines``, where the outlet writes from ("ERBIL - Federal Iraq's withdrawal date
    moved … to 30 November" gives no date of Erbil's), unless the text points back at it ("ERBIL,
    Iraq (Reuters) - The coalition will stay here until September 2026")."""
    here = lx.DEICTIC.search(doc.text, since, since + 300)  # "here", "tại đây": the dateline's
    written_from = [] if datelines or here else _datelines(doc)
    return [
        p
        for p in places
        if not _DESTINATION_BEFORE.search(doc.text[max(since, p.start - 60) : p.start])
        and not any(a <= p.start < b for a, b in written_from)
    ]


def inside(inner: str, outer: str) -> bool:
    """Whether place ``inner`` lies within place ``outer`` (Erbil within Kurdistan)."""
    return outer in around(inner)


# a place right after a date: "by September 2026 in Kurdistan", "30 June 2112 for the Kurdistan
# region", "thời hạn 31/12 đối với trại Warid", "until 30 September 2115 to leave the Kurdistan
# region"
_PLACE_AFTER = re.compile(  # (Vietnamese "rời" only right before it: folded, "rồi" is "then")
    r"^\s*(?P<left>roi|rut khoi)\s+(?:khu vuc\s+)?$|"
    # "set … 30 June 2068 for leaving Gird Zerin Airfield in the Kurdistan region"
    r"^\s*for (?:leaving|withdrawing from|the (?:departure|withdrawal) from)\s+(?:[\w-]+\s+){0,8}$|"
    r"^\s*(?:in|at|o|tai|to (?:leave(?! for)|quit|vacate|withdraw from|pull out of)|"
    r"de (?:roi|rut khoi)|(?:(?:date|deadline)\s+)?(?P<whose>for|cho|doi voi))\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}$"
)
# said "for" a region, not where troops go ("by September 2025 for Erbil", "cho quân đội Iraq")
_REGION = re.compile(
    r"^\s*(?:\S+\s+)?(?:doi voi|for\s.*\s(?:region|province|governorate)\b|"
    r"cho\s+(?:khu vuc|khu tu tri|vung|tinh|can cu|trai)\s)"
)


def place_after(
    text: str, end: int, places: list[Place], written: Callable[[int, int], str]
) -> Place | None:
    """The first of ``places`` (found just after a date ending at ``end`` in the folded
    ``text``; ``written``: a stretch of it as written, ``Folded.written``) if the words between
    say the date is its (``_PLACE_AFTER``); said "for" it, a region (``_REGION``), not a list
    ("for Baghdad and Anbar": the index may miss Baghdad)."""
    m = _PLACE_AFTER.match(text[end : places[0].start]) if places else None
    if m is None:
        return None
    if m["left"] and not re.search(r"rời|rút", written(end, end + m.end())):
        return None  # "trước tháng 6 rồi Kurdistan": then
    if m["whose"] is None:  # "in", "at", "ở", "tại"
        return places[0]
    if re.search(r"\b(?:and|va)\b", m.group()):
        return None
    # "for Kurdistan" is a region's too
    region = places[0].name == "Kurdistan" or _REGION.match(text[end : places[0].end + 12])
    return places[0] if region else None
