"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.7954978103044817,
    "terms": 2.4254780362437227,
    "rare_terms": 2.129343482482439,
    "cosine": 2.9387286937738994,
    "rare_mass": 0.035916944910151745,
    "lead": 3.878179944406402,
    "rare_lead": 2.4703571485925724,
    "passages": 2.882328845781313,
    "passage_share": 1.488926129446134,
    "rare_names": 0.6926590571770783,
    "rare_numbers": 1.320674987158422,
    "other_numbers": -0.5078199546974651,
    "other_names": -0.6248827614602034,
    "days": -3.2528542189569074,
    "undated": 0.0,
    "figures_agree": 0.8000444555711725,
    "figures_conflict": 0.19908234057569515,
    "years_disjoint": -0.9922222217175442,
    "latest_year": 0.051994672986502816,
    "months_disjoint": 0.16021237405062538,
    "actions_shared": 0.9942466448648954,
    "other_actions": -0.4059730029433713,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.235583139942091
WITHIN_THRESHOLD = 0.6961956478547615

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
