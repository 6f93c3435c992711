"""The bot's messages as Telegram HTML, put together from the catalogs (``bot.i18n``), and
the inline keyboards. Pure: no I/O."""
