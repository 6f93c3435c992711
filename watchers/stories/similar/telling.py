"""How a lead tells its news: as a scoop, or as said officially. Pure: no I/O.

A scoop tells what has not been announced: it cites unnamed sources, people familiar with
the matter, a leak ("…, Reuters reported, citing sources familiar with the discussions";
"Informed sources: Agreement on…"; "theo các nguồn tin giấu tên"). The official telling is
the announcement, the statement, the confirmation ("The United States announced…", "said in
a joint statement", "Ngày 27/9, Mỹ đã công bố…"). The two are two events, days apart or
the same day: the scoop, and the news that it is now official, which subscribers must get
(``verdict.other_source``). Whatever else they share (the plan, its dates, its numbers),
a report that confirms a scoop is not the scoop.

``told(title, first_line)`` reads the lead only, where a report says where its news comes
from; a later paragraph's "theo các nguồn tin" is background. A lead with a mark of both is
a scoop ("ahead of an official announcement, sources said"). An official word denied ("has
not confirmed", "chưa xác nhận") or said of an outlet ("hãng tin Meridian công bố bản dự
thảo": the outlet published the leak) is no official telling. Vietnamese is read folded, so
a text without diacritics reads the same.
"""

from __future__ import annotations

import re
from typing import Literal

from watchers.topic.text import fold, nfc

__all__ = ["Told", "told"]

Told = Literal["scoop", "official", ""]

_UNNAMED = (
    "informed|diplomatic|military|security|government|iraqi|american|us|u\\.s\\.|western"
    "|senior|several|multiple|two|three|four|knowledgeable|political|unnamed|anonymous"
)
_SCOOP_EN = re.compile(
    rf"\b(?:(?:{_UNNAMED}) sources?\b"
    r"|sources? (?:familiar|close to|said|say|says|told|with knowledge)"
    r"|citing (?:\S+ ){0,3}sources?\b"
    r"|(?:people|persons|officials?|diplomats?) (?:\S+ ){0,2}"
    r"(?:familiar with|with knowledge of|briefed on)"
    r"|(?:condition|promise) of anonymity|declined to be (?:named|identified)"
    r"|not authori[sz]ed to (?:speak|discuss)|leak(?:ed|s)?\b|scoop\b)"
)  # not "sources of funding": a source is said to know, to be close, to speak; nor "according
# to a report by ABC News": outlets relay what officials said as much as scoops
_SCOOP_TITLE = re.compile(r"(?::\s*sources?\s*$|^(?:sources?|informed sources|exclusive)\s*:)")
_SCOOP_VI = re.compile(
    r"nguon (?:tin|thao tin)|giau ten|khong neu ten|ro ri"
    r"|nam ro (?:van de|thong tin|su viec|ke hoach)|am hieu (?:van de|su viec)"
)  # folded: "nguồn tin", "giấu tên", "rò rỉ", "nắm rõ vấn đề"
# who speaks for a government: "…, the defence minister said", "…: minister" (a title)
_OFFICE = (
    "minister|spokes(?:man|woman|person)|president|premier|pentagon|state department"
    "|white house|(?:defen[cs]e|foreign) ministry"
)
_OFFICIAL_EN = re.compile(
    r"(?<!not )(?<!no )(?<!never )(?<!to )(?<!yet )(?<!without )"
    r"\b(?:announce[ds]?|confirm(?:ed|s)|declare[ds]|said in a (?:joint )?statement"
    r"|joint statement|issued a statement|told reporters|news conference|press conference"
    rf"|(?:{_OFFICE}) (?:said|says|told|stated))\b|: (?:{_OFFICE})$",
    re.MULTILINE,
)  # not "has not confirmed", "declined to confirm", "yet to announce"
_OFFICIAL_VI = re.compile(
    r"(?<!chua )(?<!khong )(?<!choi )(?<!he )\b(?:cong bo|tuyen bo|xac nhan|hop bao|thong cao)\b"
)  # folded; not "chưa xác nhận", "không công bố", "từ chối xác nhận"
# an outlet before the official word: it published (the leak), nobody announced
_OUTLET_VI = re.compile(r"\b(?:hang tin|hang thong tan|to|bao|dai) [^,.;:]{0,30}$")


def told(title: str, first_line: str) -> Told:
    """How the lead (the title and the first line) tells its news (see the module
    docstring): "scoop", "official", or "" when it says neither."""
    title = nfc(title).strip().lower()
    lower = f"{title}\n{nfc(first_line).lower()}"
    folded = fold(lower)
    if _SCOOP_TITLE.search(title) or _SCOOP_EN.search(lower) or _SCOOP_VI.search(folded):
        return "scoop"
    if _OFFICIAL_EN.search(lower):
        return "official"
    if any(not _OUTLET_VI.search(folded, 0, m.start()) for m in _OFFICIAL_VI.finditer(folded)):
        return "official"
    return ""
