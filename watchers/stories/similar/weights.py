"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 1.0146232332801775,
    "terms": 2.365311951229568,
    "rare_terms": 2.101428692138699,
    "cosine": 2.8002025669860093,
    "rare_mass": 0.02658221889363668,
    "lead": 3.7404302081138314,
    "rare_lead": 2.3617848030407385,
    "passages": 2.849047224090979,
    "passage_share": 1.4495904774801458,
    "rare_names": 0.7072647878360485,
    "rare_numbers": 1.3003469761312192,
    "other_numbers": -0.5193033653544795,
    "other_names": -0.634084259800601,
    "days": -3.200836315478408,
    "undated": 0.0,
    "figures_agree": 0.8283747893483637,
    "figures_conflict": 0.13748888277119645,
    "years_disjoint": -0.9926465949597987,
    "latest_year": 0.04207550995187447,
    "months_disjoint": 0.14171120929211373,
    "actions_shared": 0.9945502945554591,
    "other_actions": -0.4377322686560731,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.1714526677575674
WITHIN_THRESHOLD = 0.6884011340038751

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.7649247317576207,
    "rare_names": 4.675328698055186,
    "rare_numbers": -0.25796315055455643,
    "other_numbers": -1.4243596739763154,
    "days": -3.227600097509509,
    "undated": 0.0,
    "figures_agree": 2.243091194596858,
    "figures_conflict": -0.2701135729190195,
    "years_disjoint": -0.3933225520118891,
    "latest_year": -0.019352846238140802,
    "months_disjoint": -0.7994428037701747,
    "actions_shared": 1.2942409841087454,
    "other_actions": -0.7641811287300705,
}
ACROSS_INTERCEPT = -2.2358292045136023
ACROSS_THRESHOLD = 0.5
