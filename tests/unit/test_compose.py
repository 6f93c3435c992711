"""deploy/compose.yaml, checked without an engine: PostgreSQL and two instances of the image,
secrets from the environment only, and the README runs it as written."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = (ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8")


def service(name: str) -> str:
    """The lines of one service's block (two-space indented under ``services:``)."""
    match = re.search(rf"^  {name}:\n((?:    .*\n|\s*\n)+)", COMPOSE, flags=re.M)
    assert match is not None, f"no service {name!r}"
    return match.group(1)


def test_two_instances_of_the_image_share_one_postgresql_database() -> None:
    drawdown = service("drawdown")
    assert "build: .." in drawdown  # the repository's Dockerfile
    assert re.search(r"replicas: 2\b", drawdown)
    assert (
        "DRAWDOWN_DATABASE_URL: postgresql://drawdown:${DRAWDOWN_DB_PASSWORD}@postgres/drawdown"
        in drawdown
    )
    assert "condition: service_healthy" in drawdown
    assert "image: postgres:" in service("postgres")
    assert "pg_isready" in service("postgres")


def test_secrets_come_from_the_environment_and_are_required() -> None:
    assert "TELEGRAM_BOT_TOKEN: ${TELEGRAM_BOT_TOKEN:?" in service("drawdown")
    assert "POSTGRES_PASSWORD: ${DRAWDOWN_DB_PASSWORD:?" in service("postgres")
    assert not re.search(r"\d{6,}:[A-Za-z0-9_-]{20,}", COMPOSE)  # no bot token written in


def test_the_readme_runs_the_compose_file_as_shipped() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docker compose -f deploy/compose.yaml up -d --build" in readme
    assert "\n## Scale out\n" in readme
