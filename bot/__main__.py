"""``python -m bot`` is the ``drawdown`` command."""

import sys

from bot.cli import main

sys.exit(main())
