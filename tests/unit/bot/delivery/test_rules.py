"""Send-time rules: what a subscriber's settings, filters and mutes do to each delivery."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.delivery.rules import HOLD, SEND, Verdict, chosen, contains, filtered, send_verdict
from storage.ledger_types import FigureChange
from storage.preference_types import AlertArticle, ChatRules, Filter
from storage.types import AlertKind, DueDelivery, StoredAlert
from watchers.topic.text import words

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
ARTICLE = AlertArticle(
    7, "Mỹ rút quân khỏi căn cứ Ain al-Asad", "Một phần binh sĩ chuyển sang Syria và Kuwait."
)


def figure(key: str = "troops/US/Iraq") -> FigureChange:
    return FigureChange(
        key=key, kind="changed", value="2000", precision="exact", source=None, sources=1,
        old_key=key, old_value="2500", old_precision="exact", old_outlet="VOV", old_source=None,
        old_published_at=NOW,
    )  # fmt: skip


def delivery(
    kind: AlertKind = "story", *, mode: str = "instant", change: FigureChange | None = None
) -> DueDelivery:
    alert = StoredAlert(
        id=1, kind=kind, title=ARTICLE.title, outlet="VnExpress", url=None, published_at=NOW,
        matched=(), created_at=NOW, figure=change,
    )  # fmt: skip
    return DueDelivery(id=1, chat_id=5, language="vi", attempts=0, alert=alert, mode=mode)


def test_without_settings_everything_is_sent_and_a_digest_subscriber_gets_stories_held() -> None:
    assert send_verdict(delivery(), ChatRules(), ARTICLE) is SEND
    assert send_verdict(delivery(mode="digest"), ChatRules(), ARTICLE) is HOLD
    assert (
        send_verdict(delivery("figure", mode="digest", change=figure()), ChatRules(), ARTICLE)
        is SEND
    )


def test_figures_only_keeps_stories_back_and_lets_figure_changes_through() -> None:
    rules = ChatRules(receive="figures")
    assert send_verdict(delivery(), rules, ARTICLE) == Verdict("skip", "receive=figures")
    assert send_verdict(delivery("figure", change=figure()), rules, ARTICLE) is SEND


def test_chosen_figures_let_through_only_the_chosen_keys_and_families() -> None:
    rules = ChatRules(receive="chosen", chosen=("troops/",))
    assert send_verdict(delivery("figure", change=figure()), rules, ARTICLE) is SEND
    deadline = figure("deadline/coalition leaves Iraq")
    assert send_verdict(delivery("figure", change=deadline), rules, ARTICLE) == Verdict(
        "skip", "receive=chosen"
    )
    assert send_verdict(delivery(), rules, ARTICLE) == Verdict("skip", "receive=chosen")
    assert chosen("deadline/coalition leaves Iraq", ["deadline/coalition leaves Iraq"])
    assert not chosen("troops/US/Iraqi", ["troops/US/Iraq"])


def test_a_muted_article_is_skipped_whatever_the_kind_but_broadcasts_and_digests_never_are() -> (
    None
):
    rules = ChatRules(muted=frozenset({7}))
    assert send_verdict(delivery(), rules, ARTICLE) == Verdict("skip", "muted")
    assert send_verdict(delivery("figure", change=figure()), rules, ARTICLE) == Verdict(
        "skip", "muted"
    )
    strict = ChatRules(
        receive="figures", filters=(Filter(1, "include", "Erbil"),), muted=rules.muted
    )
    assert send_verdict(delivery("broadcast"), strict, None) is SEND
    assert send_verdict(delivery("digest"), strict, None) is SEND


def test_another_report_of_a_muted_story_is_skipped_too() -> None:
    rules = ChatRules(muted=frozenset({7}), muted_stories=frozenset({3}))
    same_story = dataclasses.replace(ARTICLE, article_id=8, story_id=3)
    other_story = dataclasses.replace(ARTICLE, article_id=9, story_id=4)
    assert send_verdict(delivery(), rules, same_story) == Verdict("skip", "muted")
    assert send_verdict(delivery("figure", change=figure()), rules, same_story) == Verdict(
        "skip", "muted"
    )
    assert send_verdict(delivery(), rules, other_story) is SEND
    assert send_verdict(delivery(), rules, dataclasses.replace(other_story, story_id=None)) is SEND


def test_stories_from_an_outlet_or_a_language_turned_off_are_kept_back_figures_are_not() -> None:
    english = dataclasses.replace(ARTICLE, feed_id=3, lang="en")
    turned_off = (ChatRules(outlets_off=frozenset({3})), ChatRules(languages_off=frozenset({"en"})))
    for rules in turned_off:
        assert send_verdict(delivery(), rules, english) == Verdict("skip", "outlet")
        assert send_verdict(delivery("update"), rules, english) == Verdict("skip", "outlet")
        assert send_verdict(delivery("figure", change=figure()), rules, english) is SEND
    assert send_verdict(delivery(), ChatRules(outlets_off=frozenset({4})), english) is SEND


def test_exclude_and_include_phrases_choose_among_stories() -> None:
    exclude = ChatRules(filters=(Filter(1, "exclude", "syria"),))
    assert send_verdict(delivery(), exclude, ARTICLE) == Verdict("skip", "exclude=syria")
    include = ChatRules(filters=(Filter(1, "include", "Erbil"), Filter(2, "include", "al asad")))
    assert send_verdict(delivery(), include, ARTICLE) is SEND
    nowhere = ChatRules(filters=(Filter(1, "include", "Erbil"),))
    assert send_verdict(delivery(), nowhere, ARTICLE) == Verdict("skip", "include")
    assert send_verdict(delivery(mode="digest"), nowhere, ARTICLE) == Verdict("skip", "include")
    assert send_verdict(delivery("figure", change=figure()), nowhere, ARTICLE) is SEND


def test_phrases_match_whole_words_in_order_without_case_or_diacritics() -> None:
    f = [Filter(1, "exclude", "rut quan")]
    assert filtered(f, "MỸ RÚT QUÂN khỏi Iraq", "") == "exclude=rut quan"
    assert filtered([Filter(1, "exclude", "Iraq")], "Quân đội Iraqi", "") is None
    assert filtered([Filter(1, "exclude", "quân rút")], "Mỹ rút quân", "") is None
    assert filtered([Filter(1, "exclude", "quân binh")], "Mỹ rút quân", "binh sĩ") is None


def test_an_alert_without_an_article_is_filtered_on_its_title() -> None:
    rules = ChatRules(filters=(Filter(1, "exclude", "Ain al-Asad"),))
    assert send_verdict(delivery(), rules, None) == Verdict("skip", "exclude=Ain al-Asad")


_WORD = st.text(alphabet="abcdeđêôơưăâáàảãạ", min_size=1, max_size=5)


@given(st.lists(_WORD, max_size=30), st.lists(_WORD, min_size=1, max_size=3))
def test_contains_finds_a_phrase_exactly_where_its_words_follow_each_other(
    text: list[str], phrase: list[str]
) -> None:
    folded_text, folded_phrase = words(" ".join(text)), words(" ".join(phrase))
    expected = any(
        folded_text[i : i + len(folded_phrase)] == folded_phrase for i in range(len(folded_text))
    )
    assert contains(folded_text, folded_phrase) == expected
