"""Where each new article of a batch goes: a stored story, a story an earlier article of the
batch started, or one of its own. Pure: no I/O.

An article joins the story of an exact copy (same content hash), else of the best candidate
the verdict accepts (``watchers.stories.choose.best_story``) — the stored ones storage found
for it, and the articles placed earlier in the same batch, ranked by a small index of their
own — if it holds together with that story (``choose.fits``), else it starts its own; the
verdict weighs shared evidence by its rarity in the store (``rarity``, the document
frequencies storage read for the batch). The first article of a story that may alert sends
the story alert (``join_alert``); a later one that joins a stored story which already
alerted schedules an edit of that alert — and, when it brings something the story's reports
did not have (``news``: a new figure, a milestone), an update alert.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storage.story_types import StoryState
from watchers.identity.triage import Decision
from watchers.stories.choose import Candidate, best_story, join_alert
from watchers.stories.news import news
from watchers.stories.similar import Evidence, Rarity, StoryIndex
from watchers.stories.similar.codec import encode, slots
from watchers.stories.similar.rarity import rarity_keys

log = logging.getLogger(__name__)

__all__ = ["JUDGED", "LOCAL", "PlaceIntent", "place_articles"]

JUDGED = 32  # the best-ranked candidates judged for each new article
LOCAL = 1 << 40  # above every stored id: the pseudo ids of the batch's own articles


@dataclass(frozen=True, slots=True)
class PlaceIntent:
    """Where a new article goes: a stored story (``story``), the story of an earlier article
    of the batch (``joins``, a ref), or a story of its own (both None)."""

    article: int
    story: int | None = None
    joins: int | None = None
    evidence: bytes = b""
    slots: bytes = b""
    announces: bool = False
    keys: tuple[int, ...] = ()  # counted in the document frequencies (``rarity_keys``)
    news: tuple[str, ...] = ()  # what it brings its story (``news``): it sends an update
    lang: str = ""  # the language of its evidence (stored with it)


def place_articles(
    kept: Sequence[tuple[int, Decision]],
    evidence: Sequence[Evidence | None],
    *,
    copies: Mapping[str, int],
    candidates: Mapping[int, Sequence[Candidate]],
    stories: Mapping[int, StoryState],
    rarity: Rarity | None = None,
) -> tuple[list[PlaceIntent], list[int]]:
    """Each new article's story, in feed order, and the stored stories whose alert an article
    joining them edits. An article joins the story of an exact copy (same content hash), else
    of the best candidate the verdict accepts — stored or placed earlier in this batch — if
    it holds together with that story (``choose.holds_together``; ``stories``: whether each
    stored story sent its alert, and its reports in each language), else starts its own;
    the first article of a story that may alert sends the story alert."""
    stories_of = dict(copies)  # content hash -> story, growing with the batch
    # story (or a pseudo id of one the batch started) -> its reports in each language
    size_of = {story: dict(state.reports) for story, state in stories.items()}
    alerted = {story for story, state in stories.items() if state.announced}
    local_index = StoryIndex()
    local: dict[int, Candidate] = {}  # pseudo article id -> candidate
    placements: list[PlaceIntent] = []
    edits: list[int] = []
    for ref, (position, decision) in enumerate(kept):
        article = decision.article
        ev = evidence[position] if article.relevant else None
        story = stories_of.get(article.content_hash)
        members: list[Evidence] | None = None  # the story's reports it was judged against
        if ev is None and story is None:
            placements.append(PlaceIntent(ref, announces=decision.alert))
            continue
        keys = rarity_keys(ev) if ev is not None else set()
        if story is None and ev is not None:
            ranked = local_index.ranked(ev, JUDGED)
            judged = [*candidates.get(position, ()), *(local[i + LOCAL] for i in ranked)]
            counts = (rarity or Rarity()).including(keys) if judged else None
            choice = best_story(ev, judged, counts, size_of)
            story = choice.story_id
            members = [c.evidence for c in judged if c.story_id == story]
            if choice.verdict is not None:
                log.debug(
                    "stories.%s article=%s reason=%s score=%s passed=%s",
                    f"apart.{choice.apart}" if choice.apart else "matched",
                    choice.article_id, choice.verdict.reason, choice.verdict.score, choice.passed,
                )  # fmt: skip
        joined_alerted = story is not None and story in alerted
        send = join_alert(
            new_story=story is None, may_alert=decision.alert, story_alerted=joined_alerted
        )
        own = LOCAL + ref if story is None else story
        if send == "story":
            alerted.add(own)
        elif send == "edit" and own < LOCAL and own not in edits:
            edits.append(own)
        brings = news(ev, members) if send == "edit" and ev and members else ()
        packed = encode(ev) if ev is not None else b""
        indexed = slots(ev) if ev is not None else b""
        placements.append(
            PlaceIntent(
                ref,
                story=own if own < LOCAL and story is not None else None,
                joins=own - LOCAL if story is not None and own >= LOCAL else None,
                evidence=packed,
                slots=indexed,
                announces=send == "story",
                keys=tuple(sorted(keys)),
                news=brings,
                lang=ev.lang if ev is not None else "",
            )
        )
        stories_of.setdefault(article.content_hash, own)
        if ev is not None:
            reports = size_of.setdefault(own, {})
            reports[ev.lang] = reports.get(ev.lang, 0) + 1
            local[LOCAL + ref] = Candidate(LOCAL + ref, own, ev)
            local_index.insert_packed([(ref, indexed)])
    return placements, edits
