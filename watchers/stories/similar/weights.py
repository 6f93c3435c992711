"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.9953399903854266,
    "terms": 2.3540457374109445,
    "rare_terms": 2.06312712709108,
    "cosine": 2.68139437181815,
    "rare_mass": 0.08995465303574722,
    "lead": 3.7944762916292643,
    "rare_lead": 2.361491247228001,
    "passages": 2.830722621741192,
    "passage_share": 1.4516500523342908,
    "rare_names": 0.5526305030805725,
    "rare_numbers": 1.326215478561585,
    "other_numbers": -0.5153691435248889,
    "other_names": -0.6901989753351172,
    "days": -3.2505668869148603,
    "undated": 0.0,
    "figures_agree": 1.78302762274605,
    "years_disjoint": -0.9280782595783663,
    "latest_year": -0.028819611454211143,
    "months_disjoint": 0.16353437855769307,
    "actions_shared": 0.9622023919156947,
    "other_actions": -0.4305618655898577,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.1200321771666535
WITHIN_THRESHOLD = 0.7240012158372542

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.6453396802341319,
    "rare_names": 4.693946174554407,
    "rare_numbers": -0.6075753479129734,
    "other_numbers": -1.4269783485501357,
    "days": -3.128125984117581,
    "undated": 0.0,
    "figures_agree": 2.35271546807096,
    "figures_conflict": -0.2845054589481645,
    "years_disjoint": -0.40705603863491213,
    "latest_year": 0.012084656306625136,
    "months_disjoint": -0.8155917436090867,
    "actions_shared": 1.3223958673877585,
    "other_actions": -0.749594478870408,
}
ACROSS_INTERCEPT = -2.2611385680471052
ACROSS_THRESHOLD = 0.5
