"""Plain HTTP GETs for the tests that read /healthz and /metrics of a running service."""

from __future__ import annotations

import time
import urllib.error
import urllib.request


def get(url: str, timeout: float = 5) -> tuple[int, str]:
    """(status, body), for error statuses too; (0, reason) when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except (urllib.error.URLError, OSError) as e:
        return 0, str(e)


def wait_for_status(url: str, status: int, timeout: float = 15) -> str:
    """Poll ``url`` until it answers ``status``; returns that body."""
    deadline = time.monotonic() + timeout
    last = (0, "")
    while time.monotonic() < deadline:
        last = get(url)
        if last[0] == status:
            return last[1]
        time.sleep(0.05)
    raise AssertionError(f"{url} never answered {status}; last: {last[0]}\n{last[1]}")
