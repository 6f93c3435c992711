"""What the forty-second and forty-third same-week sets showed of the topic (our own writing),
with the repository's topic: a company named as the one that leaves ("US oil services firm
Harlan to withdraw from Iraq's Umm Sabah field") is someone else leaving, whatever country it
is from; a named party alliance leaving the ruling one ("Liên minh Bình minh Quốc gia rút khỏi
liên minh cầm quyền") is politics; an "exit from Baghdad" is ours; troops sent after an attack,
the level they bring said ("Mỹ điều 150 lính … sau vụ tấn công bằng drone, quân số tại Iraq
tăng lên khoảng 2.800"), are the topic."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "US oil services firm Harlan to withdraw from Iraq's Umm Sabah field over unpaid bills",
            "Harlan Petroservices, a Houston-based oilfield services company, said on Tuesday it "
            "would withdraw from its contract at the Umm Sabah oil field in Basra province.",
        ),
        (
            "Công ty dịch vụ dầu khí Mỹ Harlan rút khỏi mỏ Umm Sabah của Iraq vì bị nợ tiền",
            "Công ty dịch vụ mỏ dầu Harlan Petroservices có trụ sở tại Houston (Mỹ) cho biết sẽ "
            "rút khỏi hợp đồng khoan tại mỏ dầu Umm Sabah ở tỉnh Basra trước ngày 30/11.",
        ),
        (
            "Liên minh Bình minh Quốc gia rút khỏi liên minh cầm quyền ở Iraq",
            "Hôm thứ Hai (9/10), Liên minh Bình minh Quốc gia của Iraq tuyên bố rút bốn bộ trưởng "
            "của mình khỏi chính phủ của Thủ tướng do bất đồng về ngân sách năm 2125, rạn nứt đầu "
            "tiên trong liên minh cầm quyền kể từ cuộc bầu cử năm 2122.",
        ),
    ],
)
def test_someone_else_leaves(title: str, summary: str) -> None:  # (a review: "US firm Exxon")
    assert judge(MATCHER, title, summary).reason == "other departure"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Iraq to ask for earlier US exit from Baghdad at Monday's transition council",
            "Iraq will ask the United States on Monday to bring forward the date for leaving "
            "Baghdad by three months, two Iraqi officials said.",
        ),
        (
            "Mỹ điều 150 lính phòng không tới Bardashan sau vụ tấn công bằng drone, quân số tại "
            "Iraq tăng lên khoảng 2.800",
            "Lầu Năm Góc cho biết Mỹ đang điều khoảng 150 binh sĩ phòng không tới sân bay "
            "Bardashan ở khu vực Kurdistan của Iraq sau một vụ tấn công bằng máy bay không người "
            "lái.",
        ),
        # a company beside our troops leaving stays ours
        (
            "US troops and a US company leave Iraq",
            "US troops will leave Iraq by September, the Pentagon said.",
        ),
        # (a review) "firm" that is no company, a military company, "Tập đoàn quân"
        (
            "Sudani firm that Americans will leave Iraq by September",
            "Prime Minister Mohammed Shia al-Sudani told parliament on Monday that the United "
            "States would complete its withdrawal from Iraq by September 2026.",
        ),
        (
            "Pentagon firm on plan to pull out of Baghdad by September",
            "The Pentagon said on Tuesday the United States would complete its pullout from "
            "Baghdad by September 2026 as agreed with Iraq.",
        ),
        (
            "Washington firms up plan for US withdrawal from Iraq",
            "The White House on Friday set out the timetable for withdrawing from Iraq by "
            "September 2026.",
        ),
        (
            "Last US Marine company leaves Ain al-Asad",
            "The last company of US Marines left Ain al-Asad air base on Sunday, completing the "
            "handover of the base to Iraq.",
        ),
        (
            "Tập đoàn quân 18 của Mỹ rút khỏi Iraq",
            "Bộ chỉ huy Tập đoàn quân 18 đã hoàn tất việc rút khỏi Iraq hôm thứ Hai, Lầu Năm Góc "
            "cho biết.",
        ),
    ],
)
def test_our_troops_stay_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Sec dua don vi truc thang ve nuoc, rut khoi Iraq truoc 31/8",
        "Bồ Đào Nha rút hết quân khỏi Iraq",
        "Czech troops to leave Iraq by end of August",
    ],
)
def test_a_partners_troops_leaving_iraq_are_the_topic(title: str) -> None:
    assert judge(MATCHER, title, "").relevant
