"""Troop counts and deadlines read from articles: behaviour, the seed golden files, the replay."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime

import pytest

from tests.quality import deadline_key, load_articles, seed_names, troop_key
from watchers.figures import Deadline, TroopCount, detect_lang, extract, publication_day
from watchers.figures.track import read_figures


def _troops(
    body: str, published: date = date(2024, 9, 7), title: str = ""
) -> set[tuple[str, str, str, int]]:
    return {troop_key(t) for t in extract(title, body, published=published).troop_counts}


def _deadlines(
    body: str, published: date = date(2024, 9, 7), title: str = ""
) -> set[tuple[str, str, str]]:
    return {deadline_key(d) for d in extract(title, body, published=published).deadlines}


# --- troop counts ------------------------------------------------------------------------


def test_a_number_with_a_troop_noun_nationality_and_place_is_a_count() -> None:
    """'khoảng 2.500 binh sĩ Mỹ ... ở Iraq' is 2500 US troops in Iraq, approximately."""
    figures = extract("", "Có khoảng 2.500 binh sĩ Mỹ được triển khai ở Iraq.", published=None)
    assert figures.troop_counts == (
        TroopCount(
            "US",
            "Iraq",
            "current",
            2500,
            True,
            "Có khoảng 2.500 binh sĩ Mỹ được triển khai ở Iraq.",
        ),
    )


def test_two_counts_in_one_sentence_keep_their_own_places() -> None:
    """'900 quân nhân ở Syria và 2.500 binh sĩ ở Iraq' gives one count per place."""
    assert _troops("Mỹ hiện có 900 quân nhân ở Syria và 2.500 binh sĩ ở Iraq.") == {
        ("US", "Syria", "current", 900),
        ("US", "Iraq", "current", 2500),
    }


def test_a_total_and_its_part_are_both_counts() -> None:
    """'3.500 binh lính nước ngoài ..., trong đó có 2.500 lính Mỹ' is foreign 3500 and US 2500."""
    body = "Hiện có khoảng 3.500 binh lính nước ngoài đồn trú tại Iraq, trong đó có 2.500 lính Mỹ."
    assert _troops(body) == {("foreign", "Iraq", "current", 3500), ("US", "Iraq", "current", 2500)}


def test_a_drop_from_one_level_to_another_is_current_and_planned() -> None:
    """'will drop from about 5,200 to 3,000' is a current 5200 and a planned 3000."""
    body = "The number of American troops in Iraq will drop this month from about 5,200 to 3,000."
    assert _troops(body, date(2020, 9, 9)) == {
        ("US", "Iraq", "current", 5200),
        ("US", "Iraq", "planned", 3000),
    }


def test_an_elided_count_takes_the_noun_of_the_one_before() -> None:
    """'2,500 troops in Iraq and 900 in neighboring Syria' is two counts."""
    body = "Washington has approximately 2,500 troops in Iraq and 900 in neighboring Syria."
    assert _troops(body) == {("US", "Iraq", "current", 2500), ("US", "Syria", "current", 900)}


@pytest.mark.parametrize(
    "body",
    [
        "Các cuộc tấn công đã khiến 3 binh sĩ Mỹ thiệt mạng ở Iraq.",
        "The attack killed three US service members in Iraq.",
        "Tổng thống Biden cam kết gửi 500.000 liều vaccine tới Iraq.",
        "Chỉ còn 42 ngày nữa là thời hạn chót Mỹ rút quân khỏi Iraq.",
        "Mỹ triển khai quân đội tại Iraq sau hơn 18 năm.",
        "Với hàng trăm binh sĩ Mỹ sẽ rời Iraq.",
        "Mỹ sẽ rút hơn 2.000 binh sĩ khỏi Iraq.",
        "Biden will withdraw 2,500 troops from Afghanistan by September 11.",
        "Mỹ hiện duy trì 3.400 binh sĩ ở Syria và Iraq.",
        "The Iraqi army has 300,000 soldiers.",
    ],
)
def test_not_troop_counts(body: str) -> None:
    """Casualties, doses, days, years, vague amounts, withdrawals, other countries and
    figures for two places at once are not troop counts."""
    assert _troops(body) == set()


def test_withdrawing_all_of_them_or_none_tells_the_count() -> None:
    """'rút toàn bộ khoảng 1.000 binh sỹ' and 'không có kế hoạch rút 2.500 binh sĩ' are counts."""
    assert _troops("Washington lên kế hoạch rút toàn bộ khoảng 1.000 binh sỹ khỏi Syria.") == {
        ("US", "Syria", "current", 1000)
    }
    assert _troops("Lầu Năm Góc không có kế hoạch rút khoảng 2.500 binh sĩ khỏi Iraq.") == {
        ("US", "Iraq", "current", 2500)
    }


def test_withdrawing_the_troops_present_somewhere_tells_the_count() -> None:
    """'withdraw some 5,000 U.S. troops present in ... Iraq' is the force there, not a cut."""
    body = "The aim is to get the U.S. to withdraw some 5,000 U.S. troops present in Iraq."
    assert _troops(body, date(2020, 1, 5)) == {("US", "Iraq", "current", 5000)}


def test_a_cut_of_the_force_to_a_level_is_planned() -> None:
    """'cut its force in Iraq to fewer than 2,000' is a planned level without a troop noun."""
    body = "Washington plans to cut its force in Iraq to fewer than 2,000 by 2026."
    assert _troops(body) == {("US", "Iraq", "planned", 2000)}


def test_a_count_once_reported_is_past() -> None:
    """'từng cho biết ... 250 - 350 cố vấn' is a past range, kept with its lower bound."""
    (count,) = extract(
        "",
        "Thủ tướng từng cho biết khoảng từ 250 - 350 cố vấn Mỹ ở lại Ain al-Asad.",
        published=None,
    ).troop_counts
    assert (count.where, count.status, count.value, count.low, count.approx) == (
        "Ain al-Asad",
        "past",
        350,
        250,
        True,
    )


def test_a_count_without_a_place_takes_the_place_the_article_is_about() -> None:
    """In an article about Iraq, 'the estimated 5,200 U.S. troops' are in Iraq."""
    body = (
        "Iraq's parliament voted on Sunday. "
        "A pullout of the estimated 5,200 U.S. troops could cripple the battle."
    )
    assert _troops(body, date(2020, 1, 5)) == {("US", "Iraq", "current", 5200)}


def test_troop_count_keys_separate_status() -> None:
    """The current count's key has no suffix; other statuses are part of the key."""
    current = TroopCount("US", "Iraq", "current", 2500, True, "q")
    planned = TroopCount("US", "Iraq", "planned", 3000, False, "q")
    assert (current.key, planned.key) == ("troops/US/Iraq", "troops/US/Iraq/planned")


# --- deadlines ------------------------------------------------------------------------------


def test_end_of_combat_mission_by_year_end() -> None:
    """'kết thúc nhiệm vụ chiến đấu ... vào cuối năm 2021' is the combat-mission deadline."""
    body = (
        "Hai bên đạt thỏa thuận kết thúc nhiệm vụ chiến đấu của quân đội Mỹ ở Iraq "
        "vào cuối năm 2021."
    )
    assert _deadlines(body, date(2021, 7, 27)) == {
        ("deadline/US combat mission ends in Iraq", "2021", "year-end")
    }


def test_relative_deadline_resolves_from_publication() -> None:
    """'hạn chót vào ngày 31-12 năm nay' in a 2021 article is 2021-12-31."""
    body = "Lực lượng chiến đấu Mỹ sẽ rút khỏi Iraq, hạn chót vào ngày 31-12 năm nay."
    assert _deadlines(body, date(2021, 11, 21)) == {
        ("deadline/US combat mission ends in Iraq", "2021-12-31", "day")
    }


def test_each_date_takes_the_verb_and_place_before_it() -> None:
    """'hundreds leave by September 2025, the rest by the end of 2026' is two deadlines."""
    body = (
        "It is planned to withdraw hundreds of troops by September 2025, "
        "and the rest by the end of 2026."
    )
    assert _deadlines(body) == {
        ("deadline/first coalition troops leave Iraq", "2025-09", "month"),
        ("deadline/coalition leaves Iraq", "2026", "year-end"),
    }


def test_a_base_named_with_its_region_is_the_base() -> None:
    """'ở lại Irbil, thuộc khu vực ... Kurdistan cho đến cuối năm 2026' is about Erbil."""
    body = (
        "Quân đội Mỹ sẽ ở lại Irbil, thuộc khu vực bán tự trị Kurdistan "
        "cho đến khoảng cuối năm 2026."
    )
    assert _deadlines(body) == {("deadline/coalition leaves Erbil", "2026", "year-end")}


def test_mission_end_in_two_places_is_two_deadlines() -> None:
    """'end the missions ... in Baghdad and Anbar province this September' names both bases."""
    body = (
        "Iraq will end the missions of coalition advisors in Baghdad and Anbar province "
        "this September."
    )
    assert _deadlines(body, date(2025, 9, 7)) == {
        ("deadline/coalition mission ends in Baghdad", "2025-09", "month"),
        ("deadline/coalition mission ends in Ain al-Asad", "2025-09", "month"),
    }


@pytest.mark.parametrize(
    "body",
    [
        "Giai đoạn đầu của quá trình rút quân sẽ kết thúc trước cuộc bầu cử vào tháng 10-2025.",
        "Quân Mỹ rút khỏi Iraq năm 2011 nhưng đã trở lại vào năm 2014.",
        "Biden will withdraw all US troops from Afghanistan by Sept. 11.",
        "Iraq held talks with the United States on 25 January about the coalition.",
    ],
)
def test_not_deadlines(body: str) -> None:
    """Election dates, past events, 'at least' dates, other countries and meetings are not
    deadlines."""
    assert _deadlines(body, date(2024, 9, 7)) == set()


def test_deadline_key_and_last_day() -> None:
    """A deadline's key names what it is for; its last day compares precisions."""
    d = Deadline("coalition leaves Erbil", "2026", "year-end", "q")
    assert d.key == "deadline/coalition leaves Erbil"
    assert d.last_day == date(2026, 12, 31)


# --- the article as a whole -----------------------------------------------------------------


def test_detects_language() -> None:
    """Vietnamese letters make a text Vietnamese; plain English is English."""
    assert detect_lang("Mỹ rút quân khỏi Iraq vào cuối năm") == "vi"
    assert detect_lang("US troops will leave Iraq by the end of 2026") == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "My rut quan khoi Iraq. Bo truong Quoc phong My cho biet cac binh si My se rut khoi "
            "can cu trong thang 9, va khoang 2.000 quan nhan se o lai theo thoa thuan voi Iraq.",
            "vi",
        ),
        (
            "Lien quan tai Iraq con khoang 980 binh si. Nguoi phat ngon lien quan cho biet so "
            "quan cua cac nuoc doi tac giam sau khi Australia rut quan ve nuoc.",
            "vi",
        ),
        ("My rut quan khoi can cu o Iraq truoc cuoi nam", "vi"),
        ("My ket thuc cuoc chien chong IS tai Iraq, quan My se rut khoi Iraq trong nam", "vi"),
        # English that names Vietnam, Vietnamese names, "Va." (a review): English
        (
            "Photos: Spc. Linh Tran, Sgt. Quan Nguyen, Pfc. Binh Le, Va. Guard, leave Al-Asad, "
            "Iraq",
            "en",
        ),
        (
            "Nguyen Van An, a Vietnamese analyst in Hanoi, said the US troops in Iraq will leave "
            "by the end of the year and that the coalition is winding down its mission.",
            "en",
        ),
        ("US to cut troops in Iraq, Pentagon says", "en"),
    ],
)
def test_vietnamese_without_diacritics_is_vietnamese(text: str, lang: str) -> None:
    """Written without diacritics, Vietnamese words (four at least) far more than English ones
    make a text Vietnamese: its stories pair it with Vietnamese reports, its days count in
    Hanoi."""
    assert detect_lang(text) == lang


def test_decomposed_input_gives_the_same_figures_with_exact_quotes() -> None:
    """NFD text yields the same figures, and quotes are substrings of the NFD input."""
    body = "Có khoảng 2.500 binh sĩ Mỹ ở Iraq. Mỹ sẽ rút quân khỏi Iraq vào cuối năm 2026."
    decomposed = unicodedata.normalize("NFD", body)
    composed = extract("", body, published=date(2024, 9, 7))
    figures = extract("", decomposed, published=date(2024, 9, 7))
    assert {troop_key(t) for t in figures.troop_counts} == {
        troop_key(t) for t in composed.troop_counts
    }
    assert {deadline_key(d) for d in figures.deadlines} == {
        deadline_key(d) for d in composed.deadlines
    }
    for quote in [t.quote for t in figures.troop_counts] + [d.quote for d in figures.deadlines]:
        assert quote in decomposed


def test_a_figure_repeated_is_reported_once() -> None:
    """The same count stated twice appears once, with its first quote."""
    body = "Mỹ có 2.500 binh sĩ ở Iraq. Hiện 2.500 binh sĩ Mỹ vẫn ở Iraq."
    figures = extract("", body, published=None)
    assert len(figures.troop_counts) == 1
    assert figures.troop_counts[0].quote == "Mỹ có 2.500 binh sĩ ở Iraq."


def test_json_has_the_fields_the_cli_prints() -> None:
    """to_json gives the troop_counts and deadlines fields of `drawdown analyze --json`."""
    figures = extract(
        "",
        "Mỹ sẽ rút quân khỏi Iraq vào cuối năm 2026. Có 2.500 binh sĩ Mỹ ở Iraq.",
        published=date(2024, 9, 7),
    )
    data = figures.to_json()
    assert set(data) == {"troop_counts", "deadlines"}
    assert set(data["troop_counts"][0]) == {"who", "where", "status", "value", "approx", "quote"}
    assert set(data["deadlines"][0]) == {"what", "date", "precision", "quote"}
    json.dumps(data, ensure_ascii=False)


# --- the seeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", seed_names())
def test_seed_gives_exactly_its_golden_figures(name: str) -> None:
    """Each seed yields exactly the figures in its golden file, quotes containing the labels'
    (skipped where the seeds are absent: they are other outlets' writing)."""
    (article,) = [a for a in load_articles(("seeds",)) if a.name == name]
    figures = extract(article.title, article.body, published=article.published)
    expected = article.expected
    got_troops = {troop_key(t): t for t in figures.troop_counts}
    got_deadlines = {deadline_key(d): d for d in figures.deadlines}
    assert set(got_troops) == {troop_key(t) for t in expected["troop_counts"]}
    assert set(got_deadlines) == {deadline_key(d) for d in expected["deadlines"]}
    for label in expected["troop_counts"]:
        got = got_troops[troop_key(label)]
        assert got.approx == label["approx"]
        assert label["quote"] in got.quote
    for label in expected["deadlines"]:
        assert label["quote"] in got_deadlines[deadline_key(label)].quote
    for quote in [t.quote for t in figures.troop_counts] + [d.quote for d in figures.deadlines]:
        assert quote in article.text


def test_replaying_the_seeds_changes_only_the_withdrawal_timetable() -> None:
    """In publication order the US count in Iraq never changes, the 2021 combat-mission
    deadline is restated (end of 2021 = 31-12-2021), and the 2024 agreement brings the
    September 2025 and end-of-2026 deadlines."""
    ledger: dict[str, object] = {}
    changes: list[tuple[str, object, object]] = []
    for article in sorted(load_articles(("seeds",)), key=lambda a: a.published):
        figures = extract(article.title, article.body, published=article.published)
        for key, value in [
            *((t.key, t.value) for t in figures.troop_counts),
            *((d.key, d.last_day) for d in figures.deadlines),
        ]:
            if key in ledger and ledger[key] != value:
                changes.append((key, ledger[key], value))
            ledger[key] = value
    assert changes == []
    assert ledger["troops/US/Iraq"] == 2500
    assert ledger["deadline/US combat mission ends in Iraq"] == date(2021, 12, 31)
    assert ledger["deadline/first coalition troops leave Iraq"] == date(2025, 9, 30)
    assert ledger["deadline/coalition leaves Iraq"] == date(2026, 12, 31)


def test_the_publication_day_is_counted_where_the_language_is_written() -> None:
    late = datetime(2027, 12, 31, 23, 30, tzinfo=UTC)  # 06:30 on 1 January in Hanoi
    assert publication_day(late, "vi") == date(2028, 1, 1)
    assert publication_day(late, "en") == date(2027, 12, 31)
    assert publication_day(late.replace(tzinfo=None), "vi") == date(2028, 1, 1)  # naive: UTC
    body = "Lầu Năm Góc cho biết Mỹ sẽ rút hết binh sĩ khỏi Iraq vào cuối năm nay."
    this_year = read_figures("Mỹ sẽ rút quân khỏi Iraq", body, late).deadlines
    assert [d.date for d in this_year] == ["2028"]  # Hanoi's year, not UTC's
