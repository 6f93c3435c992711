"""Feeds: fetch, parse, probe, and the tick that checks the due ones."""
