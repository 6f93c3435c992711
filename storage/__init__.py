"""Storage: SQLModel rows, sessions, queries and migrations (SQLite by default, PostgreSQL by URL)."""
