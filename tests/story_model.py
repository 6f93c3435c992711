"""Fit the story verdict's weights on labelled pairs, with folds it never saw.

The labelled articles are the story corpus (``tests/story_quality``: seeds, figure corpus and
further reports, ``stories.json``) and the evaluation set (``<shared>/eval``: ``gold.jsonl``,
``dup_group``). Only articles on the topic are paired (the others never reach a story).

**Split first**: every story group (an article in none is a group of its own) goes to one of
``FOLDS`` folds or to the held-out part, by a hash of its name; the split is written to
``tests/data/story_folds.json`` (ids and groups only). The held-out groups are left out of
every fit and every threshold; the folds are used for cross-validation: for each fold, fit on
the others (threshold chosen on their pairs), judge its pairs. The weights written to
``watchers/stories/similar/weights.py`` are fitted on all folds (never the held-out part).

Pairs are judged twice: with their real dates, and re-dated into one week (the same-day
stress: every story moved into one week, its reports as many days apart as they were), so
the weights learn to tell stories apart by their text and not only by their dates. Pairs
the verdict's rules decide (a near copy; dates far apart) are not fitted on.

``PYTHONHASHSEED=0 python -m tests.story_model`` prints the cross-validated and held-out
numbers; ``--write`` also writes the split and the weights (the seed fixes the order in which
sets of names are summed, so the last digits, and the weights, are the same every run).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from tests.shared import shared_root
from watchers.figures import detect_lang
from watchers.stories.similar import Evidence, evidence
from watchers.stories.similar.features import ACROSS, WITHIN, across, within
from watchers.stories.similar.rarity import count
from watchers.stories.similar.verdict import ruled

ROOT = Path(__file__).resolve().parent.parent
FOLDS_FILE = ROOT / "tests" / "data" / "story_folds.json"
WEIGHTS_FILE = ROOT / "watchers" / "stories" / "similar" / "weights.py"
FOLDS = 5
HELD_OUT = "held_out"
WEEK = date(2026, 1, 5)
TARGET = {"within": 0.95, "across": 0.95}
L2 = 1.0


@dataclass(frozen=True, slots=True)
class Labelled:
    key: str  # "corpus:<name>" or "eval:<id>"
    group: str
    lang: str
    evidence: Evidence
    redated: Evidence


def _bucket(text: str, n: int) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % n


def redated(items: list[Labelled]) -> list[Labelled]:
    """Every story moved into one week: its first report on a day of the week chosen by its
    name, the others as many days after it as they really were."""
    first: dict[str, date] = {}
    for i in items:
        if i.evidence.published is not None:
            seen = first.get(i.group, i.evidence.published)
            first[i.group] = min(seen, i.evidence.published)
    out = []
    for i in items:
        day = i.evidence.published
        if day is not None:
            start = WEEK + timedelta(days=_bucket(i.group, 7))
            day = start + (day - first[i.group])
        out.append(replace(i, redated=replace(i.evidence, published=day)))
    return out


def _corpus() -> tuple[list[Labelled], set[frozenset[str]]]:
    from tests.story_quality import articles, stories, story_of

    of = story_of()
    unsure_members = {n for s in stories()["stories"] for n in s.get("unsure", [])}
    skip = {frozenset(("corpus:" + p[0], "corpus:" + p[1])) for p in stories()["unsure_pairs"]}
    out = []
    for name, t in sorted(articles().items()):
        if not t.relevant:
            continue
        ev = evidence(t.title, t.body, published=t.published, lang=t.lang)
        key = "corpus:" + name
        out.append(Labelled(key, "corpus:" + of[name], t.lang, ev, ev))
    for n in unsure_members:
        for other in of:
            if of[other] == of[n] and other != n:
                skip.add(frozenset(("corpus:" + n, "corpus:" + other)))
    return out, skip


def _eval() -> list[Labelled]:
    folder = shared_root() / "eval"
    out = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec["relevant"]:
            continue
        path = folder.parent / rec["path"] if rec.get("path") else folder / "articles"
        file = path if rec.get("path") else path / f"{rec['id']}.txt"
        title, _, body = file.read_text(encoding="utf-8").partition("\n")
        day = rec.get("published") or rec.get("published_hint")
        if day and len(day) == 7:
            day += "-15"
        elif day and len(day) == 4:
            day += "-07-01"
        published = date.fromisoformat(day) if day else None
        lang = detect_lang(f"{title}\n{body}")
        ev = evidence(title.strip(), body.strip(), published=published, lang=lang)
        key = "eval:" + rec["id"]
        group = "eval:" + (rec.get("dup_group") or rec["id"])
        out.append(Labelled(key, group, lang, ev, ev))
    return out


def split(groups: Sequence[str]) -> dict[str, str]:
    """Each group's fold ("0".."4") or ``HELD_OUT`` (about one group in eight)."""
    return {
        g: HELD_OUT if _bucket("held:" + g, 8) == 0 else str(_bucket(g, FOLDS))
        for g in sorted(set(groups))
    }


@dataclass(frozen=True, slots=True)
class Row:
    part: str  # the fold of the pair (both articles' groups are in it) or HELD_OUT
    kind: str  # "within" | "across"
    stress: bool  # re-dated into one week
    same: bool
    ruled: bool | None  # what the rules decided (None: the model decides)
    x: tuple[float, ...]


def rows(items: list[Labelled], folds: dict[str, str], skip: set[frozenset[str]]) -> list[Row]:
    rarity = count(i.evidence for i in items)
    out = []
    for a, b in combinations(items, 2):
        if a.key.split(":")[0] != b.key.split(":")[0] or frozenset((a.key, b.key)) in skip:
            continue
        fa, fb = folds[a.group], folds[b.group]
        if fa != fb and HELD_OUT in (fa, fb):
            continue  # a held-out article is never paired with a fitted one
        part = fa if fa == fb else f"{min(fa, fb)}|{max(fa, fb)}"
        kind = "within" if a.lang == b.lang else "across"
        for stress in (False, True):
            ea, eb = (a.redated, b.redated) if stress else (a.evidence, b.evidence)
            rule = ruled(ea, eb)
            x = (within if kind == "within" else across)(ea, eb, rarity)
            out.append(Row(part, kind, stress, a.group == b.group, rule, x))
    return out


def _in(part: str, fold: str) -> bool:
    return fold in part.split("|")


Vector = list[float]


def fit(x: list[tuple[float, ...]], y: list[bool]) -> Vector:
    """Logistic regression with an L2 penalty, by Newton's method (pure Python: equal rows
    are fitted once, with their count); intercept last."""
    counted: dict[tuple[tuple[float, ...], bool], int] = {}
    for xi, yi in zip(x, y, strict=True):
        key = ((*(round(v, 3) for v in xi), 1.0), yi)
        counted[key] = counted.get(key, 0) + 1
    n = len(x[0]) + 1
    w = [0.0] * n
    for _ in range(30):
        grad = [L2 * v for v in w[:-1]] + [0.0]
        hess = [[L2 if i == j else 0.0 for j in range(n)] for i in range(n)]
        for (xi, yi), c in counted.items():
            p = _sigmoid(sum(a * b for a, b in zip(w, xi, strict=True)))
            g, h = c * (p - yi), c * p * (1 - p)
            for i in range(n):
                if xi[i]:
                    grad[i] += g * xi[i]
                    hi = h * xi[i]
                    row = hess[i]
                    for j in range(n):
                        if xi[j]:
                            row[j] += hi * xi[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(v) for v in step) < 1e-7:
            break
    return w


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def _solve(a: list[list[float]], b: Vector) -> Vector:
    """``a x = b`` by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [[*row, v] for row, v in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for k in range(col, n + 1):
                m[r][k] -= f * m[col][k]
    out = [0.0] * n
    for r in reversed(range(n)):
        out[r] = (m[r][n] - sum(m[r][k] * out[k] for k in range(r + 1, n))) / m[r][r]
    return out


def score(w: Vector, x: tuple[float, ...]) -> float:
    return _sigmoid(sum(a * b for a, b in zip(w, x, strict=False)) + w[-1])


def threshold(p: list[float], y: list[bool], target: float) -> float:
    """The lowest probability at which the pairs scored at least as high are ``target``
    precise (at least 0.5)."""
    best = 1.0
    tp = 0
    for k, (pk, yk) in enumerate(sorted(zip(p, y, strict=True), reverse=True), start=1):
        tp += yk
        if tp / k >= target:
            best = pk
    return max(best, 0.5)


def _model(train: list[Row], kind: str) -> tuple[Vector, float]:
    fitted = [r for r in train if r.kind == kind and r.ruled is None]
    x = [r.x for r in fitted]
    y = [r.same for r in fitted]
    w = fit(x, y)
    return w, threshold([score(w, xi) for xi in x], y, TARGET[kind])


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, same: bool, got: bool) -> None:
        self.tp += same and got
        self.fp += got and not same
        self.fn += same and not got

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f} R {r:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"


def judge(
    rows_: list[Row], models: dict[str, tuple[Vector, float]], tally: dict[str, Tally]
) -> None:
    for r in rows_:
        if r.ruled is not None:
            got = r.ruled
        else:
            w, t = models[r.kind]
            got = score(w, r.x) >= t
        name = f"{r.kind}{' same-day' if r.stress else ''}"
        tally.setdefault(name, Tally()).add(r.same, got)


def main(write: bool) -> None:
    corpus, skip = _corpus()
    items = redated(corpus + _eval())
    folds = split([i.group for i in items])
    all_rows = rows(items, folds, skip)
    fitted = [r for r in all_rows if HELD_OUT not in r.part]
    cv: dict[str, Tally] = {}
    for fold in map(str, range(FOLDS)):
        train = [r for r in fitted if not _in(r.part, fold)]
        test = [r for r in fitted if r.part == fold]
        judge(test, {k: _model(train, k) for k in ("within", "across")}, cv)
    final = {k: _model(fitted, k) for k in ("within", "across")}
    held: dict[str, Tally] = {}
    judge([r for r in all_rows if r.part == HELD_OUT], final, held)
    groups = sorted({g for g, f in folds.items() if f == HELD_OUT})
    print(f"articles {len(items)}  groups {len(folds)}  held-out groups {len(groups)}")
    for name, t in sorted(cv.items()):
        print(f"cross-validated {name:<18} {t}")
    for name, t in sorted(held.items()):
        print(f"held-out        {name:<18} {t}")
    for kind, (w, cut) in final.items():
        names = WITHIN if kind == "within" else ACROSS
        print(
            kind,
            f"threshold {cut:.3f}",
            {n: round(float(v), 2) for n, v in zip(names, w[:-1], strict=True)},
        )
    if write:
        _write(items, folds, final)


def _write(
    items: list[Labelled], folds: dict[str, str], final: dict[str, tuple[Vector, float]]
) -> None:
    split_rows = {i.key: {"group": i.group, "fold": folds[i.group]} for i in items}
    FOLDS_FILE.write_text(json.dumps(split_rows, indent=1, sort_keys=True) + "\n", "utf-8")
    lines = [
        '"""The story verdict\'s fitted weights: written by ``python -m tests.story_model',
        '--write`` (logistic regression on labelled pairs; see that module). Do not edit."""',
        "",
        "from __future__ import annotations",
        "",
    ]
    for kind, (w, t) in final.items():
        names = WITHIN if kind == "within" else ACROSS
        lines.append(f"{kind.upper()}_WEIGHTS: dict[str, float] = {{")
        lines += [f'    "{n}": {float(v)!r},' for n, v in zip(names, w[:-1], strict=True)]
        lines.append("}")
        lines.append(f"{kind.upper()}_INTERCEPT = {float(w[-1])!r}")
        lines.append(f"{kind.upper()}_THRESHOLD = {t!r}")
        lines.append("")
    WEIGHTS_FILE.write_text("\n".join(lines), "utf-8")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
