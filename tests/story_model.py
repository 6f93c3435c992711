"""Fit the story verdict's weights on labelled pairs, with folds it never saw.

The labelled articles are the story corpus (``tests/story_quality``: seeds, figure corpus and
further reports, ``stories.json``) and the evaluation set (``<shared>/eval``: ``gold.jsonl``,
``dup_group``). Only articles on the topic are paired (the others never reach a story).

**Split first**: every story group (an article in none is a group of its own) goes to one of
``FOLDS`` folds or to the held-out part, by a hash of its name; the split is written to
``tests/data/story_folds.json`` (ids and groups only). The held-out groups are left out of
every fit and every threshold. **Every pair is judged by a model that saw neither article's
fold**: a pair of two folds by the model fitted on the other three (its threshold chosen on
their pairs), a pair of one fold by the model fitted on the other four, a pair with a
held-out article by the model that never saw the other article's fold either. (Judging only
the pairs inside one fold would leave out four fifths of the pairs of different stories,
which is where false merges come from.) The weights written to
``watchers/stories/similar/weights.py`` are fitted on all folds (never the held-out part).

Pairs are judged twice: with their real dates, and re-dated into one week (the same-day
stress: every story moved into one week, its reports as many days apart as they were), so
the weights learn to tell stories apart by their text and not only by their dates. Pairs
the verdict's rules decide (a near copy; dates far apart) are not fitted on; those only the
rule of named days splits are (it is a veto on top of the model), and the threshold is
chosen on them too. The threshold
(``story_fit.steady_threshold``: the median over resamples of the pairs of the lowest score
above which they are precise enough) within a language is chosen on both; across languages
on the real dates alone, where the precision target holds at every score, so it is the
floor of ``story_fit.threshold``, 0.5 (a join across languages must also hold together with
the story's reports in the article's own language, judged by the model within it:
``choose.best_story``).

Two sets of numbers are printed: **pairs**, each judged on its own, and **stories**, the
articles of each labelled set placed as the service places them (in order of their day, each
joins the story of the earlier article it matches best, else starts its own), scored on the
pairs of articles that end in one story, which is what ``<shared>/eval/score.py`` counts: a
false match can join two stories, and a missed one is made up by another report of the story.

``PYTHONHASHSEED=0 python -m tests.story_model`` prints the cross-validated and held-out
numbers; ``--write`` also writes the split and the weights (the seed fixes the order in which
sets of names are summed, so the last digits, and the weights, are the same every run).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from tests.shared import eval_text, shared_root
from tests.story_fit import Vector, fit, score, steady_threshold, weights_source
from tests.story_placing import NEAR_COPY, placed
from watchers.figures import detect_lang
from watchers.stories.similar import Evidence, evidence
from watchers.stories.similar.features import ACROSS, WITHIN, across, within
from watchers.stories.similar.rarity import count
from watchers.stories.similar.verdict import other_lead, ruled, vetoed

ROOT = Path(__file__).resolve().parent.parent
FOLDS_FILE = ROOT / "tests" / "data" / "story_folds.json"
WEIGHTS_FILE = ROOT / "watchers" / "stories" / "similar" / "weights.py"
FOLDS = 5
HELD_OUT = "held_out"
WEEK = date(2026, 1, 5)
TARGET = {"within": 0.95, "across": 0.95}


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
        day, awaits = i.evidence.published, i.evidence.awaits
        if day is not None:
            start = WEEK + timedelta(days=_bucket(i.group, 7))
            moved = start + (day - first[i.group]) - day
            day, awaits = day + moved, awaits + moved if awaits else None
        out.append(replace(i, redated=replace(i.evidence, published=day, awaits=awaits)))
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
        title, _, body = eval_text(rec).read_text(encoding="utf-8").partition("\n")
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
    a: str  # the articles' keys
    b: str
    folds: tuple[str, str]  # the folds of the two articles' groups, sorted
    kind: str  # "within" | "across"
    stress: bool  # re-dated into one week
    same: bool
    ruled: bool | None  # what the rules decided (None: the model decides)
    x: tuple[float, ...]
    fitted: bool  # the model is fitted on it: no rule but that of named days decides it
    other_lead: bool  # in one language, leads that share almost nothing: the model's yes is no
    vetoed: bool  # another member in a title, a scoop and its confirmation: the same

    @property
    def excluded(self) -> frozenset[str]:
        """The folds a model judging this pair must not have seen."""
        return frozenset(self.folds) - {HELD_OUT}

    @property
    def held_out(self) -> bool:
        return HELD_OUT in self.folds


def rows(items: list[Labelled], folds: dict[str, str], skip: set[frozenset[str]]) -> list[Row]:
    """Every pair of articles of one labelled set (the unsure ones left out), judged with its
    real dates and re-dated."""
    rarity = count(i.evidence for i in items)
    out = []
    for a, b in combinations(items, 2):
        if a.key.split(":")[0] != b.key.split(":")[0] or frozenset((a.key, b.key)) in skip:
            continue
        pair = (folds[a.group], folds[b.group])
        kind = "within" if a.lang == b.lang else "across"
        for stress in (False, True):
            ea, eb = (a.redated, b.redated) if stress else (a.evidence, b.evidence)
            fitted_rule = ruled(ea, eb, named_days=False)
            rule = ruled(ea, eb) if fitted_rule is None else fitted_rule
            x = (within if kind == "within" else across)(ea, eb, rarity)
            fitted = fitted_rule is None
            row = Row(
                a.key,
                b.key,
                (min(pair), max(pair)),
                kind,
                stress,
                a.group == b.group,
                rule,
                x,
                fitted,
                kind == "within" and other_lead(ea, eb),
                vetoed(ea, eb) is not None,
            )
            out.append(row)
    return out


Model = tuple[Vector, float]  # weights (intercept last) and threshold
Judges = dict[tuple[frozenset[str], str], Model]


def _model(train: list[Row], kind: str) -> Model:
    fitted = [r for r in train if r.kind == kind and r.fitted]
    x = [r.x for r in fitted]
    y = [r.same for r in fitted]
    w = fit(x, y)
    if kind == "across":  # see the module docstring
        fitted = [r for r in fitted if not r.stress]
    scores = [score(w, r.x) for r in fitted]
    return w, steady_threshold(scores, [r.same for r in fitted], TARGET[kind])


def models(all_rows: list[Row]) -> Judges:
    """A model for each set of folds a pair's judge must not have seen (none, one, or two)
    and each kind, fitted on the pairs of the other folds, never on held-out ones; the
    model that has seen every fold (none excluded) is the one written."""
    fitted = [r for r in all_rows if not r.held_out]
    out: Judges = {}
    for excluded in {r.excluded for r in all_rows}:
        train = [r for r in fitted if not excluded & set(r.folds)]
        for kind in ("within", "across"):
            out[excluded, kind] = _model(train, kind)
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, same: bool, got: bool) -> None:
        self.tp += same and got
        self.fp += got and not same
        self.fn += same and not got

    def __iadd__(self, other: Tally) -> Tally:
        """Another tally's pairs counted in (sets pooled)."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f} R {r:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"


def decide(r: Row, judges: Judges) -> tuple[bool, float]:
    """Whether the pair is one story, by the rules or a model that saw neither article's
    fold, and how sure (a near copy ``NEAR_COPY``, a pair the rules split -1)."""
    if r.ruled is not None:
        return r.ruled, NEAR_COPY if r.ruled else -1.0
    w, cut = judges[r.excluded, r.kind]
    p = score(w, r.x)
    return p >= cut and not r.other_lead and not r.vetoed, p


def _name(part: str, kind: str, stress: bool) -> str:
    return f"{part:<15} {kind}{' same-day' if stress else ''}"


def pair_tallies(all_rows: list[Row], judges: Judges) -> dict[str, Tally]:
    """Each pair judged on its own."""
    tally: dict[str, Tally] = {}
    for r in all_rows:
        name = _name("held-out" if r.held_out else "cross-validated", r.kind, r.stress)
        tally.setdefault(name, Tally()).add(r.same, decide(r, judges)[0])
    return tally


def story_tallies(items: list[Labelled], all_rows: list[Row], judges: Judges) -> dict[str, Tally]:
    """The pairs of the stories the articles form when placed as the service places them
    (``tests.story_placing``)."""
    tally: dict[str, Tally] = {}
    for stress in (False, True):
        verdicts: dict[frozenset[str], tuple[bool, float]] = {}
        labelled: dict[frozenset[str], Row] = {}
        other_leads: set[frozenset[str]] = set()  # the model's yes, but the leads share nothing
        for r in all_rows:
            if r.stress == stress:
                pair = frozenset((r.a, r.b))
                verdicts[pair] = decide(r, judges)
                labelled[pair] = r
                if (
                    r.other_lead
                    and r.ruled is None
                    and verdicts[pair][1] >= judges[r.excluded, r.kind][1]
                ):
                    other_leads.add(pair)
        lang = {i.key: i.lang for i in items}
        told = {i.key: _evidence(i, stress) for i in items}
        order = [i.key for i in sorted(items, key=lambda i: (_day(i, stress), i.key))]
        story = placed(order, verdicts, other_leads, told, lang)
        for pair, r in labelled.items():
            a, b = sorted(pair)
            name = _name("held-out" if r.held_out else "cross-validated", r.kind, stress)
            tally.setdefault(name, Tally()).add(r.same, story[a] == story[b])
    return tally


def _evidence(item: Labelled, stress: bool) -> Evidence:
    return item.redated if stress else item.evidence


def _day(item: Labelled, stress: bool) -> date:
    return _evidence(item, stress).published or date.max


def measured() -> tuple[dict[str, Tally], dict[str, Tally], Judges, list[Labelled], dict[str, str]]:
    """The pair and story tallies, the models, the labelled articles and their folds."""
    corpus, skip = _corpus()
    items = redated(corpus + _eval())
    folds = split([i.group for i in items])
    all_rows = rows(items, folds, skip)
    judges = models(all_rows)
    return (
        pair_tallies(all_rows, judges),
        story_tallies(items, all_rows, judges),
        judges,
        items,
        folds,
    )


def main(write: bool) -> None:
    pairs, stories, judges, items, folds = measured()
    groups = sorted({g for g, f in folds.items() if f == HELD_OUT})
    print(f"articles {len(items)}  groups {len(folds)}  held-out groups {len(groups)}")
    print("pairs, each judged by a model that saw neither article's fold:")
    for name, t in sorted(pairs.items()):
        print(f"  {name:<34} {t}")
    print("stories, the articles placed in order of their day:")
    for name, t in sorted(stories.items()):
        print(f"  {name:<34} {t}")
    final = {k: judges[frozenset(), k] for k in ("within", "across")}
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
    source = weights_source(final, {"within": WITHIN, "across": ACROSS})
    WEIGHTS_FILE.write_text(source, "utf-8")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
