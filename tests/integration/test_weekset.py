"""The same-week sets (``tests/data/weekset*``) through ``drawdown analyze``: a ratchet on the
pairs their stories get wrong (``bench.weekset``), among the reports of events on the topic. A
change that merges fewer reports of other events, or splits fewer of one (a report on the
topic that the topic turns down splits it too), lowers these numbers here too."""

from __future__ import annotations

import pytest

from bench.weekset import SETS, labels, measured
from watchers.analyze import load_documents

# (false, missed) pairs within a language and across, per set. The first: (77, 10) and
# (79, 24) when it was added; leads that name different days split (77 -> 6 false within,
# 79 -> 7 across, for 5 more missed across). The second: (68, 15) and (66, 37) when it was
# added, (28, 21) and (26, 48) with the rule of named days, (22, 19) and (13, 47) with wire
# style ("said Tuesday"), then Vietnamese weekdays and the topic's "rời khỏi", "bàn giao" and
# "sứ mệnh quân sự" (with "hôm qua" read: (11, 8) and (5, 25)). Then no article joins a story
# one of whose reports names another day (``choose.best_story``): the first (6, 10), (7, 29)
# -> (3, 10), (4, 20); the third (33, 18) -> (27, 16); the fourth (23, 21), (17, 57) -> (5,
# 23), (2, 57); the second and the fifth unchanged. Then the topic's plainer words of leaving
# ("forces will leave", said of forces and troops): the first (3, 8), the fourth (5, 22), the
# fifth (16, 6) and (16, 28), the seventh (6, 24). Then a report whose best match's lead shares
# almost nothing with its own starts a story (``verdict.other_lead``): the third (27, 16),
# (21, 40) -> (21, 16), (17, 43); the fifth (16, 6), (16, 28) -> (10, 6), (10, 34); the
# seventh (6, 24) -> (4, 24). Then a passage the candidates of two stories share is background
# (``choose.BACKGROUND``): the second (7, 8) -> (6, 8); the third across (17, 43) -> (17, 42);
# the fourth (7, 21) -> (5, 22); the fifth (10, 6), (10, 34) -> (8, 8), (8, 17); across, the
# seventh (0, 39) -> (0, 35), the eighth (0, 46) -> (0, 43), the ninth (4, 44) -> (4, 43).
EVENTS = dict.fromkeys(SETS, 13) | {  # as each README says
    "sixth set": 12, "eleventh set": 14, "fourteenth set": 12, "fifteenth set": 12,
    "sixteenth set": 12, "seventeenth set": 12, "eighteenth set": 12, "nineteenth set": 12,
    "twentieth set": 12, "twenty-first set": 12, "twenty-second set": 12, "twenty-third set": 12,
    "twenty-fourth set": 13, "twenty-fifth set": 14, "twenty-sixth set": 14,
    "twenty-seventh set": 14, "twenty-eighth set": 14, "twenty-ninth set": 14, "thirtieth set": 14,
    "thirty-first set": 14, "thirty-second set": 14, "thirty-third set": 14,
    "thirty-fourth set": 15, "thirty-fifth set": 14, "thirty-sixth set": 14,
    "thirty-seventh set": 14, "thirty-eighth set": 14, "fifty-seventh set": 12,
    "forty-eighth set": 12, "fiftieth set": 12, "fifty-first set": 12, "fifty-second set": 12,
    "fifty-third set": 12, "fifty-fourth set": 12, "fifty-fifth set": 12, "fifty-sixth set": 12,
}  # fmt: skip
# (the 11th stop: the topic's "quân Mỹ" read right lowered nine sets' misses; it follows. The
# 13th: a year after 2049 is a year, not a rare number two reports share: sets 1-41 within 101
# -> 88 false pairs, 791 -> 813 missed, across 80 -> 78, 1,291 -> 1,300; a sum of money is
# another anchor than a count. The 14th: pairs are counted among the reports of events on the
# topic only, as ``<shared>/eval/score.py`` counts them (before, the pairs of off-topic events
# counted missed when the topic turned them down, rightly): sets 1-45 within 840 missed pairs
# where 891 were, across 1,295 where 1,441; the topic has its own ratchet)
MOST_WRONG = {
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (3, 8) and (4, 20) before
    "first set": {"within": (3, 8), "across": (4, 11)},
    # then (this and the third, sixth and thirteenth) the figures of an earlier day's report
    # are no evidence within a language (``choose._without_standing``): (6, 8), (3, 34) before
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (3, 8) and (0, 34) before
    "second set": {"within": (3, 6), "across": (2, 11)},
    # (75, 15) and (17, 49) with the code before the rule of named days; measured once, when
    # it was added, after the choices on the second set: (37, 14) and (17, 47); then "hôm qua"
    # was withdrawn (read against the UTC day it splits one event's reports): (36, 16) and
    # (17, 47); then "chiều 6/2", "tối 5/2"
    # then a page's links to other stories are not its text (``text.without_links``): (18,
    # 16) and (14, 42)
    # then the index stores six anchors an article: (18, 11) and (14, 35) before
    "third set": {"within": (18, 11), "across": (14, 30)},  # (21, 16), (17, 42) before
    # (43, 29) and (24, 63) with the code before the rule of named days; measured once, when
    # it was added, after the review's mends: (25, 29) and (15, 60); then the topic's "troop
    # ceiling", "troop cap", "force cap" (four more of its reports kept): (27, 25) and (18, 59);
    # then "chiều 6/2", "tối 5/2"
    # then a cap read as a plan ("set a ceiling of 1,500"): its reports agree on it, and
    # the cabinet's confirming the leaked roadmap (a date moved) joins the leak: (7, 21)
    # and (5, 48); then a scoop and its confirmation are two events (``verdict.other_source``):
    # the leak apart from the cabinet's endorsing it
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 21) and (0, 49) before
    # then the index stores six anchors an article: (0, 19) and (0, 31) before
    "fourth set": {"within": (0, 17), "across": (0, 30)},
    # (117, 26) and (117, 36) with the code before the rule of named days; measured once, when
    # it was added, after the choices on the fourth set
    # then an item whose figures say foreign forces leave is on the topic (a faction's threat
    # that names the plan to keep 500 US troops): one more report of its event kept, which
    # joins another story: (8, 7) and (8, 20)
    # then the figures rule only in a lead that names our troops as such
    # then our level in Iraq in a lead's first sentences says the topic: the faction's warning
    # joins its story, and the Kurdish request's Vietnamese reports, whose best match it now
    # is, start their own (the model's yes, but they do not hold together with it): (8, 17)
    # across before
    "fifth set": {"within": (8, 5), "across": (8, 16)},
    # written to resemble real coverage, not as a stress set; measured once, when it was
    # added: (13, 15) and (8, 77) on the code before ``dfb90ea``, (4, 14) and (0, 77) after;
    # then looked at: of the match's language only the reports the index found count
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (4, 14) and (5, 26) before
    "sixth set": {"within": (4, 13), "across": (5, 17)},  # across (5, 32) before
    # like the sixth; measured once, when it was added: (6, 28) and (8, 40) on the code of
    # ``8bfd299``, (2, 33) and (0, 45) on ``db5d402``; then looked at: the topic's coalition
    # members, "không còn lính Mỹ", "security dialogue" (seven of its reports kept)
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (4, 24) and (0, 35) before
    # then the index stores six anchors an article: (4, 23) and (0, 29) before
    # then a term's diacritics are the text's: "chuyện quân Mỹ" (the matter of US troops) is no
    # longer "chuyển quân" (moving troops), and the report of US money for the Peshmerga has no
    # word of leaving left: (4, 25) and (0, 32) before
    "seventh set": {"within": (4, 26), "across": (0, 34)},
    # like the sixth; measured once, when it was added: (4, 24) and (0, 39) on the code of
    # ``8bfd299``, (4, 31) and (0, 48) on ``7c6593a``; then looked at: the topic's plainer
    # words of leaving, said of forces and troops ("coalition forces will leave Camp Nakhla")
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (4, 25) and (0, 43) before
    # then the index stores six anchors an article: (4, 24) and (0, 38) before
    "eighth set": {"within": (2, 22), "across": (2, 33)},
    # like the sixth; measured once, at the end of the stop that wrote sets 6-9, nothing
    # chosen on it: (6, 29) and (4, 63) on the code of ``8bfd299``, (0, 28) and (0, 47) on
    # ``f1bc949``; then looked at: the topic's "United States", "leaving" and "sứ mệnh của
    # liên quân" kept four of its reports, among them the wire scoop, which joins the
    # minister's two phases it cites (with an update naming its new figure); then a scoop and
    # what a minister said are two events (``verdict.other_source``)
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 23) and (2, 43) before
    # then the index stores six anchors an article: (0, 22) and (2, 36) before
    "ninth set": {"within": (0, 20), "across": (2, 34)},
    # like the sixth, written blind by a helper at the start of the next stop; measured once,
    # on the code of ``0794ae4`` and of ``5d90a95`` alike: (3, 44) and (2, 64); then looked
    # at: the topic's "cut" and "shrink" said of forces and troops (NATO's mission), and a
    # brief restated in a later report's background is no near copy of it: (0, 36) and (0,
    # 52); "cut" and "cắt giảm" were tried and taken back after a review (they let in aid
    # cuts): (0, 37) and (0, 54)
    # then reports whose figures say foreign forces leave are on the topic
    # then the figures rule only in a lead that names our troops as such
    "tenth set": {"within": (0, 35), "across": (0, 50)},
    # like the sixth, written blind by a helper at the start of the next stop; measured once,
    # on the code of ``26a52fa`` with the stop's later figure rules: (2, 45) and (3, 71); then
    # looked at: the prime minister's call on Camp Kasra joined the Kurdish region's answer to
    # parliament on the same day, whose lead shares nothing with it (``verdict.other_lead``);
    # and a title that counts our troops in Iraq is on the topic (the senators' hearing)
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 44) and (0, 71) before
    # then the index stores six anchors an article: (0, 43) and (0, 66) before
    "eleventh set": {"within": (0, 43), "across": (0, 62)},
    # like the sixth, written blind by a helper during the same stop, with the changes an
    # editor would alert (``changes.jsonl``); measured once, on the code of ``230f985``
    # then a title naming a coalition member the other text never names is another event
    # (Italy's mission)
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 38) and (0, 50) before
    "twelfth set": {"within": (0, 37), "across": (0, 46)},
    # like the twelfth, written blind later in the same stop; measured once, on ``35ca462``
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 30) and (1, 56) before
    # then (the seventh stop) the faction's truce "until 31 March 2052, the new date for their
    # departure" is on the topic, and the summit's late logistics piece joins it: (0, 30) and
    # (1, 48) before
    "thirteenth set": {"within": (1, 31), "across": (2, 43)},  # (0, 33), (1, 61) before
    # like the twelfth, written blind at the end of the same stop; measured once, on ``4b7a1e2``:
    # (0, 19) and (0, 36); then the US named beside others' troops ("không tính Mỹ") is no
    # owner: two reports no longer agree on a (wrong) US figure, two pairs across are missed
    # then the index stores six anchors an article: (0, 18) and (0, 35) before
    "fourteenth set": {"within": (0, 14), "across": (0, 25)},
    # like the twelfth, written blind in the next stop; measured once, on ``e556c74``: (4, 29)
    # and (6, 41), the Senate's vote joined to a reaction to the day before's agreement on
    # the agreement's figures (the start of the stop's code, ``aae2ee9``: the same); then
    # ``choose._without_standing``
    # then reports whose figures say foreign forces leave are on the topic
    # then the partners were left as the topic had them (folded, "Ba Lan" is also "ba lần")
    # then the index stores six anchors an article: (0, 27) and (1, 36) before
    # then "Ba Lan" (Poland) with its diacritics: (0, 26) and (1, 34) before
    "fifteenth set": {"within": (0, 25), "across": (1, 32)},
    # written blind in the same stop, with several developments on adjacent days; measured
    # once on ``40376c7`` and once on ``b8bbe77`` (the start of the stop, ``aae2ee9``: the same)
    # then reports whose figures say foreign forces leave are on the topic
    # then the partners were left as the topic had them (folded, "Ba Lan" is also "ba lần")
    # then a title naming a coalition member the other text never names is another event
    # then our level in Iraq in a lead's first sentences says the topic (its brief on Poland's
    # contingent kept): (0, 12) and (0, 19) before
    # then a preview and the act it awaits are two events (its preview of the talks, labelled
    # with their decision here, unlike ../shared/eval's labels): (0, 11) and (0, 17) before
    # then (a review) our level says the topic only when to come or changed in its sentence:
    # its Polish brief is turned down again: (0, 15) and (0, 21) before
    # then "Ba Lan" (Poland) with its diacritics: (0, 19) and (0, 26) before
    "sixteenth set": {"within": (0, 15), "across": (0, 20)},  # 15th stop: (0, 18), (0, 24)
    # written blind at the end of the stop, a real change first told in a third paragraph;
    # measured once on ``8449eb6`` (the start of the stop, ``aae2ee9``: (4, 18), (0, 52))
    # then reports whose figures say foreign forces leave are on the topic
    # then a title naming a coalition member the other text never names is another event
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 17) and (0, 52) before
    "seventeenth set": {"within": (0, 15), "across": (0, 28)},
    # written blind at the start of the next stop; measured once on ``0adf002``: (2, 25) and
    # (4, 44); then (looked at) its off-topic story (the Iraqi army leaving Basra, "unrelated
    # to the departure of US forces") is turned down, so its two reports across are missed
    # then reports whose figures say foreign forces leave are on the topic
    # then a level told as the result of a departure ("…, cutting American force to 2,700")
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (2, 24) and (4, 42) before
    # then the index stores six anchors an article: (0, 23) and (0, 38) before
    "eighteenth set": {"within": (0, 22), "across": (0, 35)},
    # written blind in the same stop (its years moved by twelve afterwards, mechanically: the
    # reader reads 19xx and 20xx); measured once on ``b61fac4`` and on ``0adf002`` alike
    # then reports whose figures say foreign forces leave are on the topic
    # then the figures rule only in a lead that names our troops as such
    # then the index stores six anchors an article: (0, 34) and (0, 41) before
    "nineteenth set": {"within": (0, 30), "across": (0, 38)},
    # written blind at the end of the same stop; measured once on ``41d86ac``: (11, 23) and
    # (2, 39); then a weekday of what is to come dates nothing ("are expected to agree on
    # Tuesday": a preview had joined the story of the Tuesday before)
    # then the figures rule only in a lead that names our troops as such
    # then a unit's size is no level (the 370 of a battalion that left had been read, alike in
    # both languages, as the force's: three pairs across lose the figure they shared)
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (8, 23) and (2, 42) before
    # then the index stores six anchors an article: (8, 23) and (5, 33) before
    "twentieth set": {"within": (4, 22), "across": (7, 28)},  # 15th stop: (8, 23), (5, 32)
    # written blind at the start of the next stop, with its reports' relevance labelled;
    # measured once on ``2e00f75`` (the stop's start): (1, 24) and (1, 35); and on the stop's
    # first change, made before it was written (an item whose figures say foreign forces leave
    # is on the topic; a partner keeping its troops owns the date): (1, 21) and (1, 27)
    # then the figures rule only in a lead that names our troops as such; a forecast of a
    # bound is no level (its forecast's Vietnamese headline is off the topic again)
    "twenty-first set": {"within": (1, 19), "across": (1, 24)},
    # written blind in the same stop (its attack story labelled off-topic, unlike the earlier
    # sets'); measured once on ``2e00f75``, on ``d31770b`` and on the review's mends alike
    # then (looked at: Finland's trainers had joined, the same day, the US story of a Basra
    # base kept to 15 December) a title naming a coalition member the other text never names
    # is another event
    "twenty-second set": {"within": (0, 13), "across": (0, 22)},
    # written blind at the end of the same stop; measured once on ``1dc3ef3`` (the stop's end)
    # and on ``2e00f75`` (its start) alike
    # then a translation joins its original when its own language's best match names
    # another day (``choose._on_its_day``): (0, 18) and (0, 30) before
    # then (the seventh stop) its two reports of US troops leaving Jordan are turned down, off
    # the topic as labelled, and count as a pair their story misses: (0, 18) before
    # then "has fallen to" is change language: its independent outlet's report of the fall to
    # 1,900, a day before the Pentagon's confirmation, now gives the figure, which the
    # government's reply of the next day restates (``choose._without_standing``): (0, 19) and
    # (0, 26) before
    # then the index stores six anchors an article: (0, 19) and (0, 26) before
    "twenty-third set": {"within": (0, 20), "across": (0, 28)},
    # written blind in the fifth stop (reports' relevance labelled); measured once on that
    # stop's last figure rule and on its start (``c1d8117``) alike: (0, 34) and (1, 50); then
    # an attack story whose lead gives our troops' date for leaving is on the topic (its truce);
    # "Anh sẽ rời", "Anh hiện có", "binh sĩ Anh", "Đại sứ quán Anh" name Britain
    # then the index stores six anchors an article: (0, 32) and (0, 43) before
    "twenty-fourth set": {"within": (0, 28), "across": (1, 38)},
    # written blind in the sixth stop, labelled as ../shared/eval labels (a reaction, a
    # preview, a confirmation and an analysis are events of their own); measured once on
    # ``df99db1`` (the stop's start) and ``c4c01e2`` alike: (6, 12) and (1, 40); on ``a900bc4``
    # (a translation joins its original): (6, 12) and (1, 37); then looked at: a page's links
    # to other stories are not its text ("Related: …", ``text.without_links``): (4, 12) and
    # (0, 35); then a count of unnamed officials a paper cites tells a scoop (a preview)
    # then the index stores six anchors an article: (0, 14) and (0, 17) before
    "twenty-fifth set": {"within": (1, 15), "across": (1, 21)},
    # written blind like the twenty-fifth at the end of the same stop; measured once on
    # ``577bd0d`` (the stop's end) and on ``df99db1`` (its start): (13, 19) and (5, 49) at the
    # start, (8, 19) and (1, 51) at the end
    # then the index stores six anchors an article: (7, 18) and (1, 42) before
    "twenty-sixth set": {"within": (7, 17), "across": (1, 42)},
    # written blind in the seventh stop, labelled like the twenty-fifth; measured once on
    # ``3ec6eb7`` (the stop's start): (0, 10) and (0, 15); then a first version of the stop's
    # figure rules joined its late analysis and its commentary (one false pair across), and
    # its truce is on the topic: (0, 10) and (1, 14); then its three reports of the Kuwait
    # garrison's cut are turned down, off the topic as labelled (their pairs count as missed),
    # and a review's mends leave the analysis and the commentary apart: (0, 11) and (0, 16)
    "twenty-seventh set": {"within": (0, 9), "across": (0, 12)},
    # written blind in the eighth stop, labelled like the twenty-fifth; measured once on
    # ``3346a35`` (the stop's start) and on the stop's first change alike: (4, 16) and (4, 31)
    # (a Vietnamese preview of the talks, naming no day of its own, held the decision's
    # Vietnamese reports); then a preview and the act it awaits are two events
    "twenty-eighth set": {"within": (0, 6), "across": (0, 6)},
    # written blind at the end of the eighth stop, like the twenty-eighth; measured once on
    # ``3346a35`` (the stop's start) and on ``d37ac57`` (its last rule) alike: (0, 14) and
    # (0, 23); then (looked at) a first sentence read on its own for our troops' date (its
    # trimmed re-post "US to leave Baghdad and Anbar by end of June 2070" kept)
    # then a number of troops leaving Iraq ("rút 850 quân"): (0, 10) and (0, 17) before
    "twenty-ninth set": {"within": (0, 10), "across": (0, 15)},
    # written blind at the end of the eighth stop, like the twenty-eighth; measured once on
    # ``3346a35`` (the stop's start): (6, 8) and (6, 35), and on ``f8318aa`` (its last rule):
    # (2, 8) and (2, 15); then (looked at) what the coalition or a task force said is told
    # officially (its scoop had joined the outpost's closure told the day before)
    # then "Ba Lan" (Poland) with its diacritics: (0, 5) and (0, 8) before
    "thirtieth set": {"within": (0, 4), "across": (0, 6)},  # (0, 6), (0, 10) before Poland
    # written blind in the ninth stop, like the twenty-eighth; measured once on ``ec9a3db``
    # (the stop's figure rules before it): (4, 21) and (9, 46) (the Vietnamese decision reused
    # half its preview's words, a near copy by containment; two briefs of the decision, naming
    # no day, published the day after the one awaited, joined the preview); then (looked at)
    # a preview beside the act it awaits needs 0.9 to be a copy, and a report naming no day
    # published after the day awaited tells what came of it; a headline's infinitive ("Iraq
    # to ask US on Tuesday") names the day to come (its late analysis and commentary share a
    # story: one pair each)
    "thirty-first set": {"within": (1, 13), "across": (1, 14)},
    # written blind in the ninth stop, like the twenty-eighth; measured once on ``9d3d9b0``
    # (the stop's rules and the review's mends) and on ``6cd49b7`` (its start) alike: (2, 12)
    # and (2, 38) (a scoop told by "two US defence officials" who "told Force Structure
    # Monitor" had joined the same day's base handover, told by the task force); then (looked
    # at) a count of officials who told a paper tells a scoop
    # then the index stores six anchors an article: (2, 7) and (2, 31) before
    "thirty-second set": {"within": (2, 7), "across": (2, 11)},
    # written blind at the end of the ninth stop; measured once on ``73ee3e5`` (the stop's
    # rules and both reviews' mends): (27, 9) and (28, 17) (on ``6cd49b7``, its start: (27, 9)
    # and (28, 19)): the Pentagon's cut and the Iraqi cabinet's decision of the same day at
    # the same base in one story, and the next day's reaction of a faction joined to the
    # council's decision; then (looked at) a day in brackets after "hôm qua", "sáng nay" dates
    # a lead, a meeting "hôm nay (12/3)" with what is to come said after it awaits that day
    # (its preview had then held the decision), and the US's body and Iraq's acting in two
    # titles are two stories (its late analysis still joins the council's decision)
    # then (the sixteenth stop) the dates of a day and month said as a target are the next ones:
    # (6, 9) and (7, 19) before
    "thirty-third set": {"within": (5, 9), "across": (5, 19)},
    # written blind at the start of the tenth stop; measured once on ``7d5bb1e`` (the ninth
    # stop's end): (5, 26) and (10, 48): the Vietnamese preview, its future said before the
    # meeting "diễn ra hôm nay (11/5)", was dated that day, and the Vietnamese reports of the
    # decision joined it; then (looked at) such a preview awaits the day, and a member's
    # troops "serving in the coalition" are its own: (1, 20) and (2, 28) (a round-up of a base
    # handover and the Czech decision joined the Czech story); then a round-up of the day's
    # news joins no story of the events it tells (``verdict.digest``); then a company's
    # departure is off the topic (its two reports, one event, a pair missed across)
    # then the index stores six anchors an article: (0, 23) and (0, 29) before
    "thirty-fourth set": {"within": (0, 19), "across": (0, 26)},
    # written blind in the tenth stop; measured once on ``d73bd0a`` and on ``7d5bb1e`` (the
    # stop's start) alike: (5, 11) and (6, 18): the Vietnamese report of the first troops
    # leaving, its own day "tối qua" unread, was dated by the announcement it recalls ("mà
    # Lầu Năm Góc công bố hôm 6/10") and joined it; then (looked at) a day after yesterday said
    # without a date is another act's (the Pentagon's denial about Dolamari still joins Iraq's
    # welcome of the cut, the same day)
    # then the index stores six anchors an article: (0, 5) and (0, 8) before
    "thirty-fifth set": {"within": (0, 5), "across": (0, 6)},
    # written blind at the end of the tenth stop; measured once on ``ae3379c`` and on
    # ``7d5bb1e`` alike: (4, 34) and (4, 52): most of its misses are reports the topic turns
    # down (a reinforcement told after a drone attack, the attack itself, a residual force
    # said with no word of leaving); the false pairs: a base's closing told by two outlets
    # joins the Baghdad extension, a reinforcement's details the Baghdad reaction
    "thirty-sixth set": {"within": (4, 32), "across": (4, 46)},
    # written blind at the start of the eleventh stop; measured once on ``f24a534``: (4, 24)
    # and (5, 38): a roadside bomb on the road out, told the same day over the departure's
    # background, joined it; then (looked at) one title tells an attack, the other none, two
    # events; our troops leaving Somalia are elsewhere; contractors counted are no level (the
    # English report's relevance had come from that misread: a pair across missed)
    # (the seventeenth stop: "quân số … còn khoảng N" is a level: (1, 35) across before)
    "thirty-seventh set": {"within": (1, 28), "across": (1, 34)},  # 15th: (1, 24), (1, 32)
    # written blind in the eleventh stop; measured once on ``d054fb6`` (and on ``f24a534``
    # alike): (0, 25) and (0, 32): no false pair; its misses are reports the topic turns down (a
    # numbers piece, a roadside bomb, a handover told "hands … to"), a scoop's pick-up and a
    # preview apart from their events, a rotation's two reports; then (the twelfth stop) a
    # minister's bloc leaving the governing coalition is off the topic (a pair missed across)
    # then (the sixteenth stop) "rời khu vực Kurdistan" is leaving: its Vietnamese reports read
    # the standing dates of the accord, and the first Vietnamese report of two events no longer
    # joins their English story (0, 25 before across)
    "thirty-eighth set": {"within": (0, 19), "across": (0, 39)},
    # written blind at the end of the eleventh stop; measured once on ``ddcac1e``: (5, 13) and
    # (6, 22) (on ``f24a534``, the stop's start: (8, 13) and (10, 22)): US troops leaving a base
    # in Jordan, on the topic, joined the Baghdad date's story; a late analysis joins the cut's;
    # then (looked at) troops leaving a host country's base ("leave Jordan's …") are elsewhere;
    # then (the twelfth stop) a party quitting an election alliance, in English, is off the topic
    # (its Vietnamese report, "rút khỏi Liên minh Những người …", is not: a pair missed across)
    # then a number of troops leaving Iraq ("rút 850 quân"): (2, 12) and (4, 19) before (the
    # brief kept joins its event, where a late analysis already is: one false pair more)
    "thirty-ninth set": {"within": (3, 10), "across": (4, 15)},
    # written blind in the twelfth stop; measured once on ``a6777de`` (and on ``0def03d``, the
    # stop's start, alike): (12, 19) and (3, 38); then re-dated (its years were past what the
    # service reads; the thirty-ninth's and forty-first's too) and a party quitting the
    # governing alliance off the topic: a pair missed across
    # then the index stores six anchors an article: (6, 18) and (9, 34) before
    "fortieth set": {"within": (6, 17), "across": (9, 33)},
    # written blind in the twelfth stop; measured once on ``a6777de`` (``0def03d`` alike):
    # (11, 15) and (12, 26); re-dated: (11, 17) and (11, 28)
    # then the index stores six anchors an article: (5, 17) and (5, 28) before
    "forty-first set": {"within": (5, 17), "across": (7, 25)},
    # written blind in the thirteenth stop; measured once on ``8454bf2``, the stop's start:
    # (2, 19) and (1, 34)
    "forty-second set": {"within": (2, 17), "across": (1, 28)},
    # written blind in the thirteenth stop; measured once on ``8454bf2``: (8, 25) and (6, 37)
    # (a House committee's "$450 million" read as the departing task force's 450 soldiers)
    "forty-third set": {"within": (4, 24), "across": (3, 31)},
    # written blind in the 13th stop; measured once on ``8454bf2``, the stop's start: (2, 19), (1,
    # 36); on ``1c0072f``: (0, 19), (1, 38); then six anchors an article: (0, 16), (1, 31) before
    "forty-fourth set": {"within": (0, 16), "across": (0, 27)},  # (1, 29) before the 16th stop
    # written blind in the 13th stop; measured once on ``8454bf2`` and ``1c0072f`` alike: (0,
    # 24), (0, 42); then the index stores six anchors an article: (0, 22), (0, 35) before
    "forty-fifth set": {"within": (0, 19), "across": (0, 31)},
    # the forty-sixth and forty-seventh, written blind in the fifteenth stop, measured once on
    # ``80b7f8a``: (0, 21) and (0, 27); (0, 25) and (0, 35)
    "forty-sixth set": {"within": (0, 21), "across": (0, 27)},
    "forty-seventh set": {"within": (0, 25), "across": (0, 32)},
    # the forty-eighth and forty-ninth, written blind in the sixteenth stop (their years moved
    # into the ones the service reads), measured once on ``64f2e8c``, the stop's start: (0, 25)
    # and (0, 29); (2, 20) and (2, 24)
    "forty-eighth set": {"within": (0, 25), "across": (0, 29)},
    "forty-ninth set": {"within": (2, 20), "across": (2, 24)},
    # the fiftieth and fifty-first, written blind in the seventeenth stop, measured once on
    # ``cb093c5``, the stop's start: (0, 28) and (1, 33); (1, 27) and (0, 31)
    "fiftieth set": {"within": (0, 28), "across": (1, 33)},
    "fifty-first set": {"within": (1, 27), "across": (0, 31)},
    # written blind in the eighteenth stop, measured once on ``0b819f1`` (52nd, 53rd) and
    # ``014329f`` (54th, 55th): (0, 21), (0, 35); (10, 28), (8, 36), across (8, 38) since its
    # figures read right; (1, 24), (0, 31); (10, 31), (4, 46)
    "fifty-second set": {"within": (0, 21), "across": (0, 35)},
    "fifty-third set": {"within": (10, 28), "across": (8, 38)},
    "fifty-fourth set": {"within": (1, 24), "across": (0, 31)},
    "fifty-fifth set": {"within": (10, 31), "across": (4, 46)},
    # written blind in the nineteenth stop, measured once on ``0f91f04``, the stop's start:
    # (2, 22), (2, 29); then "vào thứ Năm tuần này" awaits Thursday; the 57th, on the same
    # commit: (0, 17), (2, 26); then the topic's "Iraq exit", "and 800 partner troops at X"
    "fifty-sixth set": {"within": (0, 22), "across": (0, 29)},
    "fifty-seventh set": {"within": (0, 14), "across": (0, 22)},
}


@pytest.mark.parametrize("name", SETS)
def test_the_reports_are_in_order_of_publication_and_of_their_events(name: str) -> None:
    folder = SETS[name]
    days = [str(d.published) for d in load_documents([], str(folder / "manifest.jsonl"))]
    assert days == sorted(days)
    assert len({label.event for label in labels(folder).values()}) == EVENTS[name]


@pytest.mark.parametrize("name", SETS)
def test_the_same_week_set_merges_and_splits_no_more_reports_than_measured(name: str) -> None:
    for kind, tally in measured(SETS[name]).items():
        most_false, most_missed = MOST_WRONG[name][kind]
        assert tally.fp <= most_false, (kind, "false pairs", tally.fp)
        assert tally.fn <= most_missed, (kind, "missed pairs", tally.fn)
