"""The circuit breaker's pauses while Telegram is unreachable."""

from __future__ import annotations

from bot.delivery.circuit import Circuit


def test_the_first_failure_opens_the_circuit_and_counts_as_an_attempt() -> None:
    circuit = Circuit()
    assert circuit.trip(now=100.0)
    assert (circuit.is_open, circuit.pause, circuit.paused_until) == (True, 1.0, 101.0)


def test_each_further_failure_doubles_the_pause_up_to_the_longest_without_counting() -> None:
    circuit = Circuit(first=1.0, longest=30.0)
    opened = [circuit.trip(now=0.0) for _ in range(7)]
    assert opened == [True] + [False] * 6
    assert circuit.pause == 30.0  # 1, 2, 4, 8, 16, 30, 30


def test_a_success_closes_it_and_the_next_failure_starts_again_from_the_first_pause() -> None:
    circuit = Circuit(first=0.5, longest=4.0)
    circuit.trip(now=0.0)
    circuit.trip(now=0.0)
    circuit.close()
    assert not circuit.is_open
    assert circuit.trip(now=10.0)
    assert circuit.paused_until == 10.5


def test_a_longest_pause_shorter_than_the_first_caps_it_too() -> None:
    circuit = Circuit(longest=0.2)
    circuit.trip(now=0.0)
    circuit.trip(now=0.0)
    assert circuit.pause == 0.2
