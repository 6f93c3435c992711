"""Stories: which story a new article joins, its evidence, and edited copies."""
