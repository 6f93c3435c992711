"""What the fifty-sixth same-week set (short texts and rolling coverage) and a second look at
earlier sets showed of the figures (probes of our own): "will not be replaced" / "sẽ không có
đơn vị thay thế" is no plan (``lexicon.NOT_REPLACED``); "bringing … to about 2,600" and "US
force now about 2,600" tell the level; a cut told with the departure that made it has
happened (``tenses.headline_done``); what a withdrawal did this month is no deadline
(``lexicon.WENT``); a unit or another country's troops leaving a country is no step done
(``reached``); "lãnh thổ liên bang" with no Iraq after it is federal Iraq; a government's
deadline and ministers withdrawn are not troops leaving; a joint statement is an official
word."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract
from watchers.figures.track import read_figures

MARCH = date(2147, 3, 8)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Lầu Năm Góc cho biết khoảng 400 binh sĩ Mỹ đã rời trại Tamarisk và sẽ không có đơn vị "
            "thay thế, qua đó đưa tổng số quân Mỹ tại Iraq xuống còn khoảng 3.000 người, giảm từ "
            "khoảng 3.400.",
            {("US", "Iraq", "current", 3000), ("US", "Iraq", "past", 3400)},
        ),
        (
            "About 300 soldiers left Iraq on Thursday and will not be replaced, bringing the "
            "number of US troops in Iraq to about 2,600, the Pentagon said.",
            {("US", "Iraq", "current", 2600)},
        ),
        (
            "The last Portuguese and Czech troops have left Iraq, bringing coalition partner "
            "nations' troops in Iraq to about 920 from about 1,100, the coalition's spokesman "
            "said on Wednesday.",
            {("coalition", "Iraq", "current", 920)},
        ),
        (
            "The United States is cutting its force in Iraq to about 2,150 troops from about "
            "2,600 after some 450 soldiers left Camp Halberd, the Pentagon said on Monday.",
            {("US", "Iraq", "current", 2150), ("US", "Iraq", "past", 2600)},
        ),
    ],
)
def test_a_cut_that_happened_is_the_level(body: str, expected: set[tuple[str, ...]]) -> None:
    assert expected <= troops_of(body, MARCH)


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("US cuts Iraq force to about 2,150 as 450 soldiers leave Anbar's Camp Halberd", "current"),
        ("Pentagon confirms helicopter unit has left Iraq, US force now about 2,600", "current"),
        ("US cuts Iraq force to about 2,150", "planned"),  # an announcement, maybe
        ("US to cut Iraq force to about 2,150 as 450 soldiers leave", "planned"),
    ],
)
def test_a_headline_s_cut(title: str, status: str) -> None:
    said = "The Pentagon said so on Monday."
    counts = read_figures(title, said, datetime(2147, 3, 6, tzinfo=UTC)).troop_counts
    assert [(t.where, t.status) for t in counts] == [("Iraq", status)]


@pytest.mark.parametrize(
    "body",
    [
        "Khoảng 400 binh sĩ Mỹ sẽ rời trại Tamarisk và sẽ không có đơn vị thay thế, qua đó giảm "
        "số binh sĩ Mỹ tại Iraq xuống còn khoảng 3.000.",
        "The Pentagon said 400 soldiers will leave Camp Tamarisk and will not be replaced, "
        "cutting the US force in Iraq to about 3,000.",
        "The United States is cutting its force in Iraq to about 2,150 troops, the Pentagon said.",
    ],
)
def test_a_cut_to_come_stays_a_plan(body: str) -> None:
    assert not {t for t in troops_of(body, MARCH) if t[2] == "current"}


@pytest.mark.parametrize(
    "body",
    [
        "The council approved a plan drawn up by the two militaries after the withdrawal moved "
        "faster than expected this month, its joint statement said.",
        "The withdrawal slowed this month.",
        "Liên minh Bình Minh vẫn giữ hạn chót 31/3 đối với Thủ tướng Iraq sau khi rút ba bộ "
        "trưởng khỏi nội các.",
        "The bloc will withdraw its ministers by 31 March 2148.",
    ],
)
def test_no_deadline(body: str) -> None:
    assert deadlines_of(body, MARCH) == set()


def test_a_government_given_until_a_date_is_no_deadline() -> None:
    title = "Dawn Alliance withdraws its three ministers, gives prime minister until 31 March"
    assert extract(title, "", published=MARCH).deadlines == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The withdrawal is expected to be completed this month.",
            ("coalition leaves Iraq", "2147-03"),
        ),
        (
            "US and coalition troops will leave Iraq by 31 March 2148.",
            ("coalition leaves Iraq", "2148-03-31"),
        ),
        (
            "Mỹ rút quân khỏi lãnh thổ liên bang trước 31/7/2147.",
            ("coalition leaves Baghdad", "2147-07-31"),
        ),
        (
            "My va Iraq dua moc rut quan khoi lanh tho lien bang len 31/7/2147.",
            ("coalition leaves Baghdad", "2147-07-31"),
        ),
        (
            "Mỹ rút quân khỏi Iraq trước 31/12/2147.",
            ("coalition leaves Iraq", "2147-12-31"),
        ),
    ],
)
def test_deadlines_stay(body: str, expected: tuple[str, str]) -> None:
    assert expected in {(d.what, d.date) for d in extract("", body, published=MARCH).deadlines}


def test_a_joint_statement_backs_a_date() -> None:
    body = (
        "US and coalition troops will leave federal Iraq by the end of July, two months earlier "
        "than planned, the US-Iraqi Joint Transition Commission said in a joint statement."
    )
    deadlines = extract("", body, published=MARCH).deadlines
    assert [(d.what, d.firm) for d in deadlines] == [("coalition leaves Baghdad", True)]


@pytest.mark.parametrize(
    "body",
    [
        "Pentagon confirms helicopter unit has left Iraq, US force now about 2,600.",
        "A helicopter battalion has left Iraq, the Pentagon said.",
        "Lầu Năm Góc cho biết một tiểu đoàn đã rời khỏi Iraq.",
        "The last Portuguese and Czech troops have left Iraq, bringing coalition partner nations' "
        "troops in Iraq to about 920, the coalition's spokesman said.",
    ],
)
def test_some_troops_leaving_a_country_is_no_step_done(body: str) -> None:
    assert read_figures("", body, datetime(2147, 3, 8, tzinfo=UTC)).reached == ()


@pytest.mark.parametrize(
    "body",
    [
        "The last 300 US troops have left Iraq, the Pentagon said.",
        "US forces have left Iraq, the Pentagon said.",
        "Lầu Năm Góc cho biết 300 binh sĩ cuối cùng đã rời khỏi Iraq.",
        "Iraqi officials said US forces have left Ain al-Asad.",
    ],
)
def test_all_of_them_leaving_is(body: str) -> None:
    assert read_figures("", body, datetime(2147, 3, 8, tzinfo=UTC)).reached != ()


@pytest.mark.parametrize(
    "body",
    [
        "Khoảng 60 cố vấn Mỹ và Pháp vẫn ở lại Iraq và chuyển về trại Corrigan.",
        "About 60 US and French advisers remain in Iraq.",
    ],
)
def test_ours_and_a_member_s_together_are_neither_level(body: str) -> None:
    """The fifty-second: "60 US and French advisers" alerted as the US level (2,600 -> 60)."""
    assert not {t for t in troops_of(body, MARCH) if t[1] == "Iraq" and t[2] == "current"}


def test_ours_beside_a_member_s_stay_ours() -> None:
    body = "About 2,500 US troops and 600 French troops are in Iraq."
    assert ("US", "Iraq", "current", 2500) in troops_of(body, MARCH)


# a review's probes (old and new code side by side): what the rules above must not take
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Liên quân sẽ bàn giao căn cứ Ain al-Asad trước ngày 30/9/2147 cho chính phủ Iraq.",
            ("coalition leaves Ain al-Asad", "2147-09-30"),
        ),
        (
            "Coalition forces will leave federal Iraq by 30 September 2147 for the government to "
            "take charge of security.",
            ("coalition leaves Baghdad", "2147-09-30"),
        ),
        (
            "The accord gives the government until 30 September 2147, when the last coalition "
            "troops leave federal Iraq, to take over the bases.",
            ("coalition leaves Baghdad", "2147-09-30"),
        ),
        (
            "The US will withdraw its support troops from Erbil by June 2147.",
            ("coalition leaves Erbil", "2147-06"),
        ),
    ],
)
def test_deadlines_the_new_rules_leave_alone(body: str, expected: tuple[str, str]) -> None:
    assert expected in {(d.what, d.date) for d in extract("", body, published=MARCH).deadlines}


@pytest.mark.parametrize(
    "body",
    [
        "Officials hope a joint statement next week will set a date for coalition troops to leave "
        "federal Iraq, possibly September 2147.",
        "A draft joint statement seen by Reuters says coalition troops will leave federal Iraq by "
        "30 September 2147.",
        "Giới chức chỉ đưa ra tuyên bố chung chung rằng liên quân có thể rời Baghdad trước tháng "
        "9/2147.",
    ],
)
def test_a_joint_statement_to_come_or_a_draft_backs_nothing(body: str) -> None:
    assert not any(d.firm for d in extract("", body, published=MARCH).deadlines)


@pytest.mark.parametrize(
    "body",
    [
        "The remaining 2,500 US troops have left Iraq, completing the withdrawal, officials said.",
        "The last of the 2,500 US troops have left Iraq, the Pentagon said.",
        "The last 2,500 US troops have left Iraq, the Pentagon said.",
        "Combined Joint Task Force-Operation Inherent Resolve has left Iraq, the Pentagon said.",
        "The brigade's commander said the last US troops have left Iraq.",
        "Hôm 12/3 quân Mỹ đã rút hết khỏi Iraq, Lầu Năm Góc cho biết.",
    ],
)
def test_all_of_them_gone_stays_a_step_done(body: str) -> None:
    assert read_figures("", body, datetime(2147, 3, 14, tzinfo=UTC)).reached != ()


@pytest.mark.parametrize(
    "title",
    [
        "US cuts Iraq force to 2,000 as troops prepare to leave",
        "US cuts Iraq force to 1,500 as first 500 soldiers leave",
        "US trims Iraq force to 2,000 as troops begin to leave",
    ],
)
def test_a_cut_whose_departure_is_to_come_stays_a_plan(title: str) -> None:
    said = "The Pentagon said so on Monday."
    counts = read_figures(title, said, datetime(2147, 3, 6, tzinfo=UTC)).troop_counts
    assert [t.status for t in counts] == ["planned"]


def test_a_proposal_rejected_gives_no_level() -> None:
    body = "The proposal, bringing the US force in Iraq to 1,500, was rejected by the cabinet."
    assert not {t for t in troops_of(body, MARCH) if t[2] == "current"}


@pytest.mark.parametrize(
    "body",
    [
        "About 700 US soldiers and about 800 from partner nations are at Sarband Air Base, 25 km "
        "north of Erbil.",
        "The roughly 700 US troops and 800 partner troops at Sarband Air Base are not covered by "
        "the new date.",
    ],
)
def test_counts_listed_at_a_site_we_do_not_know_are_that_site_s(body: str) -> None:
    """The fifty-seventh: a site's count read as the US level in Iraq."""
    assert not {t for t in troops_of(body, MARCH) if t[1] == "Iraq"}


def test_ours_and_the_partners_in_iraq_stay_the_level() -> None:
    body = "About 2,500 US troops and 800 partner troops are in Iraq."
    assert ("US", "Iraq", "current", 2500) in troops_of(body, MARCH)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "ERBIL - Federal Iraq's withdrawal date moved a month closer on Tuesday, to 30 "
            "November, but the Kurdistan region is still without one.",
            {("coalition leaves Baghdad", "2147-11-30")},
        ),
        (
            "ERBIL, Iraq (Reuters) - US forces will leave Erbil by September 2148.",
            {("coalition leaves Erbil", "2148-09")},
        ),
    ],
)
def test_a_dateline_is_no_date_s_place(body: str, expected: set[tuple[str, str]]) -> None:
    """The fifty-seventh: where the outlet writes from is not what the date is for."""
    october = date(2147, 10, 15)
    assert {(d.what, d.date) for d in extract("", body, published=october).deadlines} == expected
