"""Watchers: fetch feeds, parse them, keep what matches the topic, and decide what is new."""
