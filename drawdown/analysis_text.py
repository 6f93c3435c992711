"""What ``drawdown analyze`` prints for a person: each file's verdict, figures and changes, in
English, with the figures written as the bot writes them (``bot.render``). The JSON output is
``watchers.analyze.render_json``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.render import messages as format
from watchers.analyze import Analysis
from watchers.figures.judge import FigureDecision

__all__ = ["render_text"]


def render_text(results: Sequence[Analysis]) -> str:
    """The same results for a person to read."""
    return "\n\n".join(_text(a.result, a.decisions) for a in results)


def _text(r: dict[str, Any], changes: Sequence[FigureDecision]) -> str:
    verdict = "relevant" if r["relevant"] else "not relevant"
    matched = f" ({', '.join(r['matched'])})" if r["matched"] else ""
    lines = [f"{r['path']} — {r['lang']}, {verdict}{matched}"]
    if r["duplicate_of"]:
        lines.append(f"  duplicate of {r['duplicate_of']}")
    for t in r["troop_counts"]:
        key = f"troops/{t['who']}/{t['where']}"
        key += "" if t["status"] == "current" else f"/{t['status']}"
        value = format.figure_value(key, str(t["value"]), "approx" if t["approx"] else "", "en")
        lines.append(f"  troops    {format.figure_label(key, 'en')}: {value}  “{t['quote']}”")
    for d in r["deadlines"]:
        value = format.figure_value(f"deadline/{d['what']}", d["date"], d["precision"], "en")
        lines.append(f"  deadline  {d['what']}: {value}  “{d['quote']}”")
    for c in changes:
        new = format.figure_value(c.key, c.value, c.precision, "en")
        line = f"  {c.kind:<9} {format.figure_label(c.key, 'en')}: {new}"
        if c.kind != "new" and c.previous is not None:
            old = c.previous
            was = format.figure_value(old.key, old.value, old.precision, "en")
            if old.key != c.key:
                was = f"{format.figure_label(old.key, 'en')}: {was}"
            line += f" (was {was}, {format.reporter(old.outlet, old.source, 'en')})"
        lines.append(line)
    if len(lines) == 1:
        lines.append("  no figures")
    return "\n".join(lines)
