"""Troop counts and dates that are not ours though nobody says so beside the number, read
wrong in the eighteenth and nineteenth same-week sets: soldiers of another coalition member
named in Vietnamese, a unit's soldiers, troops counted with civilians, a site the reader does
not know ("còn ở", "down from" after its count, a base in Anbar that is not Ain al-Asad),
troops that went home, a figure of speech; and the levels beside them those rules must still
read."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2091, 3, 16)


@pytest.mark.parametrize(
    "body",
    [
        "Phần Lan sẽ rút toàn bộ khoảng 140 binh sĩ khỏi Iraq trước ngày 31/1/2092.",
        "Thụy Điển sẽ rút toàn bộ 90 binh sĩ khỏi Iraq trước ngày 30/6/2091.",
        "Bồ Đào Nha sẽ rút 90 công binh khỏi Iraq trước cuối tháng 6/2091.",
        "Finland will bring its about 140 soldiers home from Iraq by January 31, 2092.",
        "Portugal will withdraw its 90 engineers from Iraq by the end of June 2091.",
        # keeping them longer is theirs too
        "Australia sẽ giữ 120 huấn luyện viên quân sự tại Iraq tới ngày 31/12/2091, thay vì rút "
        "về vào cuối tháng 6/2091.",
        "Hà Lan quyết định kéo dài sứ mệnh của khoảng 220 binh sĩ tại sân bay Sarkan, khu vực "
        "Kurdistan của Iraq, đến hết năm 2092 thay vì rút về vào cuối năm 2091.",
        "The Dutch government said Thursday it would keep about 220 troops in Iraq's Kurdistan "
        "region through the end of 2092, extending its training mission by a year.",
    ],
)
def test_another_members_soldiers_and_date_are_not_ours(body: str) -> None:
    """Finland, Sweden, Portugal (and the coalition's other smaller members) own their
    soldiers and their dates, in Vietnamese as in English: not the US's level, not the
    coalition's deadline."""
    assert troops_of(body, PUBLISHED) == set()
    assert deadlines_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "About 4,000 soldiers of the army's 14th Division have returned to their barracks.",
        "Khoảng 4.000 binh sĩ thuộc Sư đoàn 14 đã trở về doanh trại bên ngoài thành phố.",
        "Khoảng 3.000 binh sĩ Sư đoàn 14 của quân đội Iraq đã rút khỏi trung tâm Basra.",
        "CENTCOM cho biết khoảng 250 binh sĩ thuộc Lực lượng đặc nhiệm Kestrel đã cất cánh.",
        "Khoảng 250 lính Mỹ thuộc một đơn vị trực thăng đã rời sân bay Bardasor ở miền bắc Iraq.",
        "About 250 US soldiers of a helicopter unit left Bardasor in northern Iraq.",
        "About 800 soldiers of two helicopter units will leave in May.",
        "About 800 soldiers from the 10th Mountain Division will deploy.",
        "Khoảng 800 binh sĩ từ Sư đoàn Núi 10 sẽ được triển khai.",
        "About 700 US soldiers of an aviation and logistics task force have left Iraq.",
    ],
)
def test_a_units_soldiers_are_its_size(body: str) -> None:
    """A number of soldiers of a division, a task force or another unit is that unit's size
    (an Iraqi one in a sentence that names nobody, a US one that left): no level of the
    US's."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "About 120 US military personnel and civilians will remain in Baghdad after June.",
        "The memorandum will keep about 120 American military and civilian staff in Baghdad.",
        "Khoảng 120 quân nhân và nhân viên dân sự Mỹ sẽ tiếp tục ở lại Baghdad.",
        "Hai bên ký bản ghi nhớ thành lập văn phòng với khoảng 120 quân nhân và nhân viên dân sự.",
    ],
)
def test_troops_counted_with_civilians_are_no_force(body: str) -> None:
    """An embassy office's military and civilian staff, counted together, is no size of a
    force."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        # "còn ở Bardasor" (still at): the site's count, as "still at Bardasor" is in English
        "Với khoảng 1.050 lính Mỹ còn ở Bardasor, câu trả lời có lẽ sẽ đến sớm hơn.",
        # the level a site's count is "down from" is the site's too
        "About 1,170 US troops remain at Bab al-Shams, down from about 1,870.",
        # a base in Anbar that is not Ain al-Asad, with a name in two words
        "About 420 US troops are at Qasr al-Sahil Air Base in western Anbar.",
        # troops that went home are a movement
        "Pentagon says 700 troops home from Iraq, no replacements sent.",
        "Lầu Năm Góc cho biết đã đưa khoảng 700 binh sĩ từ Iraq về nước.",
        # a figure of speech
        '"Six more months in Erbil, and not one more soldier," the general said.',
    ],
)
def test_no_level_of_ours(body: str) -> None:
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "US troops will leave Qasr al-Sahil Air Base in western Anbar by December 15, 2091.",
        "Quân Mỹ sẽ rời căn cứ không quân Qasr al-Sahil ở miền tây tỉnh Anbar trước ngày"
        " 15/12/2091.",
        "Quân Mỹ sẽ rời căn cứ không quân Kasra ở miền tây tỉnh Anbar trước ngày 15/12/2091.",
        "US forces will leave Al-Khudair Air Base in western Iraq by the end of January 2092.",
    ],
)
def test_a_base_we_do_not_know_keeps_its_date(body: str) -> None:
    """A province or a country that only locates a base we do not know gives no date of its
    own (Anbar otherwise stands for Ain al-Asad)."""
    assert deadlines_of(body, PUBLISHED) == set()


def test_ain_al_asad_in_anbar_keeps_its_date() -> None:
    body = "US troops will leave Ain al-Asad air base in western Anbar by December 15, 2091."
    assert deadlines_of(body, PUBLISHED) == {
        ("deadline/coalition leaves Ain al-Asad", "2091-12-15", "day")
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hiện có khoảng 2.500 binh sĩ Mỹ còn ở Iraq.", {("US", "Iraq", "current", 2500)}),
        (
            "Khoảng 2.500 lính Mỹ còn ở Iraq và 900 ở Syria.",
            {("US", "Iraq", "current", 2500), ("US", "Syria", "current", 900)},
        ),
        (
            "About 2,500 US troops and 900 civilian contractors remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        ("The US has about 2,500 troops in Iraq.", {("US", "Iraq", "current", 2500)}),
        # the coalition's task force, units in general, civilians not counted with troops
        (
            "About 2,500 U.S. troops of the Combined Joint Task Force remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Khoảng 2.500 binh sĩ Mỹ thuộc Lực lượng Đặc nhiệm Liên hợp Chung vẫn đóng tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Khoảng 2.500 binh sĩ Mỹ thuộc nhiều đơn vị khác nhau hiện đóng tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "The US will cut its force in Iraq from 2,500 to 2,000 troops and expand civilian"
            " cooperation.",
            {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)},
        ),
        (
            "Washington keeps about 2,500 troops in Iraq and a large civilian presence.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Mỹ sẽ giữ lại 2.000 binh sĩ ở Iraq và hợp tác dân sự lâu dài.",
            {("US", "Iraq", "planned", 2000)},
        ),
        # a country visited or met owns no troops
        (
            "Speaking on a visit to Finland, Defense Secretary Pete Hegseth said about 2,000"
            " troops would stay in Iraq after September.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Phát biểu tại Phần Lan, Bộ trưởng Hegseth cho biết khoảng 2.000 binh sĩ sẽ ở lại"
            " Iraq.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "After talks with Finland's president, Hegseth said about 2,000 troops would stay in"
            " Iraq.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Khoảng 1.050 lính Mỹ còn ở căn cứ Ain al-Asad.",
            {("US", "Ain al-Asad", "current", 1050)},
        ),
    ],
)
def test_levels_beside_them_are_read(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # the second review's cases: what those rules must not take away
        (
            "Some 13,000 US troops are based in Kuwait, with the US presence in Iraq down to"
            " about 2,500.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 800 US troops at Camp Kasra will leave, bringing the total in Iraq down to"
            " about 1,700.",
            {("US", "Iraq", "planned", 1700)},
        ),
        (
            "About 2,500 US troops of the Operation Inherent Resolve task force remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 2,500 troops of US and coalition units remain in Iraq.",
            {("coalition", "Iraq", "current", 2500)},
        ),
        (
            "Khoảng 2.500 binh sĩ của Mỹ và các đơn vị liên quân vẫn ở Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        # ... and more ways of going home, or of saying no number
        ("Not even one American soldier will remain in Iraq after 2092.", set()),
        ("About 700 US troops have returned from Iraq.", set()),
        ("About 700 US troops are back home from Iraq.", set()),
        ("Khoảng 700 lính Mỹ đã từ Iraq về nước.", set()),
        ("Khoảng 700 lính Mỹ đã trở về nước từ Iraq.", set()),
        ("Khoảng 700 lính Mỹ từ căn cứ Ain al-Asad về nước.", set()),
    ],
)
def test_a_second_reviews_levels(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US forces will vacate Camp Kasra in Anbar and leave Iraq by September 15, 2091.",
            {("deadline/coalition leaves Iraq", "2091-09-15", "day")},
        ),
        (
            "The coalition will close Qasr al-Sahil Air Base in March and exit Iraq by September"
            " 15, 2091.",
            {("deadline/coalition leaves Iraq", "2091-09-15", "day")},
        ),
        (
            "Quân Mỹ sẽ rời căn cứ Kasra ở Anbar và rời Iraq trước ngày 15/9/2091.",
            {("deadline/coalition leaves Iraq", "2091-09-15", "day")},
        ),
        (
            "Coalition forces will leave Ain al-Asad and the smaller Qasr al-Sahil Air Base in"
            " Anbar by September 15, 2091.",
            {("deadline/coalition leaves Ain al-Asad", "2091-09-15", "day")},
        ),
        (
            "Coalition forces will leave Baghdad and Qasr al-Sahil Air Base in western Anbar by"
            " September 15, 2091.",
            {("deadline/coalition leaves Baghdad", "2091-09-15", "day")},
        ),
        (  # Iraq named before the base does not take its date
            "Iraq muốn cho thấy họ sẵn sàng: căn cứ không quân Qasr al-Sahil ở miền tây tỉnh"
            " Anbar sẽ được bàn giao từ tay quân Mỹ vào ngày 30/11/2091.",
            set(),
        ),
        (  # the date compared with is the one replaced
            "Binh sĩ Mỹ sẽ rời Baghdad trước ngày 30/6/2092, sớm ba tháng so với thời hạn"
            " 30/9/2092 đặt ra trong hiệp định.",
            {("deadline/coalition leaves Baghdad", "2092-06-30", "day")},
        ),
        (
            "Quân Mỹ sẽ rời Baghdad trước ngày 30/6/2092 thay vì 30/9/2092.",
            {("deadline/coalition leaves Baghdad", "2092-06-30", "day")},
        ),
    ],
)
def test_a_second_reviews_dates(body: str, expected: set[tuple[str, str, str]]) -> None:
    """A place after a base we do not know, past "and", is no base's locator; a province
    that locates one drops only its own base, not those named before it."""
    assert deadlines_of(body, PUBLISHED) == expected
