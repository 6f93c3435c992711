"""``python -m drawdown`` is the ``drawdown`` command."""

import sys

from drawdown.cli import main

sys.exit(main())
