"""Where an item's title puts its focus: Iraq named, or named only as what something is not
tied to; troops that leave another theatre for Iraq. Pure: no I/O."""

from __future__ import annotations

from watchers.topic import cues
from watchers.topic.match import Matcher
from watchers.topic.text import words

__all__ = ["leaves_from", "names_place"]


def names_place(matcher: Matcher, folded: str, place: frozenset[str]) -> bool:
    """Whether a title (folded) names Iraq but as what something is not tied to
    (``cues.NOT_TIED``: "US to trim Kuwait force by 1,500, says cut not tied to Iraq")."""
    untied = cues.NOT_TIED.search(folded)
    if untied is not None:
        folded = f"{folded[: untied.start()]} {folded[untied.end() :]}"
    return bool(set(matcher.find(folded)) & place)


# "withdraw from", "leave Syrian bases", "rút khỏi", "rời Syria" (folded)
_FROM = frozenset({"from", "leave", "leaves", "leaving", "left", "exit", "exits", "khoi", "roi"})


def leaves_from(
    matcher: Matcher, title: str, elsewhere: frozenset[str], place: frozenset[str] | None
) -> bool:
    """Whether the title has troops leave another theatre for Iraq: "US troops leave Syrian
    bases, cross into Iraq", "Mỹ rút quân khỏi Syria, chuyển sang Iraq" (a word of
    ``elsewhere`` within three words after "from", "leave" or "khỏi", and a word of ``place``
    after it and none before: not "Coalition mission in Iraq to end in 2025, troops to leave
    Syria in 2026")."""
    folded = words(title)
    place = place or frozenset()
    left = {
        i: set(matcher.find(" ".join(folded[i + 1 : i + 4])))
        for i, w in enumerate(folded)
        if w in _FROM
    }
    if any(named & place for named in left.values()):
        return False  # "withdraw from Syria and from Iraq": Iraq too
    for i, named in left.items():
        if named & elsewhere:
            # Iraq is where they go, named after: "…, cross into Iraq", "chuyển sang Iraq"
            return bool(set(matcher.find(" ".join(folded[i + 4 :]))) & place) and not (
                set(matcher.find(" ".join(folded[:i]))) & place
            )
    return False
