"""The same-week sets that label their changes (``changes.jsonl``) through ``drawdown
analyze``: a ratchet on the change alerts they get wrong and the changes they miss
(``bench.weekset.change_alerts``)."""

from __future__ import annotations

import pytest

from bench.weekset import SETS, change_alerts, names_change

# (wrong alerts, labelled changes missed) per set that labels its changes (``changes.jsonl``):
# the twelfth, measured once on the code of ``230f985``: 11 alerts, 3 right, 3 of 4 found
# the thirteenth, measured once on ``35ca462``: 16 alerts, 2 right, 2 of 3 found; then (looked
# at) advice not to go below a level: 14, 2 right; things that leave ("Every truck that leaves
# in May"): 9, 1 right, 1 of 3 (the right one lost was a coalition date read as a US cut's)
# the fourteenth, measured once on ``4b7a1e2``: 11 alerts, 2 right, 2 of 3 found
# then a dispute told only below an article's first paragraph alerts no more, and "down to"
# with no verb is change language: 5 alerts, 3 right; 6, 2 right; 6, 2 right
# the fifteenth, measured once: 13 alerts, 4 right, 4 of 4 found on ``aae2ee9`` (the stop's
# start); 9, 3 right, 3 of 4 on ``e556c74``; then (looked at) talks' dates, a move "lên", a
# ban on cutting below: 6, 3 right (the fourteenth: 5, 2 right); then a headline's fall read
# as the level, a site's "had served" as past: 4, 2 right, and the thirteenth 5, 1 right —
# the right alerts lost were disputes with a wrong earlier reading (a site's 620, 950); the
# first report, now read right, is "new" on the set's empty ledger
# the sixteenth, measured once on each: 11 alerts, 2 right, 2 of 4 (``aae2ee9``); 9, 2 right
# (``40376c7``); 10, 2 right (``b8bbe77``); then (looked at) a floor's date: 8, 2 right; a
# demand's date set off by a comma: 7, 2 right
# the seventeenth, measured once on ``8449eb6``: 8 alerts, 2 right, 2 of 4 (``aae2ee9``: 16, 1
# right, 1 of 4); then (looked at with the eighteenth) an Iraqi division's and Finland's
# soldiers are no US level: 6, 2 right
# the eighteenth, measured once on ``0adf002``: 8 alerts, 3 right, 3 of 4; then the same: 7, 3
# right; a task force's or a unit's soldiers, a date moved "from": 5, 3 right
# the nineteenth, measured once on ``b61fac4`` and on ``0adf002`` alike: 6 alerts, 2 right, 2
# of 4; then (looked at) a base in Anbar that is not Ain al-Asad, troops gone home, "not one
# more soldier": 5, 2 right (and the sixteenth 7 -> 6, 2 right)
# the twentieth, measured once on ``41d86ac``: 6 alerts, 3 right, 3 of 4
# the twenty-first, measured once on ``2e00f75`` and on the stop's first change alike: 6
# alerts, 2 right, 2 of 4
# then (the stop's figure rules: a level told as a departure's result, a forecast of a bound,
# partner nations, where an accord was signed, a request to bring a date forward): the
# fifteenth 7, 4 right, 4 of 4; the sixteenth and seventeenth 5, 2 right; the eighteenth 3, 2
# right (its right alerts before had an old value read wrong); the nineteenth 6, 2 right; the
# twenty-first 3, 1 right, 1 of 4 (so were both of its right ones before)
# then (the fifth stop: a year told alone, floors and forecasts, units and sites, members that
# say "nước này", demands after a comma or beside another schedule agreed): sets 12-23 56 -> 45
# alerts, 24 right alike; the fifteenth finds 3 of 4 (its Baghdad change had been found in a
# ledger that held two demands read as deadlines), the twenty-third 2 of 4
# then a review: "ở đó", "tại đây" after a count are where the sentence before says (most
# often Iraq), not a site: the seventeenth's "190 lính Mỹ ở đó" alerts again; then "the
# Baghdad withdrawal date" names Baghdad and "the previous deadline was" a date no longer
# the twenty-fourth, written blind in that stop, measured once on its last figure rule and on
# its start alike: 5 alerts, 1 right, 1 of 4; the twenty-fifth, written blind in the sixth
# stop, measured once on its start and its stories' last rule alike: 6 alerts, 2 right, 2 of 4;
# the twenty-sixth, at the end of that stop, on its start and end alike: 7, 2 right, 2 of 4;
# the twenty-seventh, written blind in the seventh stop, measured once on its start: 6 alerts,
# 3 right, 3 of 6 (its confirmation's new date, right, is keyed "US troop cut due in Iraq",
# which the label's "deadline for US cut to about 2,000" does not name)
# then (the seventh stop: partner nations "của Mỹ" and soldiers "ngoài Mỹ" beside the
# coalition, a task force's size, a ceiling voted): sets 12-26 62 -> 60 alerts, 33 -> 31
# wrong
# the twenty-eighth, written blind in the eighth stop, measured once on its start: 12 alerts,
# 3 right, 3 of 5
# then (the eighth stop: "is planning to", "is supposed to", "the accord foresees" a plan; a
# floor wanted or blocked; a request to come, "đề nghị phía Mỹ", "ask the United States"; a
# member's minister's "nước này"): the twenty-eighth 9 alerts, 5 right, 5 of 5; the
# twenty-sixth 5 -> 3 alerts, 2 right (its prime minister's request is no deadline); then
# "has fallen to" is change language: the twenty-second finds 2 of 4 (3 alerts, 2 right)
# the twenty-ninth, written blind at the end of the eighth stop, measured once on its start:
# 6 alerts, 2 right, 2 of 4; on its end: 4 alerts, 2 right, 2 of 4; then (looked at) a floor
# proposed by "barring … from cutting … below": 3, 2 right
# the thirtieth, written blind at the end of the eighth stop, measured once on its start and on
# ``f8318aa`` alike: 6 alerts, 3 right, 3 of 4; then "plans to keep only about 1,100" is a
# plan: 5, 3 right
# the thirty-first, written blind in the ninth stop, measured once on ``ec9a3db``: 4 alerts,
# 1 right, 1 of 3 (its years after 2099 were not read as years; the last 14 advisers leaving
# Basra read as the US force); then the ninth stop's figure rules: 3, 2 right, 2 of 3. The
# same rules read the thirtieth's years (6, 3 right: its "leave federal Iraq by 30 June 2111",
# keyed as leaving Iraq, the second phase, makes its Kurdistan date a change) and put the
# seventeenth's "30 September 2083 for the Kurdistan region" in Kurdistan, not Baghdad (6, 2
# right: its accord's "mission … is to end" on that date is read as the first phase's, as the
# real coalition's mission in federal Iraq ended first, and its Baghdad date is then a change)
# the thirty-second, written blind in the ninth stop, measured once on ``9d3d9b0``: 8 alerts, 2
# right, 2 of 5 (on ``6cd49b7``, the stop's start: 9, 3 right); then (looked at) a list's next
# item's verb is not a date's ("rời các địa điểm … trước ngày 31/3, rời Baghdad … trước"), a
# request after "tức ngày" is a request, "qua đó giảm … xuống còn" after a handover is done:
# 7, 3 right, 3 of 5 (its federal-Iraq dates, keyed as leaving Iraq, the second phase, make
# its Kurdistan date a change, as the thirtieth's); then a number coordinated with one moved
# is moved ("move the roughly 1,490 troops … and about 140 advisers out"): 6, 3 right
# the thirty-third, written blind at the end of the ninth stop, measured once on ``73ee3e5``: 6
# alerts, 2 right, 2 of 4 (5, 2 right on ``6cd49b7``, the stop's start); the same at the end
# the thirty-fourth, written blind at the start of the tenth stop, measured once on ``7d5bb1e``:
# 6 alerts, 1 right, 1 of 4 (the Czech contingent's date read as the coalition's, the levels
# two handovers left read as plans); then (looked at) a member's troops "serving in the
# coalition" are its own, the level a handover leaves ("…, leaving about 2,470") is the level
# now, "the 31 May date" is no hedge: 5, 2 right (and the twentieth 5 -> 4, 3 right); then a
# company's departure is off the topic (its report read a date as the coalition's): 4, 2 right;
# then options drawn up or weighed are no one's plan: 3, 2 right
# the thirty-fifth, written blind in the tenth stop, measured once on ``d73bd0a`` and on
# ``7d5bb1e`` alike: 7 alerts, 1 right, 1 of 4 (a base we do not know read as Iraq, NATO's
# mission as the coalition's, a parliament's vote as a deadline, the first who leave as a
# level); then (looked at) those: 4, 2 right (its Kurdistan date conflicts with an Anbar
# base's read as leaving Iraq, "leave Umm Nakhla by 31 December" with no word of a base)
# then a base the article names with a word of a base is that base when named alone, and a
# base's name may have two words ("Umm Nakhla Air Base", "Zinar Hill Airfield"): 22 dates of
# bases we do not know, read as leaving Iraq, are no longer read; the thirty-fifth 3, 2 right,
# the twentieth 3, 3 right, but the twenty-fourth 6, 1 right and the thirty-third 7, 2 right:
# their ledgers' dates of federal Iraq, keyed as leaving Iraq, now meet other misreads
# the thirty-sixth, written blind at the end of the tenth stop, measured once on ``ae3379c`` and
# ``7d5bb1e`` alike: 6 alerts, 1 right, 1 of 4; then troops sent after an attack, the level
# they bring said, are on the topic: 8, 2 right (the reinforcement's 3,550 found; its plan to
# come back to 3,100 alerts as a planned level); then troops sent in are a move, not the level
# ("the 450 US soldiers the Pentagon is sending"): 7, 2 right
# the thirty-seventh, written blind at the start of the eleventh stop, measured once on
# ``f24a534``: 8 alerts, 0 right, 0 of 3 (contractors counted, a ceiling voted in Vietnamese, a
# site's count, a civilian mission's date, a base the article named read as Ain al-Asad by its
# province, the day a commission meets read as Baghdad's deadline, a day that refines a month
# read as a change); then (looked at) those but the site's: 1, 0 right (its federal-Iraq date,
# keyed as leaving Iraq, the second phase, is a change of its Kurdistan date), and the
# twenty-fourth 6 -> 5 alerts, 1 right (a ceiling voted in Vietnamese); its changes are not
# found: the cut's first report is "new" on the empty ledger, the annex's "within 18 months
# of the signing" is not read, and the base's date is of a base we do not know
# the thirty-eighth, written blind in the eleventh stop, measured once on ``d054fb6`` (and on
# ``f24a534`` alike): 8 alerts, 3 right, 3 of 3 (a bill's cap read as a plan, a base of a list we
# do not know as Iraq's date, "giữa năm 2192" as its year's end, a date moved "từ … sang" read
# as the first); then (looked at) those: 3, 2 right, 2 of 3 (one right alert had come from a
# misread plan; its federal-Iraq date, keyed as leaving Iraq, makes its Kurdistan date a change)
# then (the eleventh stop's rules) the nineteenth, twenty-eighth and thirty-fifth one or two
# wrong alerts fewer
# the thirty-ninth, written blind at the end of the eleventh stop, measured once on ``ddcac1e``
# (``f24a534`` alike): 5 alerts, 2 right, 2 of 4 (the cut read as 850 before its level, a site's
# count as Ain al-Asad's, a numbers piece's headline as the level, a base's unit as Erbil's);
# then (looked at) "cut … by about 850", a headline's list with "and", a base in brackets in a
# clause before the force's size: 3, 2 right; then (the twelfth stop) those a clause picks out
# that move ("the 40 US advisers who worked at the centre have moved to … Erbil"): 2, 2 right
# the fortieth and forty-first, written blind in the twelfth stop, measured once on ``a6777de``
# (``0def03d`` alike): 6 alerts, 4 right, 4 of 9; 10 alerts, 3 right, 3 of 4; then (looked at)
# a change's source after "from" is no owner, another body's deadline: the forty-first 7, 3 right;
# then a forecast of a fall, a budget's assumption, "không kể Mỹ": the forty-first 4, 3 right;
# then the three sets re-dated (their years, 2190-2221, were past the 2199 the service reads):
# the thirty-ninth 2, 2 right (4, 2 on ``0def03d``); the fortieth 8, 5 right, 5 of 9 (its
# deadlines now read; 8, 5 on ``0def03d``); the forty-first (11, 3 on ``0def03d``), with
# demands of all ("mọi"), with an aside of what they include, or rejected, no deadlines: 4, 3;
# then a list of counts at the base is the base's: the fortieth 8, 5 right (left: a general's
# estimate, "có thể còn ở Iraq vào cuối năm", read as the level, and federal Iraq's date)
# the thirteenth stop: a level given before as the past one is history, a date said to stand
# ("remains 30 June", "vẫn là", "giữ nguyên") is never a change: sets 12-41 127 alerts, 68
# right -> 118, 66 right (the fourteenth, fifteenth, twenty-seventh, twenty-eighth,
# thirty-second and thirty-fourth one wrong alert fewer; the twenty-fourth's right alert had
# come from a misread "from 3,300", the fortieth's from a Kurdistan date its misread federal
# date had made a change); the forty-second and forty-third, written blind in this stop,
# measured once on ``8454bf2``: 6 alerts, none right, 0 of 4 (two party and company departures
# on the topic, the drone attack and the 150 air-defence troops it brought off it, federal
# Iraq's date); 8 alerts, 1 right, 1 of 3 (a proposed ceiling, a nominee's expectation below
# 2,000, a date to deliver a plan by); then (looked at) those three: the forty-third 4, 1 right;
# a company's and a party's departure off the topic, a rise read ("tăng lên", "has risen to"),
# troops sent after an attack with the level they bring on it: the forty-second 5, none right
# (its rise to 2,800, "about" 2,650 to "about" 2,800, is within the 10% a hedged count is one
# level); the twenty-fourth's partners' rise to 1,400 found; then a change told to a hedged
# current level ("falls to about 2,600" after "about 2,850") is no restatement: the eighteenth's
# and thirty-ninth's changes found; the forty-fourth and forty-fifth, written blind in this
# stop, measured once on ``8454bf2`` and on ``1c0072f`` alike: 4 alerts, 2 right, 2 of 3 (a
# House amendment's floor read as the level; a date for moving embassy staff to Erbil); 4
# alerts, 2 right, 2 of 4 (a faction's demand "trước Nowruz" read as a deadline; the new Sarkan
# date, a first date, alerted as Kurdistan's changed); then the forty-fifth's 2,600 found: 5, 3;
# then a floor after a dash, a demand whose date follows "tức", an embassy's staff moved: the
# forty-fourth 3, 2 right; the forty-fifth 4, 3 right; then Czech, Portuguese, Romanian and
# Swedish troops are coalition forces for the topic: the thirty-eighth's NATO mission report, now
# kept, reads its "about 850 personnel" as the US level (one wrong alert more)
# the fifteenth stop: the forty-sixth and forty-seventh, written blind in it, measured once on
# ``80b7f8a``: 6 alerts, 2 right, 2 of 3 (a site's count, a budget's average, a date moved "từ …
# sang" read as the first, contractors' and a medical team's dates); 5 alerts, 1 right, 1 of 4
# (a battery's soldiers read as the level, "raised … to" as a plan, a nominee's floor's date);
# then (looked at) those, "federal Iraq" left with Baghdad in the first phase (and the measure
# counts an alert keyed Baghdad right of a federal-Iraq date): sets 12-47 146 alerts, 79 right
# -> 153, 90 right; the forty-sixth 3, 3 right, 3 of 3; the forty-seventh 5, 2 right; then
# (the topic) troops sent after an attack with the level in the title kept, "thêm tới 500" no
# level: the forty-seventh 4, 2 right (sets 12-47 152, 90 right); then a date said to stand in
# more words ("remain on course to leave by", "as scheduled", "không nằm trong chương trình
# nghị sự"): 153, 90 right (the twenty-first's restated date meets its misread demand later);
# then a date said to stand is the date that stands, whatever the ledger held (most often a
# misread): 142, 90 right; then a date by which a date is to be set ("giao cho ủy ban ấn định
# trước cuối năm 2196") is no deadline: 141, 90 right; then a review's mends (only "raised the
# number" is a level reached, an average only a budget's, a brief whose lead has Syria kept): 141,
# 90 right (the thirtieth and thirty-first one wrong fewer, the thirty-fourth and the
# forty-seventh, its Syria brief kept, one more)
# the sixteenth stop: the forty-eighth and forty-ninth, written blind in it (their years then
# moved into the ones the service reads), measured once on ``64f2e8c``, the stop's start: 8
# alerts, 4 right, 4 of 5 (a move's 270 soldiers with 14 helicopters read as the level, a cut
# weighed, a budget's range, a partners' count told twice); 7 alerts, 3 right, 3 of 4 (Iraq's
# own count, a cut weighed, a date for a report to Congress, lawmakers "who voted"); before
# looking, the stop's mends of the other sets (a date inside a condition, what would have
# been, "đòi toàn bộ quân nước ngoài", a partner's officers who stay, a partner's troops home,
# "rời khu vực Kurdistan", a day and month said as a target are the next ones, a place after
# the date "rời Kurdistan" or "for leaving … in"): sets 12-47 141, 90 right -> 135, 90 right,
# and the two new sets alike; then (looked at) a cut weighed, a budget's range, a denial, a
# report's date, lawmakers "who voted", "vốn là", an analysis's "Khi … ký vào tháng 11/2112,":
# sets 12-47 132, 90 right; the forty-eighth 6, 4 right; the forty-ninth 6, 3 right; then a
# review's mends (a date rolled to next year only of what will or must happen, "rồi" no
# "rời", the fronted time only of a signing): 131, 90 right; then a partner's "personnel" kept,
# NATO's mission's size, a report someone declined to comment on, a floor "cảnh báo không nên":
# 129, 91 right; then a month said as when what will happen does ("will leave … in
# September") and a fronted "By 30 September, … will" are the next ones: 128, 91 right
# the seventeenth stop: the fiftieth and fifty-first, written blind in it, measured once on
# ``cb093c5``, the stop's start: 7 alerts, 3 right, 3 of 4; 7 alerts, 2 right, 2 of 4; then
# (looked at) a parliament's vote "on Wednesday" and a resolution to call for '"all foreign
# forces"' are demands whatever is agreed "two days after" or of "agreed dates"; leaving federal
# Iraq said after the date is Baghdad's ("Mỹ - Iraq" names no Iraq); "so với hạn" replaced;
# troops "đóng tại đây" are the site's: 4, 3 right and 3, 1 right; sets 12-49 140, 98 right
# -> 138, 98 right (the twenty-fifth and thirty-second one wrong fewer); then a date itself
# asked for ("Erbil asks for end of 2140", "muốn cuối năm 2140"): the fiftieth 3, 3 right;
# then a review's mends: the fifty-first 5, 3 right, 3 of 4; then an actor owns no troops
# across a comma ("người phát ngôn liên quân, quân số Mỹ"): 4, 3 right; then a deadline said
# by its noun after a sentence that left federal Iraq is Baghdad's: 3, 3 right
# the eighteenth stop: a date compared with before the one set ("earlier than the agreed date
# of", "sớm hơn thời hạn") is the one replaced: the forty-seventh 3, 2 right (sets 12-51 144,
# 104 right -> 143, 104 right); the fifty-second and fifty-third, written blind in it,
# measured once on ``0b819f1``, the stop's start: 7 alerts, 2 right, 2 of 3 (partners' troops
# read as the US's, a unit's size, Marines at sea, advisers who stay, "this month"); 8, 2
# right, 2 of 5 (a misreport and its correction, advisers moved, a site's count, an oil firm's
# exit, the partners' new total read as a plan); then (looked at) "troops from eight partner
# nations", "the coalition partners' 1,020 soldiers", a second result ("ending … and reducing
# … to"), "chuyển 45 cố vấn", "Camp X, where about 1,805", a task force "of the US Army, made
# up of", private guards: 6, 2 right and 6, 3 right, 3 of 5; sets 12-51 142, 104 right; then
# the fifty-second's UN office guarded by private staff: 5, 2 right; then an alert counted
# right of the Kurdistan region's change a set calls "Erbil deadline" (``names_change``): the
# nineteenth 5, 3 right, 3 of 4; the fifty-third 6, 4 right, 4 of 5; the fifty-fourth and
# fifty-fifth, written blind later in the stop, measured once on ``014329f``: 5 alerts, 3
# right, 3 of 4 (a claim and its denial alerted as conflicts); 6, 2 right, 2 of 4 (soldiers
# "brought home" read as the level, a past level as the current one, a Kurdistan change the
# set calls "Erbil deadline"); then (looked at) "brought home", '"31 March 2119 is the date"'
# said to stand: 4, 3 right and 5, 3 right, 3 of 4; then a date a delegation "sẽ đề nghị Ủy
# ban" (will propose to the committee) is demanded: the fifty-fifth 5, 4 right, 4 of 4. The
# nineteenth stop: "will not be replaced" / "sẽ không có đơn vị thay thế" is no plan, "giảm từ
# khoảng 3.400" the level before: the fifty-fifth's misread 3,400 and the conflict back to 3,000
# that was counted right are gone (3, 3 right, 3 of 4: its first report's cut meets an empty
# ledger); "…, bringing the number of US troops … to about 2,600" is read: the twenty-sixth's
# official confirmation alerts, and the Vietnamese brief that restates it, read as a plan,
# alerts it again (6, 3 right, 3 of 4); "the
# withdrawal moved faster than expected this month": the fifty-second 4, 2 right; the
# fifty-sixth, written blind in the stop, measured once on ``0f91f04``, its start: 4 alerts,
# 2 right, 2 of 5 (a party's deadline to the prime minister read as troops leaving, a restated
# date); then (looked at) "withdraws its three ministers", "hạn chót 31/3 đối với Thủ tướng",
# "khỏi lãnh thổ liên bang" with no Iraq after it, a joint statement as an official's word,
# "is cutting … after 450 soldiers left": 3, 3 right, 3 of 5; then "60 cố vấn Mỹ và Pháp" (ours
# and a member's together) is no level: the fifty-second 3, 2 right; the fifty-seventh, written
# blind in the stop, measured once on ``0f91f04``: 4 alerts, 2 right, 2 of 4 (an Erbil dateline
# read as the date's place, a site's count "nơi có khoảng 700 lính Mỹ"); then the dateline is
# no date's place: 4, 3 right, 3 of 4
MOST_WRONG_ALERTS = {
    "twelfth set": (0, 1), "thirteenth set": (0, 2), "fourteenth set": (0, 1),
    "fifteenth set": (0, 0), "sixteenth set": (3, 1), "seventeenth set": (3, 2),
    "eighteenth set": (0, 1), "nineteenth set": (2, 1), "twentieth set": (0, 1),
    "twenty-first set": (0, 2), "twenty-second set": (1, 2), "twenty-third set": (0, 2),
    "twenty-fourth set": (1, 2), "twenty-fifth set": (2, 2), "twenty-sixth set": (3, 2),
    "twenty-seventh set": (2, 4), "twenty-eighth set": (0, 0), "twenty-ninth set": (1, 2),
    "thirtieth set": (2, 1), "thirty-first set": (0, 0), "thirty-second set": (1, 2),
    "thirty-third set": (2, 2), "thirty-fourth set": (0, 1), "thirty-fifth set": (0, 2),
    "thirty-sixth set": (3, 2), "thirty-seventh set": (0, 2), "thirty-eighth set": (0, 1),
    "thirty-ninth set": (0, 1), "fortieth set": (2, 4), "forty-first set": (1, 1),
    "forty-second set": (1, 2), "forty-third set": (1, 1), "forty-fourth set": (0, 1),
    "forty-fifth set": (1, 1), "forty-sixth set": (0, 0), "forty-seventh set": (1, 2),
    "forty-eighth set": (2, 1), "forty-ninth set": (3, 1), "fiftieth set": (0, 1),
    "fifty-first set": (0, 1), "fifty-second set": (1, 1), "fifty-third set": (2, 1),
    "fifty-fourth set": (1, 1), "fifty-fifth set": (1, 1), "fifty-sixth set": (0, 2),
    "fifty-seventh set": (1, 1),
}  # fmt: skip


@pytest.mark.parametrize("name", MOST_WRONG_ALERTS)
def test_the_change_alerts_are_no_more_wrong_than_measured(name: str) -> None:
    alerts, right, labelled, found = change_alerts(SETS[name])
    most_wrong, most_missed = MOST_WRONG_ALERTS[name]
    assert alerts - right <= most_wrong, ("wrong alerts", alerts - right)
    assert labelled - found <= most_missed, ("changes missed", labelled - found)


def test_an_alert_is_right_only_of_the_change_it_names() -> None:
    """A troop count of the same actor, or a deadline of a place the change names."""
    assert names_change("US troops in Iraq", "troops/US/Iraq/planned")
    assert not names_change("coalition troops in Iraq", "troops/US/Iraq")
    assert names_change("coalition troops in Iraq", "troops/coalition/Iraq")
    assert names_change("Ain al-Asad deadline", "deadline/coalition leaves Ain al-Asad")
    assert not names_change("Al-Khudair Air Base deadline", "deadline/coalition leaves Iraq")
    assert not names_change("US troops in Iraq", "deadline/coalition leaves Iraq")
    # federal Iraq is left with Baghdad (``watchers.figures.places.federal``)
    assert names_change("Camp Hilal and federal Iraq deadline", "deadline/coalition leaves Baghdad")
    assert not names_change("Kurdistan deadline", "deadline/coalition leaves Baghdad")
    # the Kurdistan region is left with Erbil, its capital
    assert names_change("Erbil deadline", "deadline/coalition leaves Kurdistan")
    assert names_change("Kurdistan region deadline", "deadline/coalition leaves Erbil")
    assert not names_change("Erbil deadline", "deadline/coalition leaves Baghdad")
