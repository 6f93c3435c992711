"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.8552659446117853,
    "terms": 2.491758993193156,
    "rare_terms": 2.2012378930385497,
    "cosine": 3.1576054098678026,
    "rare_mass": 0.05293560066269474,
    "lead": 3.9096877130510532,
    "rare_lead": 2.502710950830479,
    "passages": 2.2989959882340107,
    "passage_share": 0.3626481379201356,
    "rare_names": 0.5680430340879511,
    "rare_numbers": 1.1437075370291474,
    "other_numbers": -0.5694709652100476,
    "other_names": -0.5872176361566709,
    "days": -3.2386397181558686,
    "undated": 0.0,
    "figures_agree": 0.8737808638885952,
    "figures_conflict": 0.1767257237423691,
    "years_disjoint": -0.8820541350571225,
    "latest_year": -0.037512763077818964,
    "months_disjoint": 0.0961332444900365,
    "actions_shared": 0.957627910031832,
    "other_actions": -0.38274112784868936,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.2576784241417283
WITHIN_THRESHOLD = 0.7215023272704473

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
