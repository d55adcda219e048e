"""Kinds of work and the sums a day grid shares between requirements: each entry finds its own
kind, a rule's first broken rule is decided per kind, and shared sums are the direct ones."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from careerplanner.catalog import load_catalog
from careerplanner.domain.catalog import HoursRequirement
from careerplanner.domain.daygrid import DayGrid
from careerplanner.domain.encoding import ACTIVITIES, SETTINGS, SUPERVISIONS
from careerplanner.domain.hours_rules import HoursRule
from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkEntry
from careerplanner.domain.work_kinds import KINDS, kind_codes

AS_OF = date(2026, 11, 26)
ACM_RN = load_catalog().get("ACM-RN")


def code(activity: Activity, setting: Setting, supervision: Supervision, paid: bool) -> int:
    return int(
        kind_codes(
            np.array([ACTIVITIES.index(activity)]),
            np.array([SETTINGS.index(setting)]),
            np.array([SUPERVISIONS.index(supervision)]),
            np.array([paid]),
        )[0]
    )


def test_there_are_270_kinds_and_each_row_codes_to_itself() -> None:
    assert KINDS.activity.shape == (3 * 9 * 5 * 2,)
    codes = kind_codes(KINDS.activity, KINDS.setting, KINDS.supervision, KINDS.paid)
    assert codes.tolist() == list(range(270))
    rows = set(zip(KINDS.activity, KINDS.setting, KINDS.supervision, KINDS.paid, strict=True))
    assert len(rows) == 270


def test_an_entry_finds_the_row_with_its_attributes() -> None:
    first = code(Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.NONE, False)
    last = code(Activity.OTHER, Setting.OTHER, Supervision.OTHER_LICENSED, True)
    assert (first, last) == (0, 269)
    k = code(Activity.SUPERVISING, Setting.INSURANCE, Supervision.RN, True)
    assert k == ((1 * 9 + 6) * 5 + 3) * 2 + 1
    assert KINDS.activity[k] == ACTIVITIES.index(Activity.SUPERVISING)
    assert KINDS.setting[k] == SETTINGS.index(Setting.INSURANCE)
    assert KINDS.supervision[k] == SUPERVISIONS.index(Supervision.RN)
    assert bool(KINDS.paid[k]) is True


def acm_rule(plan: Plan) -> HoursRule:
    req = next(r for r in ACM_RN.requirements if isinstance(r, HoursRequirement))
    return HoursRule(req, ACM_RN.short_name, plan, DayGrid(plan, AS_OF, 15))


def test_each_kind_is_charged_to_the_first_rule_it_breaks() -> None:
    rule = acm_rule(Plan())
    cm, rn = Activity.CASE_MANAGEMENT, Supervision.RN

    def reason(activity: Activity, setting: Setting, supervision: Supervision, paid: bool):
        index = int(rule.first_failure[code(activity, setting, supervision, paid)])
        return rule.reasons[index] if index < len(rule.reasons) else None

    assert reason(Activity.OTHER, Setting.INSURANCE, Supervision.NONE, False) == (
        "not case-management work"
    )
    assert reason(cm, Setting.INSURANCE, Supervision.NONE, False) == (
        "unpaid — ACM counts only paid work"
    )
    assert reason(cm, Setting.INSURANCE, Supervision.NONE, True) == (
        "unsupervised — ACM counts only supervised work"
    )
    assert reason(cm, Setting.INSURANCE, rn, True) == (
        "at an insurer — ACM counts only health-delivery-system settings"
    )
    assert reason(cm, Setting.HOSPITAL, rn, True) is None
    assert int(rule.counted_kinds.sum()) == 6 * 4  # six settings, four supervisions, paid


def test_shared_sums_are_the_direct_sums_and_made_once() -> None:
    day = AS_OF - timedelta(days=30)
    entries = (
        WorkEntry(day, 2.5, setting=Setting.HOSPITAL, supervision=Supervision.RN),
        WorkEntry(day, 1.25, setting=Setting.INSURANCE, supervision=Supervision.RN),
        WorkEntry(
            day + timedelta(days=1), 4.0, setting=Setting.CLINIC, supervision=Supervision.CCM
        ),
        WorkEntry(day, 3.0, setting=Setting.CLINIC, paid=False),
    )
    rule = acm_rule(Plan(entries=entries))
    grid, e = rule.grid, rule.grid.entries()
    assert grid.entries() is e
    assert e.one_day
    assert e.logged_of(rule.counted_kinds) == 6.5
    assert (
        e.logged_of(rule.first_failure == rule.reasons.index("unpaid — ACM counts only paid work"))
        == 3.0
    )
    cumulative = grid.cumulative(rule.counted_kinds, [])
    assert grid.cumulative(rule.counted_kinds.copy(), []) is cumulative
    assert not cumulative.flags.writeable
    first = grid.index(day)
    assert cumulative[first + 1] - cumulative[first] == 2.5  # the day before holds nothing
    assert cumulative[first + 2] - cumulative[first + 1] == 4.0
    assert cumulative[-1] == 6.5


def test_a_span_spreads_its_hours_over_its_days_in_the_shared_series() -> None:
    start = AS_OF - timedelta(days=10)
    span = WorkEntry(start, 6.0, end=start + timedelta(days=2), supervision=Supervision.RN)
    single = WorkEntry(start, 1.0, supervision=Supervision.RN)
    rule = acm_rule(Plan(entries=(span, single)))  # setting OTHER: neither counts for ACM
    everything = np.ones_like(rule.counted_kinds)
    grid, e = rule.grid, rule.grid.entries()
    assert not e.one_day
    daily = np.diff(grid.cumulative(everything, []))
    first = grid.index(start)
    assert daily[first - 1 : first + 4].tolist() == [0.0, 3.0, 2.0, 2.0, 0.0]
    assert grid.cumulative(rule.counted_kinds, [])[-1] == 0.0
