"""systemd's notify protocol (sd_notify): READY, STATUS, RELOADING, STOPPING and WATCHDOG.

A datagram of ``KEY=value`` lines to the socket named by ``NOTIFY_SOCKET`` (a path, or an
abstract name written with a leading ``@``). Without ``NOTIFY_SOCKET`` (a terminal, Docker,
tests) every call does nothing. With ``WatchdogSec=`` systemd sets ``WATCHDOG_USEC``; the
service then sends ``WATCHDOG=1`` at half that interval while its scheduler is alive, so a
hung service is restarted (see drawdown/ops/operations.py).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Mapping

log = logging.getLogger(__name__)


def notify(*fields: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``fields`` ("READY=1", "STATUS=…") to systemd; False when not run by systemd."""
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall("\n".join(fields).encode())
    except OSError as e:
        log.warning("systemd.notify_failed fields=%s error=%s", ",".join(fields), e)
        return False
    return True


def watchdog_interval(environ: Mapping[str, str] | None = None) -> float | None:
    """Seconds between two WATCHDOG=1 (half of WATCHDOG_USEC); None without a watchdog."""
    env = os.environ if environ is None else environ
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and pid.isdigit() and int(pid) != os.getpid():
        return None  # meant for another process (a parent that exec'd us keeps its own)
    return int(usec) / 1_000_000 / 2


def ready(status: str) -> bool:
    return notify("READY=1", f"STATUS={status}")


def reloading() -> bool:
    """Sent before re-reading the configuration; ``ready`` follows."""
    usec = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    return notify("RELOADING=1", f"MONOTONIC_USEC={usec}")


def stopping() -> bool:
    return notify("STOPPING=1", "STATUS=stopping")


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def watchdog() -> bool:
    return notify("WATCHDOG=1")
