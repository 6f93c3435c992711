"""The Telegram side: commands, subscriptions, message formatting, the delivery outbox, the entry point."""
