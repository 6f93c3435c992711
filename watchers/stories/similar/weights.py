"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.9786792372547637,
    "terms": 2.296852117483896,
    "rare_terms": 2.101643940194484,
    "cosine": 2.7901496878562626,
    "rare_mass": 0.024091108584776224,
    "lead": 3.714287500448916,
    "rare_lead": 2.397337831394835,
    "passages": 2.82582419426518,
    "passage_share": 1.4302078949235804,
    "rare_names": 0.7449783007199576,
    "rare_numbers": 1.1172670291966817,
    "other_numbers": -0.5383710455358807,
    "other_names": -0.6251607499108441,
    "days": -3.2088048050825186,
    "undated": 0.0,
    "figures_agree": 0.9814377199726062,
    "figures_conflict": 0.2797484997388782,
    "years_disjoint": -0.984360198266377,
    "latest_year": 0.04844671041997774,
    "months_disjoint": 0.14617447464067979,
    "actions_shared": 1.0229255268265378,
    "other_actions": -0.4287943185242046,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.202433513304969
WITHIN_THRESHOLD = 0.6952567816507655

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.6609157467601364,
    "rare_names": 4.679766035484233,
    "rare_numbers": -0.5896785924184197,
    "other_numbers": -1.4145946531557905,
    "days": -3.2328401048405624,
    "undated": 0.0,
    "figures_agree": 2.3618734807901154,
    "figures_conflict": -0.27620596556921967,
    "years_disjoint": -0.41009517958904707,
    "latest_year": 0.000668801498721982,
    "months_disjoint": -0.7967094544378303,
    "actions_shared": 1.3150964076365452,
    "other_actions": -0.7506510199230197,
}
ACROSS_INTERCEPT = -2.2452325262768413
ACROSS_THRESHOLD = 0.5
