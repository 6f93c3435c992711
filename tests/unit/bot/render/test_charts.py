"""The pictures of /history and /timeline, and times in the reader's time zone."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PIL import Image

from bot.render import charts
from bot.render.formats import day, when

NOW = datetime(2026, 12, 4, 18, 1, tzinfo=UTC)


def test_a_moment_is_shown_on_the_readers_clock_with_its_zone() -> None:
    assert when(NOW, "vi") == "04/12/2026 18:01 UTC"
    assert when(NOW, "vi", "Asia/Ho_Chi_Minh") == "05/12/2026 01:01 +07"
    assert when(NOW, "en", "Asia/Ho_Chi_Minh") == "5 Dec 2026 01:01 +07"
    assert when(NOW, "en", "Asia/Baghdad") == "4 Dec 2026 21:01 +03"
    assert day(NOW, "vi", "Asia/Ho_Chi_Minh") == "05/12/2026"
    assert when(NOW, "en", "Not/A_Zone") == "4 Dec 2026 18:01 UTC"  # an unknown zone: UTC


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.size


def test_a_figures_chart_is_a_png_of_the_fixed_size_with_its_changes_in_the_caption() -> None:
    key = "troops/US/Iraq"
    reports = [("2500", "new"), ("2500", "confirmed"), ("2000", "changed")]
    points = [
        charts.point(key, NOW - timedelta(days=30 * (3 - i)), value, "approx", value, kind, "vi")
        for i, (value, kind) in enumerate(reports)
    ]
    chart = charts.figure_chart(key, points, "vi", "Asia/Ho_Chi_Minh")
    assert _size(chart.png) == charts.SIZE
    assert chart.caption == (  # each report's day is the next day in Vietnam
        "Biểu đồ: Binh sĩ Mỹ ở Iraq, 3 bản tin từ 06/09/2026 đến 05/11/2026; "
        "các giá trị: khoảng 2.500 → khoảng 2.000."
    )


def test_the_timeline_marks_each_milestone_reached_or_not() -> None:
    key = "deadline/coalition leaves Iraq"
    points = [
        charts.point(key, NOW - timedelta(days=60), "2026", "year-end", "2026-12-31", "new", "en"),
        charts.point(key, NOW, "2027-09", "month", "2027-09-30", "changed", "en"),
    ]
    erbil = "deadline/coalition leaves Erbil"
    other = [charts.point(erbil, NOW, "2026-09", "month", "2026-09-30", "new", "en")]
    chart = charts.timeline_chart(
        {key: points, erbil: other}, {erbil: NOW - timedelta(days=1)}, "en", "UTC"
    )
    assert _size(chart.png) == charts.SIZE
    assert chart.caption.endswith(
        "coalition leaves Iraq: end of 2026 → September 2027 (not reached yet); "
        "coalition leaves Erbil: September 2026 (reached 3 Dec 2026)."
    )
