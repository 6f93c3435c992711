"""Near-duplicate detection: which articles tell the same story. Pure: no I/O.

Identity comes first (GUID, canonical URL, content hash: ``watchers.identity.keys``); this package
is the similarity that follows:

* ``shingle``: cleaned lines, tokens (folded, numbers normalised) and shingles;
* ``minhash``: ``Signature`` (one-permutation MinHash, 128 bins) and LSH ``band_keys``;
* ``evidence``: ``Evidence`` — signature, anchors (names, numbers), years, figures;
* ``rarity``: ``Rarity``, the store's document frequencies of words, names and numbers;
* ``features``, ``weights``, ``lexicon``: the signals of a pair, their fitted weights, the
  topic's terms in both languages;
* ``verdict``: ``same_story(a, b, rarity) -> Verdict``: near copy, or the fitted model;
* ``index``: the (band, key) rows of an article and ``StoryIndex``, their in-memory table.
"""

from watchers.stories.similar.evidence import Evidence, evidence, signature
from watchers.stories.similar.index import (
    ANCHOR_BAND,
    TERM_BAND,
    StoryIndex,
    index_keys,
    query_keys,
)
from watchers.stories.similar.minhash import BANDS, NUM_BINS, ROWS, Signature, band_keys
from watchers.stories.similar.rarity import Rarity
from watchers.stories.similar.shingle import clean_lines, shingle_texts, tokens
from watchers.stories.similar.verdict import (
    WINDOW_DAYS,
    Verdict,
    copy_threshold,
    other_day,
    other_partner,
    same_story,
    vetoed,
)

shingles = shingle_texts

__all__ = [
    "ANCHOR_BAND",
    "BANDS",
    "NUM_BINS",
    "ROWS",
    "TERM_BAND",
    "WINDOW_DAYS",
    "Evidence",
    "Rarity",
    "Signature",
    "StoryIndex",
    "Verdict",
    "band_keys",
    "clean_lines",
    "copy_threshold",
    "evidence",
    "index_keys",
    "other_day",
    "other_partner",
    "query_keys",
    "same_story",
    "shingle_texts",
    "shingles",
    "signature",
    "tokens",
    "vetoed",
]
