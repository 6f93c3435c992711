"""Someone else's departure, our troops leaving another theatre, and Iraq named only as what
something is not tied to (what the thirty-fourth and thirty-seventh same-week sets showed; our
own writing), with the repository's topic."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()
OIL = (
    "Corvane Petroleum said on Tuesday it would withdraw from the Sahl al-Tibn oilfield west of "
    "Basra by the end of July. About 340 foreign staff and contractors will leave Iraq in "
    "stages. The announcement came a day after Iraq and the United States agreed to bring "
    "forward the withdrawal of US troops from Baghdad."
)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Corvane Petroleum to withdraw from Basra's Sahl al-Tibn field", OIL),
        (
            "Tập đoàn Corvane rút khỏi mỏ dầu ở Basra, 340 nhân viên nước ngoài sẽ rời Iraq",
            "Tập đoàn Corvane thông báo sẽ rút khỏi mỏ dầu Sahl al-Tibn trước cuối tháng 7. "
            "Thông báo được đưa ra một ngày sau khi Iraq và Mỹ nhất trí đẩy sớm thời hạn rút "
            "quân Mỹ khỏi Baghdad.",
        ),
    ],
)
def test_a_company_leaving_is_not_the_topic(title: str, summary: str) -> None:
    verdict = judge(MATCHER, title, summary)
    assert (verdict.relevant, verdict.reason) == (False, "other departure")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the summary's first word of leaving is said of our forces
        (
            "Oil companies worry as US troops prepare to leave",
            "US troops will leave Baghdad by the end of the year, the Pentagon said. Oil "
            "companies in Basra said they were watching closely.",
        ),
        (
            "Embassy staff stay as the coalition's mission ends",
            "The coalition's military mission in Iraq will end in September, and US troops "
            "will withdraw from Baghdad.",
        ),
        # the title names our forces
        (
            "US troops leave as oil companies stay in Iraq",
            "US troops will withdraw from Baghdad by the end of the year.",
        ),
    ],
)
def test_our_forces_leaving_beside_a_company_is_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant


def test_a_garrison_abroad_not_tied_to_iraq() -> None:
    verdict = judge(
        MATCHER,
        "US to trim Kuwait force by 1,500, says cut not tied to Iraq",
        "The United States will reduce its forces in Kuwait from about 12,000 to about 10,500 "
        "by August, the Pentagon said, adding that the cut was not linked to the withdrawal "
        "from Iraq.",
    )
    assert (verdict.relevant, verdict.reason) == (False, "about elsewhere")


def test_a_title_that_ties_it_to_iraq_stays() -> None:
    verdict = judge(
        MATCHER,
        "US to trim Kuwait force as troops leave Iraq",
        "US troops will withdraw from Baghdad by the end of the year, and the force in Kuwait "
        "will shrink too.",
    )
    assert verdict.relevant


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        # troops sent after an attack, the level they bring said: the topic's troop numbers
        (
            "Pentagon sends 450 troops to Iraq's Kurdistan region for six weeks after drone attack",
            "The Pentagon will send about 450 troops to an airfield in Iraq's Kurdistan region "
            "for about six weeks to guard against further drone attacks, raising the number of US "
            "troops in Iraq to about 3,550, a spokesman said on Friday.",
            True,
        ),
        # the attack itself, as before
        (
            "Drones attack US troops' airfield near Erbil after rocket strike, two soldiers hurt",
            "Two drones struck an airfield housing US troops near Erbil before dawn, wounding two "
            "soldiers. About 3,100 US troops are in Iraq.",
            False,
        ),
    ],
)
def test_troops_sent_after_an_attack(title: str, summary: str, relevant: bool) -> None:
    assert judge(MATCHER, title, summary).relevant is relevant


def test_our_troops_leaving_somalia_are_elsewhere() -> None:
    """(the thirty-seventh set) Another theatre, with Iraq's level in one line."""
    summary = (
        "The last 450 US troops in Somalia have left Camp Dhagax Cad near Kismayo, US Africa "
        "Command said on Sunday. The Pentagon said the withdrawal was unrelated to US force "
        "posture in Iraq, where about 2,400 US troops remain under a separate timetable."
    )
    verdict = judge(MATCHER, "Last US troops leave Somalia base, ending mission early", summary)
    assert (verdict.relevant, verdict.reason) == (False, "about elsewhere")


def test_a_name_from_somalia_is_no_other_theatre() -> None:
    """(a review) "Somali-American", "born in Mogadishu": the withdrawal is still Iraq's."""
    summary = (
        "The lawmaker's bill would require all US troops to leave Iraq by September 2181, "
        "cutting the 2,400 there now."
    )
    for title in (
        "Somali-American lawmaker pushes bill to bring troops home",
        "Omar, born in Mogadishu, presses for US troop withdrawal",
    ):
        assert judge(MATCHER, title, summary).reason != "about elsewhere", title


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        # (the thirty-eighth set) a government's coalition is no force
        (
            "Iraqi electricity minister quits, pulls his bloc out of governing coalition",
            "The minister withdrew his bloc from the prime minister's governing coalition. "
            '"We are withdrawing from the coalition," he said.',
            False,
        ),
        (
            "Bộ trưởng Điện lực Iraq từ chức, rút khỏi liên minh cầm quyền",
            "Bộ trưởng tuyên bố rút khối của mình khỏi liên minh cầm quyền.",
            False,
        ),
        # a member named by its country, and US troops said "quân Mỹ" (not the embassy)
        (
            "Portugal to bring its engineers home from Iraq",
            "Portugal will withdraw its 90 army engineers from Iraq by the end of June.",
            True,
        ),
        (
            "Mỹ sẽ rời Baghdad sớm ba tháng",
            "Iraq và Mỹ nhất trí quân Mỹ sẽ rời trại Shams al-Dijla trước ngày 30/6.",
            True,
        ),
        (
            "Rocket rơi gần Đại sứ quán Mỹ ở Baghdad",
            "Nhiều quả rocket rơi gần Đại sứ quán Mỹ.",
            False,
        ),
        (
            "Rocket roi gan Dai su quan My o Baghdad",
            "Nhieu qua rocket roi gan Dai su quan My.",
            False,
        ),
    ],
)
def test_whose_leaving_it_is(title: str, summary: str, relevant: bool) -> None:
    assert judge(MATCHER, title, summary).relevant is relevant
