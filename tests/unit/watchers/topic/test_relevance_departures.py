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
        # (the thirty-eighth set) US troops said "quân Mỹ", not the embassy or the consulate
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
        (
            "Mỹ rút bớt nhân viên lãnh sự quán Mỹ ở Erbil",
            "Bộ Ngoại giao yêu cầu nhân viên không thiết yếu rời Lãnh sự quán Mỹ tại Erbil.",
            False,
        ),
    ],
)
def test_whose_leaving_it_is(title: str, summary: str, relevant: bool) -> None:
    assert judge(MATCHER, title, summary).relevant is relevant


@pytest.mark.parametrize(
    ("title", "relevant"),
    [
        # (the thirty-eighth and thirty-ninth sets) a host country's base left: elsewhere
        ("US troops leave Jordan's Harrat al-Nimr base, move air defenses to Kuwait", False),
        ("US troops leave Kuwait's Camp Dunmore as Army consolidates Gulf bases", False),
        # not troops leaving Iraq for those countries
        ("US troops leave Iraq for Kuwait", True),
        ("Last US troops leave Iraq, cross into Kuwait's desert", True),
    ],
)
def test_a_host_countrys_base(title: str, relevant: bool) -> None:
    """(the thirty-eighth and thirty-ninth sets; a review) a host country's base left, the
    lead not naming Iraq."""
    summary = (
        "US troops completed their withdrawal from the base, the Pentagon said. It has no "
        "bearing on Iraq."
    )
    if relevant:
        summary = "The last US troops left Iraq for Kuwait on Friday, the Pentagon said."
    assert judge(MATCHER, title, summary).relevant is relevant


def test_the_last_troops_out_of_iraq_flying_home_from_kuwait() -> None:
    """(a review) the lead names Iraq: the withdrawal's last act, not Kuwait's."""
    summary = "The last US troops withdrawn from Iraq flew home from Kuwait on Monday."
    assert judge(MATCHER, "US troops leave Kuwait's Camp Buehring for home", summary).relevant
