"""``drawdown analyze`` as a user runs it: a process reading article files, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import shared

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """The manifest of the seeds, copied beside it."""
    return shared.seeds_beside_manifest(tmp_path)


def analyze(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
    env["DRAWDOWN_CONFIG"] = str(ROOT / "config.toml")
    return subprocess.run(
        [sys.executable, "-m", "drawdown", "analyze", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def results(*args: str) -> list[dict[str, Any]]:
    done = analyze("--json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_replaying_the_seeds_alerts_the_replaced_withdrawal_timetable_and_nothing_else(
    seeds: Path,
) -> None:
    """In publication order (2021-07 → 2024-09): the combat mission's end of 2021 becomes
    September 2025 (first troops leave) and the end of 2026 (the coalition leaves Iraq);
    the troop counts and the restated 2021 deadline only repeat."""
    replay = results("--manifest", str(seeds))
    assert [r["path"] for r in replay] == [
        "002_731fa3d4cd70ea6c.txt",
        "004_f597232f2d47bbcb.txt",
        "001_e9adfbff22676568.txt",
        "003_888a1c8555ec7687.txt",
        "000_8d415bf39dbe80e7.txt",
    ]
    assert all(r["lang"] == "vi" and r["relevant"] for r in replay)
    assert all(r["duplicate_of"] is None for r in replay)
    alerts = [
        (r["path"][:3], c["key"], c["old"], c["new"])
        for r in replay
        for c in r["changes"]
        if c["kind"] != "new"
    ]
    assert alerts == [
        ("000", "deadline/first coalition troops leave Iraq", "2021", "2025-09"),
        ("000", "deadline/coalition leaves Iraq", "2021", "2026"),
    ]
    first_seen = [(r["path"][:3], c["key"]) for r in replay for c in r["changes"]]
    assert [key for path, key in first_seen if path != "000"] == [
        "troops/foreign/Iraq",
        "troops/US/Iraq",
        "deadline/US combat mission ends in Iraq",
        "troops/US/Syria",
    ]
    assert replay[1]["changes"] == replay[2]["changes"] == []  # repeats: no change at all


def test_each_file_reports_its_figures_as_the_golden_files_label_them(seeds: Path) -> None:
    replay = results("--manifest", str(seeds))
    for result in replay:
        path = shared.SEED_LABELS / result["path"]
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        for name, fields in [
            ("troop_counts", ("who", "where", "status", "value")),
            ("deadlines", ("what", "date", "precision")),
        ]:
            got = {tuple(f[k] for k in fields) for f in result[name]}
            assert got == {tuple(f[k] for k in fields) for f in expected[name]}, path.name
        assert all(set(f) == {"what", "date", "precision", "quote"} for f in result["deadlines"])
        assert all(
            set(f) == {"who", "where", "status", "value", "approx", "quote"}
            for f in result["troop_counts"]
        )


def test_the_text_output_tells_a_person_what_changed(seeds: Path) -> None:
    done = analyze("--manifest", str(seeds))
    assert done.returncode == 0, done.stderr
    assert (
        "  changed   coalition leaves Iraq: end of 2026 "
        "(was US combat mission ends in Iraq: end of 2021, 004_f597232f2d47bbcb.txt)"
    ) in done.stdout
    assert "000_8d415bf39dbe80e7.txt — vi, relevant (" in done.stdout
    assert done.stderr == ""


def test_paths_and_manifests_mix_and_a_republished_url_is_a_duplicate(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(
        "\n\nUS troops to leave Iraq\nThe US will withdraw its 2,500 troops from Iraq by the "
        "end of 2030, Reuters reported.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    url = "https://example.com/us-iraq"
    rows = [
        {"path": "a.txt", "published": "2029-01-10", "url": url, "source": "AP News"},
        {"path": "b.txt", "published": "2029-01-11", "url": url + "?utm_source=x", "source": None},
    ]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    other = tmp_path / "c.txt"
    other.write_text("Weather in Hanoi\nSunny.\n", encoding="utf-8")
    a, b, c = results("--manifest", str(manifest), str(other))
    assert (a["path"], a["lang"], a["relevant"], a["duplicate_of"]) == ("a.txt", "en", True, None)
    assert "withdraw*" in a["matched"]
    assert [(d["what"], d["date"], d["precision"]) for d in a["deadlines"]] == [
        ("coalition leaves Iraq", "2030", "year-end")
    ]
    assert b["duplicate_of"] == "a.txt"
    assert b["changes"] == []
    assert (c["path"], c["relevant"], c["changes"]) == (str(other), False, [])


def test_a_missing_file_is_a_one_line_error() -> None:
    done = analyze("--json", "no/such/article.txt")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("error: ")
    assert "no/such/article.txt" in done.stderr
    assert analyze().returncode == 2


def test_reports_of_one_story_are_duplicates_of_the_earliest_and_another_year_stays_apart(
    tmp_path: Path,
) -> None:
    """Dân Trí and Báo Gia Lai tell the January 2026 drawdown in shared words: one story.
    Người Lao Động's own report of it shares about a fifth of its words, and passages of the
    same statements: one story too. VietNamNet's 2021 report of the end of the combat mission
    is another story."""
    corpus = shared.corpus("figures")
    names = (
        "021_vi_dantri_rut_quan_hoan_toan.txt",
        "022_vi_baogialai_hoan_tat_rut_quan.txt",
        "020_vi_nld_ain_al_asad.txt",
        "087_vi_vietnamnet_rut_luc_luong_chien_dau.txt",
    )
    dates = ("2026-01-18", "2026-01-18", "2026-01-18", "2021-04-08")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        "\n".join(
            json.dumps({"path": str(corpus / name), "published": day})
            for name, day in zip(names, dates, strict=True)
        ),
        encoding="utf-8",
    )
    first, second, third, other = results("--manifest", str(manifest))
    assert first["duplicate_of"] is None
    assert second["duplicate_of"] == str(corpus / names[0])
    assert third["duplicate_of"] == str(corpus / names[0])
    assert other["duplicate_of"] is None


def test_a_deadline_put_off_is_a_change_to_its_new_date(tmp_path: Path) -> None:
    """An article that says the mission "was to end in September 2025" and "has been extended
    until the end of 2026" changes the deadline; it does not confirm the old one."""
    (tmp_path / "a.txt").write_text(
        "US, Iraq agree the coalition mission will end\nThe United States and Iraq agreed that "
        "the coalition mission in Iraq will end by September 2025, officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Coalition mission in Iraq extended\nThe Pentagon said the coalition mission in Iraq, "
        "which was to end in September 2025, has been extended until the end of 2026.\n",
        encoding="utf-8",
    )
    rows = [
        {"path": "a.txt", "published": "2024-09-27", "url": None, "source": "Reuters"},
        {"path": "b.txt", "published": "2025-06-01", "url": None, "source": "AP News"},
    ]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    _, b = results("--manifest", str(manifest))
    assert [(d["what"], d["date"]) for d in b["deadlines"]] == [
        ("coalition mission ends in Iraq", "2026")
    ]
    assert b["changes"] == [
        {"key": "deadline/coalition mission ends in Iraq", "old": "2025-09", "new": "2026",
         "kind": "changed"}
    ]  # fmt: skip
