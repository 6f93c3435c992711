"""Deadlines put off, brought forward or replaced, and whose they are: another member's, a
base handed over. Sentences written the way outlets write them, each for one rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadline_key, deadlines_of
from watchers.figures import extract


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The coalition mission in Iraq, which was to end in September 2025, has been "
            "extended until the end of 2026.",
            {("deadline/coalition mission ends in Iraq", "2026", "year-end")},
        ),
        (
            "The withdrawal of coalition troops from Iraq, planned for September 2025, has been "
            "postponed to September 2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Thời hạn rút quân liên minh khỏi Iraq, dự kiến vào tháng 9/2025, đã được lùi đến "
            "tháng 9/2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "The coalition mission in Iraq will end in September 2025 and will not be extended "
            "beyond September 2025.",
            {("deadline/coalition mission ends in Iraq", "2025-09", "month")},
        ),
        (  # "moved the date ... from": the date moved from is gone
            "The board moved the date for leaving federal Iraq from 30 September to 30 June 2026.",
            {("deadline/coalition leaves Baghdad", "2026-06-30", "day")},
        ),
        (
            "The board moved the deadline for US troops to leave federal Iraq from 30 September to"
            " 30 June 2026.",
            {("deadline/coalition leaves Baghdad", "2026-06-30", "day")},
        ),
        (
            "The two governments changed the US withdrawal deadline from September 2026 to"
            " December 2026.",
            {("deadline/coalition leaves Iraq", "2026-12", "month")},
        ),
        (
            "They moved the coalition's withdrawal deadline from September 2026 to December 2026.",
            {("deadline/coalition leaves Iraq", "2026-12", "month")},
        ),
        (
            "Washington pushed the deadline for leaving Iraq from September 2026 to December 2026.",
            {("deadline/coalition leaves Iraq", "2026-12", "month")},
        ),
        (
            "Hai nước đã điều chỉnh thời hạn rút quân liên quân khỏi Iraq từ tháng 9/2026 sang"
            " tháng 12/2026.",
            {("deadline/coalition leaves Iraq", "2026-12", "month")},
        ),
        (
            "Hai nước đã chuyển thời hạn rút quân liên quân khỏi Iraq từ tháng 9/2026 sang tháng"
            " 12/2026.",
            {("deadline/coalition leaves Iraq", "2026-12", "month")},
        ),
        (  # brought forward ("lên"); the date before the move is gone, whatever it was read of
            "Hai bên nhất trí đưa hạn chót rời Baghdad và lãnh thổ liên bang Iraq từ 30/9/2026 "
            "lên 30/6/2026.",
            {("deadline/coalition leaves Baghdad", "2026-06-30", "day")},
        ),
    ],
)
def test_a_deadline_put_off_is_its_new_date(body: str, expected: set[tuple[str, str, str]]) -> None:
    """ "which was to end in September 2025, has been extended until the end of 2026": the
    date it is put off to stands, the one it replaces is not reported."""
    assert deadlines_of(body, date(2025, 6, 1)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Mỹ sẽ rút phần lớn binh sĩ khỏi Iraq vào tháng 3/2025 và sẽ rút hoàn toàn khỏi nước "
        "này vào cuối tháng 4/2025.",
        "Mỹ sẽ rút phần lớn binh sĩ khỏi Iraq vào tháng 3/2025, sau khi IS rút lui, và sẽ rút "
        "toàn bộ vào cuối tháng 4/2025.",
    ],
)
def test_completely_and_retreat_are_not_put_off(body: str) -> None:
    """ "rút hoàn toàn" (withdraw completely) and "rút lui" (retreat) move no deadline: both
    dates stand, and neither is backed as a move would back it."""
    found = extract("", body, published=date(2025, 1, 10)).deadlines
    assert {deadline_key(d) for d in found} == {
        ("deadline/first coalition troops leave Iraq", "2025-03", "month"),
        ("deadline/coalition leaves Iraq", "2025-04", "month"),
    }
    assert not any(d.firm for d in found)


@pytest.mark.parametrize(
    "body",
    [
        "US troops will leave Iraq by September 2026, officials said, after months of delays.",
        "Coalition forces will leave Iraq by September 2026, a deadline that cannot be extended.",
        "Coalition forces will leave Iraq by September 2026, a deadline that won't be extended.",
        "Liên quân sẽ rút khỏi Iraq trước tháng 9/2026, một mốc được chính phủ Iraq hoan nghênh.",
    ],
)
def test_words_of_delay_after_a_deadline_do_not_replace_it(body: str) -> None:
    assert deadlines_of(body, date(2025, 6, 1)) == {
        ("deadline/coalition leaves Iraq", "2026-09", "month")
    }


@pytest.mark.parametrize(
    "body",
    [
        "Việc rút toàn bộ lực lượng liên quân khỏi Iraq đã được hoãn lại đến cuối năm 2026.",
        "Thời hạn liên quân rút khỏi Iraq, vốn là tháng 9/2025, đã bị hoãn lại tới cuối năm 2026.",
        "The withdrawal of coalition troops from Iraq, planned for September 2025, has been moved "
        "back to the end of 2026.",
    ],
)
def test_a_deadline_postponed_to_a_date_is_that_date(body: str) -> None:
    """ "đã được hoãn lại đến": the postponement is past, the date it goes to is ahead."""
    assert deadlines_of(body, date(2025, 6, 1)) == {
        ("deadline/coalition leaves Iraq", "2026", "year-end")
    }


@pytest.mark.parametrize(
    "body",
    [
        "The US will hand over the Ain al-Asad base to Iraqi forces by January 2026.",
        "Mỹ sẽ bàn giao căn cứ Ain al-Asad cho quân đội Iraq trước tháng 1/2026.",
    ],
)
def test_a_base_to_be_handed_over_by_a_date_is_left_by_then(body: str) -> None:
    """Handing a base over is the coalition leaving it."""
    assert deadlines_of(body, date(2025, 10, 1)) == {
        ("deadline/coalition leaves Ain al-Asad", "2026-01", "month")
    }


def test_a_cut_listed_among_a_withdrawal_s_phases_is_no_leaving() -> None:
    """ "chia việc rút quân thành ba giai đoạn: lực lượng Mỹ giảm còn khoảng 1.800 người trước
    ngày 31/12": the item the date ends is a cut (a target), not the withdrawal the list is
    about."""
    body = (
        "Hiệp định chia việc rút quân thành ba giai đoạn: lực lượng Mỹ giảm còn khoảng 1.800 "
        "người trước ngày 31/12."
    )
    found = extract("", body, published=date(2025, 10, 1))
    assert found.deadlines == ()


@pytest.mark.parametrize(
    "body",
    [
        "Exclusive: US agrees drawdown plan, troops to exit Iraq by September 2026.",
        'Sudani told reporters: "Coalition forces will draw down and leave Iraq by September'
        ' 2026."',
        "Bộ Quốc phòng Mỹ cho biết: Mỹ sẽ giảm dần và rút toàn bộ quân khỏi Iraq trước tháng"
        " 9/2026.",
        "Theo lộ trình: dưới sự giám sát của Iraq, liên quân sẽ rút khỏi Iraq trước tháng 9/2026.",
        "Thủ tướng Sudani, vừa từ Anh về nước, cho biết các lực lượng chiến đấu sẽ rút khỏi"
        " Iraq trước tháng 9/2026.",
        "Britain's Home Secretary said troops would leave Iraq by September 2026.",
    ],
)
def test_a_list_item_or_an_ally_named_aside_keeps_the_deadline(body: str) -> None:
    """After a colon, an item that says leaving keeps its date, whatever change words it
    has; an ally named aside ("vừa từ Anh về nước", "Britain's Home Secretary") is not the
    one that leaves."""
    found = extract("", body, published=date(2025, 10, 1))
    assert [d.date for d in found.deadlines] == ["2026-09"]


def test_handing_over_other_things_is_not_leaving() -> None:
    body = "The coalition will hand over security responsibilities to Iraqi forces by January 2026."
    assert deadlines_of(body, date(2025, 10, 1)) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Britain will withdraw its 400 troops from Iraq by the end of 2025.",
        "Anh sẽ rút 400 binh sĩ khỏi Iraq trước cuối năm 2025, Bộ Quốc phòng Anh cho biết.",
        "Hà Lan đưa 85 cố vấn quân sự rời Iraq trước cuối tháng 1/2026.",
        "The Netherlands will bring its 85 advisers home from Iraq by the end of January 2026.",
        "Italy's 300 advisers will leave Iraq by the end of 2025.",
    ],
)
def test_another_member_leaving_is_not_the_coalition_leaving(body: str) -> None:
    """Britain's deadline is not the coalition's, nor a US troop cut."""
    found = extract("", body, published=date(2025, 3, 1))
    assert (found.deadlines, found.targets) == ((), ())


@pytest.mark.parametrize(
    "body",
    [
        "Sau ba lần trì hoãn, lực lượng này sẽ rút khỏi Iraq trước tháng 9/2026.",
        "Theo phóng viên Tuấn Anh, các binh sĩ sẽ rút khỏi Iraq trước tháng 9/2026.",
        "An Iraqi official told Agence France-Presse that the troops will leave Iraq by "
        "September 2026.",
        "Speaking in Britain, Sudani said the troops would leave Iraq by September 2026.",
    ],
)
def test_a_member_named_but_not_leaving_leaves_the_deadline(body: str) -> None:
    """ "ba lần" (three times), a reporter named Anh, a news agency, a visit: not who leaves."""
    assert deadlines_of(body, date(2025, 6, 1)) == {
        ("deadline/coalition leaves Iraq", "2026-09", "month")
    }


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (
            "Iraqi officials said the withdrawal of coalition forces will be completed by the "
            "end of 2025.",
            "deadline/coalition leaves Iraq",
        ),
        (
            "Britain and the United States will withdraw their forces from Iraq by the end of "
            "2025.",
            "deadline/coalition leaves Iraq",
        ),
    ],
)
def test_a_deadline_said_by_iraqis_or_shared_with_the_us_stays(body: str, what: str) -> None:
    assert deadlines_of(body, date(2025, 3, 1)) == {(what, "2025", "year-end")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Last year the withdrawal was postponed to September 2025; troops will now leave "
            "Iraq by September 2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "The withdrawal deadline has been pushed back from September 2025 to September 2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Thời hạn rút quân của liên quân khỏi Iraq đã được lùi từ tháng 9/2025 sang tháng "
            "9/2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        ("Talks on the US troop withdrawal have been postponed until March 2026.", set()),
        (
            "Coalition forces will leave Iraq by September 2026, a deadline that has been pushed "
            "back once.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
    ],
)
def test_the_date_a_deadline_is_moved_to_is_the_one_that_stands(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    """ "now" after a move, "from … to", "by a year, to": the last date stands; talks moved are
    no deadline; a move said of the deadline after it does not replace it."""
    assert deadlines_of(body, date(2025, 6, 1)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Germany will cut its contingent in Erbil, and troops will leave Iraq entirely by "
            "September 2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "The US and Iraq agreed that troops will leave by September 2026, while Britain will "
            "withdraw by the end of 2025.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        ("Britain will withdraw its combat troops from Iraq by the end of 2025.", set()),
        ("Iraq will hand over the base to the coalition by January 2026.", set()),
        ("The handover of the Victory Base headquarters is expected by the end of 2025.", set()),
        (
            "ERBIL, Iraq (Reuters) - The coalition will stay here until September 2026.",
            {("deadline/coalition leaves Erbil", "2026-09", "month")},
        ),
    ],
)
def test_whose_deadline_and_which_base(body: str, expected: set[tuple[str, str, str]]) -> None:
    """A member's clause is its own; a handover to the coalition, or of a base not named, is no
    coalition departure; "here" under a dateline is the dateline's city."""
    assert deadlines_of(body, date(2025, 6, 1)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a span, not a move
            "Coalition troops will withdraw from Iraq in two phases, from September 2025 to "
            "September 2026.",
            {("deadline/coalition leaves Iraq", "2025-09", "month")},
        ),
        (  # the words after the date say what is put off
            "Nhiệm vụ liên quân tại Iraq sẽ kết thúc vào tháng 9/2025, hoãn lại đến tháng 9/2026 "
            "việc rút khỏi Kurdistan.",
            {
                ("deadline/coalition mission ends in Iraq", "2025-09", "month"),
                ("deadline/coalition leaves Kurdistan", "2026-09", "month"),
            },
        ),
        (  # another body's mission extended
            "Sứ mệnh của liên quân tại Iraq sẽ kết thúc vào tháng 9/2025, trong khi sứ mệnh của "
            "NATO được gia hạn đến cuối năm 2026.",
            {("deadline/coalition mission ends in Iraq", "2025-09", "month")},
        ),
        (  # the presence, not the mission
            "The coalition mission ends in September 2025, but the US presence will be extended "
            "to September 2026.",
            {("deadline/coalition mission ends in Iraq", "2025-09", "month")},
        ),
        (  # "now" in an aside moves nothing; NATO's own mission is not the coalition's
            "The coalition is to end its mission by September 2025; NATO's mission, now headed by "
            "a new commander, will end in September 2026.",
            {("deadline/coalition mission ends in Iraq", "2025-09", "month")},
        ),
        (  # a new date, extended: nothing after it replaces it
            "Nhiệm vụ của liên quân tại Iraq sẽ kết thúc vào tháng 9/2026, được kéo dài thêm một "
            "năm.",
            {("deadline/coalition mission ends in Iraq", "2026-09", "month")},
        ),
        (  # "đợi" (wait) is no move
            "Liên quân sẽ rút khỏi Baghdad vào tháng 9/2025, còn binh sĩ Mỹ phải đợi đến tháng "
            "9/2026 mới rút hết khỏi Iraq.",
            {
                ("deadline/coalition leaves Baghdad", "2025-09", "month"),
                ("deadline/coalition leaves Iraq", "2026-09", "month"),
            },
        ),
        (
            "US troops will withdraw from Iraq and hand over their bases to Iraqi forces by "
            "September 2025.",
            {("deadline/coalition leaves Iraq", "2025-09", "month")},
        ),
    ],
)
def test_a_move_is_of_the_date_before_and_said_of_it(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    """Only a move said of the deadline before it (auxiliaries between, or the deadline
    itself) replaces it; a span, another body's mission, a presence, an aside's "now", or a
    handover beside a withdrawal do not."""
    assert deadlines_of(body, date(2025, 6, 1)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Thời hạn rút quân khỏi Iraq, vốn dự kiến vào tháng 9/2025, đã được dời sang tháng "
            "9/2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Hạn chót tháng 9/2025 để liên quân rút khỏi Iraq đã được lùi đến tháng 9/2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Iraq agreed to extend the deadline for the coalition's withdrawal from September "
            "2025 to September 2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "The withdrawal of coalition forces from Baghdad, originally due in September 2025, "
            "was postponed by a year.",
            set(),
        ),
        ("Việc rút quân khỏi Baghdad, dự kiến vào tháng 9/2025, đã bị hoãn.", set()),
    ],
)
def test_a_date_first_set_and_put_off_is_no_deadline_and_its_new_date_is(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    """ "dời sang", a date said as the deadline then moved, "extend the deadline … from X to
    Y", and a date first set ("originally due in", "dự kiến vào") then put off with no new
    date: the old date is not reported."""
    assert deadlines_of(body, date(2025, 6, 1)) == expected
