"""Drawdown Watch: the pieces every package shares (the error tree and the configuration)."""
