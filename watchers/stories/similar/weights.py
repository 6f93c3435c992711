"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 1.0679052714047843,
    "terms": 2.3628365596635454,
    "rare_terms": 2.094958072558217,
    "cosine": 2.751157306109225,
    "rare_mass": 0.07224286145594737,
    "lead": 3.737211243315412,
    "rare_lead": 2.35955722674604,
    "passages": 2.810062104441883,
    "passage_share": 1.4338385788004382,
    "rare_names": 0.7089413587577164,
    "rare_numbers": 1.2684509292686108,
    "other_numbers": -0.5714815668184225,
    "other_names": -0.6190209439350711,
    "days": -3.207621346023082,
    "undated": 0.0,
    "figures_agree": 1.7835723791763805,
    "figures_conflict": 0.2918108861271877,
    "years_disjoint": -0.9866621854423263,
    "latest_year": 0.06388599893313004,
    "months_disjoint": 0.14580125881096545,
    "actions_shared": 0.9901294655352306,
    "other_actions": -0.4263332235795795,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.2105078041389605
WITHIN_THRESHOLD = 0.7175055632998105

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
