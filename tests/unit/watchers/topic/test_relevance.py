"""Relevance beyond the topic's words: an item's focus and attack stories (topic.relevance)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.quality import topic_matcher
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import Groups, judge

TOPIC = Topic(
    groups={
        "iraq": ("Iraq*", "Ain al-Asad"),
        "withdrawal": ("rút quân", "withdraw*", "end the mission"),
        "elsewhere": ("Syria*", "Afghanistan"),
        "attack": ("rocket*", "tấn công"),
    },
    required=("iraq", "withdrawal"),
)
MATCHER = Matcher(TOPIC)
EDGES = Path(__file__).resolve().parents[3] / "data" / "topic_edges.json"


def test_an_item_without_the_required_terms_is_not_relevant() -> None:
    """The matcher's verdict comes first: no leaving term, not relevant."""
    verdict = judge(MATCHER, "Iraq holds elections", "Voters in Iraq went to the polls.")
    assert (verdict.relevant, verdict.reason) == (False, "missing terms")


def test_an_item_about_leaving_iraq_is_relevant() -> None:
    """Iraq and leaving in the title: relevant, whatever else the summary says."""
    verdict = judge(
        MATCHER,
        "Mỹ rút quân khỏi Iraq",
        "Liên quân rút quân khỏi Iraq. Trước đó, căn cứ từng bị tấn công. Syria cũng vậy.",
    )
    assert (verdict.relevant, verdict.reason) == (True, "on topic")
    assert "rút quân" in verdict.matched


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Quân đội Mỹ tiếp tục rút quân khỏi Syria", "Lực lượng Mỹ rời Syria và chuyển sang Iraq."),
        (
            "",
            "US troops will withdraw from Syria. They will cross into Iraq. Syria's army took the "
            "bases. Washington plans to leave Syria within two months.",
        ),
    ],
)
def test_an_item_about_another_theatre_is_not_relevant(title: str, summary: str) -> None:
    """A title naming Syria and not Iraq, or a summary naming Syria more often, is elsewhere."""
    verdict = judge(MATCHER, title, summary)
    assert (verdict.relevant, verdict.reason) == (False, "about elsewhere")


def test_an_item_naming_both_theatres_equally_stays_relevant() -> None:
    """ "4,500 troops in Afghanistan and 3,000 in Iraq" is about both."""
    summary = (
        "The US will withdraw troops from Afghanistan. It will also withdraw troops from Iraq. "
        "There are 4,500 troops in Afghanistan and 3,000 in Iraq."
    )
    assert judge(MATCHER, "", summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Rockets hit Iraqi base",
            "Rockets hit Ain al-Asad. Iraq's parliament voted to withdraw US troops in 2020.",
        ),
        (
            "",
            "Tên lửa tấn công căn cứ Ain al-Asad ở Iraq. Vụ tấn công không gây thương vong. "
            "Các nhóm vũ trang kêu gọi Mỹ rút quân.",
        ),
    ],
)
def test_an_attack_story_is_not_relevant(title: str, summary: str) -> None:
    """An attack in the title without leaving, or attacks in more sentences than leaving."""
    verdict = judge(MATCHER, title, summary)
    assert (verdict.relevant, verdict.reason) == (False, "attack story")


def test_without_the_optional_groups_the_matcher_decides() -> None:
    """A topic with only the required groups: ``judge`` agrees with ``Matcher.match``."""
    bare = Matcher(
        Topic(
            groups={k: TOPIC.groups[k] for k in ("iraq", "withdrawal")},
            required=("iraq", "withdrawal"),
        )
    )
    title, summary = "Rockets hit Syria", "US troops withdraw from Syria to Iraq."
    assert judge(bare, title, summary).relevant == bare.match(title, summary).relevant is True
    place_only = Matcher(Topic(groups={"iraq": ("Iraq",)}, required=("iraq",)))
    assert judge(place_only, "Iraq", "").relevant  # no words of leaving at all


def test_the_group_names_can_be_chosen() -> None:
    """``Groups`` names the topic's groups the rules use."""
    groups = Groups(place="iraq", leaving="withdrawal", elsewhere="none", attack="none")
    assert judge(MATCHER, "Rockets hit Syria", "Withdraw from Iraq.", groups).relevant


def test_the_shipped_topic_has_the_groups_the_rules_use() -> None:
    """config.toml defines the groups the rules read (without "leaving" or "forces" the rule
    of words said of forces would switch itself off, without "troops" that of plainer ones)."""
    shipped = set(topic_matcher().topic.groups)
    groups = {"iraq", "withdrawal", "leaving", "forces", "departing", "troops", "elsewhere"}
    assert groups | {"attack"} <= shipped


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Iraqi leaders demand a timetable",
            "Iraq's prime minister demanded that coalition troops withdraw swiftly. "
            "US rockets struck militia bases. A drone hit a base. Rocket fire was reported.",
        ),
        (
            "",
            "Thủ tướng Iraq yêu cầu liên quân rút quân nhanh chóng. Tên lửa tấn công căn cứ. "
            "Vụ tấn công thứ hai xảy ra hôm sau. Các cuộc tấn công tiếp diễn.",
        ),
    ],
)
def test_a_story_whose_lead_is_about_leaving_is_no_attack_story(title: str, summary: str) -> None:
    """Attacks in more sentences than leaving, but the lead demands leaving: on topic."""
    verdict = judge(MATCHER, title, summary)
    assert (verdict.relevant, verdict.reason) == (True, "on topic")


def test_a_lead_naming_an_attack_and_leaving_does_not_save_an_attack_story() -> None:
    """The counter-example: the lead is about the attack, leaving is recalled in passing."""
    summary = (
        "Rockets hit Ain al-Asad as Iraq debates whether US troops should withdraw. "
        "A second rocket attack followed. Rocket fire hit Iraq again."
    )
    verdict = judge(MATCHER, "Rockets hit Iraqi base", summary)
    assert (verdict.relevant, verdict.reason) == (False, "attack story")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("US-led coalition has left Ain al-Asad", "Coalition forces have left the base in Iraq."),
        ("Troops leaving shortly", "US troops are leaving shortly from Iraq, officials said."),
        (
            "Talks on the end of the coalition",
            "Iraq and the US held talks on the end of the coalition.",
        ),
        ("Mission scaled back", "The US mission in Iraq was scaled back this year."),
        ("A smaller footprint", "The US will keep a smaller footprint in Iraq."),
        ("Liên quân rời căn cứ Ain al-Asad", "Liên quân rời căn cứ ở Iraq."),
        ("Mỹ thu hẹp quy mô", "Mỹ thu hẹp quy mô nhiệm vụ tại Iraq."),
        ("Kết thúc liên minh", "Iraq và Mỹ bàn về việc kết thúc liên minh quốc tế."),
        ("Pentagon lowers Iraq troop cap to 1,250", "The Pentagon lowered its limit on Monday."),
        ("New troop ceilings for Iraq", "The Pentagon set new limits on Monday."),
        ("Denmark to bring its troops home", "Denmark will withdraw its last troops from Iraq."),
        ("Đan Mạch rút quân", "Đan Mạch sẽ rút những binh sĩ cuối cùng khỏi Iraq."),
        ("Iraq hẹn ngày lấy lại căn cứ", "Khi đó sẽ không còn lính Mỹ nào ở Anbar, Iraq."),
        ("Inside the Joint Security Dialogue", "The US-Iraqi security dialogue opens in Baghdad."),
        ("US to quit Baghdad camp", "US-led coalition forces will leave Camp Nakhla in Baghdad."),
        ("", "The vote bars the Pentagon from using funds to reduce US forces in Iraq."),
        (
            "Mỹ - Iraq chốt ngày rời Baghdad",
            "Liên quân do Mỹ dẫn đầu sẽ rời trại Nakhla ở Baghdad.",
        ),
        (
            "US draft would halve Iraq force",
            "The United States would cut its troops there to 1,100 by leaving two bases.",
        ),
        ("NATO shrinks its Iraq mission", "NATO is shrinking its Iraq contingent to 300."),
        ("Iraq tiếp quản căn cứ không quân từ liên quân", "Sĩ quan Iraq sẽ điều hành."),
        ("Iraq đặt mốc cho liên quân", "Iraq muốn sứ mệnh của liên quân kết thúc vào năm 2030."),
        ("Thủ tướng Iraq ra hạn", "Sẽ không còn người lính nước ngoài nào ở Iraq sau ngày 31/8."),
        ("Mỹ rút binh sĩ khỏi Iraq", "Mỹ đã rút 500 binh sĩ khỏi căn cứ ở Baghdad."),
        ("Liên quân rút lực lượng", "Liên quân đã rút lực lượng khỏi căn cứ ở Iraq."),
        # "rút binh sĩ" says it on its own, whoever decides (a member, the president)
        ("Anh rút binh sĩ khỏi Iraq", "Quyết định được đưa ra hôm thứ Hai."),
        ("Ông Trump ra lệnh rút binh sĩ khỏi Iraq", "Quyết định được đưa ra hôm thứ Hai."),
        # the leaving is not what is called unrelated to something else
        (
            "US troops leaving Iraq unrelated to Iran tensions",
            "The withdrawal of US troops from Iraq is unrelated to the tensions with Iran.",
        ),
        (
            "Mỹ rút quân khỏi Iraq",
            "Việc Mỹ rút quân khỏi Iraq không liên quan đến căng thẳng với Iran.",
        ),
        (
            "Ain al-Asad",
            "The move, which officials said was not linked to the Gaza war, means US forces will"
            " leave Ain al-Asad by September.",
        ),
    ],
)
def test_the_shipped_topic_knows_how_outlets_write_leaving(title: str, summary: str) -> None:
    assert judge(topic_matcher(), title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Storm in Iraq", "The storm has left 20 dead in Iraq."),
        ("Iraq's prime minister travels", "Iraq's prime minister left for Paris on Monday."),
        ("Giá dầu Iraq", "Iraq rời khỏi cuộc họp OPEC sớm hơn dự kiến."),
        ("US ambassador leaves Baghdad", "The US ambassador to Iraq left Baghdad on Monday."),
        ("Air Force cap for Iraq veterans", "Veterans in Baghdad got an Air Force cap."),
        ("Denmark's team leaves Iraq", "Denmark's football team left Baghdad on Monday."),
        ("Iraqi troops leave Sinjar", "Iraqi troops leave Sinjar after a deal with the Kurds."),
        ("US envoy leaves Baghdad", "The US ambassador leaves Baghdad; embassy staff stay."),
        ("US and Iraq to reduce tariffs", "Baghdad and the US will reduce tariffs on grain."),
        ("US envoy leaving Baghdad", "The United States ambassador is leaving Baghdad."),
        ("Iraqi troops leaving Sinjar", "Iraqi troops are leaving Sinjar for Mosul."),
        ("Washington cuts aid", "The United States will cut military aid to Iraq's forces."),
        ("Mỹ cắt giảm viện trợ", "Mỹ cắt giảm viện trợ quân sự cho lực lượng an ninh Iraq."),
        ("Sân bay Baghdad", "Lực lượng Iraq tiếp quản an ninh sân bay Baghdad từ công ty Mỹ."),
        # the Iraqi army leaving a city, said to be unrelated to the foreign forces' departure
        (
            "Iraqi army pulls out of Basra city centre",
            "The Iraqi army withdrew its troops from the centre of Basra on Sunday. The pullback"
            " is unrelated to the departure of US and coalition forces.",
        ),
        (
            "Quân đội Iraq rút khỏi trung tâm Basra",
            "Quân đội Iraq hôm Chủ nhật đã rút binh sĩ khỏi trung tâm thành phố Basra. Việc này"
            " không liên quan đến tiến trình rút quân Mỹ và liên quân.",
        ),
        (
            "Iraqi army withdraws from Basra city centre",
            "Iraqi army troops withdrew from the centre of Basra on Monday. No coalition troops"
            " are based in Basra, and officials said the handover was not connected with the US"
            " withdrawal from Iraq.",
        ),
        # words that say it on their own, in a sentence that names only Iraq's own forces
        ("Basra", "Quân đội Iraq hôm Chủ nhật đã rút binh sĩ khỏi trung tâm thành phố Basra."),
    ],
)
def test_leaving_words_about_other_things_are_not_the_topic(title: str, summary: str) -> None:
    assert not judge(topic_matcher(), title, summary).relevant


SAID_OF = Topic(
    groups={
        "iraq": ("Iraq*", "Baghdad"),
        "withdrawal": ("combat mission", "drawdown"),
        "leaving": ("withdraw*", "rút khỏi", "rời Iraq"),
        "forces": ("US", "coalition*", "Mỹ", "liên quân"),
        "elsewhere": ("Syria*", "Gaza"),
        "attack": ("rocket*",),
    },
    required=("iraq", "withdrawal"),
)


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        ("US troops withdraw from Iraqi bases", "The move was announced on Monday.", True),
        ("Iraq sets out plans", "The coalition will withdraw from Baghdad next year.", True),
        ("Mỹ rút khỏi căn cứ ở Iraq", "", True),
        ("Iraq withdraws from West Asian Championship", "The team cited injuries.", False),
        ("Iraqi army withdraws from Sinjar", "US officials were not involved.", False),
        ("Quân đội Iraq rút khỏi Sinjar", "Giao tranh kéo dài hai ngày.", False),
        ("Đức Giáo hoàng rời Iraq sau chuyến thăm", "", False),
        ("US ends combat mission in Iraq", "", True),  # a word that says it on its own
        ("Iraq withdraws from Gulf Cup", "'A sad day for us,' the coach said.", False),
    ],
)
def test_a_word_of_leaving_said_of_other_things_counts_with_forces(
    title: str, summary: str, relevant: bool
) -> None:
    """ "withdraw", "rút khỏi", "rời Iraq" are the topic's leaving only in a title or sentence
    that names the US, the coalition or foreign forces: "US officials" in another sentence do
    not count, nor the pronoun "us"."""
    assert judge(Matcher(SAID_OF), title, summary).relevant is relevant


@pytest.mark.parametrize(
    "title",
    ["Mỹ rút khỏi Syria, chuyển sang Iraq", "US troops leave Syrian bases, withdraw into Iraq"],
)
def test_leaving_another_theatre_for_iraq_is_about_that_theatre(title: str) -> None:
    verdict = judge(Matcher(SAID_OF), title, "")
    assert (verdict.relevant, verdict.reason) == (False, "about elsewhere")


@pytest.mark.parametrize(
    "title",
    [
        "US to withdraw from Syria and from Iraq",
        "Coalition combat mission in Iraq to end in 2025, troops to leave Syria in 2026",
    ],
)
def test_leaving_both_theatres_is_on_topic(title: str) -> None:
    assert judge(Matcher(SAID_OF), title, "").relevant


def test_a_word_of_a_longer_keyword_found_is_not_shown_again() -> None:
    verdict = judge(topic_matcher(), "Mỹ sẽ rời Iraq", "Hàng trăm binh sĩ Mỹ sẽ rời Iraq.")
    assert verdict.relevant
    assert "rời Iraq" in verdict.matched
    assert "rời" not in verdict.matched


def test_the_shipped_topic_on_its_edges_does_not_regress() -> None:
    """The shipped topic on headlines and leads written to test its edges (both languages,
    with and without diacritics; ``tests/data/topic_edges.json``): the items it gets wrong
    today are listed, and no other may go wrong (a ratchet: mend one, drop it from the list)."""
    data = json.loads(EDGES.read_text(encoding="utf-8"))
    matcher = topic_matcher()
    wrong = [
        n
        for n, item in enumerate(data["items"])
        if judge(matcher, item["title"], item["lead"]).relevant != (item["label"] == "on")
    ]
    assert wrong == data["known_wrong"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "CENTCOM chief tells senators US force in Iraq will be about 1,600 by end of June",
            "The US force in Iraq will be down to about 1,600 troops by the end of June, the "
            "commander told senators. A rocket attack killed a soldier last week. Another "
            "attack hit the base in March.",
        ),
        (
            "Mỹ dự kiến còn 1.600 quân ở Iraq vào giữa năm",
            "Tư lệnh Bộ Chỉ huy Trung tâm Mỹ cho biết con số này được đưa ra trước Thượng viện.",
        ),
        ("US has about 2,500 troops in Iraq, Pentagon says", "The Pentagon gave the figure."),
        (
            "US leaves Iraq's Umm Rabia base early, troop count down to 2,300",
            "The United States handed the base to Iraqi forces on Sunday.",
        ),
    ],
)
def test_a_title_that_counts_our_troops_in_iraq_is_on_topic(title: str, summary: str) -> None:
    """Troop numbers in Iraq are the topic, said with no word of leaving: a title that gives
    the US's or the coalition's level there, now or to come, even beside an attack's story."""
    verdict = judge(topic_matcher(), title, summary)
    assert (verdict.relevant, verdict.reason) == (True, "on topic")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Rocket attack on Iraq base housing 2,500 US troops", "Rockets hit a base in Iraq."),
        (
            "Base housing 2,500 US troops in Iraq comes under fire",
            "Three rockets struck Ain al-Asad air base. It was the third attack this week.",
        ),
        ("Iran-backed militia targets 2,500 US troops in Iraq", "The group launched drones."),
        ("2007 surge: 170,000 US troops in Iraq", "A look back at the surge."),
        ("Năm 2007, Mỹ có 170.000 quân ở Iraq", "Nhìn lại cuộc chiến."),
        ("Iraq election: 2,500 US troops in Iraq loom over vote", "Iraqis voted on Sunday."),
        ("2,500 US troops in Iraq face heat wave", "Temperatures passed 50C in Baghdad."),
        ("US troops in Syria rise to 2,000", "The Pentagon sent more troops to Syria."),
        ("Iraq's army has 300,000 soldiers", "Iraq's defence ministry gave the figure."),
        (
            "In 2019 the US had 5,200 troops in Iraq",
            "A look back at the US presence in Iraq before the pandemic.",
        ),
    ],
)
def test_a_count_in_an_attack_title_elsewhere_another_army_s_or_past_is_not(
    title: str, summary: str
) -> None:
    assert not judge(topic_matcher(), title, summary).relevant
