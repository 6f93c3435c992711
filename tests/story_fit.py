"""Logistic regression for the story verdict, in pure Python: the fit, the score, the
threshold chosen for precision, and the source of the weights module it writes (used by
``tests/story_model.py``)."""

from __future__ import annotations

import math
import random
import statistics

__all__ = [
    "L2", "ROUNDS", "Vector", "fit", "score", "steady_threshold", "threshold", "weights_source",
]  # fmt: skip

L2 = 1.0
ROUNDS = 31  # resamples ``steady_threshold`` takes the median threshold of

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


def steady_threshold(p: list[float], y: list[bool], target: float) -> float:
    """``threshold`` as the median over ``ROUNDS`` resamples of the pairs (drawn with
    replacement, the same draws every run): the lowest score at which the pairs above are
    ``target`` precise sits where one pair of different stories more or less moves it, so
    the threshold of one sample jumps with any small change to the evidence; the median of
    many does not."""
    n = len(p)
    if not n:
        return threshold(p, y, target)
    draw = random.Random(0)
    cuts = []
    for _ in range(ROUNDS):
        picked = [draw.randrange(n) for _ in range(n)]
        cuts.append(threshold([p[i] for i in picked], [y[i] for i in picked], target))
    return statistics.median(cuts)


def weights_source(
    final: dict[str, tuple[Vector, float]], names: dict[str, tuple[str, ...]]
) -> str:
    """The text of ``watchers/stories/similar/weights.py`` for the fitted models (``final``:
    kind -> weights with the intercept last, and threshold; ``names``: kind -> signal names)."""
    lines = [
        '"""The story verdict\'s fitted weights: written by ``python -m tests.story_model',
        '--write`` (logistic regression on labelled pairs; see that module). Do not edit."""',
        "",
        "from __future__ import annotations",
        "",
    ]
    for kind, (w, t) in final.items():
        lines.append(f"{kind.upper()}_WEIGHTS: dict[str, float] = {{")
        lines += [f'    "{n}": {float(v)!r},' for n, v in zip(names[kind], w[:-1], strict=True)]
        lines.append("}")
        lines.append(f"{kind.upper()}_INTERCEPT = {float(w[-1])!r}")
        lines.append(f"{kind.upper()}_THRESHOLD = {t!r}")
        lines.append("")
    return "\n".join(lines)
