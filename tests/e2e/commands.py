"""Run a ``drawdown`` command (``python -m drawdown``) as a process, as an operator types it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

from tests.e2e.service import ROOT, TOKEN


def drawdown(
    *args: str, token: str | None = TOKEN, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
    if token:
        clean["TELEGRAM_BOT_TOKEN"] = token
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "drawdown", *args],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
