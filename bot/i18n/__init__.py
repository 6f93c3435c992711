"""Languages: which one a chat reads, and the message catalogs."""
