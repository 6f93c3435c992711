"""Story index benchmark: insert-and-lookup time per article and peak memory at 10k-1M stored.

The stored articles are synthetic but shaped like the real ones: each takes the content
words and anchors of a real labelled article (``tests/data/stories``) with a third of its
words replaced by others of the corpus vocabulary, and a publication date on a timeline
of ``PER_DAY`` articles a day (the store grows by time, as it does in service); unrelated
articles share no LSH band keys, and one in twenty is an edited copy of an earlier one
(a few bands changed). The timed articles are the real labelled articles, dated at the end
of the timeline: for each, ``query_keys`` + lookup + ``index_keys`` + insert.

Two backends: ``StoryIndex`` in memory, and a temporary SQLite file with the table the team
would add (``story_key(band, key, article_id)`` and an index on (band, key)), one SELECT of
the query rows and one executemany of the new rows per article. Each size runs in its own
process, so peak memory (``ru_maxrss``) is that size's alone. ``evidence()`` itself (shingles,
signature, names, figures) is timed apart: it does not depend on the store.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing import get_context
from typing import Any

from watchers.similar import Evidence, StoryIndex, evidence, index_keys, query_keys

SIZES = (10_000, 100_000, 1_000_000)
PER_DAY = 400
SAMPLE = 500
_START = date(2019, 1, 1)


def _real() -> list[Evidence]:
    from tests.story_quality import articles

    return [
        evidence(t.title, t.body, published=t.published, lang=t.lang) for t in articles().values()
    ]


def _synthetic(real: list[Evidence], n: int, rng: random.Random) -> Evidence:
    """The n-th stored article: a real one's words and names, a third replaced, and its date."""
    base = real[rng.randrange(len(real))]
    vocab = _VOCAB
    terms = {t if rng.random() > 0.33 else rng.choice(vocab) for t in base.terms}
    anchors = {a if rng.random() > 0.33 else rng.choice(_ANCHORS) for a in base.anchors}
    return replace(
        base,
        published=_START + timedelta(days=n // PER_DAY),
        terms=frozenset(terms),
        anchors=frozenset(anchors),
    )


_VOCAB: list[int] = []
_ANCHORS: list[str] = []


def _rows(
    real: list[Evidence], n: int, rng: random.Random, copies: list[list[int]]
) -> list[tuple[int, int]]:
    rows = index_keys(_synthetic(real, n, rng))
    bands = [k for b, k in rows if b < 100]
    if copies and rng.random() < 0.05:  # an edited copy of an earlier article
        bands = list(rng.choice(copies))
        for i in rng.sample(range(len(bands)), 3):
            bands[i] = rng.getrandbits(63)
    else:
        bands = [rng.getrandbits(63) for _ in bands]
    if len(copies) < 10_000:
        copies.append(bands)
    return list(enumerate(bands)) + [(b, k) for b, k in rows if b >= 100]


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95)] * 1000


def _run_size(size: int, backend: str) -> dict[str, Any]:
    real = _real()
    _VOCAB.extend(sorted({t for e in real for t in e.terms}))
    _ANCHORS.extend(sorted({a for e in real for a in e.anchors}))
    rng = random.Random(size)
    copies: list[list[int]] = []
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    end = _START + timedelta(days=size // PER_DAY)
    timed = [replace(e, published=end + timedelta(days=i % 3)) for i, e in enumerate(real)]
    times: list[float] = []
    started = time.perf_counter()
    if backend == "memory":
        index = StoryIndex()
        for n in range(size):
            index.insert_keys(n, _rows(real, n, rng, copies))
        build = time.perf_counter() - started
        for i in range(SAMPLE):
            ev = timed[i % len(timed)]
            t0 = time.perf_counter()
            index.candidates(ev)
            index.insert(size + i, ev)
            times.append(time.perf_counter() - t0)
        rows = index.rows
    else:
        with tempfile.TemporaryDirectory() as tmp:
            db = sqlite3.connect(os.path.join(tmp, "keys.sqlite"))
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE story_key (band INTEGER, key INTEGER, article_id INTEGER)")
            batch: list[tuple[int, int, int]] = []
            for n in range(size):
                batch += [(b, k, n) for b, k in _rows(real, n, rng, copies)]
                if len(batch) > 200_000:
                    db.executemany("INSERT INTO story_key VALUES (?, ?, ?)", batch)
                    batch.clear()
            db.executemany("INSERT INTO story_key VALUES (?, ?, ?)", batch)
            db.execute("CREATE INDEX story_key_band_key ON story_key (band, key)")
            db.commit()
            build = time.perf_counter() - started
            for i in range(SAMPLE):
                ev = timed[i % len(timed)]
                t0 = time.perf_counter()
                by_band: dict[int, list[int]] = {}
                for band, key in query_keys(ev):
                    by_band.setdefault(band, []).append(key)
                found: set[int] = set()
                for band, keys in by_band.items():  # one indexed lookup per band
                    marks = ",".join("?" * len(keys))
                    sql = f"SELECT article_id FROM story_key WHERE band = ? AND key IN ({marks})"
                    found.update(r[0] for r in db.execute(sql, [band, *keys]))
                db.executemany(
                    "INSERT INTO story_key VALUES (?, ?, ?)",
                    [(b, k, size + i) for b, k in index_keys(ev)],
                )
                db.commit()
                times.append(time.perf_counter() - t0)
            rows = db.execute("SELECT count(*) FROM story_key").fetchone()[0]
            db.close()
    median, p95 = _percentiles(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "median_ms": round(median, 3),
        "p95_ms": round(p95, 3),
        "peak_mb": round((peak - baseline) / 1024, 1),
        "rows": rows,
        "build_s": round(build, 1),
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


def bench_stories(sizes: tuple[int, ...] | None = None) -> dict[str, Any]:
    """Insert-and-lookup time per article and peak memory, for each size and backend.

    ``BENCH_STORY_SIZES=10000,100000`` chooses the sizes (default 10k, 100k and 1M).
    """
    if sizes is None:
        env = os.environ.get("BENCH_STORY_SIZES")
        sizes = tuple(int(s) for s in env.split(",")) if env else SIZES
    result: dict[str, Any] = bench_evidence()
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        for size in sizes:
            for backend in ("memory", "sqlite"):
                got = pool.submit(_run_size, size, backend).result()
                label = f"{backend}_{size // 1000}k"
                result[f"{label}_median_ms"] = got["median_ms"]
                result[f"{label}_p95_ms"] = got["p95_ms"]
                result[f"{label}_peak_mb"] = got["peak_mb"]
                result[f"{label}_rows"] = got["rows"]
                result[f"{label}_build_s"] = got["build_s"]
    return result


def story_quality() -> dict[str, Any]:
    """Precision and recall on the labelled pairs (tests/data/stories)."""
    from tests.story_quality import story_quality as quality

    return quality()


if __name__ == "__main__":
    import sys

    chosen = tuple(int(s) for s in sys.argv[1:]) or None
    for key, value in {**bench_stories(chosen), **story_quality()}.items():
        print(f"  {key:<36} {value}", flush=True)
