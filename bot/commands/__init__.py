"""The bot's commands: what a subscriber, a group admin and an operator can ask."""
