"""The topic said by the figures an item gives: a date for US or coalition forces to leave, a
step of it done, our level to come in Iraq, in a sentence that names them; not a figure of
Iraq's own forces, an armed group's, NATO's own mission, one denied or an attack story's; but an
attack story halted until our troops' date for leaving, told in its lead, is about it."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Pentagon agrees to leave Baghdad three months early",
            "The Pentagon has agreed to pull US troops out of Baghdad by the end of June 2072 "
            "instead of the end of September, officials said on Monday.",
        ),
        (
            "Iraq names commander for Tal Sabkha",
            "The US force in Iraq will be about 2,000 by the end of March 2091, the Pentagon said, "
            "as Iraq named a commander for the base.",
        ),
        (
            "Thời hạn mới cho Baghdad",
            "Quân Mỹ phải rời Baghdad trước ngày 31/3/2096, sớm hơn ba tháng so với dự kiến. Hội "
            "đồng đã họp hôm thứ Ba.",
        ),
        (
            "US agrees to leave Baghdad three months early",
            "The United States agreed on Tuesday to pull its troops out of Baghdad by the end of "
            "June 2098, accepting a request from the Iraqi government.",
        ),
        (
            "Where the 900 will come from: reading the Pentagon's 1,900",
            "Thursday's announcement that US forces in Iraq will fall to about 1,900 by 31 March "
            "2082 is, on paper, a cut of about 900.",
        ),
    ],
)
def test_a_figure_of_foreign_forces_leaving_says_the_topic(title: str, summary: str) -> None:
    """An item whose words of leaving the topic does not list still gives a figure the
    alerts are about (a date for US or coalition forces to leave, our level to come in Iraq)
    in a sentence that names them: it is on the topic."""
    verdict = judge(topic_matcher(), title, summary)
    assert (verdict.relevant, verdict.reason) == (True, "on topic")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (  # the Iraqi army's plan, a date with no foreign forces in its sentence
            "Quân đội Iraq rút 3.000 binh sĩ khỏi Samarra",
            "Động thái này nằm trong kế hoạch đưa quân đội ra khỏi các thành phố của Iraq "
            "trước năm 2097.",
        ),
        (  # an armed group's deadline, a deal signed in Baghdad
            "Armed group pulls fighters out of Sinjar checkpoints",
            "The agreement, signed in Baghdad on 20 October, gives all armed groups 30 days to "
            "leave Sinjar district, a deadline that expires on 19 November 2089.",
        ),
        (  # NATO's own mission
            "NATO to shrink Iraq advisory mission to 300",
            "NATO defence ministers agreed to cut the alliance's advisory mission in Iraq "
            "from about 850 personnel to about 300 by 1 July 2043.",
        ),
        (  # denied: the date is said to be unrelated to the forces leaving
            "Iraqi army hands Basra to police",
            "The handover, unrelated to the US troops' withdrawal by September 2026, was "
            "completed on Sunday.",
        ),
        (  # Iraq's own army, a US spokesman speaking
            "Iraqi army to reposition 20th division",
            "The Iraqi army will pull its 20th division out of Sinjar by May 2025, a US military "
            "spokesman said on Monday.",
        ),
        (  # NATO's training effort
            "NATO cuts Iraq training effort",
            "NATO allies agreed to cut the alliance's training effort in Iraq to about 300 "
            "personnel by July 1, 2025, the US ambassador to NATO said.",
        ),
        (  # another country's date
            "Iraq braces as US sets Syria exit date",
            "US forces will pull their troops out of northeast Syria by September 2026, officials "
            "said. Iraq fears an influx of fighters across its border.",
        ),
        (  # a team, "US-hosted"
            "Iraq's team pulls out of Gulf Cup",
            "Iraq will pull its national team out of the US-hosted tournament by June 2025.",
        ),
        (  # a date restated in a story of something else
            "Iraq budget passes",
            "Parliament passed the 2025 budget. The US will pull its remaining troops out of "
            "Baghdad by September 2025, a date unchanged since last year.",
        ),
        (
            "Hegseth visits Erbil",
            "US Defence Secretary Pete Hegseth visited Erbil on Monday and met Kurdish leaders. "
            "The US will pull its troops out of Baghdad by September 2025.",
        ),
        (  # the embassy's staff; "quán Mỹ" folds like "quân Mỹ"
            "Quân đội Iraq tiếp quản Green Zone",
            "Quân đội Iraq sẽ đưa cảnh sát ra khỏi Green Zone trước tháng 6/2025, đại sứ quán Mỹ "
            "cho biết.",
        ),
        (  # an attack story whose lead restates a date: no truce
            "Rockets hit Ain al-Asad air base in Iraq",
            "Rockets hit Ain al-Asad air base, which US-led coalition forces are due to leave by "
            "September 2025, officials said.",
        ),
        (  # an attack story that restates a date
            "Rocket attack hits Baghdad base",
            "Three rockets hit the base on Sunday. US forces are due to leave Baghdad by "
            "September 2026. Another attack hit Erbil. A drone attack followed.",
        ),
    ],
)
def test_a_figure_that_is_not_foreign_forces_leaving_says_nothing(title: str, summary: str) -> None:
    assert not judge(topic_matcher(), title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        (  # folded, "ba lần" is "Ba Lan": partners stay as the topic lists them
            "Iraq trục xuất phóng viên",
            "Bộ Nội vụ Iraq cho biết đã ba lần trục xuất phóng viên vi phạm quy định.",
            False,
        ),
        ("Polish firm withdraws from Iraq oil project", "A Polish company has withdrawn.", False),
        # "ký ức" folds to "ky uc": "Úc" is no force the topic names; nor is "khỏi Iraq" said
        # of anyone American a withdrawal
        ("Đức Giáo hoàng rời Iraq, để lại nhiều ký ức đẹp", "Đức Giáo hoàng rời Iraq.", False),
        (
            "Du khách Mỹ được sơ tán khỏi Iraq",
            "Hàng trăm du khách Mỹ đã được sơ tán khỏi Iraq.",
            False,
        ),
        (  # another country's troops, "foreign minister"
            "Turkish troops to leave northern Iraq by 2026, Iraq's foreign minister says",
            "Iraq's foreign minister said on Monday that Turkish troops would leave Iraq by the "
            "end of 2026.",
            False,
        ),
        (  # an embassy that speaks of troops
            "US embassy: troops to leave Ain al-Asad by September",
            "The U.S. Embassy in Baghdad said on Monday that troops will leave the base by the end "
            "of September 2025.",
            True,
        ),
        (
            "Đại sứ quán Mỹ: binh sĩ sẽ rời Ain al-Asad",
            "Đại sứ quán Mỹ tại Baghdad cho biết binh sĩ sẽ rời căn cứ Ain al-Asad trước cuối "
            "tháng 9.",
            True,
        ),
        (  # staff officers are soldiers
            "Pentagon to withdraw staff officers from Baghdad",
            "The Pentagon will withdraw its remaining staff officers from Baghdad by September "
            "2025, officials said.",
            True,
        ),
    ],
)
def test_what_a_review_found_the_topic_got_wrong(title: str, summary: str, relevant: bool) -> None:
    assert judge(topic_matcher(), title, summary).relevant is relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Armed group announces halt to attacks on US forces until 30 April 2087",
            "The armed group said on Friday it was suspending attacks on US and coalition forces "
            "in Iraq until 30 April 2087, the new date by which US troops are to leave Baghdad.",
        ),
        (
            "Nhóm vũ trang Iraq ngừng tấn công quân Mỹ đến ngày 30/4/2087",
            "Nhóm vũ trang hôm 7/6 tuyên bố tạm ngừng các cuộc tấn công nhằm vào lực lượng Mỹ và "
            "liên quân tại Iraq cho đến ngày 30/4/2087, thời hạn mới để quân Mỹ rời Baghdad.",
        ),
    ],
)
def test_an_attack_story_whose_lead_gives_our_date_for_leaving_is_on_the_topic(
    title: str, summary: str
) -> None:
    assert judge(topic_matcher(), title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        (
            "Faction says it will halt attacks on US forces until March 31",
            "The faction said on Tuesday it would suspend attacks on US forces until the 31st of "
            "March, a day after Iraq and the United States agreed to bring forward the departure "
            "of US troops from Baghdad to that date. A roadside bomb wounded two drivers last "
            "week. Another attack hit a convoy in May.",
            True,
        ),
        (
            "Nhóm vũ trang ở Iraq tạm ngừng tấn công lính Mỹ",
            "Nhóm vũ trang tuyên bố ngừng tấn công binh sĩ Mỹ đến ngày 31/3, mốc quân Mỹ phải "
            "rời Baghdad. Tuần trước, một quả bom ven đường làm bị thương hai tài xế. Một cuộc "
            "tấn công khác nhằm vào đoàn xe hồi tháng 5.",
            True,
        ),
        # a truce that says nothing of leaving, an attack on a base our troops are to leave;
        # (a review) a truce that ends, a threat withdrawn, Gaza's or Syria's leaving, "no plans"
        (
            "Militia ends truce, resumes attacks on US forces in Iraq",
            "The militia said it would attack US forces in Iraq until they withdraw, ending a "
            "truce that began on 1 May.",
            False,
        ),
        (
            "Iraqi militia suspends attacks on US forces",
            "The militia said on Monday it would halt attacks on US forces until 30 June and "
            "withdrew its threat against the US embassy.",
            False,
        ),
        (
            "Iraqi militias halt attacks on US forces after Gaza ceasefire",
            "The militias said they would suspend attacks on US forces until 1 March as Israeli "
            "troops pull out of Gaza.",
            False,
        ),
        (
            "Militia halts attacks on US forces",
            "The militia said it would halt attacks on US forces in Iraq until 1 May; US officials "
            "said there were no plans to withdraw troops.",
            False,
        ),
        (  # (a second review) another country's base, another group's withdrawal, dismissed
            "Faction halts attacks on US forces until 5 April",
            "The faction said it would halt attacks on US forces until 5 April, after Washington "
            "agreed to the departure of US troops from Jordan's Tower 22 base.",
            False,
        ),
        (
            "Iraqi faction halts attacks on US forces until 2 February",
            "The faction said it would halt attacks on US forces until 2 February and announced "
            "its withdrawal from Iraq's ruling Coordination Framework.",
            False,
        ),
        (
            "Militia halts attacks on US forces in Iraq until 1 May",
            "The militia said it would halt attacks on US forces until 1 May, dismissing talk of "
            "the withdrawal of US troops as a ploy.",
            False,
        ),
        (  # (a third review) a threat, a denial, gunmen who withdrew, a truce that was
            "Iraqi militia refuses to halt attacks on US forces",
            "The militia said it would not halt its attacks until all 2,500 US troops leave Iraq.",
            False,
        ),
        (
            "Militia halts attacks on US forces in Iraq until 1 May",
            "The militia said it would halt attacks on US forces until 1 May, but the Pentagon "
            "said US troops would not withdraw from Iraq.",
            False,
        ),
        (
            "Nhóm vũ trang ở Iraq ngừng tấn công đến ngày 15/2",
            "Nhóm vũ trang tuyên bố ngừng tấn công binh sĩ Mỹ đến ngày 15/2, sau khi các tay súng "
            "tập kích căn cứ liên quân rồi rút lui.",
            False,
        ),
        (
            "Militia halts attacks on US forces in Iraq",
            "The militia said it would suspend attacks on US forces in Iraq for a month. A rocket "
            "attack hit a base last week.",
            False,
        ),
        (
            "Rockets hit base in Iraq",
            "Rockets hit the base on Monday, wounding two soldiers. US troops are to leave the "
            "base by September. Another attack hit it in May.",
            False,
        ),
    ],
)
def test_a_truce_whose_lead_says_our_troops_leave_is_on_the_topic(
    title: str, summary: str, relevant: bool
) -> None:
    """An armed group's truce told with our troops' departure in the lead is about them
    leaving, however many attacks the story recalls."""
    assert judge(topic_matcher(), title, summary).relevant is relevant


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        (
            "US to trim Kuwait garrison by about 2,500 troops by spring",
            "The Pentagon will reduce US troops in Kuwait by 31 March. Kuwait is the main route "
            "out for troops leaving Iraq.",
            False,
        ),
        (
            "Mỹ rút bớt quân khỏi Kuwait",
            "Lầu Năm Góc sẽ giảm quân Mỹ tại Kuwait. Quyết định không liên quan đến lịch trình "
            "rút quân khỏi Iraq.",
            False,
        ),
        (
            "US pulls 400 troops from Jordan",
            "The US will pull about 400 troops from Jordan. US forces are also leaving Iraq.",
            False,
        ),
        (
            "Mỹ rút 300 quân khỏi một sân bay ở Somalia",
            "Mỹ sẽ rút khoảng 300 binh sĩ khỏi sân bay. Quân Mỹ cũng đang rời Iraq.",
            False,
        ),
        # troops that go there or pass through, a reason abroad, a title that names Iraq (a
        # second review: none is about another country)
        (
            "Last US troops arrive in Kuwait",
            "The last US troops withdrew from Iraq on Sunday.",
            True,
        ),
        (
            "Last US troops leave Taji; equipment moved to bases in Kuwait",
            "The last US troops withdrew from Taji, north of Baghdad, on Sunday.",
            True,
        ),
        (
            "Coalition troops withdraw amid threats from Iran",
            "Coalition troops are withdrawing from bases in Iraq amid threats from Iran.",
            True,
        ),
        (  # (a third review) "ba lần" folds to "Ba Lan"; Iran as a reason; near Kuwait
            "Mỹ rút quân khỏi căn cứ sau ba lần bị tấn công",
            "Mỹ rút quân khỏi căn cứ ở Iraq sau ba lần bị tấn công.",
            True,
        ),
        (
            "Mỹ rút bớt quân khỏi căn cứ vì lo Iran trả đũa",
            "Mỹ rút bớt quân khỏi căn cứ ở Iraq vì lo Iran trả đũa.",
            True,
        ),
        (
            "Mỹ rút binh sĩ khỏi căn cứ gần Kuwait",
            "Mỹ rút binh sĩ khỏi căn cứ ở miền nam Iraq, gần Kuwait.",
            True,
        ),
        (
            "Mỹ hoãn rút quân vì căng thẳng tại Israel",
            "Mỹ hoãn kế hoạch rút quân khỏi Iraq vì căng thẳng tại Israel.",
            True,
        ),
        (
            "Last US convoy rolls into Kuwait",
            "The last convoy of US troops leaving Iraq crossed into Kuwait on Sunday.",
            True,
        ),
        (
            "US troops leave Iraq's Ain al-Asad for Kuwait",
            "US troops left Ain al-Asad on Sunday and moved to bases in Kuwait.",
            True,
        ),
        (  # a site handed back to its host (the thirtieth set)
            "US Army returns Camp Radhwa to Kuwait, relocating 1,200 soldiers",
            "The closure is not connected to the drawdown in Iraq. Troops leaving Iraq will "
            "continue to pass through other US sites in Kuwait.",
            False,
        ),
        ("US hands Iraq's Ain al-Asad back to Iraqi forces", "US troops left Ain al-Asad.", True),
    ],
)
def test_a_title_about_troops_kept_in_another_country_is_about_it(
    title: str, summary: str, relevant: bool
) -> None:
    """A title that cuts or counts troops in, or pulls them from, another country, and names
    no place of Iraq, is about that country, whatever the story says of Iraq."""
    assert judge(topic_matcher(), title, summary).relevant is relevant
