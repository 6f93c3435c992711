"""A review of the twelfth stop's demand rules (our own writing): "mọi" makes a demand only of
foreign forces ("đòi mọi quân nước ngoài", not "yêu cầu mọi binh sĩ Mỹ", "mọi bên"); an aside
", including …," is left out with both commas only when the leaving follows it; a demand
rejected is one only when it is another's ("rejecting the parliament's call for"), and an
acceptance after it still meets it; a comparison after the date is left out, not what follows
it ("two months earlier than previously agreed, and Washington accepted")."""

from __future__ import annotations

from datetime import date

import pytest

from watchers.figures import extract

PUBLISHED = date(2026, 1, 15)
TITLE = "Iraq troop withdrawal: latest"


DEMANDS = [
    # (the first review's demands: of all foreign forces, an aside before the leaving, another's
    # demand rejected, a comparison with the date agreed)
    "Quốc hội Iraq đòi mọi quân nước ngoài rút trước 31/12/2026.",
    "Nghị quyết yêu cầu mọi lực lượng nước ngoài, kể cả ở khu vực Kurdistan, rút khỏi Iraq trước "
    "ngày 31/12/2026.",
    "Iraq's parliament passed a non-binding resolution demanding that all foreign troops, "
    "including those in the Kurdistan region, leave the country by 31 December 2026, a year "
    "earlier than the date agreed for the Kurdistan region under the accord.",
    "Iraq's government kept the dates of the accord, rejecting the parliament's call for all "
    "foreign troops to leave by the end of the year.",
    "It calls for all foreign forces, including those in the Kurdistan region, to leave by 31 "
    "December 2026.",
    # (a fourth review: demands of troops by "mọi", an aside before a modal or the date's
    # preposition, a demand rejected by two governments, a comparison that runs to a new clause)
    "Các nhóm vũ trang đòi mọi binh sĩ Mỹ rời Iraq trước ngày 31/12/2026.",
    "Các nghị sĩ Shiite yêu cầu mọi binh sĩ Mỹ rút khỏi Iraq trước ngày 30/6/2026.",
    "Các phe phái yêu cầu mọi cố vấn quân sự Mỹ rời căn cứ Ain al-Asad trước ngày 30/6/2026.",
    "Các nghị sĩ kêu gọi mọi lực lượng liên quân rút khỏi Iraq trước cuối tháng 6/2026.",
    "Militias demanded that US troops leave Iraq, including the Kurdistan region, before June 30,"
    " 2026.",
    "Lawmakers demanded that all foreign forces, including those at Ain al-Asad, must leave by "
    "June 30, 2026.",
    "Quốc hội yêu cầu toàn bộ quân nước ngoài, kể cả các cố vấn Mỹ, đều phải rời Iraq trước ngày "
    "30/6/2026.",
    "Các nghị sĩ đòi quân Mỹ rời Iraq, kể cả khu vực Kurdistan, chậm nhất là ngày 30/6/2026.",
    "The two governments rejected calls for US troops to leave by June 30, 2026.",
    "Hai chính phủ bác bỏ yêu cầu quân Mỹ rút trước ngày 30/6/2026.",
    "The two sides, rejecting the Coordination Framework's call for US troops to leave by June "
    "30, 2026, kept the accord.",
    "Lawmakers demanded US troops leave by June 30, 2026, earlier than the September date, which "
    "Washington and Baghdad agreed in 2024.",
    "Lawmakers demanded US troops leave by June 30, 2026, three months earlier than the September"
    " 30, 2026 date agreed under the accord.",
    "Quốc hội đòi quân Mỹ rút trước ngày 30/6/2026, sớm hơn ba tháng so với mốc 30/9, mốc mà hai "
    "nước đã nhất trí.",
    # (a fifth review: an order about something else, "không có trong kế hoạch", "mọi binh lính")
    "After Trump ordered strikes on militia sites, lawmakers demanded that US troops leave Iraq "
    "by March 31, 2026.",
    "The militia leader ordered his fighters to stand down and demanded that US troops leave Iraq"
    " by March 31, 2026.",
    "The Pentagon ordered a review after lawmakers demanded that US troops leave Iraq by March "
    "31, 2026.",
    "Thủ lĩnh dân quân ra lệnh ngừng tấn công và yêu cầu quân Mỹ rút khỏi Iraq trước ngày "
    "31/3/2026.",
    "Tòa án ra lệnh thả các nghi phạm, còn các nghị sĩ yêu cầu quân Mỹ rút trước ngày 31/3/2026.",
    "Các nghị sĩ yêu cầu quân Mỹ rút trước ngày 31/3/2026, điều không có trong kế hoạch của chính"
    " phủ.",
    "Các nhóm dân quân yêu cầu mọi binh lính nước ngoài rời Iraq trước ngày 30/6/2026.",
    "Các nhóm dân quân yêu cầu mọi binh sỹ nước ngoài rời Iraq trước ngày 30/6/2026.",
    # (a sixth review: no agreement "không nằm/chưa có/không như trong thỏa thuận", a militia's
    # order; "dân quân đòi" (militias demand))
    "Các nghị sĩ yêu cầu quân Mỹ rời Iraq trước ngày 31/12/2026, mốc không nằm trong thỏa thuận.",
    "Các nghị sĩ yêu cầu quân Mỹ rời Iraq trước tháng 3/2026, điều chưa có trong thỏa thuận.",
    "Các nghị sĩ yêu cầu quân Mỹ rời Iraq trước tháng 3/2026, không như trong thỏa thuận.",
    "Sadr ordered his followers to demand that US troops leave Iraq by March 2026.",
    "Sadr ra lệnh cho các tay súng yêu cầu quân Mỹ rời Iraq trước cuối tháng 1/2026.",
    "Kataib Hezbollah ra lệnh yêu cầu quân Mỹ rời Iraq trước cuối tháng 1/2026.",
    "Washington has rejected calls for US troops to leave Iraq by the end of 2026.",
    "Dân quân đòi quân Mỹ rút khỏi Iraq trước ngày 31/3/2026.",
    "Các nhóm dân quân đòi quân Mỹ rời Iraq trước cuối tháng 1/2026.",
]
AGREED = [
    # (the first review's dates: "mọi" not of troops, an aside before a new clause, a rejection
    # with "as agreed" after it, an acceptance after a comparison)
    "Bộ trưởng Quốc phòng Mỹ ra lệnh yêu cầu mọi binh sĩ Mỹ rời Iraq trước 30/9/2026.",
    "Liên Hợp Quốc kêu gọi mọi bên kiềm chế khi liên quân rút khỏi Iraq trước 30/9/2026.",
    "Washington muốn mọi người hiểu rằng quân Mỹ sẽ rút khỏi Iraq trước 30/9/2026.",
    "Militias demanded the withdrawal of all US forces, including from Erbil, after the US "
    "confirmed it would leave Baghdad by September 2026.",
    "The Iraqi government urged the coalition, including its NATO partners, to stick to the "
    "timetable and leave by September 2026.",
    "Washington rejected calls for US troops to stay longer and will withdraw them by September "
    "2026 as agreed.",
    "Lầu Năm Góc từ chối bình luận và chỉ yêu cầu quân Mỹ rời Iraq trước 30/9/2026 như đã thỏa "
    "thuận.",
    "Hai nước bác bỏ yêu cầu rút quân sớm và giữ nguyên thời hạn 30/9/2026 trong thỏa thuận.",
    "Iraq asked the coalition to leave Baghdad by July 2026, two months earlier than previously "
    "agreed, and Washington accepted.",
    "Iraq đề nghị liên quân rời Baghdad trước 30/7/2026, sớm hơn hai tháng so với kế hoạch, và "
    "phía Mỹ đã chấp nhận.",
    "Iraq asked the US to pull out of Baghdad by July 2026 and from Erbil no later than September"
    " 2026, and Washington agreed.",
    # (a fourth review: an order ("ra lệnh"), an acceptance after a comparison said with dashes)
    "Bộ trưởng Quốc phòng Mỹ ra lệnh yêu cầu mọi binh sĩ Mỹ rời Iraq trước 30/9/2026.",
    "Tổng thống Mỹ đã ra lệnh rút quân và yêu cầu mọi binh sĩ rời Iraq trước 30/9/2026.",
    "Protesters demanded the expulsion of US forces, including from Ain al-Asad, as the coalition"
    " prepared to hand over the base by March 2026.",
    "Militias want every US soldier out, including those in Erbil, even as the Pentagon prepares "
    "to withdraw by September 2026.",
    "The Pentagon dismissed the base commander and asked US troops to finish leaving Ain al-Asad "
    "by March 2026 as planned.",
    "Mỹ bác bỏ yêu cầu quân Mỹ ở lại lâu hơn và sẽ rút hết khỏi Iraq trước 30/9/2026 như đã cam "
    "kết.",
    "Iraq asked US forces to leave Baghdad by July 2026 - two months earlier than agreed in 2024 "
    "- a request the Pentagon accepted.",
    # (a fifth review: "phản đối" something else, a comparison that ends at ";", ", as", ", theo";
    # the US ordering the Pentagon)
    "Chính phủ Iraq phản đối các vụ tấn công và hai nước đã nhất trí yêu cầu quân Mỹ rút khỏi "
    "Iraq trước ngày 30/9/2026.",
    "Thỏa thuận mà phe Sadr phản đối yêu cầu quân Mỹ rút khỏi Iraq trước ngày 30/9/2026.",
    "Sudani urged US troops to leave by June 30, 2026, earlier than the date in the accord; "
    "Washington accepted the request.",
    "Sudani urged US troops to leave by June 30, 2026, earlier than planned, as agreed in talks "
    "with Washington last week.",
    "Thủ tướng Sudani yêu cầu liên quân rút trước ngày 30/6/2026, sớm hơn dự kiến, theo thỏa "
    "thuận hai bên đạt được tuần trước.",
    "Ông Trump ra lệnh cho Lầu Năm Góc yêu cầu quân Mỹ rút khỏi Iraq trước 30/9/2026.",
    # (a sixth review: the US side asking its own troops out, a date kept ("giữ nguyên") after a
    # rejected demand; an army ("quân đội") leaving)
    "Lầu Năm Góc yêu cầu mọi binh sĩ Mỹ rời Baghdad trước ngày 30/9/2026.",
    "Hai nước bác bỏ yêu cầu rút quân sớm và giữ nguyên thời hạn 30/9/2026 trong thỏa thuận.",
    "Các nghị sĩ yêu cầu quân Mỹ rời Iraq trước tháng 9/2026 như trong thỏa thuận.",
    "Quân đội Mỹ sẽ rút khỏi Iraq trước ngày 30/9/2026.",
]


@pytest.mark.parametrize("body", DEMANDS)
def test_a_demand_is_no_deadline(body: str) -> None:
    assert extract(TITLE, body, published=PUBLISHED).deadlines == ()


@pytest.mark.parametrize("body", AGREED)
def test_a_date_agreed_ordered_or_announced_stays(body: str) -> None:
    assert extract(TITLE, body, published=PUBLISHED).deadlines
