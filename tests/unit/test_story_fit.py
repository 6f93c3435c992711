"""The story model's fitting tools: the threshold chosen for precision, and its steady form."""

from __future__ import annotations

from tests.story_fit import steady_threshold, threshold


def test_the_threshold_is_the_lowest_score_above_which_the_pairs_are_precise_enough() -> None:
    p = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.55]
    y = [True, True, True, True, False, True, False]
    assert threshold(p, y, 0.8) == 0.6  # 5 of 6 at 0.6 and above
    assert threshold(p, y, 0.9) == 0.8
    assert threshold([0.3, 0.2], [True, True], 0.9) == 0.5  # never below the floor
    assert threshold([], [], 0.9) == steady_threshold([], [], 0.9) == 1.0  # no pairs: none


def test_the_steady_threshold_does_not_jump_with_one_pair() -> None:
    """Precision hovering at the target (one pair of different stories after every nineteen
    of one story): one more such pair high up moves one sample's threshold from the bottom
    of the list to near its top; the median over resamples barely moves."""
    p = [round(0.99 - 0.0024 * i, 4) for i in range(200)]
    y = [i % 20 != 19 for i in range(200)]
    one_more = [same and i != 30 for i, same in enumerate(y)]
    assert threshold(p, y, 0.95) < 0.52
    assert threshold(p, one_more, 0.95) > 0.9
    assert steady_threshold(p, y, 0.95) < 0.52
    assert steady_threshold(p, one_more, 0.95) < 0.53
    assert steady_threshold(p, one_more, 0.95) == steady_threshold(p, one_more, 0.95)
