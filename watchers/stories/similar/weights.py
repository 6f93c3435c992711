"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.9837483248975887,
    "terms": 2.7252486748701688,
    "rare_terms": 2.2817737852305897,
    "cosine": 3.2165456443777463,
    "rare_mass": -0.149807327355119,
    "lead": 3.9107207935254076,
    "rare_lead": 2.469586998806382,
    "passages": 2.291303653125902,
    "passage_share": 0.4044776995952353,
    "rare_names": 0.4935128664021402,
    "rare_numbers": 1.271499523708957,
    "other_numbers": -0.6128291343500726,
    "other_names": -0.038091573882915945,
    "days": -3.231937684086924,
    "undated": 0.0,
    "figures_agree": 0.8831553401692795,
    "figures_conflict": 0.22192858189962889,
    "years_disjoint": -0.8832649559659476,
    "latest_year": -0.028688977433044438,
    "months_disjoint": 0.013432475841672053,
    "actions_shared": 0.9770002190127222,
    "other_actions": -0.3790131249681888,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.409846767454314
WITHIN_THRESHOLD = 0.7247553365033199

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.7063008475898347,
    "rare_names": 4.687189138606678,
    "rare_numbers": -0.21947194828894437,
    "other_numbers": -1.4495131509214665,
    "days": -2.8526545453843166,
    "undated": 0.0,
    "figures_agree": 2.4188296760325625,
    "figures_conflict": -0.2618900448995045,
    "years_disjoint": -0.38332825626364575,
    "latest_year": -0.0006488045272759795,
    "months_disjoint": -0.881854043089942,
    "actions_shared": 1.1858351448143518,
    "other_actions": -0.7468628869643895,
}
ACROSS_INTERCEPT = -2.3003379104673325
ACROSS_THRESHOLD = 0.730968386521178
