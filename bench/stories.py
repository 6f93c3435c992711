"""Stories benchmark: the service's own placing path, per article, at 10k-1M stored articles.

What is timed is the service's own path for a batch of one new relevant article
(``watchers.ingest.Ingest``, as the pipeline calls it): in one story-lock transaction on a SQLite
file, catch up with the index rows stored since the watermark, ask what is known (identities,
exact copies; candidates from the in-memory ``StoryIndex``, their evidence from
``story_evidence`` by primary key; the document frequencies of what is compared), decide
(``watchers.process``: judge the candidates, place the article in a new story or the one it
joins), then insert the article, its story, its evidence, its document frequencies and its
alert; then commit.
``evidence()`` itself (shingles, signature, names, figures; ~10 ms, on the fetch's thread)
does not depend on the store and is timed apart.

The stored articles are synthetic but shaped like real ones: each takes the content words,
names and passages of a real labelled article (``<shared>/corpus``) with a third of them
replaced by others (of the corpus vocabulary), and a publication date on a timeline of
``PER_DAY`` articles a day (the store grows by time, as it does in service); unrelated
articles share no LSH band keys, and one in twenty is an edited copy of an earlier one (a
few bands changed); the document frequencies (``story_term``) count every stored article's keys. The
database is written directly (rows as the service writes them), then a fresh ``StoryMatcher``
(the process's index) loads every index row (``warm_up``, reported as ``load_s``) and the
real labelled articles are ingested, dated at the end of the timeline.
``load_avg`` is the machine's one-minute load average when the placing ends: a p95 measured
while other work runs (a load near the two cores here) is that work's as much as the path's.
Each size runs in its own process, so peak memory (``ru_maxrss``, over the process's
baseline after imports and before the store is opened) is that size's alone; ``db_mb`` is the
SQLite file's size.

The real articles are outside the repository, in the shared folder (``tests/shared.py``:
``DRAWDOWN_SHARED``, default ``../shared``); without it, both benchmarks show the reason.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import statistics
import struct
import tempfile
import time
from array import array
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from multiprocessing import get_context
from typing import Any

from storage.db import create_engine, upgrade
from storage.store import Store
from storage.stories import Stories
from storage.term_frequency import ARTICLES
from storage.types import FeedSpec, NewArticle
from tests import shared
from watchers.ingest import Ingest
from watchers.process import Batch
from watchers.stories.matcher import StoryMatcher
from watchers.stories.similar import Evidence, evidence, index_keys
from watchers.stories.similar.codec import encode
from watchers.stories.similar.index import slot
from watchers.stories.similar.rarity import rarity_keys
from watchers.worker import Prepared

SIZES = (10_000, 100_000, 1_000_000)
PER_DAY = 400
SAMPLE = 300
POOL = 2_000  # distinct synthetic texts; each stored article takes one, with its own date
_START = date(2019, 1, 1)
_NOW = datetime(2026, 11, 22, tzinfo=UTC)


def _real() -> list[Evidence]:
    from tests.story_quality import articles

    return [
        evidence(t.title, t.body, published=t.published, lang=t.lang) for t in articles().values()
    ]


def _synthetic(
    real: list[Evidence], rng: random.Random, vocab: list[int], names: list[str]
) -> Evidence:
    """A real article's words, names and passages, a third replaced."""
    base = real[rng.randrange(len(real))]
    terms = {t if rng.random() > 0.33 else rng.choice(vocab) for t in base.terms}
    anchors = {a if rng.random() > 0.33 else rng.choice(names) for a in base.anchors}
    passages = {p if rng.random() > 0.33 else rng.getrandbits(32) for p in base.passages}
    return replace(
        base, terms=frozenset(terms), anchors=frozenset(anchors), passages=frozenset(passages)
    )


def _slots(rows: list[tuple[int, int]]) -> bytes:
    return array("I", (slot(b, k) for b, k in rows)).tobytes()


def _build(path: str, size: int, real: list[Evidence], rng: random.Random) -> None:
    """``size`` stored relevant articles, each in a story, with evidence and index rows."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    Store(engine).sync_feeds([FeedSpec("https://a.example/rss", "Bench", "vi", 300)], _NOW)
    engine.dispose()
    vocab = sorted({t for e in real for t in e.terms})
    names = sorted({a for e in real for a in e.anchors})
    pool = [_synthetic(real, rng, vocab, names) for _ in range(POOL)]
    blobs = [encode(e) for e in pool]
    copies: list[list[int]] = []
    used = [0] * POOL  # how many stored articles took each text: the document frequencies
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    seen = "2026-11-22 00:00:00.000000"
    chunk = 20_000
    for start in range(0, size, chunk):
        arts, stories, evs = [], [], []
        for n in range(start + 1, min(size, start + chunk) + 1):
            day = _START + timedelta(days=n // PER_DAY)
            k = rng.randrange(POOL)
            used[k] += 1
            ev = replace(pool[k], published=day)
            rows = index_keys(ev)
            bands = [key for b, key in rows if b < 100]
            if copies and rng.random() < 0.05:  # an edited copy of an earlier article
                bands = list(rng.choice(copies))
                for i in rng.sample(range(len(bands)), 3):
                    bands[i] = rng.getrandbits(63)
            else:
                bands = [rng.getrandbits(63) for _ in bands]
            if len(copies) < 10_000:
                copies.append(bands)
            rows = list(enumerate(bands)) + [(b, key) for b, key in rows if b >= 100]
            blob = bytearray(blobs[k])
            struct.pack_into("<i", blob, 1, day.toordinal())
            arts.append((n, 1, f"h{n}", "Tin", "", seen, 1, "", n))
            stories.append((n, n, "Tin", "Bench", seen, seen, 1, 1, 1, 1))
            evs.append((n, n, bytes(blob), _slots(rows)))
        db.executemany(
            "INSERT INTO story (id, first_article_id, title, outlet, first_seen_at, latest_at,"
            " articles, outlets, relevant, announced) VALUES (?,?,?,?,?,?,?,?,?,?)",
            stories,
        )
        db.executemany(
            "INSERT INTO article (id, feed_id, content_hash, title, summary, seen_at, relevant,"
            " matched, story_id) VALUES (?,?,?,?,?,?,?,?,?)",
            arts,
        )
        db.executemany(
            "INSERT INTO story_evidence (article_id, story_id, evidence, slots) VALUES (?,?,?,?)",
            evs,
        )
        db.commit()
    frequencies: dict[int, int] = {ARTICLES: size}
    for k, times in enumerate(used):
        for key in rarity_keys(pool[k]) if times else ():
            frequencies[key] = frequencies.get(key, 0) + times
    db.executemany("INSERT INTO story_term (term, articles) VALUES (?,?)", frequencies.items())
    db.commit()
    db.close()


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95)] * 1000


def _build_size(path: str, size: int) -> float:
    """Build the store in a process of its own; seconds it took."""
    started = time.perf_counter()
    _build(path, size, _real(), random.Random(size))
    return time.perf_counter() - started


def _measure(path: str, size: int) -> dict[str, Any]:
    """Place the real articles in a fresh process: time per article, memory, load time."""
    real = _real()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    engine = create_engine(f"sqlite:///{path}")
    matcher = StoryMatcher(Stories(engine))
    ingest = Ingest(Store(engine), matcher=matcher)
    started = time.perf_counter()
    matcher.warm_up()
    load = time.perf_counter() - started
    end = _START + timedelta(days=size // PER_DAY)
    timed = [replace(e, published=end + timedelta(days=i % 3)) for i, e in enumerate(real)]
    times: list[float] = []
    for i in range(SAMPLE):
        ev = timed[i % len(timed)]
        article = NewArticle(
            feed_id=1,
            guid=f"bench-{i}",
            url=None,
            canonical_url=None,
            content_hash=f"bench-{i}",
            title="Tin",
            summary="",
            published_at=None,
            relevant=True,
            matched=(),
        )
        batch = Batch(1, "bench", first_fetch=False, items=[Prepared(article, None, ev)])
        t0 = time.perf_counter()
        ingest(batch, _NOW, backlog_window=timedelta(days=1))
        times.append(time.perf_counter() - t0)
    rows = matcher.index.rows
    engine.dispose()
    db_mb = os.path.getsize(path) / 1e6
    median, p95 = _percentiles(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "median_ms": round(median, 3),
        "p95_ms": round(p95, 3),
        "peak_mb": round((peak - baseline) / 1024, 1),
        "process_peak_mb": round(peak / 1024, 1),
        "rows": rows,
        "load_s": round(load, 1),
        "db_mb": round(db_mb),
        "load_avg": round(os.getloadavg()[0], 2),
    }


def bench_evidence() -> dict[str, Any]:
    """Time to compute ``evidence()`` (signature, names, figures) for the real articles."""
    from tests.story_quality import articles

    times = []
    for t in articles().values():
        t0 = time.perf_counter()
        evidence(t.title, t.body, published=t.published, lang=t.lang)
        times.append(time.perf_counter() - t0)
    median, p95 = _percentiles(times)
    return {"evidence_median_ms": round(median, 3), "evidence_p95_ms": round(p95, 3)}


def _missing() -> str | None:
    """Why the real articles cannot be read, or None."""
    return shared.missing("figures") or shared.missing("stories") or shared.missing("seeds")


def bench_stories(sizes: tuple[int, ...] | None = None) -> dict[str, Any]:
    """Placing time per article and peak memory of the service's path, for each size.

    ``BENCH_STORY_SIZES=10000,100000`` chooses the sizes (default 10k, 100k and 1M).
    """
    if reason := _missing():
        return {"skipped": reason}
    if sizes is None:
        env = os.environ.get("BENCH_STORY_SIZES")
        sizes = tuple(int(s) for s in env.split(",")) if env else SIZES
    result: dict[str, Any] = bench_evidence()
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "stories.db")
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
                build = pool.submit(_build_size, path, size).result()
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
                got = pool.submit(_measure, path, size).result()
        got["build_s"] = round(build, 1)
        label = f"service_{size // 1000}k"
        for key, value in got.items():
            result[f"{label}_{key}"] = value
    return result


def story_quality() -> dict[str, Any]:
    """Precision and recall on the labelled pairs (``<shared>/corpus/stories``)."""
    if reason := _missing():
        return {"skipped": reason}
    from tests.story_quality import story_quality as quality

    return quality()


if __name__ == "__main__":
    import sys

    chosen = tuple(int(s) for s in sys.argv[1:]) or None
    for key, value in {**bench_stories(chosen), **story_quality()}.items():
        print(f"  {key:<36} {value}", flush=True)
