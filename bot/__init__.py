"""The Telegram side: commands, subscriptions, messages, the delivery outbox, the entry point."""

import os

# python-telegram-bot reports durations (RetryAfter.retry_after) as timedelta with this set,
# and warns about the deprecated int form without it.
os.environ.setdefault("PTB_TIMEDELTA", "1")
