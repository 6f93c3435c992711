"""What the wrong change alerts of the fiftieth and fifty-first same-week sets showed of the
figures (probes of our own): a date itself asked for ("Erbil asks for end of 2140", "muốn
cuối năm 2140") is demanded; a parliament's vote "on Wednesday" for all foreign forces to leave,
a resolution that would call for "all foreign forces" to leave, are demands, whatever agreement
is told after another event or of the dates; a date "until … to leave Camp X and the rest of
federal Iraq" (or "để rời lãnh thổ liên bang") is Baghdad's, and a joint body "Mỹ - Iraq" names
no Iraq; "so với hạn 31/8" is the date replaced; troops "đóng tại đây" (stationed here) are the
site's, and those who "đã rời đi" are how many moved, not a level."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

MARCH = date(2158, 3, 15)


@pytest.mark.parametrize(
    "body",
    [
        "Iraq's parliament on Wednesday voted for all foreign forces to leave by 31 December 2158, "
        "a non-binding resolution the government has said does not change the agreed dates.",
        "Iraqi parliament votes for all foreign troops to leave by end of 2158; government says "
        "agreed dates stand.",
        "Iraq's parliament voted on Wednesday for a resolution calling on the government to ensure "
        "that all foreign forces leave the country, including the Kurdistan region, by 31 December "
        "2158, two days after Iraq agreed to give US forces until 30 November to leave.",
        'MP Firas al-Jubouri, who drafted the resolution, said it would call for "all foreign '
        'forces" to leave Iraq, including the Kurdistan region, by 31 December 2158.',
        "Parliament passed a resolution demanding that all foreign troops leave the country by 31 "
        "December 2158, six months before the date agreed for the last US base.",
    ],
)
def test_a_parliament_s_demand_is_no_deadline(body: str) -> None:
    assert deadlines_of(body, MARCH) == set()


@pytest.mark.parametrize(
    "title",
    [
        "Joint committee to set Kurdistan exit date on Thursday; Erbil asks for end of 2140",
        "Iraq và Mỹ sắp ấn định thời hạn rút quân khỏi vùng Kurdistan, Erbil muốn cuối năm 2140",
    ],
)
def test_a_date_asked_for_is_no_deadline(title: str) -> None:
    assert extract(title, "", published=MARCH).deadlines == ()


@pytest.mark.parametrize(
    "body",
    [
        "US forces will have until 30 November 2158 to leave Camp Meridian and the rest of federal "
        "Iraq, three months later than the 31 August date in the framework, the board said.",
        "Ủy ban Rút quân chung Mỹ - Iraq cho biết quân Mỹ sẽ có thời hạn đến ngày 30/11/2158 "
        "để rời trại Meridian và phần còn lại của lãnh thổ liên bang Iraq, muộn ba tháng so với "
        "hạn 31/8/2158.",
        "Nhiều nghị sĩ Iraq chỉ trích chính phủ vì đã đồng ý cho quân Mỹ thời hạn đến ngày "
        "30/11/2158 để rời lãnh thổ liên bang.",
    ],
)
def test_a_date_to_leave_federal_iraq_said_after_it_is_baghdad_s(body: str) -> None:
    got = {(key, day) for key, day, _ in deadlines_of(body, MARCH)}
    assert ("deadline/coalition leaves Baghdad", "2158-11-30") in got
    assert not {k for k, _ in got} & {"deadline/coalition leaves Iraq"}
    assert ("deadline/coalition leaves Baghdad", "2158-08-31") not in got or "31 August" in body


def test_what_the_date_rules_above_must_not_take() -> None:
    agreed = "The two governments agreed that US forces will leave Iraq by 31 December 2158."
    assert deadlines_of(agreed, MARCH) == {("deadline/coalition leaves Iraq", "2158-12-31", "day")}
    whole = "Quân Mỹ sẽ rời Iraq trước ngày 30/9/2159, ủy ban chung Mỹ - Iraq cho biết."
    assert deadlines_of(whole, MARCH) == {("deadline/coalition leaves Iraq", "2159-09-30", "day")}


@pytest.mark.parametrize(
    "body",
    [
        "Khoảng 300 binh sĩ Mỹ đóng tại đây đã rời đi mà không có lực lượng thay thế.",
        "Khoang 300 binh si My dong tai day da roi di ma khong co luc luong thay the.",
        "Lực lượng Mỹ đã bàn giao căn cứ cho Không quân Iraq, nhưng không ai trong số khoảng 450 "
        "binh sĩ Mỹ đóng tại đây rời khỏi Iraq.",
        "The US handed the base to Iraq, but none of the roughly 450 US troops stationed there "
        "left Iraq.",
    ],
)
def test_troops_stationed_here_are_the_site_s_not_a_level(body: str) -> None:
    assert troops_of(body, MARCH) == set()


def test_a_level_stationed_in_iraq_is_still_read() -> None:
    body = "Hiện có khoảng 2.500 binh sĩ Mỹ đóng tại Iraq."
    assert {(who, where, n) for who, where, _, n in troops_of(body, MARCH)} == {
        ("US", "Iraq", 2500)
    }


@pytest.mark.parametrize(
    "body",
    [
        "Theo đại tá Darnell Whitacre, người phát ngôn liên quân, quân số Mỹ tại Iraq hiện còn "
        "khoảng 2.150 người, giảm từ khoảng 2.450.",
        "Theo dai ta Darnell Whitacre, nguoi phat ngon lien quan, quan so My tai Iraq hien con "
        "khoang 2.150 nguoi, giam tu khoang 2.450.",
    ],
)
def test_a_spokesman_s_coalition_owns_no_troops_after_the_comma(body: str) -> None:
    """ "người phát ngôn liên quân, quân số Mỹ": the US's numbers, not the coalition's."""
    assert all(who == "US" for who, _, _, _ in troops_of(body, MARCH))


@pytest.mark.parametrize(
    "body",
    [
        "The roughly 2,500 US troops stationed in Iraq will all leave by September 2159.",
        "Khoảng 2.500 binh sĩ Mỹ đóng tại Iraq sẽ rút hết trước tháng 9/2159.",
    ],
)
def test_troops_that_all_leave_by_a_date_leave_by_a_deadline(body: str) -> None:
    """(a review's probes) the whole force, not a number withdrawn by a date (a target)."""
    got = {(k, d) for k, d, _ in deadlines_of(body, MARCH)}
    assert got == {("deadline/coalition leaves Iraq", "2159-09")}


def test_a_number_withdrawn_by_a_date_is_still_a_target() -> None:
    body = "The Pentagon will withdraw 2,200 troops from Iraq by the end of September 2159."
    assert not {k for k, _, _ in deadlines_of(body, MARCH)} & {"deadline/coalition leaves Iraq"}


@pytest.mark.parametrize(
    ("body", "read"),
    [
        ("Quân số Mỹ tại Iraq hiện còn khoảng 2.150 người.", {("current", 2150)}),
        ("Quân số Mỹ tại Iraq sẽ còn khoảng 1.500 vào cuối năm.", {("planned", 1500)}),
        # a forecast, not ours to alert
        ('Tướng Mỹ: Quân số tại Iraq "có thể còn 1.600" vào mùa hè năm sau.', set()),
    ],
)
def test_a_troop_count_that_remains_is_a_level(body: str, read: set[tuple[str, int]]) -> None:
    """ "quân số … (hiện) còn khoảng N": how many there are (not what "có thể còn")."""
    got = troops_of(body, MARCH)
    assert {(status, n) for _, _, status, n in got} == read
    assert all((who, where) == ("US", "Iraq") for who, where, _, _ in got)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (
            "Ủy ban đã đồng ý cho quân Mỹ thêm ba tháng để rời trại Meridian và lãnh thổ liên bang "
            "Iraq. Hạn chót mới là ngày 30/11/2158 thay vì 31/8/2158.",
            "deadline/coalition leaves Baghdad",
        ),
        (
            "US troops will leave Camp Victory and the rest of federal Iraq later than planned. "
            "The new deadline is 30 November 2158.",
            "deadline/coalition leaves Baghdad",
        ),
        # not a sentence that names its own Iraq, nor one after a federal Iraq left before
        (
            "US troops left federal Iraq last year. All remaining troops will leave Iraq by 30 "
            "November 2158.",
            "deadline/coalition leaves Iraq",
        ),
        ("Quân Mỹ sẽ rời Iraq. Hạn chót là ngày 30/11/2158.", "deadline/coalition leaves Iraq"),
    ],
)
def test_a_deadline_said_by_its_noun_is_the_federal_iraq_s_the_sentence_before_left(
    body: str, key: str
) -> None:
    """ "… để rời … lãnh thổ liên bang Iraq. Hạn chót mới là ngày 30/11": Baghdad's date."""
    assert {(k, d) for k, d, _ in deadlines_of(body, MARCH)} == {(key, "2158-11-30")}
