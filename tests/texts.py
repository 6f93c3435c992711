"""Articles written for the tests and benchmarks, in the way Vietnamese outlets report such news
(a lead, then paragraphs of detail and background), so that no outlet's writing is in the
repository; the real articles are in the shared folder (``tests/shared.py``)."""

from __future__ import annotations

# A report of the September 2024 agreement.
TITLE = "Mỹ và Iraq thống nhất lộ trình rút lực lượng liên quân"
BODY = """Mỹ và Iraq đã đạt được thỏa thuận về kế hoạch rút lực lượng liên quân do Mỹ dẫn đầu \
khỏi Iraq, theo đó hàng trăm binh sĩ sẽ rời đi trước tháng 9/2025 và số còn lại rút hết trước \
cuối năm 2026, các nguồn tin thân cận với cuộc đàm phán cho biết hôm 6/9.

Theo kế hoạch, trong giai đoạn đầu liên quân sẽ rời căn cứ không quân Ain al-Asad ở tỉnh Anbar \
và giảm mạnh sự hiện diện tại thủ đô Baghdad. Một số lực lượng dự kiến ở lại Erbil, thủ phủ khu \
tự trị người Kurd, đến năm 2026 để hỗ trợ các chiến dịch chống Nhà nước Hồi giáo (IS) tại Syria.

Hiện Mỹ duy trì khoảng 2.500 binh sĩ ở Iraq và 900 binh sĩ ở Syria trong khuôn khổ liên quân \
được thành lập năm 2014 để chống IS. Washington nhiều lần khẳng định các lực lượng này chỉ làm \
nhiệm vụ cố vấn và hỗ trợ quân đội sở tại.

Thủ tướng Iraq Mohammed Shia al-Sudani từ đầu năm đã nhiều lần kêu gọi chấm dứt sứ mệnh của \
liên quân, cho rằng quân đội và lực lượng an ninh Iraq đủ khả năng tự bảo đảm an ninh. Các vòng \
đàm phán song phương bắt đầu từ tháng 1 và kéo dài nhiều tháng.

Ông Farhad Alaaldin, cố vấn đối ngoại của thủ tướng, cho biết hai bên đã thống nhất về nguyên \
tắc, song thời điểm công bố chính thức vẫn chưa được ấn định. Một quan chức Mỹ giấu tên nói \
thỏa thuận cần được lãnh đạo hai nước phê chuẩn.

Giới phân tích nhận định việc rút quân sẽ ảnh hưởng đến cán cân quyền lực trong khu vực, trong \
bối cảnh các nhóm vũ trang thân Iran liên tục tấn công những căn cứ có binh sĩ Mỹ đồn trú kể từ \
khi xung đột ở Dải Gaza bùng phát.
"""
# A report of another story, three years earlier.
TITLE_2021 = "Mỹ tuyên bố kết thúc nhiệm vụ chiến đấu ở Iraq trước cuối năm 2021"
BODY_2021 = """Tổng thống Mỹ Joe Biden và Thủ tướng Iraq Mustafa al-Kadhimi ngày 26/7 nhất trí \
chấm dứt nhiệm vụ chiến đấu của quân đội Mỹ tại Iraq trước cuối năm 2021.

Theo thỏa thuận, khoảng 2.500 binh sĩ Mỹ còn lại sẽ chuyển sang vai trò huấn luyện và cố vấn \
cho lực lượng an ninh Iraq, thay vì tham gia các chiến dịch trên thực địa.
"""
