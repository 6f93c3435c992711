"""Polish and Australian troops leaving Iraq, with the repository's topic: Poland ("Poland",
"Polish", "Ba Lan") and Australia ("Úc") are coalition members, as the figures already read
them; "Ba Lan" is not "ba lần" (three times) nor "Úc" "ký ức" (memory), a term's diacritics
being the text's (``match._marked_alike``). A Polish firm, like an Italian or a German one,
leaving Iraq is someone else's departure (``cues.COMPANY_LEAVES``)."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Poland to bring its troops home from Iraq by March",
            "Poland will withdraw its 180 soldiers from an airbase in northern Iraq by the end "
            "of March, the Polish defence minister said.",
        ),
        (
            "Ba Lan rút quân khỏi Iraq",
            "Ba Lan sẽ đưa khoảng 180 binh sĩ đóng ở miền bắc Iraq về nước trước cuối tháng 3 và "
            "không cử quân thay thế.",
        ),
        (
            "Úc rút quân khỏi Iraq",
            "Úc sẽ đưa 90 huấn luyện viên quân sự đang làm việc tại Baghdad về nước trước ngày "
            "31/3, kết thúc sứ mệnh bắt đầu từ 5 năm trước.",
        ),
        (
            "Polish contingent to leave Iraq's Kurdistan region by end of March",
            "The 180 Polish soldiers training Peshmerga units at an airbase near Erbil will "
            "withdraw without replacement, Warsaw said on Tuesday.",
        ),
    ],
)
def test_polish_and_australian_troops_leaving_iraq_are_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Polish firm withdraws from Iraq oil project", "A Polish company has withdrawn."),
        ("Iraq trục xuất phóng viên", "Bộ Nội vụ Iraq cho biết đã ba lần trục xuất phóng viên."),
        (
            "Ký ức của một phóng viên Úc ở Baghdad",
            "Bà kể về những năm làm việc ở Baghdad trước khi rời khỏi Iraq để về Sydney.",
        ),
        (
            "Italian firm to withdraw from Basra refinery contract",
            "The Italian engineering group said it would withdraw its 120 staff from Iraq.",
        ),
        (
            "Poland withdraws its troops from Syria outpost",
            "Poland will withdraw about 60 soldiers from an outpost in eastern Syria by May.",
        ),
    ],
)
def test_others_leaving_are_not(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [  # a review's probes: what the new members' names are not
        ("Iraq: gia dau tang ba lan, nha dau tu roi khoi thi truong", "Gia dau tai Iraq tang."),
        (
            "Quan doi Iraq ba lan rut khoi thi tran Tarmiyah",
            "Quan doi Iraq da ba lan rut khoi thi tran Tarmiyah trong thang qua.",
        ),
        (
            "Nguoi dan Iraq uc che vi mat dien, nhieu gia dinh roi khoi Baghdad",
            "Nhieu gia dinh o Baghdad uc che vi mat dien keo dai.",
        ),
        (
            "Iraqi negotiators polish deal as Sadrists withdraw from talks",
            "Iraqi negotiators worked to polish a power-sharing deal in Baghdad after the Sadrist "
            "bloc withdrew from talks.",
        ),
        (
            "Nhà thầu xây dựng Úc rời khỏi Iraq",
            "Một nhà thầu xây dựng của Úc đã rời khỏi Iraq sau khi hợp đồng kết thúc.",
        ),
        (
            "Polish citizens urged to leave Iraq",
            "Poland's foreign ministry urged Polish citizens to leave Iraq immediately.",
        ),
        ("Sinh viên Ba Lan rời khỏi Iraq sau khi học bổng kết thúc", ""),
        (
            "Ba Lan đóng cửa đại sứ quán ở Baghdad",
            "Ba Lan tạm đóng cửa đại sứ quán tại Baghdad vì lý do an ninh.",
        ),
        (
            "Iraq: Thủ tướng rời khỏi İstanbul sau ba lần hội đàm",
            "Thủ tướng Iraq đã rời khỏi İstanbul sau ba lần hội đàm với Tổng thống Thổ Nhĩ Kỳ.",
        ),
    ],
)
def test_what_the_new_members_names_are_not(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [  # diacritics of other languages are not compared ("Baghdād", "Anbār")
        (
            "Coalition to leave Baghdād by September",
            "The US-led coalition will end its military mission in Irāq by September.",
        ),
        ("US troops leave Anbār base", "US troops left their last base in Anbār province."),
    ],
)
def test_other_languages_diacritics_are_not_compared(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant
