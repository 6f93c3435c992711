"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 1.040962231040854,
    "terms": 2.371984162630661,
    "rare_terms": 2.087440688451467,
    "cosine": 2.7589673171425297,
    "rare_mass": 0.053376682683882765,
    "lead": 3.7514484900092073,
    "rare_lead": 2.3496099642454533,
    "passages": 2.8002132883185387,
    "passage_share": 1.425022299793302,
    "rare_names": 0.7018996762612724,
    "rare_numbers": 1.2875027951415263,
    "other_numbers": -0.5347685716708687,
    "other_names": -0.6282025855804987,
    "days": -3.2065991588859935,
    "undated": 0.0,
    "figures_agree": 1.7680394109500037,
    "years_disjoint": -0.9833047908366483,
    "latest_year": 0.05005705595248062,
    "months_disjoint": 0.14109848920841933,
    "actions_shared": 0.981300071276521,
    "other_actions": -0.42884798455213896,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.165737496492512
WITHIN_THRESHOLD = 0.7107515488123176

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
