"""A review of the twelfth stop's topic rules (our own writing): withdrawal news whose title
names a party, a movement, candidates or a resigning minister stays on the topic, and so does
the coalition beside a punctuation mark or with its forces after "governing"; a party or a
minister leaving a government or a political alliance is someone else leaving."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()
ON = [
    (
        "Sadr movement demands withdrawal by year-end",
        "The Sadrist movement withdrew its lawmakers from parliament in 2022. On Friday it "
        "demanded that all US troops leave Iraq by the end of the year.",
    ),
    (
        "Iraqi parties agree on pullout schedule",
        "Iraq's governing parties agreed on Sunday on a schedule for the pullout. The last US "
        "troops will leave Iraq by September 2026.",
    ),
    (
        "Party urges faster drawdown",
        "The Islamic Dawa Party urged a faster drawdown on Sunday. The US-led coalition plans to "
        "leave Iraq by September 2026.",
    ),
    (
        "Candidates debate drawdown",
        "Candidates debated the drawdown in a televised event in Baghdad. The US plans to cut its"
        " forces in Iraq to 2,000 by September 2025.",
    ),
    (
        "Bộ trưởng Quốc phòng Iraq từ chức vì thỏa thuận rút quân",
        "Bộ trưởng Quốc phòng Iraq từ chức hôm 12/1 sau khi quốc hội bác kế hoạch rút quân. Theo "
        "kế hoạch, binh sĩ Mỹ sẽ rời Iraq trước tháng 9/2026.",
    ),
    (
        "Ứng viên thủ tướng Iraq cam kết đẩy nhanh rút quân",
        "Ứng viên thủ tướng Iraq cam kết đẩy nhanh việc rút quân. Ông nói binh sĩ Mỹ cần rời Iraq"
        " trước cuối năm 2026.",
    ),
    (
        "Phong trào Sadr yêu cầu rút quân trước cuối năm",
        "Phong trào Sadr đã rút khỏi quốc hội từ năm 2022. Hôm 12/1, phong trào này yêu cầu toàn "
        "bộ binh sĩ Mỹ rời Iraq trước cuối năm.",
    ),
    (
        "Phong trào Sadr thúc giục rút quân nhanh hơn",
        "Phong trào Sadr thúc giục đẩy nhanh việc rút quân. Liên quân do Mỹ dẫn đầu dự kiến rời "
        "Iraq trước tháng 9/2026.",
    ),
    (
        "Từ chức sau vụ rò rỉ kế hoạch rút quân",
        "Một quan chức Iraq từ chức sau khi kế hoạch rút quân bị rò rỉ. Kế hoạch cho thấy binh sĩ"
        " Mỹ sẽ rời Baghdad trước tháng 9/2025.",
    ),
    (
        "Coalition, government agree on Ain al-Asad exit",
        "The coalition, government officials said on Sunday, will leave Ain al-Asad by September "
        "2025.",
    ),
    (
        "Court ruling: coalition to leave Iraq by 2026",
        "After the ruling, coalition troops will leave Iraq by September 2026, officials said.",
    ),
    (
        "Following ruling, coalition forces leave Baghdad base",
        "Following the federal court's ruling, coalition forces left the Baghdad base on Monday.",
    ),
    (
        "Agreement governing coalition forces to expire",
        "The agreement governing coalition forces in Iraq will expire in September 2026, when "
        "they are due to leave.",
    ),
    (
        "Iraq: rút quân liên minh, bầu cử sớm là ưu tiên",
        "Thủ tướng Iraq cho biết rút quân liên minh, bầu cử sớm là hai ưu tiên của chính phủ.",
    ),
    (
        "Ruling coalition demands the US-led coalition leave Iraq",
        "Iraq's ruling coalition on Monday demanded that the US-led coalition leave Iraq by the "
        "end of the year.",
    ),
    (
        "Minister resigns as coalition forces leave Anbar base",
        "Iraq's defence minister resigned on Monday as coalition forces left their last base in "
        "Anbar.",
    ),
]
OFF = [
    (
        "Kurdish party quits governing coalition in Baghdad",
        "The Kurdistan Democratic Party quit the governing coalition on Monday. 'We are "
        "withdrawing from the coalition,' its leader said in Baghdad.",
    ),
    (
        "Đảng Dân chủ Kurdistan rút khỏi liên minh cầm quyền Iraq",
        "Đảng Dân chủ Kurdistan hôm thứ Hai rút khỏi liên minh cầm quyền ở Baghdad. 'Chúng tôi "
        "rút khỏi liên minh', lãnh đạo đảng nói.",
    ),
    (
        "Iraqi planning minister quits, pulls his bloc out of governing coalition",
        "Iraq's planning minister resigned on Monday and withdrew his bloc from the prime "
        'minister\'s governing coalition. "We are withdrawing from the coalition," he told '
        "reporters in Baghdad.",
    ),
]


# (the thirty-ninth and fortieth sets) the title's "liên minh tranh cử" is a party's, so the
# summary's "rút khỏi Liên minh Những người Xây dựng" is no force leaving
NAMED_IN_THE_SUMMARY = [
    (
        "Phong trào Bình minh rút khỏi liên minh tranh cử ở Iraq",
        "Hôm qua, Phong trào Bình minh của Iraq tuyên bố rút khỏi Liên minh Những người Xây "
        'dựng, đưa 31 ứng viên ra khỏi danh sách chung. "Quân đội nước ngoài đang rời sa '
        'mạc", một nhà phân tích ở Baghdad nói.',
    ),
]
# a party's exit whose summary leads with our forces leaving
LEADS_WITH_OUR_FORCES = [
    (
        "Phong trào Bình minh rút khỏi liên minh cầm quyền ở Iraq",
        "Phong trào Bình minh hôm qua yêu cầu liên quân do Mỹ dẫn đầu rút khỏi Iraq trước cuối "
        "năm, rồi tuyên bố rút khỏi liên minh cầm quyền.",
    ),
]


# (a third review) a party's exit, the summary's coalition a force: on the topic
ON_THE_COALITION = [
    (
        "Iraqi defence minister resigns",
        "Iraq's defence minister resigned on Monday, a day after coalition forces began "
        "withdrawing from Ain al-Asad air base.",
    ),
    (
        "Sadr bloc quits government",
        "The Sadrist bloc quit Iraq's government on Sunday in protest at a deal under which the "
        "coalition will leave Iraq only in September 2026.",
    ),
    (
        "Kurdish bloc quits Iraq's governing coalition",
        "The Kurdish bloc quit Iraq's governing coalition, citing coalition forces' departure "
        "from Erbil.",
    ),
    (
        "Phong trào Sadr rút khỏi chính phủ",
        "Phong trào Sadr hôm qua rút khỏi chính phủ Iraq để phản đối việc liên minh quốc tế chỉ "
        "rời Iraq vào tháng 9/2026.",
    ),
    (
        "Bộ trưởng Iraq từ chức",
        "Bộ trưởng Quốc phòng Iraq từ chức. Liên minh quốc tế sẽ rút khỏi Iraq trước tháng 9/2026.",
    ),
    (
        "Bộ trưởng Nội vụ Iraq từ chức",
        "Bộ trưởng Nội vụ Iraq từ chức một ngày sau khi liên minh chống IS hoàn tất rút quân khỏi"
        " Baghdad.",
    ),
]


# (a fourth review) party alliances named otherwise: lower case, a name with diacritics,
# "do ông Maliki", in English
PARTY_ALLIANCES = [
    (
        "Đảng Sadr rút khỏi liên minh cầm quyền",
        "Đảng Sadr hôm thứ Hai rút khỏi liên minh Quản lý Nhà nước tại Baghdad.",
    ),
    (
        "Đảng Dawa rút khỏi liên minh cầm quyền ở Iraq",
        "Đảng Dawa hôm thứ Hai rút khỏi Liên minh Ánh sáng Iraq.",
    ),
    (
        "Đảng Dawa rút khỏi liên minh cầm quyền ở Iraq",
        "Đảng Dawa hôm thứ Hai rút khỏi liên minh do ông Maliki lãnh đạo.",
    ),
    (
        "Sadr bloc quits ruling alliance in Iraq",
        "The Sadr bloc quit the State Administration Coalition in Baghdad on Monday.",
    ),
]


# (a fifth review) the coalition by its own names, in English and Vietnamese: a force
COALITION_NAMED = [
    (
        "Iraqi defence minister resigns",
        "The Coalition began withdrawing from Ain al-Asad air base on Sunday, a day before Iraq's"
        " defence minister resigned.",
    ),
    (
        "Iraqi defence minister resigns",
        "Iraq's defence minister resigned a day after the Defeat-ISIS Coalition began withdrawing"
        " from Ain al-Asad air base.",
    ),
    (
        "Iraqi defence minister resigns",
        "Iraq's defence minister resigned a day after the Western Coalition began pulling out of "
        "Ain al-Asad air base.",
    ),
    (
        "Bộ trưởng Quốc phòng Iraq từ chức",
        'Bộ trưởng Quốc phòng Iraq từ chức một ngày sau khi liên minh "Quyết tâm Vốn có" bắt đầu '
        "rút khỏi căn cứ Ain al-Asad.",
    ),
    (
        "Bộ trưởng Quốc phòng Iraq từ chức",
        "Bộ trưởng Quốc phòng Iraq từ chức một ngày sau khi liên minh Chiến dịch Quyết tâm Cố hữu"
        " bắt đầu rút khỏi căn cứ Ain al-Asad.",
    ),
]


# (the thirty-eighth and thirty-ninth sets) a party or a minister's bloc leaving a political
# alliance: a government's or parties' coalition is no force
THE_SETS_PARTIES = [
    (
        "Iraqi planning minister quits, pulls his bloc out of governing coalition",
        "Iraq's planning minister resigned on Monday and withdrew his Tigris Future bloc from the"
        " prime minister's governing coalition. \"We are withdrawing from the coalition with our "
        'heads up," he told reporters in Baghdad.',
    ),
    (
        "Bộ trưởng Kế hoạch Iraq từ chức, rút khỏi liên minh cầm quyền",
        "Bộ trưởng Kế hoạch Iraq hôm thứ Hai đã từ chức và đưa khối Tương lai Tigris rút khỏi "
        'liên minh cầm quyền. "Chúng tôi rút khỏi liên minh", ông nói tại Baghdad.',
    ),
    (
        "Sunrise Movement quits Rafidain Alliance before Iraq's provincial vote",
        "The Sunrise Movement withdrew from the Rafidain Alliance on Monday, pulling its 20 "
        'candidates from the joint lists. "The foreign troops are leaving and the money is '
        'arriving," an analyst in Baghdad said.',
    ),
]

# the coalition's forces beside Iraq's ruling coalition, in one sentence or the title
BESIDE_A_GOVERNING_ONE = [
    (
        "Ruling coalition demands the US-led coalition leave Iraq",
        "Iraq's ruling coalition on Monday demanded that the US-led coalition leave Iraq by the "
        "end of the year.",
    ),
    (
        "Governing coalition splits over US troop withdrawal from Iraq",
        "Iraq's governing coalition split on Monday over the timetable for the withdrawal of US "
        "troops from Baghdad.",
    ),
    (
        "Minister resigns as coalition forces leave Anbar base",
        "Iraq's defence minister resigned on Monday as coalition forces left their last base in "
        "Anbar.",
    ),
]

# (a sixth review) a forecast of our force's fall is the topic, though no level is read
FORECASTS = [
    (
        "US force in Iraq could shrink",
        "The US force in Iraq could fall to about 1,800 troops by the summer, officials said.",
    ),
    (
        "Quân Mỹ ở Iraq có thể chỉ còn 1.500",
        "Lực lượng Mỹ tại Iraq có thể giảm xuống còn khoảng 1.500 binh sĩ vào mùa hè.",
    ),
]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        *ON,
        *LEADS_WITH_OUR_FORCES,
        *BESIDE_A_GOVERNING_ONE,
        *ON_THE_COALITION,
        *COALITION_NAMED,
        *FORECASTS,
    ],
)
def test_withdrawal_news_with_parties_in_it_stays_on_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"), [*OFF, *THE_SETS_PARTIES, *NAMED_IN_THE_SUMMARY, *PARTY_ALLIANCES]
)
def test_a_party_leaving_a_government_is_someone_else_leaving(title: str, summary: str) -> None:
    verdict = judge(MATCHER, title, summary)
    assert (verdict.relevant, verdict.reason) == (False, "other departure")
