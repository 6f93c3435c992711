"""The stories labelled articles form when placed as the service places them
(``choose.best_story``), given every pair's verdict: for ``tests/story_model.py``.

In order of their day, each article joins the story of the earlier article it matches best
(a near copy, then one in its own language, then by score) if it holds together with that
story's reports in that article's language, and in its own (``choose.holds_together``),
and none of them names another day (``verdict.other_day``) or is vetoed (``verdict.vetoed``);
when its best match's story names another day, it joins the story of its best match in the
other language, a translation (``choose.TRANSLATED``), one of whose reports names its own day,
if that one is not apart either (``choose._on_its_day``); else it starts its own. The model
has every pair's verdict, where the service judges the candidates the index found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from watchers.stories.choose import LEAD_KEPT, TRANSLATED, holds_together
from watchers.stories.similar import Evidence
from watchers.stories.similar.features import lead_share
from watchers.stories.similar.verdict import other_day, vetoed

__all__ = ["NEAR_COPY", "placed"]

NEAR_COPY = 2.0  # how sure a verdict is of a near copy
Verdicts = Mapping[frozenset[str], tuple[bool, float]]


def placed(
    order: Sequence[str],
    verdicts: Verdicts,
    other_leads: set[frozenset[str]],
    told: Mapping[str, Evidence],
    lang: Mapping[str, str],
) -> dict[str, str]:
    """Each article's story (the key of its first article); ``order``: the articles' keys in
    order of their day; ``other_leads``: the pairs the model accepts whose leads share
    nothing (``verdict.other_lead``)."""
    story: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for n, key in enumerate(order):
        best = _best(key, order[:n], verdicts, other_leads, lang)
        led_apart = best is not None and frozenset((key, best[1])) in other_leads
        if led_apart:
            best = _kept(key, order[:n], verdicts, told, lang)
        if best is not None and best[0] < NEAR_COPY:
            reports = members[story[best[1]]]
            why = _apart(key, best[1], reports, verdicts, told, lang)
            if why == "other_day" and not led_apart:
                best = _on_its_day(key, reports, order[:n], story, members, verdicts, told, lang)
            elif why is not None:
                best = None
        story[key] = story[best[1]] if best else key
        members.setdefault(story[key], []).append(key)
    return story


def _on_its_day(
    key: str,
    reports: list[str],
    earlier: Sequence[str],
    story: Mapping[str, str],
    members: Mapping[str, list[str]],
    verdicts: Verdicts,
    told: Mapping[str, Evidence],
    lang: Mapping[str, str],
) -> tuple[float, str] | None:
    """As ``choose._on_its_day``: for ``key`` kept out of the story of ``reports`` by a
    report of another day, its best match in the other language in another story, if it
    scores as a translation, its story names ``key``'s very day and it is not apart; None if
    ``reports`` has one of ``key``'s day."""
    new = told[key]
    if not new.dated or any(told[m].dated and told[m].published == new.published for m in reports):
        return None
    others = [m for m in earlier if m not in reports and lang[m] != lang[key]]
    other = _best(key, others, verdicts, set(), lang)
    if other is None or other[0] < TRANSLATED:
        return None
    theirs = members[story[other[1]]]
    if not any(told[m].dated and told[m].published == new.published for m in theirs):
        return None
    return other if _apart(key, other[1], theirs, verdicts, told, lang) is None else None


def _best(
    key: str,
    earlier: Sequence[str],
    verdicts: Verdicts,
    other_leads: set[frozenset[str]],
    lang: Mapping[str, str],
) -> tuple[float, str] | None:
    """The earlier article ``key`` matches best, as the service ranks: a near copy, then a
    match in the same language, then score (``other_leads`` count as matches)."""
    best: tuple[float, str] | None = None
    ranked: tuple[bool, bool, float] | None = None
    for m in earlier:
        pair = frozenset((key, m))
        same, p = verdicts.get(pair, (False, 0.0))
        rank = (p >= NEAR_COPY, lang[m] == lang[key], p)
        if (same or pair in other_leads) and (ranked is None or rank > ranked):
            best, ranked = (p, m), rank
    return best


def _apart(
    key: str,
    match: str,
    reports: list[str],
    verdicts: Verdicts,
    told: Mapping[str, Evidence],
    lang: Mapping[str, str],
) -> str | None:
    """Why ``key`` does not join the story of ``match`` (its ``reports``), as
    ``choose._apart``; None if it does."""
    if any(other_day(told[key], told[m]) for m in reports):
        return "other_day"
    if any(vetoed(told[key], told[m]) for m in reports):
        return "vetoed"
    scores = [(lang[m], verdicts.get(frozenset((key, m)), (False, 0.0))[1]) for m in reports]
    if not holds_together(scores, Counter(lang[m] for m in reports), lang[match], lang[key]):
        return "incoherent"
    return None


def _kept(
    key: str,
    reports: Sequence[str],
    verdicts: Verdicts,
    told: Mapping[str, Evidence],
    lang: Mapping[str, str],
) -> tuple[float, str] | None:
    """As ``choose.best_story`` when the best match reports another event: the best match
    among the ``reports`` before it whose lead ``key`` shares (``choose.LEAD_KEPT``), else
    None."""
    judged = {m: verdicts.get(frozenset((key, m)), (False, 0.0)) for m in reports}
    kept = [
        (lang[m] == lang[key], p, m)  # ranked as the service ranks: language, then score
        for m, (same, p) in judged.items()
        if same and lead_share(told[key], told[m]) >= LEAD_KEPT
    ]
    return max(kept)[1:] if kept else None
