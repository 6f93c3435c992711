"""How a lead tells its news: as a scoop, or as said officially. Pure: no I/O.

A scoop tells what has not been announced: it cites people familiar with the matter, informed
or unnamed sources who speak on condition of anonymity, a leak, a count of officials no one
names ("…, Reuters reported, citing sources familiar with the discussions"; "Informed sources:
Agreement on…"; "according to two Iraqi officials", "two US defence officials told Force
Structure Monitor"; "theo nguồn tin giấu tên"; "theo hai quan
chức Iraq được tờ … dẫn lời"); a preview of a meeting told that way is one too. The official
telling is the announcement, the statement, the confirmation ("The United States
announced…", "said in a joint statement", "…: minister", "Ngày 27/9, Mỹ đã công bố…"). The
two are two events, days apart or the same day: the scoop, and the news that it is now
official, which subscribers must get (``verdict.other_source``).

Only what the lead says plainly counts, and a lead that says both, or neither, is "" (no
veto): a pick-up of a scoop says what is still to be announced ("could be announced next
week", "has not confirmed", "chưa công bố", "sắp công bố": words of the future or a denial
before the official word), a confirmation says what it confirms ("Iraq confirms leaked
roadmap"), and an Iraqi outlet's "a security source said" of a base handed over is how it
reports a fact, not a scoop. ``told(title, first_line)`` reads the title and the first line,
where a report says where its news comes from; a later paragraph's sources are background.
Vietnamese is read folded, so a text without diacritics reads the same.

``actor(title)`` reads who acts in a title: the US's body ("Pentagon to pull 600 troops …") or
Iraq's ("Iraq's cabinet approves …"), or neither; two titles of the two governments acting
are two acts (``verdict.other_actor``).

``act(title)`` reads whether a title tells an attack that happened (a bomb hit a convoy, a
rocket killed a soldier) or names no attack nor casualty at all: a roadside bomb on the road
out and the departure it followed, told the same day with the same background, are two
events (``verdict.other_act``).
"""

from __future__ import annotations

import re
from typing import Literal

from watchers.topic.text import fold, nfc

__all__ = ["Act", "Actor", "Told", "act", "actor", "told"]

Told = Literal["scoop", "official", "digest", ""]

# a round-up of the day's news, by its title (folded): "Tổng hợp tin quốc tế ngày 6/5: …",
# "Điểm tin sáng nay: …", "World news roundup: …", "Morning briefing: …", "Digest: …" (not a
# single story under a section's name: "Roundup: Iraq takes over Ain al-Asad …", "Tin thế
# giới: Mỹ hoàn tất …", "Bàn tính lộ trình …": "Bản tin", "Tin thế giới" and "Roundup" name
# their day or list their items)
_DIGEST = re.compile(
    r"^\W*(?:(?:tong hop tin|diem tin)\b|(?:ban tin|tin (?:the gioi|quoc te))\b"
    r"(?=[^:\n]{0,25}\b\d{1,2}[/.]\d{1,2}\b[^:\n]*:|[^:\n]{0,25}:[^,;\n]*[,;])"
    r"|(?:(?:world|news|daily|weekly|morning|evening|midday) ){1,2}(?:briefing|digest|round-?up)"
    r"\s*:|(?:news )?digest\s*:|(?:news )?round-?up\s*:(?=[^;\n]*;)|news in brief\b)"
)

_SCOOP_EN = re.compile(
    r"\b(?:informed sources|sources? (?:familiar|close to the (?:talks|matter|discussions))"
    r"|(?:people|persons|officials?|diplomats?|sources?) (?:\S+ ){0,2}"
    r"(?:familiar with|with (?:direct )?knowledge of)"
    r"|citing (?:(?!official)\S+ ){0,3}sources\b|(?:condition|promise) of anonymity"
    r"|declined to be (?:named|identified)|not authori[sz]ed to (?:speak|discuss)"
    r"|leak(?:ed|s)?\b|, sources (?:say|said)$"
    r"|(?:according to|citing) (?:two|three|four|five|several|multiple) (?:\S+ ){0,2}officials\b"
    r"|\b(?:an?|one|two|three|four|five|several|multiple) (?:\S+ ){0,2}(?:officials?|sources)"
    r" (?:\S+ ){0,2}told (?!reporters|journalists|parliament|lawmakers|(?:the )?(?:state|house|"
    r"senate|\S+ committee)|(?:a |the )?(?:joint )?(?:news|press) conference)\S+)",
    re.MULTILINE,
)  # not "Iraqi security sources said" (how a fact is told), "citing official sources"
_SCOOP_TITLE = re.compile(r"^(?:sources?|informed sources)\s*:")
_SCOOP_VI = re.compile(
    r"\b(?:nguon (?:tin )?(?:giau ten|thao tin|than can|am hieu|nam ro)|giau ten"
    r"|khong (?:muon )?neu (?:ten|danh tinh)|nac danh|ro ri"
    r"|theo (?:hai|ba|bon|nam|mot so|nhieu) quan chuc(?: \S+){0,2} (?:duoc|do)"
    r" (?:\S+ ){0,5}dan loi)\b"
)  # folded: "nguồn tin giấu tên", "nguồn thạo tin", "nặc danh", "rò rỉ"; not "nguồn tin từ Bộ"
# who speaks for a government: "…, the defence minister said", "…: Iraqi minister" (a title)
_OFFICE = (
    r"minister|pm|prime minister|spokes(?:man|woman|person)|president|premier|pentagon"
    r"|state department|white house|(?:defen[cs]e|foreign) ministry|coalition|task force"
)
_OFFICIAL_EN = re.compile(
    r"\b(?:announce[ds]?|confirm(?:ed|s)?|declare[ds]|denie[ds]|deny|said in a (?:joint )?statement"
    r"|joint statement|issued a statement|told a news conference"
    rf"|(?:{_OFFICE})(?:[ -][^\s,.;:]+){{0,3}} (?:said|says|told))\b"
    rf"|: (?:\S+ )?(?:{_OFFICE})$",
    re.MULTILINE,
)
# before an official word: it is still to come, or denied ("could be announced", "has not
# confirmed", "neither confirmed nor", "declined to confirm", "nothing to announce")
_NOT_YET_EN = re.compile(
    r"(?:n[’']t|\b(?:not|no|never|neither|nor|yet|could|would|will|shall|may|might|must|be"
    r"|expected|set|due|plans?|to|without|refused|declined|nothing))"
    r"(?: [^\s,.;:]+){0,3} $"
)
_OFFICIAL_VI = re.compile(r"(?<!\btan )\b(?:cong bo|tuyen bo|xac nhan|thong cao|hop bao)\b")
_NOT_YET_VI = re.compile(
    r"\b(?:chua|khong|chang|tu choi|sap|se|du kien|co the)(?: [^\s,.;:]+){0,3} $"
)  # folded: "chưa (có / được / chính thức) công bố", "không thể xác nhận", "sắp công bố"
# a news agency that publishes (the leak): "hãng tin Meridian Wire hôm 5-10 công bố bản dự thảo"
_AGENCY_VI = re.compile(r"\bhang (?:tin|thong tan)(?: [^\s,.;:]+){0,4} $")


def told(title: str, first_line: str) -> Told:
    """How the lead (the title and the first line) tells its news (see the module
    docstring): "scoop", "official", "digest" (a round-up of several events, by its title), or
    "" when it says neither or both."""
    title = nfc(title).strip().lower()
    lower = f"{title}\n{nfc(first_line).strip().lower()}"
    folded = fold(lower)
    if _DIGEST.match(folded):
        return "digest"
    scoop = bool(_SCOOP_TITLE.search(title) or _SCOOP_EN.search(lower) or _SCOOP_VI.search(folded))
    official = any(
        not _NOT_YET_EN.search(lower, 0, m.start()) for m in _OFFICIAL_EN.finditer(lower)
    ) or any(
        not _NOT_YET_VI.search(folded, 0, m.start()) and not _AGENCY_VI.search(folded, 0, m.start())
        for m in _OFFICIAL_VI.finditer(folded)
    )
    if scoop == official:
        return ""
    return "scoop" if scoop else "official"


Actor = Literal["US", "Iraq", ""]

# who acts in a title: one government's body, named as such (folded); "Baghdad" only as the
# one who speaks or decides, not the place left ("US to leave Baghdad"); not the US military
# as what ends ("kết thúc sứ mệnh chiến đấu của quân đội Mỹ")
_US_BODY = re.compile(
    r"\b(?:pentagon|white house|state department|centcom"
    r"|(?:us |u\.s\. )?defen[cs]e (?:secretary|chief)"
    r"|washington (?:says|said|agrees|approves|announces|confirms)"
    r"|lau nam goc|nha trang|bo ngoai giao my)\b"
)
_IRAQ_BODY = re.compile(
    r"\b(?:iraq(?:'s|’s|i) (?:cabinet|government|parliament|prime minister|pm)"
    r"|baghdad (?:says|said|agrees|approves|announces|confirms|welcomes|asks)"
    r"|noi cac iraq|chinh phu iraq|quoc hoi iraq|thu tuong iraq)\b"
)


_SUBJECT = 40  # the body acts as the title's subject, in its first words
# Iraq's body acting on what the US did ("Baghdad welcomes US troop cap"): a reaction, told
# with the US's act, not an act of its own
_US_NAMED = re.compile(r"\b(?:us|u\.s\.|american|my|hoa ky|washington)\b")


def actor(title: str) -> Actor:
    """The one government whose body acts in a title ("Pentagon to pull 600 troops …": the
    US; "Iraq's cabinet approves takeover …": Iraq), "" when it names neither or both."""
    folded = fold(nfc(title).strip().lower())[:_SUBJECT]
    us = bool(_US_BODY.search(folded))
    iraq = bool(_IRAQ_BODY.search(folded)) and not _US_NAMED.search(folded)
    return "" if us == iraq else "US" if us else "Iraq"


Act = Literal["attack", "other", ""]

_PEOPLE = (
    r"(?:soldiers?|troops?|service ?members?|marines?|contractors?|people|civilians?|americans?"
    r"|iraqis?|guards?|personnel|dozens)"
)
# what an attack did, said before any "after" (folded): people killed or hurt, a weapon or a
# gun that hit, a base or a convoy hit ("US orders staff out after deadly rocket attack" tells
# the order, with its cause after it; "Senate kills amendment", "talks hit dead end" no attack)
_ATTACKED = re.compile(
    rf"\b{_PEOPLE} (?:\S+ ){{0,3}}?(?:(?:were|are|was|is|been) )?"
    r"(?:killed|wounded|injured|slain|dead|hurt)\b"
    rf"|\b(?:kill|wound|injur)(?:s|es|ed|ing)? (?:\S+ ){{0,2}}?{_PEOPLE}\b"
    rf"|\b{_PEOPLE} (?:died|dies|die)\b|\b(?:combat|first) deaths?\b"
    r"|\b(?:slain|shot dead|gunmen|sniper|shots fired|open(?:s|ed)? fire)\b"
    r"|\b(?:bombs?|rockets?|drones?|mortars?|missiles?|blasts?|explosions?|ieds?|shells?) "
    r"(?:\S+ ){0,2}(?:hits?|struck|strikes|targets?|targeted)\b"
    r"|\b(?:base|camp|convoy|patrol|embassy|airfield|airport)s? (?:\S+ ){0,3}?"
    r"(?:(?:is|was|are|were) )?(?:hit|struck|targeted|attacked|ambushed|shelled)\b"
    r"|\b(?:thiet mang|tu vong|tu tran|hy sinh|bi sat hai|bi thuong|bi tan cong|danh bom|phao kich"
    r"|no lon|gap nan|(?:linh|binh si|quan nhan|nguoi) (?:\S+ ){0,2}chet"
    r"|trung (?:rocket|bom|uav|ten lua)|(?:bom|rocket|uav)(?: \S+){0,3} tan cong)\b"
)
# what a title names after it is the cause or the past: "after", "where", "which", "viện dẫn"
_CAUSE = re.compile(
    r"\b(?:after|following|where|which|once|sau (?:vu|khi|cac vu)|vien dan|noi tung)\b"
    r"|, (?:a |the )?(?:base|site)\b"
)
# any word of an attack or a casualty: a title with one is not "other" (a truce, a threat,
# an order after an attack, a funeral)
_ATTACK_WORD = re.compile(
    r"\b(?:attack\w*|bomb\w*|rockets?|drones?|missiles?|mortars?|strikes?|struck|blast"
    r"|ambush\w*|kill\w*|deadly|dead|deaths?|died|dies?|wounded|injur\w+|casualt\w+"
    r"|funerals?|mourns?|shell\w*|ieds?|gun\w*|sniper|shots?|fire|slain|hits?|accident|incident"
    r"|explosi\w+|projectiles?|katyusha|salvo|mishap|rock|militants?|militias?"
    r"|crash\w*|rollover|shooting|grenades?|firefight|clash\w*|stabb\w*|tu nan|trung dan"
    r"|tan cong|bom|rocket|uav|khong kich|ten lua|thiet mang|tu vong|tu tran|chet|thuong vong"
    r"|bi thuong|phuc kich|dam tang|hy sinh|sat hai|phao kich|no|gap nan|tai nan|tap kich"
    r"|ban pha|na dan|dan coi|lao vao|may bay khong nguoi lai)\b"
)


def act(title: str) -> Act:
    """Whether a title tells an attack that happened ("attack": "Roadside bomb hits convoy
    near Rutba, killing three Iraqi soldiers"), names no attack nor casualty ("other": "Last
    US unit leaves Tall Ghuraba"), or names one otherwise ("": "Faction halts attacks", "US
    orders staff out after rocket attack")."""
    folded = fold(nfc(title).strip().lower())
    cause = _CAUSE.search(folded)
    if _ATTACKED.search(folded, 0, cause.start() if cause else len(folded)):
        return "attack"
    return "" if _ATTACK_WORD.search(folded) else "other"
