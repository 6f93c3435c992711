"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.8565720828584427,
    "terms": 2.510990151250145,
    "rare_terms": 2.2076521384303076,
    "cosine": 3.1662017194115437,
    "rare_mass": 0.03804557609796027,
    "lead": 3.9101907986193556,
    "rare_lead": 2.500623408975014,
    "passages": 2.2932142385509704,
    "passage_share": 0.36674329982722925,
    "rare_names": 0.5646517741546392,
    "rare_numbers": 1.1437000932688708,
    "other_numbers": -0.5726950147962762,
    "other_names": -0.5539639314062563,
    "days": -3.240100533025494,
    "undated": 0.0,
    "figures_agree": 0.8722104031432565,
    "figures_conflict": 0.17852535306446357,
    "years_disjoint": -0.878359259169856,
    "latest_year": -0.03869178452366897,
    "months_disjoint": 0.0851336266950056,
    "actions_shared": 0.9555200724374202,
    "other_actions": -0.3831037091598858,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.263014096965208
WITHIN_THRESHOLD = 0.7206159842081754

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
