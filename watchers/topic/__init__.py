"""The topic: text normalisation, keyword matching, and the relevance judge."""
