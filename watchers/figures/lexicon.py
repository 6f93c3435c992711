"""The words figure extraction looks for: places, who the troops are, troop nouns, verbs of leaving.

All patterns match *folded* text (lower case, no diacritics: "rút" is "rut", "Mỹ" is "my").
Each list is a linguistic class, not a list of phrases from particular articles.
"""

from __future__ import annotations

import re

# --- places ------------------------------------------------------------------------------
# A hyphen as typeset: "-", or the Unicode hyphen and non-breaking hyphen ("Ain al‑Asad").
_HY = "-\u2010\u2011"
# The places figures are reported for, with their spellings. Ain al-Asad is the coalition's
# base in Anbar, Harir its base in Erbil province.
PLACES: dict[str, str] = {
    "Iraq": rf"iraq|irak|i[{_HY}]?rac",
    "Syria": rf"syria|xy[{_HY}]?ri",
    # bare "al-Assad" is Syria's president; the base is "al-Asad", or "al-Assad" with "base"
    "Ain al-Asad": rf"(?:ain|ayn|ein)[ {_HY}]al[ {_HY}]?ass?ad|al[ {_HY}]asad|"
    rf"al[ {_HY}]assad(?= (?:air ?base|base|airbase))|anbar",
    "Baghdad": r"baghdad|bagdad|iraqi capital|thu do(?: cua)? iraq",
    "Erbil": r"erbil|irbil|arbil|harir|hareer",
    "Kurdistan": r"kurdistan|(?:khu vuc|khu|vung) (?:tu tri )?(?:cua )?nguoi kurd",
}
# Places whose figures are not ours: a count or deadline there is dropped, not moved to Iraq.
ELSEWHERE: dict[str, str] = {
    "Afghanistan": r"afghanistan|kabul|bagram",
    "Niger": r"niger|agadez|niamey",
    "Germany": r"germany|(?:(?<=khoi )|(?<=tai )|(?<=den )|(?<=nuoc )|(?<=\bo ))duc",
    "elsewhere": (
        r"kuwait|jordan|gioc-?dan?|turkey|tho nhi ky|israel|gaza|lebanon|li-?ban|yemen|"
        r"tehran|bahrain|manama|italy|belgium|poland|ba lan|qatar|saudi arabia|a-?rap xe-?ut|"
        r"libya|somalia|mali|chad|japan|nhat ban|south korea|han quoc|philippines|europe|"
        r"chau au|djibouti|iran(?![-‐ ](?:backed|aligned|linked|allied))"
    ),
}
# Inside which larger place each place lies: the more specific one is the one reported.
WITHIN: dict[str, str] = {
    "Ain al-Asad": "Iraq",
    "Baghdad": "Iraq",
    "Erbil": "Kurdistan",
    "Kurdistan": "Iraq",
}

PLACE_RE = re.compile(
    "|".join(
        rf"(?P<p{i}>\b(?:{pattern})\b)"
        for i, pattern in enumerate([*PLACES.values(), *ELSEWHERE.values()])
    )
)
PLACE_NAMES: list[str] = [*PLACES, *ELSEWHERE]
# A place named as where most, not all, of the troops are ("fewer than 500, primarily
# stationed in Erbil"): the figure is for the country around it.
MOSTLY_BEFORE = re.compile(
    r"\b(?:primarily|mainly|mostly|largely|chiefly|(?:nearly|almost) all of them|most of them|"
    r"chu yeu|phan lon|hau het)\b[^,;.]{0,30}$"
)
# Words pointing back at the place just talked about ("troops there", "quân số tại đây").
DEICTIC = re.compile(
    r"\b(?:there(?! (?:are|is|were|was|will|would|have|has|had|remain))|here|in the country|"
    r"in that country|tai day|o day|o do|tai do|"
    r"(?:nuoc|quoc gia|dat nuoc)(?: trung dong)? nay)\b"
)

# --- troop nouns ---------------------------------------------------------------------------
TROOP_NOUN = re.compile(
    r"\b(?:troops?|soldiers?|service ?members|servicemen|personnel|marines|advis[eo]rs|"
    r"forces|binh si|binh sy|binh linh|linh|quan nhan|co van|"
    r"nhan vien (?:quan su|an ninh(?! tu nhan))|"  # not private guards: "nhân viên an ninh tư nhân"
    r"quan(?=\s*(?:[,.;:)\"]|$)|\s+(?:my|hoa ky|nuoc ngoai|o|tai|tren|trong|cua|den|toi|vao|"
    r"duoc|dong|don|se|hien|van|dang)\b)|"
    r"(?!x)x)\b"
)
# Words allowed between a number and its troop noun ("2,500 U.S. troops", "5 thousand US
# troops", "3.500 binh lính"): short qualifiers only, never a verb or another number.
NOUN_GAP = re.compile(
    r"^(?:\s*(?:u\.\s?s\.?|us|american|coalition|foreign|international|nato|combat|remaining|"
    r"more|additional|active[- ]duty|military|army|special|operations|of|the|its|their|"
    r"such|other|elite|and|va|my|hoa ky|nuoc ngoai|lien quan|quoc te|chien dau|cua)\b\.?)*\s*$"
)

# --- what is not a troop count ---------------------------------------------------------------
CASUALTY = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|injuries|"
    r"died|dead|deaths|casualties|hurt|missing|captured|"
    r"thiet mang|bi thuong|thuong vong|chet|tu vong|hy sinh|tu tran|mat tich|bi giet|"
    r"thuong)\b"
)
# A change of size: what follows the number is how many leave or arrive, not how many there are.
DELTA_VERB = re.compile(
    r"\b(?:withdraw(?:s|n|ing|al of)?|withdrew|pull(?:s|ed|ing)? out|pullout of|"
    r"pull(?:s|ed|ing)?(?=\s*$)|"  # "has pulled 500 troops out of Iraq"
    r"remov(?:e|es|ed|ing)|(?:bring(?:s|ing)?|brought) home|"
    r"send(?:s|ing)?|sent|deploy(?:s|ed|ing)? (?:an? )?(?:additional|more|another|extra)|"
    r"add(?:s|ed|ing)?|redeploy(?:s|ed|ing)?|(?:cut(?:s|ting)?|reduc(?:e|es|ed"
    r"|ing|tion of))(?: (?:(?!to\b|leav)[^,;.]){0,40}?)? by(?=\s*$)|rut|cat giam|bo sung|triet "
    r"thoai|dieu (?:them|dong them)|gui(?: them)?|dua them|trien khai them|tang (?:them|cuong)|"
    r"(?:rotat(?:e|es|ed|ing)(?: in)?|rotations? of|chuyen|dieu|dieu dong|mov(?:e|es|ed|ing)|"
    r"(?:last|final) (?:batch|planeload|convoy) of|group of(?: the)?|nhom|giam|cut|cuts|"
    r"(?:departure|pullout|exit) of(?: \S+(?:'s|’s))?)(?=\s*$))\b"
)
# ...unless all of them: "withdraw the remaining 2,500", "rút toàn bộ khoảng 1.000", "most of
# the 2,000 troops", "phần lớn trong số 2.000 binh sĩ".
WHOLE_FORCE = re.compile(
    r"\b(?:all|the remaining|remaining|the|toan bo|tat ca|so con lai|het|whole|entire|of the|"
    r"trong so|trong tong so)\s+"
    r"(?:(?:of the|of|estimated|roughly|about|around|approximately|some|nearly|khoang|chung)\s+)*$"
)
# Troops on their way, never the whole force: not "are deployed to Iraq", "sent there in 2014"
SENT_IN = re.compile(  # nor "will be deployed to Erbil until 2026", "being sent home to"
    r"^\s*(?:being\s+(?:sent|deployed|dispatched)|(?:that\s+|which\s+)?(?:the\s+)?(?:pentagon|"
    r"washington|us|army)\s+(?:is|are|was|were)\s+(?:sending|deploying)|(?:se|sap|dang)\s+"
    r"(?:duoc\s+)?dieu(?: dong)?)\s+(?:to|into|den|toi|sang)\b"
)
# What a relative clause says those it picks out did (past, not "who remain"): "who worked at
# the centre", "that had been based at Gwer", "who were at Ain al-Asad"
PICKED = (
    r"(?:had\s+(?:been\s+)?|were\s+|was\s+)?(?:worked|served|guarded|trained|ran|manned|staffed|"
    r"operated|based|stationed|deployed|at|in)\s+"
)
# A number of troops followed by their movement is how many move, not how many there are:
# "About 600 troops will be pulled out", "500 binh sĩ sẽ được rút", "40 who worked … moved".
DELTA_AFTER = re.compile(
    r"^\s*(?:chien dau\s+)?(?:(?:u\.\s?s\.?|us|american|my|hoa ky|lien quan)\s+)?"
    r"(?:(?:\S+\s+){0,2}?cuoi cung\s+)?"  # "76 binh sĩ Phần Lan cuối cùng sẽ về nước"
    r"(?:(?:da\s+)?(?:tu|from)\s+(?:[^\s,;]+\s+){1,4}?"  # "700 lính Mỹ từ Umm Rabia đã rời"
    r"(?=(?:da|have|had|has|will|se|vua|ve nuoc)\b)"
    r"|cua\s+(?:(?!(?:tai|o)\b)[^\s,;]+\s+){1,3}?(?=(?:da|se|vua|rut|roi)\b)"  # "của Kestrel rút"
    r"|(?:who|that)\s+" + PICKED + r"(?:[^\s,;]+\s+){0,5}?(?=(?:have|has|had|will|were|are)\s)"
    r"|(?:tung\s+)?(?:lam viec|dong quan|huan luyen|tung o|tung dong)\s+(?:[^\s,;]+\s+){1,5}?"
    r"(?=(?:da|se|vua)\b)"
    # "300 binh sĩ Mỹ đóng tại đây đã rời đi", "450 binh sĩ Mỹ đóng tại đây rời khỏi Iraq" (not
    # "2.500 binh sĩ Mỹ đóng tại Iraq sẽ rút hết": the force there)
    r"|dong\s+(?:tai|o)\s+(?:day|do)\s+(?=(?:da|se|vua|roi|rut)\b))?"
    r"(?:(?:will|would|are|were|have to|has to|need to|must|now|have|has|had|to|are to|se|sap|"
    r"da|vua|phai|buoc phai|can phai)\s+){0,3}"
    r"(?:be\s+|been\s+|being\s+|duoc\s+)?"
    r"(?:withdrawn|pulled out|sent|redeployed|removed|brought home|relocated|"
    r"fl(?:own|ew|y|ies|ying) (?:out|home|from)|home from|back home|bay (?:tu|khoi|ve|sang)|"
    r"(?:head|return|go|com|came|went|arriv)\w* (?:home|from)|tro ve|hoi huong|"
    r"leav(?:e|es|ing)|left|depart\w*|withdraw\w*|mov(?:e|ed|es|ing)|rut\w*|roi|gui|dieu|"
    r"dieu dong|bo sung|chuyen|di chuyen|chuyen den|ve nuoc|"
    r"(?:(?<=will )|(?<=to ))rotate in(?:to)?(?! and out)|"  # not "troops rotate into Iraq"
    # "khoảng 90 lính Mỹ cuối cùng lên máy bay": the last ones, leaving
    r"cuoi cung (?:(?:da|se|vua|buoc)\s+)?(?:roi|rut|len may bay|len chiec|ve nuoc)|"
    r"luan chuyen (?:den|toi|vao|sang))\b|"
    # a tour ended and not replaced: "… thuộc các đơn vị luân phiên đã hoàn thành đợt công tác
    # và không được thay thế", "completed their tours and were not replaced"
    r"^\s*(?:[^\s,;.]+\s+){0,6}?(?:da\s+)?(?:hoan thanh (?:dot|chuyen) (?:cong tac|luan phien)|"
    r"khong duoc thay the|completed their (?:tours?|rotations?)|(?:were|was) not replaced)\b|"
    + SENT_IN.pattern
)
# ...or the noun is described as the force that is there: "withdraw some 5,000 U.S. troops
# present in different parts of Iraq", "rút 2.500 binh sĩ đang đồn trú ở Iraq".
EXISTING_FORCE = re.compile(
    r"^\s*(?:(?:u\.\s?s\.?|us|american|my|hoa ky)\s+)?(?:who are\s+|that are\s+)?"
    r"(?:(?:dang|van|hien|con|hien van|hien dang)\s+)?"
    r"(?:present|stationed|deployed|based|currently|now|still|"
    r"hien dien|dong quan|don tru|hien co|o lai)\b"
)
NEGATION = re.compile(
    r"\b(?:no plans? to|not|never|won't|will not|khong co ke hoach|khong|chua|chang)\b"
)
# A change in size whose target ("to 3,000", "xuống còn 1.000") is a planned level.
CHANGE_VERB = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion)|cut(?:s|ting)?|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|"
    r"lower(?:s|ed|ing)?|drawdown|draw down|trim(?:s|med|ming)?|shrink(?:s|ing)?|shrank|"
    r"fall(?:s|ing)?|fell|(?:has|have|had)(?: (?:now|since|already|quietly))? (?:fallen|shrunk)|"
    r"giam|cat giam|thu hep|rut xuong|"
    r"increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|n|ing)?|grew|boost(?:s|ed|ing)?|"
    r"ris(?:e|es|en|ing)|rose|bring(?:s|ing)? the total|tang|tang len|"
    r"(?<=, )(?<!proposal, )(?<!plan, )(?<!bill, )(?<!option, )bringing(?= (?:[\w'’-]+ ){0,5}?"
    r"(?:total|number|force|level|strength|presence|troops|contingent)\b[^.;,]{0,40}\bto\s*$)|"
    r"nang(?=[^.;]{0,60}\blen\b)|dua(?=[^.;]{0,60}\bxuong con\b))\b"  # "đưa … xuống còn"
)
# A level before a date: "leave Baghdad early, cut force to 2,000 by year-end" (the level's)
LEVEL_BY = re.compile(  # (not "to 0": leaving altogether)
    r"\b(?:to|down to|below|under|xuong con|xuong duoi|xuong|duoi)\s+"
    r"(?:about |around |fewer than |less than |khoang )?(?!0\b)\d[\d.,]*"
    r"(?:\s+(?:troops|soldiers|binh si|quan|nguoi))?\s+(?:by|before|truoc|vao)\s+(?:the\s+)?$"
)
# "leaving less than 1,000 there" names the level that stays.
CHANGE_TARGET = re.compile(
    r"\b(?:(?<!according )(?<!due )(?<!next )(?<!thanks )to|"  # not "according to three"
    r"xuong con|xuong|con|len|down to|(?<!them )toi|leaving|"  # not "thêm tới 500": up to 500 more
    r"(?:fall|falls|fell|drop|drops|dropped|decline|declines|declined|shrink|shrinks|dip|dips)"
    r"(?:\s+(?:below|under))?|there will be|there would be|will number|will total|"
    r"se con|se chi con)\s*$"
)
# "hiện còn 2.500 binh sĩ": "còn" after "now" or "still" is the level now, not a target.
STILL_BEFORE_CON = re.compile(
    r"(?<!\bse )\b(?:hien|van|hien van|hien nay|hien tai|nay|chi)\s+"  # not "sẽ vẫn còn"
    r"(?:(?:my|hoa ky|washington|lien quan)\s+)?con\s*$"
)
# A withdrawal said to be done: its date is when it happened, not a deadline.
COMPLETED = re.compile(
    r"\b(?:completed|finished|fully withdrawn|fully withdrew|have left|has left|had left|"
    r"handed over|hoan tat|hoan thanh|da rut|da ban giao|da chuyen giao|da roi khoi)\b"
)
COMPLETION_AHEAD = re.compile(
    r"\b(?:will|would|to be|to complete|expected|plans?|scheduled|set to|due|se|du kien|ke hoach)\b"
)
# A level stated without a troop noun: "troop presence has stood at about 2,500", "personnel —
# once numbering about 2,000", "Số quân Mỹ tại Iraq hiện vào khoảng 2.400" (the US's, in one
# place: not "số binh sĩ Mỹ thiệt mạng", "ở Trung Đông", "ở Kuwait và Iraq", "giới hạn số …").
LEVEL = re.compile(
    r"(?:\b(?:troops?|forces?|presence|footprint|personnel|levels?|numbers?|strength|"
    r"contingent|quan so|quan luc|su hien dien)\b[^.;,\d]{0,30}?\b"
    r"(?:stood|stands|stand|standing|remains?|remained)\s+at|numbering|numbered|totall?ing|"
    r"totall?ed|totals?|(?:quan so|quan luc)\b[^.;,\d]{0,30}?\b"
    r"(?:la|o muc|(?:hien |van |chi )?(?<!co the )(?<!co le )con)|"  # not "có thể còn": a forecast
    r"(?<!gioi han )(?<!han che )(?<!tran )\bso (?:quan nhan|binh si|linh|quan) (?:my|hoa ky) "
    r"(?:(?:dong quan |dong |don tru )?(?:tai|o) (?:(?!(?:va|lan|hoac|trung|vung|khu|nuoc|the)\b)"
    r"[^\s.;,\d]+ ){1,4}?)?(?:hien|van|hien nay) "
    r"(?:la|o muc|vao)|"
    r"\b(?:a force|a contingent|a troop presence|a presence|a footprint) of|"
    r"\b(?:force|presence|footprint|levels?|numbers|strength)\b[^.;,\d]{0,30}?\b"
    r"(?:will|would) be|\b(?:force|presence|troops|troop (?:level|numbers?))\s+now)\s*$"
)
CHANGE_SOURCE = re.compile(r"\b(?:from|tu)\s*$")
_FROM_LEVEL = r"from (?:about |around |some |nearly )?[\d.,]+ "  # the level a change starts from
# "troop numbers are now down from 2,000": a change and its source in one phrase, or its
# target ("troop count down to 2,300", "down from about 2,900 to 2,500"); DOWN_TO the latter;
# COUNT_DOWN_FROM a count's earlier level after it ("1,170 at Bab al-Shams, down from 1,870")
DOWN_FROM = re.compile(rf"\b(?:down|up) (?:{_FROM_LEVEL})?(?:from|to)\s*$")
DOWN_TO = re.compile(rf"\bdown (?:{_FROM_LEVEL})?to\s*$")
COUNT_DOWN_FROM = re.compile(r",\s*(?:down|up) from (?:about |around |some |nearly )?$")
# A clause's end after a count (a comma or semicolon, not a thousands separator)
CLAUSE_END = re.compile(r"[,;]\s")
# Where a clause ends, for telling which words describe a number.
CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:but|while|whereas|although|though|nhung|du|mac du|trong khi)\b"
)

# --- deadlines ------------------------------------------------------------------------------
# a site left, its name one the reader may not know, right before the date's "by": "quân Mỹ sẽ
# rời Umm Nakhla trước cuối năm nay và rời Baghdad trước …" (what follows is the next date's)
LEFT_A_SITE = re.compile(
    r"\b(?:roi|rut khoi|leav(?:e|es|ing)|withdraw\w* from)\s+(?:[\w-]+\s+){1,3}"
    r"(?:truoc|by|before)\s*$"
)
# what a withdrawal did when its date came: "the withdrawal moved faster than expected this
# month", "the pullout slowed in May" (the leaving word is the verb's subject: no deadline)
WENT = re.compile(
    r"\s+(?:(?:has|had)\s+)?(?:moved|slowed|sped up|began|started|accelerated|picked up|"
    r"stalled|gathered pace|went|proceeded|progressed|ran)\b"
)
# what is withdrawn is no force: "withdraws its three ministers", "rút ba bộ trưởng khỏi nội các"
_NOT_FORCES = (
    r"(?! (?:its |their |his |her |cac )?(?:\w+ )?(?:ministers?|lawmakers|mps|deputies|candidates?|"
    r"bo truong|nghi si|ung vien)\b)"
)
LEAVE = re.compile(
    rf"\b(?:withdraw(?:s|n|ing|al|als)?{_NOT_FORCES}|withdrew{_NOT_FORCES}|leav(?:e|es|ing)|"
    r"depart(?:s|ed|ing|ure)?|"
    r"pull(?:s|ed|ing)?(?:[- ]|\s+(?:[\w.'’-]+\s+){0,3}?(?:troops|forces|soldiers|personnel|"
    r"advis[eo]rs|trainers)\s+)out|pullout|exit(?:s|ing)?|"
    rf"evacuat(?:e|es|ing|ion)|rut(?: quan| khoi| het)?{_NOT_FORCES}|roi (?:khoi|di|bo)|ra khoi|"
    r"triet thoai|"
    r"roi(?= (?:iraq|baghdad|erbil|arbil|can cu|ain|kurdistan|syria|hoan toan|(?:cac )?khu vuc "
    r"(?:kurdistan|tu tri|thuoc|lien bang)|khu tu tri|lanh tho|thu do|san bay|trai)\b)|"
    r"hand(?:s|ing)? over (?:the |its |control of (?:the )?)?(?:(?!of\b)[\w-]+ ){0,3}"
    r"(?:air ?bases?|bases?|headquarters)(?!\s*['’]s\b)"
    r"(?! to (?:the )?(?:us|u\.s\.|american|coalition|foreign))|"  # not Iraq handing one over
    r"handover of (?:the )?(?:(?!of\b)[\w-]+ ){0,3}(?:air ?bases?|bases?)(?!\s*['’]s\b)|"
    r"(?:air ?bases?|bases?) (?:\S+ ){0,2}?(?:will|would|is to|are to|to) be handed over|"
    r"ban giao (?:lai )?(?:cac )?can cu|can cu (?:\S+ ){0,4}?(?:se )?duoc ban giao|"
    r"(?:remain|stay)(?:s|ing)?\b.*\b(?:until|till|through)|"
    r"o lai\b.*\b(?:cho den|den|toi)|"
    r"no (?:(?:u\.\s?s\.?|us|american|foreign|coalition)\s+)?(?:combat\s+)?(?:forces|troops)|"
    r"khong (?:con |co )(?:luc luong|quan|binh si|binh sy|linh))\b"
)
END = re.compile(
    r"\b(?:end(?:s|ed|ing)?|conclu(?:de|des|ded|ding|sion)|complet(?:e|es|ed|ing|ion)|"
    r"clos(?:e|es|ed|ing)|wrap(?:s|ping)? up|wind(?:s|ing)? down|(?:be|is|are) over|"
    r"continu(?:e|es|ing)\b.*\b(?:until|till|through)|"
    r"(?:last|lasts|run|runs)\s+(?:until|till|through)|"
    r"ket thuc|cham dut|hoan tat|hoan thanh|ngung|tiep tuc\b.*\b(?:den|cho den|toi))\b"
)
MISSION = re.compile(
    r"\b(?:(?<!civilian )(?<!diplomatic )(?<!un )(?<!u\.n\. )missions?|operations?|task force|"
    r"role|nhiem vu|su menh(?! ngoai giao)|hoat dong(?: quan su)?|chien dich)\b"
)  # not a civilian, diplomatic or UN mission: "raising the civilian mission to about 900"
COMBAT = re.compile(r"\b(?:combat|chien dau|tac chien)\b")
# "the first hundreds leave in September, the rest by the end of 2026"
PARTIAL = re.compile(
    r"\b(?:hundreds|some|first|part|several|a number|begin|begins|beginning|start(?:s|ing)?|"
    r"initial|most of|the bulk|certain|"
    r"hang tram|mot so|mot phan|dau tien|giai doan dau|bat dau|phan lon|da so|first phase)\b"
)
# What a military presence ending means: "the coalition's presence ... will end in September".
PRESENCE = re.compile(r"\b(?:presence|footprint|su hien dien|hien dien quan su)\b")
# Conditions are not what the date is for: "as soon as the campaign is complete, but no later
# than 1 April".
CONDITION = re.compile(r"\b(?:as soon as|once|ngay khi|sau khi)\b[^,;]*")
# A start or a past event, not a date by which something happens: "since early 2020",
# "từ đầu năm 2020".
SINCE = re.compile(r"\b(?:since|ever since|ke tu|tu dau|tu cuoi|tu giua)\s*(?:dau|cuoi|giua)?\s*$")
# "will not be replaced", "sẽ không có đơn vị thay thế" after a departure: it is for good,
# no plan (what follows a "will" or "sẽ" that is no future)
NOT_REPLACED = re.compile(r" not be replaced| khong (?:co |duoc )?(?:[a-z]+ ){0,3}?thay the")
FOR_GOOD = rf"(?!{NOT_REPLACED.pattern})"  # after "will", "sẽ": not the future then
# Tense of the clause a date is in: the marker nearest the date wins.
TENSE = re.compile(
    rf"\b(?P<future>will{FOR_GOOD}|would|to be|is to|are to|set to|expected|"
    r"scheduled|planned|plans?|slated|due|aims?|proposed|du kien|ke hoach)\b"
    r"|\b(?P<past>had|was|were|did|has been|have been)\b(?! (?:expected|scheduled|set|due|"
    r"planned|supposed|to|going))"
)
# Saying when a planned thing happens: "The second stage, scheduled for September 2026,
# envisions a full military exit."
SCHEDULED = re.compile(
    r"\b(?:scheduled|slated|set|planned|expected|due|targeted|du kien|theo ke hoach)\s+"
    r"(?:for|in|by|to|vao|trong)?\s*$"
)
REST = re.compile(
    r"\b(?:the rest|the remainder|remainder|remaining|so con lai|con lai|phan con lai)\b"
)
# A verbless clause of a place and a date: "… by 30 November and the Kurdistan region by"
GAPPED = re.compile(
    r"^\W*(?:and|or|va|hoac)\s+(?:(?:in|at|tai|o)\s+)?(?:(?:the|khu vuc|vung)\s+)?(?:\S+\s+){0,2}?"
    r"(?:(?:region|province|area|airfield|air base|base)\s+)?(?:by|until|before|truoc|den)\s*$"
)
# One base the date's clause speaks of, named before: "the US-held half of the base", "căn cứ
# này" (not where someone speaks or is: "Speaking at the base", "Binh sĩ tại căn cứ này")
THE_BASE = re.compile(
    r"(?<!at )(?<!in )(?<!near )(?<!visiting )(?<!tai )(?<!o )(?<!tham )"
    r"(?:\b(?:the|this) (?:air ?base|base|camp|airfield)\b|\bcan cu (?:nay|do)\b)"
)
# Things that leave, not forces: "Every truck that leaves in May"
THING_LEAVES = re.compile(
    r"\b(?:trucks?|convoys?|vehicles?|equipment|cargo|xe|doan xe|thiet bi)\s+"
    r"(?:that\s+|which\s+|ma\s+)?(?:leav\w*|left|roi)\b"
)
# "deadline" says what leaves, but another body's or process's ("the electoral commission's
# deadline of 20 October", "the deadline for candidates to register", "hạn chót đăng ký")
DEADLINE_NOUN = re.compile(
    r"\b(?<!commission's )(?<!ihec's )(?<!registration )(?<!filing )"
    r"(?:deadline|han chot|thoi han)\b"
    r"(?! (?:for (?:candidates?|registration|filing|nominations?)|(?:cua uy ban )?(?:dang ky|nop)))"
)
# A date said as a target: "by", "before", "no later than", "trước", "không muộn hơn".
TARGET = re.compile(
    r"\b(?:by|before|no later than|not later than|truoc|khong muon hon|cham nhat la|han chot)"
    r"(?:\s+the)?\s*$"
)
# Dates that are not deadlines even next to a leaving verb.
NOT_DEADLINE = re.compile(
    r"\b(?:(?:to be|will be|would be|be) announced|announcement|(?:se )?duoc cong bo|"
    r"(?:du kien|se) cong bo|elections?|vote|voting|polls?|meeting|summit|visit|bau cu|"
    r"bo phieu|cuoc hop|hoi nghi|chuyen tham|"
    r"gives? (?:the )?(?:prime minister|premier)(?: \w+){0,3} until)\b"
)
# a deadline set a government, not troops: "hạn chót 31/3 đối với Thủ tướng", "for the premier"
GIVEN_TO = re.compile(
    r"\s*(?:doi voi (?:thu tuong|chinh phu|noi cac)|(?:cho|for) (?:the )?(?:thu tuong|prime "
    r"minister|premier))\b"
)
AT_LEAST = re.compile(r"\b(?:at least|(?:no|not) earlier than|it nhat|toi thieu|khong som hon)\s*$")
COMBAT_CONTEXT = re.compile(
    r"\b(?:combat (?:mission|role|troops|forces|operations)|(?:nhiem vu|su menh|luc luong|"
    r"hoat dong) chien dau)\b"
)

# --- what backs a lone report (watchers.figures.judge) ------------------------------------
# An official speaking in the sentence: "the Pentagon said", "Bộ Quốc phòng Mỹ cho biết".
OFFICIAL = re.compile(
    r"\b(?:pentagon|administration|defen[cs]e (?:secretary|department|ministry|minister)|"
    r"department of defen[cs]e|secretary of (?:defen[cs]e|state|war)|war department|"
    r"white house|spokes(?:man|woman|person)|prime minister|foreign minister|centcom|"
    r"central command|gen\.?|general|"
    r"(?:said|says|announced|stated|according to|in) (?:a |the |their )?joint statement|"
    r"joint statement (?:said|says)|(?<=- )joint statement|"
    r"lau nam goc|bo quoc phong|bo truong|thu tuong|nha trang|nguoi phat ngon|tuong|"
    r"(?:theo|trong) (?:ban )?(?:thong cao chung|tuyen bo chung(?! chung)))\b"
)
# The level a change has reached, said as such: "now has", "hiện còn", "chỉ còn".
NOW_LEVEL = re.compile(
    r"\b(?:now|hien|hien nay|hien tai|chi|gio)\s+(?:has|have|had|con|chi con|co)\s*$"
)
# "hoãn" (postpone) folded, not "hoàn toàn" (completely), "hoàn tất", "hoan nghênh" (welcome)...
HOAN = r"hoan(?! (?:toan|tat|thanh|thien|tra|hao|canh|cau|chinh|nghenh|ho)\b)"
# A deadline said to be put off: "postponed", "extended", "lùi" (not "rút lui", retreat),
# "hoãn", "gia hạn".
_POSTPONED = rf"postpon\w*|delay\w*|push(?:ed|es|ing)? back|extend\w*|(?<!rut )lui|{HOAN}|gia han"
# A deadline said to move: put off, brought forward, revised.
MOVED = re.compile(
    rf"\b(?:{_POSTPONED}|moved? (?:up|forward|back)|brought forward|"
    r"new (?:deadline|date|timeline|timetable)|revised|thay doi|moc moi|dieu chinh|day som)\b"
)  # "đẩy sớm": brought forward


# NATO's own mission, apart from the coalition: its advisers are not the coalition's troops
NATO_MISSION = re.compile(
    r"\bnato\b[^.;]{0,60}\b(?:mission|phai bo|nami)\b|\b(?:mission|phai bo)\b[^.;]{0,40}\bnato\b|"
    r"\bnami\b"
)
COALITION_NAMED = re.compile(r"\b(?:coalition|lien quan|inherent resolve)\b")

# A cap set on the force: the level it is to be held to, a plan
_NOW_VI = r"\b(?:hien|dang|van|da|lau nay|tu nam)\b"  # what is so now, or since a year
CAP = re.compile(
    r"\b(?:ceiling|cap|limit)\s+(?:of|is|at)\s*$|\b(?:tran quan so|ap tran)\b[^.;,\d]{0,20}$|"
    r"\bde xuat tran\s*$|"  # "bác đề xuất trần 1.500 quân": a proposed ceiling
    rf"\b(?:ceiling|cap)\b[^.;\d]{{0,40}}?\b(?:{_FROM_LEVEL})?to\s*$|"
    r"\b(?:muc tran|gioi han quan so)\b[^.;,\d]{0,25}$|"
    rf"^(?:(?!{_NOW_VI})[^.;])*?\bchi giu(?: lai)? toi da\s*$|"
    rf"\bgioi han\b(?:(?!{_NOW_VI})[^.;,]){{0,60}}\bo muc toi da\s*$"
)  # "chỉ giữ tối đa 1.500 quân", "giới hạn lực lượng … ở mức tối đa 1.500 binh sĩ"; not "Mỹ
# hiện (chỉ) giữ tối đa 2.500", "hiện ở mức tối đa 2.500": the level now
# A number of troops that all leave by a date is the whole force: "the roughly 2,500 US troops
# … will all leave by September", "2.500 binh sĩ Mỹ … sẽ rút hết trước tháng 9"
ALL_OF_THEM = re.compile(
    r"\b(?:will|would|must|are to|to) all (?:leave|withdraw|depart)|\brut het\b"
)
