"""Storage: SQLModel rows, queries and migrations (SQLite by default, PostgreSQL by URL)."""
