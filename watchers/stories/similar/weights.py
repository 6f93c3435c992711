"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.9512450202990953,
    "terms": 2.348154313920508,
    "rare_terms": 2.0528344900588795,
    "cosine": 2.675896303582118,
    "rare_mass": 0.09433751113147881,
    "lead": 3.802475889228998,
    "rare_lead": 2.336755887833018,
    "passages": 2.847764381948473,
    "passage_share": 1.4704086435505381,
    "rare_names": 0.5466266835450178,
    "rare_numbers": 1.3421205468646313,
    "other_numbers": -0.5039867005081635,
    "other_names": -0.6760524725855629,
    "days": -3.2836483551372027,
    "undated": 0.0,
    "figures_agree": 1.7795086588381865,
    "years_disjoint": -0.924028563251076,
    "latest_year": -0.030061703772049034,
    "months_disjoint": 0.16346979989255017,
    "actions_shared": 0.9997920681659199,
    "other_actions": -0.4097333383623923,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.134587735403952
WITHIN_THRESHOLD = 0.7166422794080473

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.668942744976305,
    "rare_names": 4.650085194063725,
    "rare_numbers": -0.5741040413560298,
    "other_numbers": -1.4096119737407995,
    "days": -3.1902853533270483,
    "undated": 0.0,
    "figures_agree": 2.297724186420822,
    "figures_conflict": -0.2641748548378149,
    "years_disjoint": -0.40891645153022144,
    "latest_year": 0.012521214160017688,
    "months_disjoint": -0.8625211011009283,
    "actions_shared": 1.3634871052540471,
    "other_actions": -0.7538824033719533,
}
ACROSS_INTERCEPT = -2.2543476778665603
ACROSS_THRESHOLD = 0.5
