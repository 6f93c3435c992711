"""The words figure extraction looks for: places, who the troops are, troop nouns, verbs of leaving.

All patterns match *folded* text (lower case, no diacritics: "rút" is "rut", "Mỹ" is "my").
Each list is a linguistic class, not a list of phrases from particular articles.
"""

from __future__ import annotations

import re

# --- places ------------------------------------------------------------------------------
# The places figures are reported for, with their spellings. Ain al-Asad is the coalition's
# base in Anbar, Harir its base in Erbil province.
PLACES: dict[str, str] = {
    "Iraq": r"iraq|irak|i-?rac",
    "Syria": r"syria|xy-?ri",
    "Ain al-Asad": r"(?:ain|ayn|ein)[ -]al[ -]?ass?ad|al[ -]ass?ad|anbar",
    "Baghdad": r"baghdad|bagdad",
    "Erbil": r"erbil|irbil|arbil|harir|hareer",
    "Kurdistan": r"kurdistan|khu vuc (?:tu tri )?(?:cua )?nguoi kurd",
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
# "Baghdad" and "Washington" also name governments ("Washington and Baghdad agreed"): as a
# place Baghdad needs a word of location before it.
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|to|into|out of|near|capital|airport|o|tai|khoi|den|toi|vao|trong|"
    r"thu do|san bay|can cu|base|bases)\W+(?:\w+\W+){0,2})$"
)

# --- who ---------------------------------------------------------------------------------
WHO_EN: dict[str, str] = {
    "coalition": r"coalition|international|nato|allied|inherent resolve",
    "foreign": r"foreign",
    "US": r"u\.\s?s\.?|united states|american|americans|america|washington|pentagon|us",
    "other": (
        r"iraqi|iraq's|kurdish|peshmerga|turkish|iranian|syrian|israeli|afghan|russian|"
        r"british|french|german|italian|nigerien|jordanian"
    ),
}
WHO_VI: dict[str, str] = {
    "coalition": r"lien quan|lien minh|quoc te|nato",
    "foreign": r"nuoc ngoai",
    "US": r"my|hoa ky|washington|lau nam goc",
    "other": r"(?:quan doi|luc luong|binh si|binh sy|quan) iraq|nguoi kurd|peshmerga",
}
WHO_RE: dict[str, re.Pattern[str]] = {
    lang: re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in table.items()))
    for lang, table in (("en", WHO_EN), ("vi", WHO_VI))
}

# --- troop nouns ---------------------------------------------------------------------------
TROOP_NOUN = re.compile(
    r"\b(?:troops?|soldiers?|service ?members|servicemen|personnel|marines|advis[eo]rs|"
    r"forces|binh si|binh sy|binh linh|linh|quan nhan|co van|nhan vien (?:quan su|an ninh)|"
    r"quan(?=\s*(?:[,.;:)\"]|$)|\s+(?:my|hoa ky|nuoc ngoai|o|tai|tren|trong|cua|den|toi|vao|"
    r"duoc|dong|se|hien|van|dang)\b)|"
    r"(?!x)x)\b"
)
# Words allowed between a number and its troop noun ("2,500 U.S. troops", "5 thousand US
# troops", "3.500 binh lính"): short qualifiers only, never a verb or another number.
NOUN_GAP = re.compile(
    r"^(?:\s*(?:u\.\s?s\.?|us|american|coalition|foreign|international|nato|combat|remaining|"
    r"more|additional|active[- ]duty|military|army|special|operations|of|the|its|their|"
    r"such|other|elite|and|va|my|hoa ky|nuoc ngoai|lien quan|quoc te|chien dau|cua)\b\.?)*\s*$"
)

# --- what is not a troop count ----------------------------------------------------------------
CASUALTY = re.compile(
    r"\b(?:killed|wounded|injured|died|dead|deaths|casualties|hurt|missing|captured|"
    r"thiet mang|bi thuong|thuong vong|chet|tu vong|hy sinh|tu tran|mat tich|bi giet|"
    r"thuong)\b"
)
# A change of size: what comes after the number is how many leave or arrive, not how many there are.
DELTA_VERB = re.compile(
    r"\b(?:withdraw(?:s|n|ing|al of)?|withdrew|pull(?:s|ed|ing)? out|pullout of|"
    r"remov(?:e|es|ed|ing)|"
    r"send(?:s|ing)?|sent|deploy(?:s|ed|ing)? (?:an? )?(?:additional|more|another|extra)|"
    r"add(?:s|ed|ing)?|bring(?:s|ing)? home|redeploy(?:s|ed|ing)?|cut(?:s|ting)? by|"
    r"reduc(?:e|es|ed|ing|tion of) by|rut|cat giam|dieu (?:them|dong them)|bo sung|"
    r"gui(?: them)?|dua them|trien khai them|tang them|tang cuong)\b"
)
# ...unless it is all of them: "withdraw the remaining 2,500", "rút toàn bộ khoảng 1.000".
WHOLE_FORCE = re.compile(
    r"\b(?:all|the remaining|remaining|the|toan bo|tat ca|so con lai|het|whole|entire)\s+"
    r"(?:(?:of the|of|estimated|roughly|about|around|approximately|some|nearly|khoang|chung)\s+)*$"
)
# ...or the noun is described as the force that is there: "withdraw some 5,000 U.S. troops
# present in different parts of Iraq", "rút 2.500 binh sĩ đang đồn trú ở Iraq".
EXISTING_FORCE = re.compile(
    r"^\s*(?:(?:u\.\s?s\.?|us|american|my|hoa ky)\s+)?(?:who are\s+|that are\s+)?"
    r"(?:present|stationed|deployed|based|currently|now|still|dang don tru|dang dong quan|"
    r"hien dien|dong quan|don tru|hien co|hien dang)\b"
)
NEGATION = re.compile(
    r"\b(?:no plans? to|not|never|won't|will not|khong co ke hoach|khong|chua|chang)\b"
)
# A change in size whose target ("to 3,000", "xuống còn 1.000") is a planned level.
CHANGE_VERB = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion)|cut(?:s|ting)?|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|"
    r"lower(?:s|ed|ing)?|drawdown|draw down|trim(?:s|med|ming)?|shrink(?:s|ing)?|shrank|"
    r"fall(?:s|ing)?|fell|giam|cat giam|thu hep|rut xuong)\b"
)
CHANGE_TARGET = re.compile(r"\b(?:to|xuong con|xuong|con|down to|toi)\s*$")
CHANGE_SOURCE = re.compile(r"\b(?:from|tu)\s*$")
FUTURE = re.compile(
    r"\b(?:will|would|to (?:reduce|cut|drop|decrease|lower|trim|bring)|plans?|planned|set to|"
    r"expected|going to|is reducing|are reducing|se|du kien|ke hoach|trong nhung thang toi)\b"
)
PAST = re.compile(
    r"\b(?:was|were|had|used to|at (?:its|the) peak|previously|formerly|led to|tung|"
    r"dinh diem|truoc day|luc do|khi do)\b"
)
CURRENT = re.compile(
    r"\b(?:currently|now|still|remain(?:s|ing)?|there are|has|have|hien|hien co|van|dang|"
    r"hien nay|hien tai|con lai)\b"
)

# --- deadlines ------------------------------------------------------------------------------
LEAVE = re.compile(
    r"\b(?:withdraw(?:s|n|ing|al)?|withdrew|leav(?:e|es|ing)|depart(?:s|ed|ing|ure)?|"
    r"pull(?:s|ed|ing)?[- ]?out|pullout|exit(?:s|ing)?|evacuat(?:e|es|ing|ion)|"
    r"rut(?: quan| khoi| het)?|roi (?:khoi|di|bo)|ra khoi|"
    r"(?:remain|stay)(?:s|ing)?\b.*\b(?:until|till|through)|"
    r"o lai\b.*\b(?:cho den|den|toi)|"
    r"no (?:(?:u\.\s?s\.?|us|american|foreign|coalition)\s+)?(?:combat\s+)?(?:forces|troops)|"
    r"khong (?:con |co )(?:luc luong|quan|binh si|binh sy|linh))\b"
)
END = re.compile(
    r"\b(?:end(?:s|ed|ing)?|conclu(?:de|des|ded|ding|sion)|complet(?:e|es|ed|ing|ion)|"
    r"clos(?:e|es|ed|ing)|wrap(?:s|ping)? up|wind(?:s|ing)? down|"
    r"continu(?:e|es|ing)\b.*\b(?:until|till|through)|"
    r"ket thuc|cham dut|hoan tat|hoan thanh|tiep tuc\b.*\b(?:den|cho den|toi))\b"
)
MISSION = re.compile(
    r"\b(?:missions?|operations?|task force|role|nhiem vu|su menh|hoat dong(?: quan su)?|"
    r"chien dich)\b"
)
COMBAT = re.compile(r"\b(?:combat|chien dau)\b")
# "the first hundreds leave in September, the rest by the end of 2026"
PARTIAL = re.compile(
    r"\b(?:hundreds|some|first|part|several|a number|begin|begins|start(?:s|ing)?|"
    r"hang tram|mot so|mot phan|dau tien|giai doan dau|bat dau|first phase)\b"
)
REST = re.compile(
    r"\b(?:the rest|the remainder|remainder|remaining|so con lai|con lai|phan con lai)\b"
)
DEADLINE_NOUN = re.compile(r"\b(?:deadline|han chot|thoi han)\b")
# Dates that are not deadlines even next to a leaving verb.
NOT_DEADLINE = re.compile(
    r"\b(?:elections?|vote|voting|polls?|meeting|summit|visit|bau cu|bo phieu|cuoc hop|"
    r"hoi nghi|chuyen tham)\b"
)
AT_LEAST = re.compile(r"\b(?:at least|it nhat|toi thieu)\s*$")
COMBAT_CONTEXT = re.compile(
    r"\b(?:combat (?:mission|role|troops|forces|operations)|(?:nhiem vu|su menh|luc luong|"
    r"hoat dong) chien dau)\b"
)
