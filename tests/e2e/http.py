"""Plain HTTP GETs for the tests that read /healthz and /metrics of a running service."""

from __future__ import annotations

import urllib.error
import urllib.request

from tests.waiting import within


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
    last = (0, "")

    def answered() -> bool:
        nonlocal last
        last = get(url)
        return last[0] == status

    if not within(timeout, answered):
        raise AssertionError(f"{url} never answered {status}; last: {last[0]}\n{last[1]}")
    return last[1]
