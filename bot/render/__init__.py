"""Every text the bot writes, as Telegram HTML, and the inline keyboards. Pure: no I/O."""
