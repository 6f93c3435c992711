"""The topic on the same-week sets (``tests/data/weekset*``) through ``drawdown analyze``: a
ratchet on the reports it gets wrong (``bench.weekset.topic_tally``), against each report's
label (``relevant``: its event is on the topic as the set's README tells it). The story
pairs count only reports on the topic (``test_weekset``), so an off-topic report the topic
keeps shows here; one on the topic it turns down shows in both.

The labels are the writers' own: most sets count an attack on a base that hosts our troops
as on the topic when its claim or its reports tie it to the withdrawal, where the topic
turns many such reports down (an attack with no withdrawal angle is not the topic); those
are most of the reports turned down here, and a change that keeps more of them is a choice
about the topic, not a mend of the stories."""

from __future__ import annotations

import pytest

from bench.weekset import SETS, topic_tally

# (reports on the topic turned down, reports off it kept) per set, as measured when this
# ratchet was written (the fourteenth stop); a change that gets fewer wrong lowers them.
MOST_WRONG_TOPIC = {
    "first set": (6, 0),
    "second set": (0, 0),
    "third set": (0, 0),
    "fourth set": (3, 0),
    "fifth set": (2, 0),
    "sixth set": (3, 1),
    "seventh set": (2, 0),  # (1, 0) before "chuyện quân" was no longer "chuyển quân"
    "eighth set": (7, 0),
    "ninth set": (6, 1),  # (6, 2) before another army's troops in a title (the 18th stop)
    "tenth set": (13, 0),
    "eleventh set": (22, 2),
    "twelfth set": (20, 0),
    "thirteenth set": (10, 0),
    "fourteenth set": (8, 0),
    "fifteenth set": (11, 0),  # (12, 0) before "Ba Lan", "Úc" with their diacritics
    "sixteenth set": (7, 0),  # (8, 0) before "Ba Lan", "Úc" with their diacritics
    "seventeenth set": (5, 0),
    "eighteenth set": (9, 0),
    "nineteenth set": (8, 0),
    "twentieth set": (3, 0),
    "twenty-first set": (2, 2),
    "twenty-second set": (2, 0),
    "twenty-third set": (3, 0),
    "twenty-fourth set": (8, 0),
    "twenty-fifth set": (1, 2),
    "twenty-sixth set": (4, 0),
    "twenty-seventh set": (4, 0),
    "twenty-eighth set": (1, 0),
    "twenty-ninth set": (3, 0),  # (4, 0) before a number between the words ("rút 850 quân")
    "thirtieth set": (0, 0),  # (1, 0) before "Ba Lan", "Úc" with their diacritics
    "thirty-first set": (1, 2),
    "thirty-second set": (3, 4),
    "thirty-third set": (6, 5),
    "thirty-fourth set": (4, 0),
    "thirty-fifth set": (2, 1),
    "thirty-sixth set": (14, 1),
    "thirty-seventh set": (5, 0),
    "thirty-eighth set": (5, 0),
    "thirty-ninth set": (7, 0),  # (8, 0) before a number between the words ("rút 850 quân")
    "fortieth set": (7, 2),
    "forty-first set": (1, 0),
    "forty-second set": (5, 0),
    "forty-third set": (9, 1),
    "forty-fourth set": (1, 1),
    "forty-fifth set": (7, 3),  # (7, 5) before the fifteenth stop's other theatres
    "forty-sixth set": (9, 0),  # written blind in the fifteenth stop; measured once on ``80b7f8a``
    "forty-seventh set": (6, 1),  # the same: (8, 3); then troops sent, Libya
    "forty-eighth set": (7, 1),  # written blind in the sixteenth stop; measured once on ``64f2e8c``
    "forty-ninth set": (3, 2),  # the same (a cut weighed kept by its title, as before)
    # written blind in the seventeenth stop; measured once on ``cb093c5``: (2, 1) and (3, 6);
    # then (looked at) "Liban", "concerns only Iraqi forces", "the two were unrelated", trainers
    # brought home from Kuwait
    "fiftieth set": (2, 0),
    "fifty-first set": (3, 0),
    # written blind in the eighteenth stop; measured once on ``0b819f1``: (1, 5) and (4, 4);
    # then (looked at) "…; Iraq force not affected", an operator or "công ty Mỹ phải rút"
    "fifty-second set": (1, 5),
    "fifty-third set": (4, 1),
    # written blind later in the stop; measured once on ``014329f``: (3, 7) and (6, 3); then
    # (looked at) another army's troops in a title ("Turkey to pull 1,200 troops out of Duhok")
    "fifty-fourth set": (3, 5),
    "fifty-fifth set": (6, 3),
    # written blind in the nineteenth stop; measured once on ``0f91f04``: (1, 1); then (looked
    # at) a party that "withdraws its three ministers"
    "fifty-sixth set": (1, 0),
    # the same, for the fifty-seventh: (4, 3); then "Iraq exit", "date for leaving federal
    # Iraq", instructors brought home "from NATO's training mission in Jordan"
    "fifty-seventh set": (3, 1),
}


@pytest.mark.parametrize("name", SETS)
def test_the_topic_gets_no_more_reports_of_a_same_week_set_wrong_than_measured(
    name: str,
) -> None:
    tally = topic_tally(SETS[name])
    turned_down, kept = MOST_WRONG_TOPIC[name]
    assert tally.fn <= turned_down, ("on the topic, turned down", tally.fn)
    assert tally.fp <= kept, ("off the topic, kept", tally.fp)
