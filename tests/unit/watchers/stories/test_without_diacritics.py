"""A Vietnamese report re-posted without diacritics (an aggregator's feed) is the same story as
the report it copies: both are Vietnamese (``watchers.figures.detect_lang``), so the pair is
weighed within one language, where a copy is a copy."""

from __future__ import annotations

import unicodedata
from datetime import date

from watchers.stories.similar import evidence, same_story

TITLE = "Mỹ rút 500 binh sĩ khỏi căn cứ Ain al-Asad"
BODY = (
    "Bộ Quốc phòng Mỹ ngày 12/3 cho biết khoảng 500 binh sĩ Mỹ đã rời căn cứ không quân Ain "
    "al-Asad ở tỉnh Anbar, miền tây Iraq, và bàn giao căn cứ cho quân đội Iraq. Sau đợt rút "
    "quân, còn khoảng 2.000 binh sĩ Mỹ ở lại Iraq, chủ yếu tại Baghdad và Erbil. Người phát "
    "ngôn Lầu Năm Góc nói việc bàn giao diễn ra theo thỏa thuận ký với chính phủ Iraq năm ngoái."
)


def _bare(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def test_a_copy_without_diacritics_is_the_same_story() -> None:
    day = date(2058, 3, 12)
    original = evidence(TITLE, BODY, published=day)
    bare = evidence(_bare(TITLE), _bare(BODY), published=day)
    assert original.lang == bare.lang == "vi"
    assert same_story(original, bare).same
