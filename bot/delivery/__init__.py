"""Delivery: the outbox, Telegram's pacing, send-time rules, subscribers' hours."""
