"""The story verdict's fitted weights: written by ``python -m tests.story_model
--write`` (logistic regression on labelled pairs; see that module). Do not edit."""

from __future__ import annotations

WITHIN_WEIGHTS: dict[str, float] = {
    "copy": 0.959499124742298,
    "terms": 2.3401782556864488,
    "rare_terms": 2.052011732082429,
    "cosine": 2.6884955065290694,
    "rare_mass": 0.09443955487286372,
    "lead": 3.797217872563004,
    "rare_lead": 2.351245655964049,
    "passages": 2.8496201444180285,
    "passage_share": 1.4699343380959633,
    "rare_names": 0.5500383215323305,
    "rare_numbers": 1.3442116735453506,
    "other_numbers": -0.502057708113436,
    "other_names": -0.6867279980856721,
    "days": -3.2810834034968512,
    "undated": 0.0,
    "figures_agree": 1.7785787360929055,
    "years_disjoint": -0.9241755110697112,
    "latest_year": -0.027739377549284048,
    "months_disjoint": 0.16746665224558274,
    "actions_shared": 0.9709284470901709,
    "other_actions": -0.42129392669559973,
    "short": 0.0,
}
WITHIN_INTERCEPT = -3.119218251434206
WITHIN_THRESHOLD = 0.7164368713876659

ACROSS_WEIGHTS: dict[str, float] = {
    "concepts": 0.6634148034949774,
    "rare_names": 4.649894091492224,
    "rare_numbers": -0.5720682925520209,
    "other_numbers": -1.4085103807919834,
    "days": -3.1975248010051964,
    "undated": 0.0,
    "figures_agree": 2.2995753647428385,
    "figures_conflict": -0.2629810837947931,
    "years_disjoint": -0.4098871597534737,
    "latest_year": 0.015148157572870039,
    "months_disjoint": -0.8617980340355242,
    "actions_shared": 1.3577282830461772,
    "other_actions": -0.7559378052499349,
}
ACROSS_INTERCEPT = -2.25084172845718
ACROSS_THRESHOLD = 0.5
