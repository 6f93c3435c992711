"""Precision and recall of story matching on the labelled pairs in ``<shared>/corpus/stories``.

The articles are the seeds (``<shared>/seeds``), the figure corpus (``<shared>/corpus/figures``)
and ``<shared>/corpus/stories/articles`` (real reports of the same events by other outlets):
other outlets' writing, kept outside the repository with its labels (see ``tests/shared.py``:
``--shared``, ``DRAWDOWN_SHARED``, default ``../shared``; where the folder is absent, the tests
that need it are skipped with the reason). ``stories.json`` says which articles report one
story; ``pairs.jsonl`` (written by ``write_pairs``, checked against ``stories.json`` by the
tests) lists every pair of articles with its label and kind, plus **derived** pairs: an article
and a mechanical variant of it (a re-post with another outlet's headline and a paragraph
dropped, a caption printed twice and a "Theo Reuters" line added, the RSS summary of the full
text, NFD / no diacritics / other thousands separators).

Kinds: ``rewrite`` (same story, another outlet, same language), ``cross_language``,
``derived:<what>``, ``hard_negative`` (different stories, both on the topic), ``negative``
(the rest), ``unsure`` (left out of the scores).

``make bench`` prints ``story_quality()``;
``tests/unit/watchers/stories/test_pairs.py`` asserts the bar.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

from tests.shared import SEED_LABELS, corpus, seeds
from watchers.figures import detect_lang
from watchers.stories.similar import Evidence, Rarity, StoryIndex, evidence, same_story
from watchers.stories.similar.rarity import count


def stories_dir() -> Path:
    """``<shared>/corpus/stories``: the further reports, ``stories.json`` and ``pairs.jsonl``."""
    return corpus("stories")


def pairs_path() -> Path:
    return stories_dir() / "pairs.jsonl"


def _folders() -> dict[str, tuple[Path, Path]]:
    """Where the labels (manifest, expected figures) and the texts of the articles named
    "<folder>/<file>" are (the seeds' labels are ours, here; every text is in <shared>)."""
    stories = stories_dir() / "articles"
    figures = corpus("figures")
    return {
        "seeds": (SEED_LABELS, seeds()),
        "corpus": (figures, figures),
        "articles": (stories, stories),
    }


@dataclass(frozen=True, slots=True)
class Text:
    """One article's text as an outlet published it (or a derived variant of one)."""

    name: str  # "corpus/001_en_us_cut_iraq_3000.txt", or "<source> | <edits>" for a variant
    title: str
    body: str
    published: date | None
    lang: str
    relevant: bool


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str | dict[str, Any]  # a name, or {"from": name, "edits": [...]} for a derived variant
    label: str  # "same" | "different" | "unsure"
    kind: str
    lang: str  # "en", "vi" or "en-vi"

    @property
    def derived(self) -> bool:
        return isinstance(self.b, dict)


@dataclass(frozen=True, slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, expected: bool, got: bool) -> Score:
        return Score(
            self.tp + (expected and got),
            self.fp + (got and not expected),
            self.fn + (expected and not got),
        )


# --- the articles -------------------------------------------------------------------------


@cache
def articles() -> dict[str, Text]:
    """Every labelled article, by name ("corpus/001_....txt")."""
    out: dict[str, Text] = {}
    for folder, (labels, texts) in _folders().items():
        for line in (labels / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)
            title, _, body = (texts / meta["path"]).read_text(encoding="utf-8").partition("\n")
            expected = labels / (meta["path"].removesuffix(".txt") + ".expected.json")
            relevant = (
                json.loads(expected.read_text(encoding="utf-8"))["relevant"]
                if expected.exists()
                else True
            )
            name = f"{folder}/{meta['path']}"
            out[name] = Text(
                name=name,
                title=title.strip(),
                body=body.strip(),
                published=date.fromisoformat(meta["published"]),
                lang=detect_lang(f"{title}\n{body}"),
                relevant=relevant,
            )
    return out


def stories() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((stories_dir() / "stories.json").read_text(encoding="utf-8"))
    return data


def story_of() -> dict[str, str]:
    """Each article's story id; an article in no listed story is a story of its own."""
    of = {name: name for name in articles()}
    for story in stories()["stories"]:
        for name in story["articles"]:
            of[name] = story["id"]
    return of


# --- derived variants ---------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-ZĐÀ-Ỹ])")
_DERIVATIONS = (
    ("repost_edited", ("retitle", "drop_paragraph")),
    ("caption_byline", ("duplicate_caption", "byline")),
    ("summary", ("summary",)),
    ("encoding", ("nfd", "other_separators", "strip_diacritics")),
)


def derive(source: Text, edits: Iterable[str]) -> Text:
    """A variant of ``source`` with ``edits`` applied in order (see ``_DERIVATIONS``)."""
    title, body = source.title, source.body
    paragraphs = [p for p in body.split("\n") if p.strip()]
    done = []
    for edit in edits:
        op, _, arg = edit.partition(":")
        if op == "retitle":  # another outlet's headline for the same story, or the lead
            title = articles()[arg].title if arg else _sentences(paragraphs[0])[0]
        elif op == "drop_paragraph" and len(paragraphs) > 2:
            del paragraphs[int(arg) if arg else len(paragraphs) // 2]
        elif op == "duplicate_caption" and len(paragraphs) > 1:
            paragraphs.insert(2, paragraphs[1])  # a caption printed under the photo and again
        elif op == "byline":
            paragraphs.append("Theo Reuters" if source.lang == "vi" else "(Reuters)")
        elif op == "summary":  # what an RSS item carries: the lead, at most two sentences
            lead = next((p for p in paragraphs if len(p.split()) >= 8), "")
            paragraphs = [" ".join(_sentences(lead)[:2])] if lead else []
        elif op == "nfd":
            title, paragraphs = _nfd(title), [_nfd(p) for p in paragraphs]
        elif op == "other_separators":
            title, paragraphs = _swap(title), [_swap(p) for p in paragraphs]
        elif op == "strip_diacritics":
            title, paragraphs = _strip(title), [_strip(p) for p in paragraphs]
        done.append(edit)
    name = f"{source.name} | {', '.join(done)}"
    return Text(
        name, title, "\n\n".join(paragraphs), source.published, source.lang, source.relevant
    )


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s] or [text]


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _swap(text: str) -> str:
    """ "2.500" <-> "2,500": the other language's thousands separator."""
    return re.sub(
        r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)",
        lambda m: m.group().translate(str.maketrans(".,", ",.")),
        text,
    )


def _strip(text: str) -> str:
    """Vietnamese without diacritics, case kept ("Rút quân" -> "Rut quan")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _derived_edits(name: str, index: int) -> Iterator[tuple[str, list[str]]]:
    """Two derivations per article, chosen by its position so every kind is well covered."""
    members = [m for m in _members(name) if m != name and articles()[m].title]
    for kind, ops in (_DERIVATIONS[index % 4], _DERIVATIONS[(index + 1) % 4]):
        edits = []
        for op in ops:
            if op == "retitle":
                edits.append(f"retitle:{members[index % len(members)]}" if members else "retitle")
            elif op == "strip_diacritics" and index % 2:
                continue  # half the encoding variants keep their diacritics
            else:
                edits.append(op)
        yield kind, edits


def _members(name: str) -> list[str]:
    of = story_of()
    return [m for m, s in of.items() if s == of[name]]


# --- the pairs ----------------------------------------------------------------------------


def build_pairs() -> list[Pair]:
    """Every pair of labelled articles, and two derived pairs per article."""
    texts, of = articles(), story_of()
    unsure = {frozenset(p[:2]) for p in stories()["unsure_pairs"]}
    unsure_members = {n for s in stories()["stories"] for n in s.get("unsure", [])}
    pairs = []
    for a, b in combinations(sorted(texts), 2):
        ta, tb = texts[a], texts[b]
        lang = ta.lang if ta.lang == tb.lang else "en-vi"
        if frozenset((a, b)) in unsure or (of[a] == of[b] and {a, b} & unsure_members):
            label, kind = "unsure", "unsure"
        elif of[a] == of[b]:
            label, kind = "same", "rewrite" if ta.lang == tb.lang else "cross_language"
        else:
            label = "different"
            kind = "hard_negative" if ta.relevant and tb.relevant else "negative"
        pairs.append(Pair(a, b, label, kind, lang))
    for i, name in enumerate(sorted(texts)):
        for kind, edits in _derived_edits(name, i):
            lang = texts[name].lang
            pairs.append(
                Pair(name, {"from": name, "edits": edits}, "same", f"derived:{kind}", lang)
            )
    return pairs


def write_pairs() -> None:
    """Write ``pairs.jsonl`` from ``stories.json`` (run after changing the labels)."""
    with pairs_path().open("w", encoding="utf-8") as f:
        for p in build_pairs():
            row: dict[str, Any] = {"a": p.a, "b": p.b, "label": p.label, "kind": p.kind}
            row |= {"lang": p.lang, "derived": p.derived}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_pairs() -> list[Pair]:
    rows = [json.loads(line) for line in pairs_path().read_text(encoding="utf-8").splitlines()]
    return [Pair(r["a"], r["b"], r["label"], r["kind"], r["lang"]) for r in rows]


def text_of(ref: str | dict[str, Any]) -> Text:
    if isinstance(ref, str):
        return articles()[ref]
    return derive(articles()[ref["from"]], ref["edits"])


@cache
def _evidence(ref: str) -> Evidence:
    t = text_of(json.loads(ref)) if ref.startswith("{") else articles()[ref]
    return evidence(t.title, t.body, published=t.published, lang=t.lang)


def evidence_of(ref: str | dict[str, Any]) -> Evidence:
    return _evidence(_key(ref))


@cache
def store_rarity() -> Rarity:
    """The document frequencies of the labelled articles on the topic, as a store of them
    would count them."""
    return count(evidence_of(name) for name, t in articles().items() if t.relevant)


# --- scores -------------------------------------------------------------------------------


def scores(pairs: list[Pair] | None = None) -> dict[str, Score]:
    """Scores by group: "en", "vi", "within" (en and vi), "cross" (en-vi), and by kind."""
    out: dict[str, Score] = {}
    for p in pairs if pairs is not None else load_pairs():
        if p.label == "unsure":
            continue
        got = same_story(evidence_of(p.a), evidence_of(p.b), store_rarity()).same
        expected = p.label == "same"
        groups = [p.lang, "cross" if p.lang == "en-vi" else "within", f"kind:{p.kind}"]
        for g in groups:
            out[g] = out.get(g, Score()).add(expected, got)
    return out


def candidate_recall(pairs: list[Pair] | None = None) -> dict[str, float]:
    """How many same-story pairs the index finds when every labelled text is in it: the
    share of pairs where one text is among the other's candidates ("index_"), and where it
    is and the verdict says same ("end_to_end_": what ``drawdown analyze`` would merge)."""
    pairs = [p for p in (pairs if pairs is not None else load_pairs()) if p.label == "same"]
    index = StoryIndex()
    ids: dict[str, int] = {}
    refs = {_key(r): r for p in pairs for r in (p.a, p.b)}
    for n, (key, ref) in enumerate(sorted(refs.items())):
        ids[key] = n
        index.insert(n, evidence_of(ref))
    found: dict[str, list[bool]] = {}
    for p in pairs:
        hit = ids[_key(p.b)] in index.candidates(evidence_of(p.a))
        same = same_story(evidence_of(p.a), evidence_of(p.b), store_rarity()).same
        group = "cross" if p.lang == "en-vi" else ("derived" if p.derived else "rewrite")
        found.setdefault(f"index_{group}", []).append(hit)
        found.setdefault(f"end_to_end_{group}", []).append(hit and same)
    return {g: sum(v) / len(v) for g, v in sorted(found.items())}


def same_day() -> dict[str, Score]:
    """A stress test the labels alone do not make: every relevant article re-dated to one
    day, and every pair within a language judged again. Most stories of the corpus are
    months apart, so dates keep them apart; in service, different stories on the topic are
    often published within the same few days, and only the text can tell them apart."""
    texts, of = articles(), story_of()
    day = date(2026, 1, 1)
    ev = {
        n: evidence(t.title, t.body, published=day, lang=t.lang)
        for n, t in texts.items()
        if t.relevant
    }
    out: dict[str, Score] = {}
    for a, b in combinations(sorted(ev), 2):
        if texts[a].lang != texts[b].lang:
            continue
        got = same_story(ev[a], ev[b], store_rarity()).same
        lang = texts[a].lang
        out[lang] = out.get(lang, Score()).add(of[a] == of[b], got)
    return out


def _key(ref: str | dict[str, Any]) -> str:
    return json.dumps(ref, sort_keys=True) if isinstance(ref, dict) else ref


def story_quality() -> dict[str, Any]:
    """The figures ``make bench`` prints."""
    pairs = load_pairs()
    result: dict[str, Any] = {}
    by = scores(pairs)
    for group in ("within", "en", "vi", "cross"):
        s = by.get(group, Score())
        result[f"{group}_precision"] = round(s.precision, 3)
        result[f"{group}_recall"] = round(s.recall, 3)
        result[f"{group}_tp_fp_fn"] = f"{s.tp}/{s.fp}/{s.fn}"
    for group, s in sorted(by.items()):
        if group.startswith("kind:"):
            result[group] = f"tp={s.tp} fp={s.fp} fn={s.fn}"
    for group, share in candidate_recall(pairs).items():
        result[f"recall_{group}"] = round(share, 3)
    for lang, s in sorted(same_day().items()):
        result[f"same_day_{lang}_precision"] = round(s.precision, 3)
        result[f"same_day_{lang}_recall"] = round(s.recall, 3)
        result[f"same_day_{lang}_tp_fp_fn"] = f"{s.tp}/{s.fp}/{s.fn}"
    return result


if __name__ == "__main__":
    import sys

    from tests.shared import missing

    if reason := missing("figures") or missing("stories"):
        sys.exit(reason)
    if sys.argv[1:] == ["--write-pairs"]:
        write_pairs()
    else:
        for key, value in story_quality().items():
            print(f"{key:<36} {value}")
