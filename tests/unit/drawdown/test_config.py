"""config.toml: the shipped file is valid, and each mistake is one line naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from drawdown.config import load_config, parse_duration, parse_size
from drawdown.errors import ConfigError

ROOT = Path(__file__).resolve().parents[3]

MINIMAL = """
[topic]
required = ["iraq"]
[topic.terms]
iraq = ["Iraq"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    return str(caught.value).splitlines()


def test_the_shipped_config_is_valid() -> None:
    config = load_config(ROOT / "config.toml")
    assert len(config.feeds) >= 10
    assert {"vi", "en"} == {feed.lang for feed in config.feeds}
    assert config.topic.required == ("iraq", "withdrawal")


@pytest.mark.parametrize(
    ("value", "seconds"), [(90, 90), ("90s", 90), ("5m", 300), ("1h", 3600), ("250ms", 0.25)]
)
def test_durations_are_seconds_or_strings(value: int | str, seconds: float) -> None:
    assert parse_duration(value) == seconds


def test_sizes_accept_units() -> None:
    assert parse_size("10MB") == 10_000_000
    assert parse_size("1KiB") == 1024


def test_a_feed_interval_accepts_both_forms(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[[feeds]]\nurl = "https://a.example/rss"\nname = "A"\nlang = "vi"\ninterval = "90s"\n'
            '[[feeds]]\nurl = "https://b.example/rss"\nname = "B"\nlang = "en"\ninterval = 120\n',
        )
    )
    assert [config.interval_of(f) for f in config.feeds] == [90, 120]


def test_a_bad_interval_names_the_file_the_key_and_what_is_allowed(tmp_path: Path) -> None:
    (line,) = problems(
        tmp_path,
        '[[feeds]]\nurl = "https://a.example/rss"\nname = "A"\nlang = "vi"\ninterval = "soon"\n',
    )
    assert line.startswith(f"{tmp_path / 'config.toml'}: feeds[0].interval: ")
    assert "'90s', '5m', '1h'" in line


def test_every_mistake_is_reported(tmp_path: Path) -> None:
    lines = problems(
        tmp_path, '[[feeds]]\nurl = "ftp://x"\nname = ""\nlang = "fr"\n[storage]\nurll = "x"\n'
    )
    keys = [line.split(": ")[1] for line in lines]
    assert keys == ["storage.urll", "feeds[0].url", "feeds[0].name", "feeds[0].lang"]
    assert "unknown key" in lines[0]
    assert "'vi' or 'en'" in lines[3]


def test_the_token_is_refused_in_the_file(tmp_path: Path) -> None:
    (line,) = problems(tmp_path, '[telegram]\ntoken = "123:ABC"\n')
    assert "telegram.token" in line
    assert "TELEGRAM_BOT_TOKEN" in line
    assert "123:ABC" not in line


def test_broken_toml_and_a_missing_file_are_clear(tmp_path: Path) -> None:
    (line,) = problems(tmp_path, "[storage\n")
    assert "not valid TOML" in line
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "absent.toml")


def test_a_missing_required_group_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[topic]\nrequired = ["iraq", "withdrawal"]\n[topic.terms]\niraq = ["Iraq"]\n')
    with pytest.raises(ConfigError, match="'withdrawal' has no"):
        load_config(path)


def test_the_database_url_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAWDOWN_DATABASE_URL", "postgresql://127.0.0.1/x")
    assert load_config(write(tmp_path, "")).storage.url == "postgresql://127.0.0.1/x"


def test_the_config_file_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAWDOWN_CONFIG", str(write(tmp_path, "")))
    assert load_config().topic.required == ("iraq",)


def test_health_and_retention_have_defaults_an_operator_can_leave_alone(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert (config.health.host, config.health.port, config.health.enabled) == (
        "127.0.0.1",
        9847,
        True,
    )
    assert config.health.stale_tick == 60
    assert config.retention.article_bodies == 90 * 86400
    assert config.retention.sent_deliveries == 30 * 86400


def test_health_and_retention_mistakes_are_one_line_each(tmp_path: Path) -> None:
    lines = problems(
        tmp_path,
        '[health]\nport = 70000\ntelegram_down = "later"\n[retention]\narticle_bodies = 0\n',
    )
    keys = [line.split(": ")[1] for line in lines]
    assert keys == ["health.port", "health.telegram_down", "retention.article_bodies"]
    assert "65535" in lines[0]
    assert "'later' is not a duration" in lines[1]
    assert "greater than zero" in lines[2]


def test_a_stale_tick_shorter_than_the_tick_is_refused(tmp_path: Path) -> None:
    (line,) = problems(tmp_path, '[schedule]\ntick = "30s"\n[health]\nstale_tick = "10s"\n')
    assert "health.stale_tick (10 s) must be longer than schedule.tick (30 s)" in line


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ('[storage]\nurl = "mysql://u@h/db"\n', "storage.url", "'mysql' is not a database"),
        ('[storage]\nurl = "nonsense"\n', "storage.url", "not a database URL: use sqlite:///"),
        (
            '[telegram]\napi_base_url = "http://127.0.0.1:8081/bot"\n',
            "telegram.api_base_url",
            "ends in /bot: give the server's address alone (http://127.0.0.1:8081)",
        ),
        (
            '[[feeds]]\nurl = "not a url"\nname = "x"\nlang = "vi"\n',
            "feeds[0].url",
            "must be an http:// or https:// address without spaces, not 'not a url'",
        ),
        ("[delivery]\nmax_attempts = 0\n", "delivery.max_attempts", "greater than or equal to 1"),
        ('[delivery]\nlease = "1s"\n', "delivery.lease", "1 s is too short: at least 3 s"),
        (
            '[telegram]\nwebhook_url = "bot.example/hook"\n',
            "telegram.webhook_url",
            "must be empty (long polling) or an http:// or https:// address",
        ),
    ],
)
def test_each_mistake_is_said_in_the_projects_words(
    tmp_path: Path, text: str, key: str, words: str
) -> None:
    (line,) = problems(tmp_path, text)
    assert line.startswith(f"{tmp_path / 'config.toml'}: {key}: ")
    assert words in line
    assert "should" not in line
    assert "Field required" not in line


def test_a_topic_without_required_groups_or_without_a_topic_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[topic]\nrequired = []\n[topic.terms]\niraq = ["Iraq"]\n')
    with pytest.raises(ConfigError, match=r"topic\.required: name at least one group"):
        load_config(path)
    path.write_text('[storage]\nurl = "sqlite:///x.db"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: topic: the [topic] table is missing (the shipped " \
        "config.toml has one to copy)"  # fmt: skip


def test_a_mistake_of_the_whole_file_names_no_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "absent.toml")
    assert str(caught.value).startswith(f"{tmp_path / 'absent.toml'}: file not found")
