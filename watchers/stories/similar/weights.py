"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.97033859623646,
    "terms": 1.9556682415527948,
    "rare_terms": 1.7943417243983881,
    "cosine": 2.3849077108320245,
    "rare_mass": 0.07556043003403473,
    "lead": 3.9954441906332945,
    "rare_lead": 2.362728993132981,
    "passages": 2.8287410487424594,
    "passage_share": 1.3268663960687948,
    "rare_names": 1.070740983929515,
    "rare_numbers": 1.6697428253783406,
    "other_numbers": -0.5376152189895743,
    "other_names": -0.5323732224396216,
    "days": -2.7826365753117015,
    "undated": 0.0,
    "figures_agree": 1.8942023529551562,
    "years_disjoint": -0.8009990483713942,
    "latest_year": 0.01015079222586602,
    "months_disjoint": 0.007209332735603065,
    "actions_shared": 0.9909495850663542,
    "other_actions": -0.3119142353298658,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.1060383662810453
WITHIN_THRESHOLD = 0.7058632956103734

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.6741551199665601,
    "rare_names": 4.761809384842884,
    "rare_numbers": -0.5806599103981436,
    "other_numbers": -1.479694129654622,
    "days": -2.622731243040494,
    "undated": 0.0,
    "figures_agree": 2.42182927725088,
    "figures_conflict": -0.29743854538053816,
    "years_disjoint": -0.4792485922370096,
    "latest_year": 0.0667946298593673,
    "months_disjoint": -0.7796282159591112,
    "actions_shared": 1.313603251375607,
    "other_actions": -0.7130263103026949,
}
ACROSS_INTERCEPT = -2.3162543458661324
ACROSS_THRESHOLD = 0.5
