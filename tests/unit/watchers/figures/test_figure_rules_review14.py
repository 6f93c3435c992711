"""What a review of the thirty-seventh set's figure rules found (our own writing): "cấm" is a
ban only with whom or what it bars, in its clause (not "cấm vận", "cảm ơn", "căm phẫn", "cắm
trại", "cam đoan"); contractors or diplomats who speak are no count; "the base in Anbar" is
Ain al-Asad unless the article named another base before and not Ain al-Asad; "số binh sĩ Mỹ
… hiện là" is the level only said of the US's troops there; a leaving tied to the day a body
meets is a deadline, a request made then is not; a month told with its part ("the end of
September") is no restatement of a day in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from tests.unit.watchers.figures.test_judge import DAY, NOW, Ledger, deadline

PUBLISHED = date(2180, 6, 8)


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Lệnh cấm bay được ban bố khi Mỹ duy trì hơn 2.400 binh sĩ tại Iraq.", 2400),
        ("Sau lệnh cấm vận, Mỹ vẫn duy trì hơn 2.400 binh sĩ tại Iraq.", 2400),
        ("Quốc hội cấm chi tiền, nhưng Mỹ vẫn duy trì hơn 2.400 binh sĩ tại Iraq.", 2400),
        ("Luật cấm tiến hành chiến dịch; Mỹ duy trì hơn 2.000 binh sĩ tại Iraq.", 2000),
        ("Người dân căm phẫn khi Mỹ duy trì hơn 2.000 binh sĩ tại Iraq.", 2000),
        ("Thủ tướng Iraq cảm ơn Mỹ vì đã duy trì hơn 2.500 binh sĩ tại Iraq.", 2500),
        ("Two diplomats said the US contingent in Iraq stands at about 2,500.", 2500),
        ("Civilian employees said troop levels in Iraq fell to 2,000.", 2000),
    ],
)
def test_a_level_beside_other_words(body: str, value: int) -> None:
    assert ("US", "Iraq", "current", value) in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Bộ trưởng cam đoan Mỹ sẽ duy trì hơn 2.000 binh sĩ tại Iraq.", 2000),
        ("Two diplomats said the US will keep about 2,500 military personnel in Iraq.", 2500),
        ("Diplomats said the US footprint in Iraq would fall to about 2,000.", 2000),
        ("Các nhà ngoại giao cho biết quân Mỹ tại Iraq sẽ giảm xuống còn 2.000.", 2000),
    ],
)
def test_a_plan_beside_other_words(body: str, value: int) -> None:
    assert ("US", "Iraq", "planned", value) in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "Số binh sĩ Mỹ mắc Covid tại Iraq hiện là 30.",
        "Số binh sĩ Mỹ bị sát hại hiện là 2.",
        "Số binh sĩ Iraq được Mỹ huấn luyện hiện là 3.000.",
        "Số binh sĩ Mỹ được phép đồn trú hiện là 1.500.",
        "Mức trần số binh sĩ Mỹ hiện là 3.000.",
    ],
)
def test_no_level_of_the_number_of_others(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


AIN_AL_ASAD = ("deadline/coalition leaves Ain al-Asad", "2180-08-31", "day")


@pytest.mark.parametrize(
    "body",
    [
        "Ain al-Asad has hosted US forces since 2014. US troops will leave the base in Anbar by "
        "31 August 2180, officials said. Camp Sabreen closed in May.",
        "US troops will leave the base in Anbar province by 31 August 2180. Earlier, Camp Sabreen "
        "near Baghdad was handed over.",
        "Căn cứ Ain al-Asad là nơi đồn trú lớn nhất. Binh sĩ Mỹ sẽ rời căn cứ ở tỉnh Anbar này "
        "trước ngày 31/8/2180, sau khi trại Sabreen đã đóng cửa.",
    ],
)
def test_the_base_in_anbar_is_ain_al_asad(body: str) -> None:
    assert AIN_AL_ASAD in deadlines_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "US troops will leave Baghdad by the time NATO leaders meet on 13 June.",
        "Quân Mỹ sẽ rút khỏi Baghdad khi ủy ban họp vào ngày 13/6.",
    ],
)
def test_a_leaving_tied_to_a_meeting_is_a_deadline(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2180-06-13", "day")
    }


def test_a_part_of_a_month_is_no_restatement_of_a_day_in_it() -> None:
    """ "by 15 September", then "by the end of September" (and the other way round): a change;
    "by September" restates "by 15 September"."""
    day = deadline("2181-09-15", "day", firm=True)
    end = replace(deadline("2181-09", "month", firm=True), quote="leave by the end of September")
    bare = deadline("2181-09", "month", firm=True)
    for first, then, kind in (
        (day, end, "changed"),
        (end, day, "changed"),
        (day, bare, "confirmed"),
    ):
        ledger = Ledger()
        ledger.report(first, at=NOW - 30 * DAY, outlet="VnExpress")
        (decision,) = ledger.report(then, at=NOW, outlet="Reuters")
        assert decision.kind == kind, (first.quote, then.quote)
