"""What the fifty-second and fifty-third same-week sets showed of the troop counts (probes of
our own): troops "from eight partner nations" and "the coalition partners' 1,020 soldiers"
are the coalition's (``actors.WHO_EN``, ``owners``); a change told as the second of two
results ("…, ending Spain's mission and reducing the contingent to about 930") has happened
(``tenses.result_done``); soldiers "chuyển" (moved) somewhere are how many moved; a site we
do not know named before "where" / "nơi" holds the count (``not_levels.site_where``); a task
force "of the US Army, made up of 300 soldiers" is a unit's size; private guards ("nhân viên
an ninh tư nhân") are not troops."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

MAY = date(2163, 5, 12)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "About 1,150 troops from eight partner nations also serve with the task force.",
            {("coalition", "Iraq", "current", 1150)},
        ),
        (
            "The US has about 2,900 troops in Iraq. About 900 US troops are at the airfield, along "
            "with most of the coalition partners' roughly 1,020 soldiers.",
            {("US", "Iraq", "current", 2900), ("coalition", "Iraq", "current", 1020)},
        ),
        (
            "The last 220 Spanish soldiers left Camp Halberd on Friday, ending Spain's training "
            "mission in Iraq and reducing the coalition's non-US contingents to about 930 troops "
            "from seven nations, down from about 1,150, the coalition said.",
            {("coalition", "Iraq", "current", 930), ("coalition", "Iraq", "past", 1150)},
        ),
    ],
)
def test_whose_troops_and_when(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, MAY) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Iraq's regional partner nations have pledged 3,000 troops to guard its borders.",
        "The US will pull out 500 troops, ending the mission and reducing the force to 2,000.",
    ],
)
def test_no_coalition_count_nor_level_of_a_plan(body: str) -> None:
    assert not {t for t in troops_of(body, MAY) if t[2] == "current"}


@pytest.mark.parametrize(
    "body",
    [
        "Hôm thứ Tư (11/5), liên quân đã đóng cửa nhóm cố vấn tại Bộ Chỉ huy Tác chiến Liên hợp "
        "Iraq và chuyển 45 cố vấn Mỹ về trại Halberd.",
        "Trại Halberd, nơi hiện có khoảng 1.805 lính Mỹ, sẽ là căn cứ cuối cùng ở lãnh thổ liên "
        "bang được đóng cửa.",
        "Camp Halberd, where about 1,805 US troops are now based, will be the last base in federal "
        "Iraq to close.",
        "Hôm thứ Tư (13/10), Lực lượng đặc nhiệm Bramblewood của lục quân Mỹ, gồm khoảng 300 binh "
        "sĩ và 24 trực thăng, đã rời trại Corrigan.",
        "Hom thu Tu (13/10), Luc luong dac nhiem Bramblewood cua luc quan My, gom khoang 300 binh "
        "si va 24 truc thang, da roi trai Corrigan.",
        "On Wednesday, Task Force Bramblewood of the US Army, made up of about 300 soldiers and 24 "
        "helicopters, left Camp Corrigan.",
        "Phái bộ không có quân đội; các khu trụ sở do cảnh sát Iraq và khoảng 90 nhân viên an ninh "
        "tư nhân bảo vệ.",
        # the fifty-fifth: how many were brought home
        "The United States has brought home about 400 soldiers from Camp Tamarisk in western Iraq "
        "without sending anyone to take their place, the Pentagon said on Monday.",
    ],
)
def test_no_level_of_iraq(body: str) -> None:
    assert not {t for t in troops_of(body, MAY) if t[1] == "Iraq" and t[2] == "current"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ain al-Asad air base, where about 300 US troops are based, will close.",
            ("US", "Ain al-Asad", "current", 300),
        ),
        (
            "Iraq, where about 2,500 US troops are based, wants them gone.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Lực lượng Đặc nhiệm Liên hợp Chiến dịch Inherent Resolve, gồm khoảng 2.500 binh sĩ "
            "Mỹ, vẫn ở Iraq.",
            ("US", "Iraq", "current", 2500),
        ),
        ("Khoảng 90 nhân viên an ninh Mỹ vẫn ở Iraq.", ("US", "Iraq", "current", 90)),
        # a review's: the whole force as a task force "in Iraq"
        (
            "The US task force in Iraq, with about 2,500 troops, is to leave by September 2159.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Lực lượng đặc nhiệm của Mỹ tại Iraq, gồm khoảng 2.500 binh sĩ, sẽ rút trước tháng "
            "9/2159.",
            ("US", "Iraq", "current", 2500),
        ),
    ],
)
def test_the_level_or_a_known_site_stays(body: str, expected: tuple[str, str, str, int]) -> None:
    assert expected in troops_of(body, MAY)


def test_the_partner_nations_force_is_the_coalition_s() -> None:
    body = (
        "The coalition's spokesman said that with the Spanish contingent gone the partner "
        "nations' force in Iraq stood at about 1,020 troops from seven countries."
    )
    assert ("coalition", "Iraq", "current", 1020) in troops_of(body, MAY)


def test_a_date_said_to_be_the_date_stands() -> None:
    """The fifty-fourth: a denial that says the date is the date restates it."""
    title = 'Commission denies Kurdistan exit date will move: "31 March 2119 is the date"'
    deadlines = extract(title, "", published=date(2118, 2, 12)).deadlines
    assert [(d.what, d.date) for d in deadlines] == [("coalition leaves Kurdistan", "2119-03-31")]
    assert all(d.stands for d in deadlines)


def test_a_date_proposed_to_the_committee_is_demanded() -> None:
    """The fifty-fifth: a prime minister's delegation "will propose to the committee" a date
    (``demands``): a request, not the committee's decision."""
    body = (
        "Thủ tướng Iraq cho biết phái đoàn Iraq sẽ đề nghị Ủy ban Cấp cao chung Mỹ - Iraq để quân "
        "Mỹ và liên quân rời lãnh thổ liên bang Iraq trước cuối tháng 1/2106."
    )
    assert deadlines_of(body, date(2105, 7, 13)) == set()


def test_a_force_brought_down_to_a_number_is_a_level() -> None:
    """The fifty-fifth: "qua đó đưa tổng số quân Mỹ tại Iraq xuống còn khoảng 3.000 người"
    (thereby bringing the US total down to about 3,000): the new level, "giảm từ khoảng 3.400"
    the one before."""
    body = (
        "Khoảng 400 binh sĩ Mỹ đã rời trại Tamarisk, qua đó đưa tổng số quân Mỹ tại Iraq xuống "
        "còn khoảng 3.000 người, giảm từ khoảng 3.400."
    )
    assert troops_of(body, date(2105, 7, 7)) == {
        ("US", "Iraq", "current", 3000),
        ("US", "Iraq", "past", 3400),
    }
