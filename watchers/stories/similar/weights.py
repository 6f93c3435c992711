"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.9560516433350108,
    "terms": 2.356835418284836,
    "rare_terms": 2.0615058598235225,
    "cosine": 2.6930140864122416,
    "rare_mass": 0.10833040554359438,
    "lead": 3.7959495995779076,
    "rare_lead": 2.337199740489153,
    "passages": 2.8447771563174573,
    "passage_share": 1.469535259451717,
    "rare_names": 0.5037480083786648,
    "rare_numbers": 1.3222543897356775,
    "other_numbers": -0.5037009870177365,
    "other_names": -0.6732600223443749,
    "days": -3.2825005929900573,
    "undated": 0.0,
    "figures_agree": 1.7722803457724026,
    "years_disjoint": -0.9170080538387085,
    "latest_year": -0.04048434184686505,
    "months_disjoint": 0.16731206628677514,
    "actions_shared": 0.991583424030708,
    "other_actions": -0.4110210437606485,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.1388346325197247
WITHIN_THRESHOLD = 0.7181111049540597

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.667857974494603,
    "rare_names": 4.65025313074119,
    "rare_numbers": -0.5739433433621025,
    "other_numbers": -1.409616641683965,
    "days": -3.190295741450851,
    "undated": 0.0,
    "figures_agree": 2.297831289880178,
    "figures_conflict": -0.2641711624528167,
    "years_disjoint": -0.40896605562011923,
    "latest_year": 0.012598778569558608,
    "months_disjoint": -0.8625491921371069,
    "actions_shared": 1.3635984767359293,
    "other_actions": -0.7538978460986504,
}
ACROSS_INTERCEPT = -2.254272520967721
ACROSS_THRESHOLD = 0.5
