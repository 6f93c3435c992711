"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 2.3186231880571415,
    "terms": 2.6632344376005816,
    "rare_terms": 2.4773015990561666,
    "cosine": 3.626248797484437,
    "rare_mass": 0.3848622616093071,
    "lead": 3.6035791529828405,
    "rare_lead": 2.458716976310245,
    "rare_names": 0.4993589982653959,
    "rare_numbers": 1.0237189298917637,
    "other_numbers": -0.6716142142247726,
    "other_names": -0.06303920586142317,
    "days": -3.123858571585314,
    "undated": 0.0,
    "figures_agree": 1.1821148177847045,
    "figures_conflict": 0.10887596740410416,
    "years_disjoint": -0.7066877297610279,
    "latest_year": -0.08424464859253503,
    "months_disjoint": -0.043007096891187924,
    "actions_shared": 0.8825941454438748,
    "other_actions": -0.3715690656606659,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.7154241302846973
WITHIN_THRESHOLD = 0.7755457168144101

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
