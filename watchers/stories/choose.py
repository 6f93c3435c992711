"""The story decider: which story a new article joins, and which re-posts are edits. Does no I/O.

Identity comes first (``watchers.identity.triage``: GUID, then canonical URL); then:

* **Edited copy** — an item whose GUID or canonical URL is stored, with another content
  hash than the stored article's current text: a new *version* of that article, not a new
  article. It joins nothing and starts nothing; it alerts only if its figures changed.
* **Exact copy** — a new article (new GUID and URL) whose content hash is a stored
  article's: it joins that article's story, without any similarity check.
* **Same story** — otherwise a relevant article is compared with the candidates the index
  found (``watchers.stories.similar.same_story``); it joins the story of the best match: a near
  copy before a rewrite before a report in another language, then the higher score, then
  the earlier article — if it holds together with that story (``fits``): unless it is a near
  copy, at least half the story's reports in the match's language (and those stored before
  languages were counted) must score ``COHERENT`` with it (one strong match alone would
  chain one development to another through a report that mentions both; reports in another
  language are weighed by another model, which scores lower, and do not count). A match in
  the other language joins only if the article also holds together with the story's reports
  in its own language, judged by the more precise model within it (when it is a
  translation of the match, only the match's language's reports the index found count: it
  finds another language's poorly).
  Nor does an article whose lead names the event's day join a story one of whose reports
  found names another (``verdict.other_day``): its best match may name none, the story is
  still another day's event; then a translation dated by its own day joins the story of its
  original, its best match in the other language, when that story names its very day
  (``_on_its_day``). Nor one whose lead tells a scoop a report of the story tells as said
  officially, or the other way round (``verdict.other_source``). With no match, or if it
  does not hold together with the best match's story, it starts a story of its own.
* A **not relevant** article always starts a story of its own: nobody is alerted about it,
  and reading its evidence (figures included) would cost ~10 ms for nothing.

``join_alert``: the first article of a story sends the story alert; a later one sends none,
but edits the alert (``"edit"``) — unless the story never alerted (its first article was
backlog), in which case the first article that may alert sends the story alert.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Literal

from storage.story_types import StoredVersion
from watchers.identity.triage import Decision
from watchers.stories.similar import (
    Evidence,
    Rarity,
    Verdict,
    other_day,
    same_story,
    vetoed,
)
from watchers.stories.similar.features import lead_share
from watchers.stories.similar.verdict import Veto

__all__ = [
    "COHERENT",
    "COUNTED",
    "TRANSLATED",
    "Apart",
    "Candidate",
    "Choice",
    "best_story",
    "edited_versions",
    "fits",
    "holds_together",
    "join_alert",
]

COHERENT = 0.4  # the verdict's score half a story's reports must reach with a new article
TRANSLATED = 0.9  # a match in another language this sure is a translation (``holds_together``)
COUNTED = 32  # a story's reports counted at most: a large story is judged on its best part
# a report of its best match's story whose lead an article shares this much is a match of its
# own, though the best match's lead shares nothing (``verdict.other_lead``)
LEAD_KEPT = 0.25
BACKGROUND = 2  # a passage the candidates of this many stories share is background
_REASON_RANK = {"near_copy": 3, "rewrite": 2, "other_lead": 2, "other_language": 1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored (or just placed) article the index found, with its story and evidence."""

    article_id: int
    story_id: int
    evidence: Evidence


Apart = Literal["incoherent", "other_day", "other_lead", Veto]


@dataclass(frozen=True, slots=True)
class Choice:
    """The story to join (None: start one), the article it matched and the verdict;
    ``apart``: why the best match's story was not joined — it did not hold together with
    the article (``holds_together``: "incoherent"), one of its reports names another day
    (``other_day``) or, in its title, another member of the coalition than the other names
    (``other_partner``), or tells as a scoop what the other tells as said officially, or
    the other way round (``other_source``), or one title has the US's body act and the other
    Iraq's (``other_actor``), or one title tells an attack and the other none (``other_act``),
    or one is a round-up of the day's news (``digest``), or the match is one the model
    accepts but whose lead shares almost nothing with the article's (``verdict.other_lead``)
    — None if it was joined or nothing matched; ``passed``: why the best match's story was
    passed over when the article joined another (``_on_its_day``), else None."""

    story_id: int | None
    article_id: int | None = None
    verdict: Verdict | None = None
    apart: Apart | None = None
    passed: Apart | None = None  # why it passed over its best match's story for this one


def best_story(
    new: Evidence,
    candidates: Iterable[Candidate],
    rarity: Rarity | None = None,
    sizes: Mapping[int, Mapping[str, int]] | None = None,
) -> Choice:
    """The story of the candidate that best matches ``new`` if ``new`` holds together with
    the story's reports in that candidate's language and, when the candidate is in another
    language, with those in its own (``holds_together``), and none of the story's reports
    among the candidates names another day than ``new`` (``other_day``), else a new story.
    A candidate the model accepts but whose lead shares almost nothing with ``new``'s
    (``verdict.other_lead``) ranks as a rewrite: when it is the best match, ``new`` joins
    only the best match whose lead it shares (``LEAD_KEPT``), in its story or another, and
    otherwise starts its own rather than joining a weaker match;
    ``rarity``: the store's document frequencies of the keys compared; ``sizes``: how many
    reports each candidate's story has in each language ("": of a language not recorded).
    Passages told in two stories (``_without_background``) and, within its language, the
    figures it restates (``_without_standing``) are not weighed."""
    counts = rarity or Rarity()
    best: tuple[tuple[int, float, int], Candidate, Verdict] | None = None
    scores: dict[int, list[tuple[str, float]]] = {}  # story -> (language, score) of each report
    judged = list(candidates)
    accepted: list[tuple[tuple[int, float, int], Candidate, Verdict]] = []
    new = _without_background(new, judged)
    own = _without_standing(new, judged)
    for candidate in judged:
        mine = own if candidate.evidence.lang == new.lang else new
        verdict = same_story(mine, candidate.evidence, counts)
        if mine is not new and verdict.reason == "near_copy":
            # a copy is judged on every figure: without the standing ones, a figure the two
            # disagree on no longer raises the copy's bar (a copy with it is one without)
            verdict = same_story(new, candidate.evidence, counts)
        scores.setdefault(candidate.story_id, []).append((candidate.evidence.lang, verdict.score))
        if not verdict.same and verdict.reason != "other_lead":
            continue
        rank = (_REASON_RANK.get(verdict.reason, 0), verdict.score, -candidate.article_id)
        if verdict.same:
            accepted.append((rank, candidate, verdict))
        if best is None or rank > best[0]:
            best = (rank, candidate, verdict)
    if best is None:
        return Choice(None)
    _, matched, verdict = best
    story = matched.story_id
    if verdict.reason == "other_lead":  # its best match's lead reports another event
        # ... so it joins only a match whose lead it shares (``LEAD_KEPT``), in any story
        kept = [k for k in accepted if lead_share(new, k[1].evidence) >= LEAD_KEPT]
        if not kept:
            return Choice(None, matched.article_id, verdict, apart="other_lead")
        _, matched, verdict = max(kept, key=lambda k: k[0])
        story = matched.story_id
    if verdict.reason == "near_copy":
        return Choice(story, matched.article_id, verdict)
    apart = _apart(new, matched, verdict, judged, scores, sizes or {})
    if apart == "other_day" and best[2].reason != "other_lead":  # another day's event ...
        found = _on_its_day(new, story, accepted, judged)
        if found and _apart(new, found[1], found[2], judged, scores, sizes or {}) is None:
            _, other, theirs = found  # ... and a story in the other language names its day
            return Choice(other.story_id, other.article_id, theirs, passed=apart)
    if apart is not None:
        return Choice(None, matched.article_id, verdict, apart=apart)
    return Choice(story, matched.article_id, verdict)


def _apart(
    new: Evidence,
    matched: Candidate,
    verdict: Verdict,
    judged: list[Candidate],
    scores: Mapping[int, list[tuple[str, float]]],
    sizes: Mapping[int, Mapping[str, int]],
) -> Apart | None:
    """Why ``new`` does not join the story of ``matched`` (its verdict ``verdict``, not a near
    copy), or None: a report of it among ``judged`` names another day or is vetoed, or ``new``
    does not hold together with it."""
    story = matched.story_id
    if any(other_day(new, c.evidence) for c in judged if c.story_id == story):
        return "other_day"
    vetoes = (vetoed(new, c.evidence) for c in judged if c.story_id == story)
    if veto := next((v for v in vetoes if v), None):
        return veto
    reports = sizes.get(story, {})
    lang = matched.evidence.lang
    translated = lang != new.lang and verdict.score >= TRANSLATED
    if not holds_together(scores[story], reports, lang, new.lang, found_only=translated):
        return "incoherent"
    return None


def _on_its_day(
    new: Evidence,
    story: int,
    accepted: list[tuple[tuple[int, float, int], Candidate, Verdict]],
    judged: list[Candidate],
) -> tuple[tuple[int, float, int], Candidate, Verdict] | None:
    """For ``new`` kept out of ``story`` (its best match's) because one of its reports names
    another day: the best match ``new`` has in the other language, in another story, when it
    scores as a translation (``TRANSLATED``) and one of that story's reports among ``judged``
    names the very day ``new``'s lead names — a translation dated by its own day whose best
    match (most often in its own language: the week's background is the same) was another
    day's event joins the story of its original. None when ``story`` itself has a report of
    ``new``'s very day: then ``new``'s event is more likely that story, kept apart by another
    of its reports (a Vietnamese one dated by Hanoi's next day). Only the very day, not the
    day before as ``verdict.EAST`` allows: a report of the day before's event in the other
    language may score as a translation too."""
    if not new.dated:
        return None
    reports = [c.evidence for c in judged if c.story_id == story]
    if any(e.dated and e.published == new.published for e in reports):
        return None
    others = [k for k in accepted if k[1].story_id != story and k[1].evidence.lang != new.lang]
    if not others:
        return None
    match = max(others, key=lambda k: k[0])
    _, candidate, verdict = match
    if verdict.score < TRANSLATED:
        return None
    theirs = (c.evidence for c in judged if c.story_id == candidate.story_id)
    return match if any(e.dated and e.published == new.published for e in theirs) else None


def _without_background(new: Evidence, judged: list[Candidate]) -> Evidence:
    """``new`` without the passages it shares with reports of two stories or more among the
    candidates: an outlet's background paragraph ("Under the agreement, the US force was to
    fall ... to about 2,500"), told again in its reports of other events, is no evidence of
    one event."""
    told: dict[int, set[int]] = {}  # story -> the passages its candidates share with ``new``
    for c in judged:
        if shared := new.passages & c.evidence.passages:
            told.setdefault(c.story_id, set()).update(shared)
    if len(told) < BACKGROUND:
        return new
    stories = Counter(chain.from_iterable(told.values()))  # passage -> stories that tell it
    background = {p for p, n in stories.items() if n >= BACKGROUND}
    return replace(new, passages=new.passages - background) if background else new


def _without_standing(new: Evidence, judged: list[Candidate]) -> Evidence:
    """``new`` without the figures a candidate whose event was on an earlier day reported
    too, when ``new``'s lead names its own day: the standing figures of the moment
    (yesterday's agreed date, the level it left), which the next day's other events restate
    ("a day after Washington agreed to shrink the force to 2,000 by the end of this year").
    Within a language only: across languages figures are most of what two reports of one
    event share, and a translation is often dated a day after its original."""
    if not new.dated or new.published is None:
        return new
    day, lang = new.published, new.lang
    before = [
        c.evidence
        for c in judged
        if c.evidence.lang == lang and c.evidence.published and c.evidence.published < day
    ]
    troops = {f for f in new.troop_counts if any(f in e.troop_counts for e in before)}
    dates = {f for f in new.deadlines if any(f in e.deadlines for e in before)}
    if not troops and not dates:
        return new
    return replace(new, troop_counts=new.troop_counts - troops, deadlines=new.deadlines - dates)


def holds_together(
    scores: Sequence[tuple[str, float]],
    reports: Mapping[str, int],
    match: str,
    own: str,
    *,
    found_only: bool = False,
) -> bool:
    """Whether a new article in language ``own`` holds together with a story whose report
    in language ``match`` it matched best: it ``fits`` the story's reports in ``match`` and,
    across languages, those in ``own``. ``scores``: (language, verdict's score) of the
    story's reports judged (the others count as below); ``reports``: how many the story has
    in each language ("": of no recorded language, counted with ``match`` but for the
    reports judged in other languages, as every report was before languages were kept).

    ``found_only``: of the reports in ``match`` (another language than ``own``), only those
    judged count; ``best_story`` asks it when the article is a translation of its match
    (scores ``TRANSLATED``). The index finds another language's reports poorly (it samples
    an article's lowest terms and names, and most of a Vietnamese article's terms are
    Vietnamese), so one it missed says little against a translation. Those in ``own``,
    which it finds, count all."""
    for lang in dict.fromkeys((match, own)):
        mine = [score for report_lang, score in scores if report_lang == lang]
        if lang == match and found_only and match != own:
            size = len(mine)
        elif lang == match:
            size = reports.get(lang, 0) + max(reports.get("", 0) - (len(scores) - len(mine)), 0)
        else:
            size = reports.get(lang, 0)
        if (mine or size) and not fits(mine, size):
            return False
    return True


def fits(scores: Sequence[float], size: int) -> bool:
    """Whether a new article holds together with a story: at least half of the story's
    reports (``size``, at most ``COUNTED``) score ``COHERENT`` or more with it (``scores``:
    the verdicts' scores of those among the candidates; the others count as below)."""
    counted = min(max(size, len(scores)), COUNTED)
    return 2 * sum(s >= COHERENT for s in scores) >= counted


def edited_versions(
    decisions: Sequence[Decision], current: Mapping[tuple[str, str], StoredVersion]
) -> list[tuple[Decision, StoredVersion]]:
    """The items identity called re-publications whose text differs from the stored one.

    ``current`` is the stored articles' current text by ("guid", GUID) and ("url",
    canonical URL). An item repeated within one fetch counts once.
    """
    edited: list[tuple[Decision, StoredVersion]] = []
    seen: set[tuple[int, str]] = set()
    for decision in decisions:
        item = decision.article
        if decision.reason == "duplicate_guid" and item.guid:
            stored = current.get(("guid", item.guid))
        elif decision.reason == "duplicate_url" and item.canonical_url:
            stored = current.get(("url", item.canonical_url))
        else:
            continue
        if stored is None or stored.content_hash == item.content_hash:
            continue
        if (stored.article_id, item.content_hash) in seen:
            continue
        seen.add((stored.article_id, item.content_hash))
        edited.append((decision, stored))
    return edited


def join_alert(*, new_story: bool, may_alert: bool, story_alerted: bool) -> str | None:
    """What a placed article sends: "story", "edit" or nothing (None)."""
    if not may_alert:
        return None
    if new_story or not story_alerted:
        return "story"
    return "edit"
