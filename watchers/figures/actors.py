"""Who troops belong to: the words that name each actor (the US, the coalition, all foreign
forces, or another's), in English and Vietnamese, over *folded* text. Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures.allies import ALLIES_EN, ALLIES_VI

__all__ = ["WHO_EN", "WHO_RE", "WHO_VI"]

WHO_EN: dict[str, str] = {
    # "troops from (eight) partner nations", not "Iraq's partner nations pledged"
    "coalition": r"coalition|international|nato|allie[ds]|inherent resolve|"
    r"(?<=from )(?:\w+ )?partner (?:nations|countries)|partner (?:nations|countries)(?=['’])|"
    r"non[- ]?(?:u\.\s?s\.?|us|american)",
    "foreign": r"foreign",
    "US": r"u\.\s?s\.?|united states|american|americans|america|washington|pentagon|us",
    "other": r"iraqi|iraq's|kurdish|peshmerga|turkish|iranian|syrian|israeli|afghan|russian|"
    rf"nigerien|jordanian|turkey|{ALLIES_EN}",
}
WHO_VI: dict[str, str] = {
    "coalition": r"lien quan|lien minh|quoc te|nato|dong minh|nuoc doi tac|"
    r"khong ke (?:my|hoa ky)|(?<!don )(?<!du )(?<!loai )tru (?:my|hoa ky)(?!,? (?:van|nuoc)\b)",
    "foreign": r"nuoc ngoai",
    "US": r"my|hoa ky|washington|lau nam goc",
    "other": r"(?:quan doi|luc luong|binh si|binh sy|quan) iraq|nguoi kurd|peshmerga|"
    rf"{ALLIES_VI}|(?:quan|quan doi|binh si|nuoc|vuong quoc|chinh phu|bo quoc phong) anh|anh",
}
WHO_RE: dict[str, re.Pattern[str]] = {
    lang: re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in table.items()))
    for lang, table in (("en", WHO_EN), ("vi", WHO_VI))
}
