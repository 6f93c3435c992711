"""``drawdown analyze`` and the running service decide the same, article by article.

A labelled set is replayed in publication order twice: through ``watchers.analyze`` (files),
and through the service's tick polling the local feed server (one feed per outlet, one new
article at a time). For every article both must agree on relevance, the matched terms, the
story it joined, every figure decision and every figure alert. The files given to analyze
hold the text as the feed parser delivers it, so only the way in differs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from drawdown.config import ScheduleConfig
from drawdown.service import matcher_for
from storage.store import Store
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss
from tests.shared import SEED_LABELS, eval_text, shared_root
from tests.shared import seeds as seeds_folder
from watchers.analyze import Document, analyze
from watchers.feeds.parse import parse_feed

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
SCHEDULE = ScheduleConfig(default_interval=60, jitter=0)


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    title: str
    body: str
    published: date | None
    url: str

    @property
    def outlet(self) -> str:
        return urlsplit(self.url).hostname or "unknown"


def seeds() -> list[Article]:
    found = []
    folder = seeds_folder()
    manifest = (SEED_LABELS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(manifest):
        row = json.loads(line)
        title, _, body = (folder / row["path"]).read_text(encoding="utf-8").strip().partition("\n")
        published = date.fromisoformat(row["published"]) if row["published"] else None
        url = f"https://seed{n % 3}.example/{row['path']}"
        found.append(Article(row["path"], title.strip(), body.strip(), published, url))
    return found


def labelled_set() -> list[Article]:
    folder = shared_root() / "eval"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(
            f"{folder} not found: the labelled real articles live outside the repository; "
            "pass --shared or set DRAWDOWN_SHARED"
        )
    found = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = eval_text(row).read_text(encoding="utf-8").strip()
        title, _, body = text.partition("\n")
        published = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        url = row.get("source_url") or f"https://unknown.example/{row['id']}"
        found.append(Article(row["id"], title.strip(), body.strip(), published, url))
    return found


def in_order(articles: list[Article]) -> list[Article]:
    """Publication order, undated last (as a feed would bring them: now)."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or date.min, a.name))


def item(article: Article) -> FeedItem:
    when = datetime(*article.published.timetuple()[:3], tzinfo=UTC) if article.published else None
    return FeedItem(title=article.title, link=article.url, description=article.body, published=when)


def as_parsed(article: Article) -> tuple[str, str]:
    """(title, summary) as the service's feed parser reads the article from a feed."""
    body = rss([item(article)])
    (parsed,) = parse_feed(
        body if isinstance(body, bytes) else body.encode(), url=article.url, headers={}
    )
    return parsed.title, parsed.summary


def analyzed(articles: list[Article], folder: Path) -> dict[str, dict[str, Any]]:
    documents = []
    for article in articles:
        title, summary = as_parsed(article)
        file = folder / f"{article.name}.txt"
        file.write_text(f"{title}\n{summary}\n", encoding="utf-8")
        documents.append(
            Document(article.name, file, article.published, article.url, article.outlet)
        )
    config = config_for(folder / "unused.db", SCHEDULE)
    results = analyze(documents, matcher_for(config), now=NOW)
    return {
        r.result["path"]: {
            "relevant": r.result["relevant"],
            "matched": r.result["matched"],
            "duplicate_of": r.result["duplicate_of"],
            "figures": sorted(
                (c["key"], c["kind"], str(c["new"]), None if c["old"] is None else str(c["old"]))
                for c in r.result["changes"]
            ),
        }
        for r in results
    }


async def served(
    articles: list[Article], folder: Path, feed_server: FeedServer
) -> dict[str, dict[str, Any]]:
    outlets = sorted({a.outlet for a in articles})
    config = config_for(folder / "service.db", SCHEDULE)
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.sync_feeds(
            [FeedSpec(feed_server.url(f"/{o}.rss"), o, "en", 60) for o in outlets], NOW
        )
        for outlet in outlets:  # every feed's first fetch is done: no backlog rules apply
            feed_server.set_feed(f"/{outlet}.rss", rss([]))
        await check_all(store, tick)
        for article in articles:
            feed_server.set_feed(f"/{article.outlet}.rss", rss([item(article)]))
            reports = await check_all(store, tick)
            assert all(r.status != "error" for r in reports), reports
        return dict(_read_back(store, articles))


def _read_back(store: Store, articles: list[Article]) -> Iterator[tuple[str, dict[str, Any]]]:
    by_url = {a.url: a.name for a in articles}
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT a.id, a.url, a.relevant, a.matched, s.first_article_id "
                "FROM article a JOIN story s ON s.id = a.story_id"
            )
        ).all()
        name_of = {row.id: by_url[row.url] for row in rows}
        entries = conn.execute(
            sa.text("SELECT article_id, key, kind, value FROM ledger_entry ORDER BY id")
        ).all()
        alerts = conn.execute(
            sa.text("SELECT article_id, payload FROM alert WHERE kind = 'figure'")
        ).all()
    old: dict[tuple[int, str], str] = {}
    for article_id, payload in alerts:
        figure = json.loads(payload)["figure"]
        old[(article_id, figure["key"])] = figure["old_value"]
    for row in rows:
        first = row.first_article_id
        figures = sorted(
            (key, kind, value, old.get((row.id, key)))
            for article_id, key, kind, value in entries
            if article_id == row.id and kind in ("new", "changed", "conflict")
        )
        yield (
            name_of[row.id],
            {
                "relevant": bool(row.relevant),
                "matched": [m for m in (row.matched or "").split("\n") if m],
                "duplicate_of": None if first == row.id else name_of[first],
                "figures": figures,
            },
        )


@pytest.mark.parametrize("labelled", [seeds, labelled_set], ids=["seeds", "eval"])
async def test_analyze_and_the_service_decide_the_same_for_every_article(
    labelled: Any, tmp_path: Path, feed_server: FeedServer
) -> None:
    articles = in_order(labelled())
    by_analyze = analyzed(articles, tmp_path)
    by_service = await served(articles, tmp_path, feed_server)
    assert set(by_service) == set(by_analyze) == {a.name for a in articles}
    for article in articles:
        assert by_service[article.name] == by_analyze[article.name], article.name
    assert any(r["figures"] for r in by_analyze.values())  # the replay judged figures
