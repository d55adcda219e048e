"""The Overview: goal cards with progress, hours tiles, deadlines, and the first-run welcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from careerplanner.app import Running
from careerplanner.domain.model import (
    Goal,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    WorkEntry,
)
from careerplanner.ui.overview.overview_cards import Milestone, hours_between, milestone_note
from careerplanner.ui.overview.overview_page import OverviewPage


def _texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_goal_cards_show_a_progress_bar_per_requirement(qtbot: Any, app_services: Any) -> None:
    app_services.plan.load_demo()
    page = OverviewPage(app_services)
    qtbot.addWidget(page)
    goals = app_services.goals.list()
    assert goals
    assert len(page.goal_cards) == len(goals)
    eligibility = app_services.plan.eligibility()
    for card, goal in zip(page.goal_cards, goals, strict=True):
        result = eligibility.get(goal.cert_id)
        if goal.status == "earned":
            continue
        bars = card.findChildren(QProgressBar)
        assert len(bars) == len(result.requirements)
        assert any(bar.value() > 0 for bar in bars)
        assert any(goal.cert_id in text for text in _texts(card))


def test_overview_names_the_next_milestone_and_hours(qtbot: Any, app_services: Any) -> None:
    app_services.plan.load_demo()
    page = OverviewPage(app_services)
    qtbot.addWidget(page)
    texts = " ".join(_texts(page))
    assert "Next milestone" in texts
    assert "This week" in texts and "This month" in texts and "In total" in texts
    assert "Due in the next 90 days" in texts


def test_license_expiring_soon_is_a_deadline(qtbot: Any, app_services: Any) -> None:
    today = app_services.today()
    app_services.education.add_license(
        License(LicenseType.RN, today - timedelta(days=900), today + timedelta(days=30), "TX")
    )
    page = OverviewPage(app_services)
    qtbot.addWidget(page)
    assert any("RN license (TX) expires" in text for text in _texts(page))


def test_empty_plan_shows_a_welcome_with_sample_data(qtbot: Any, app_services: Any) -> None:
    page = OverviewPage(app_services)
    qtbot.addWidget(page)
    assert any("Welcome to CareerPlanner" in text for text in _texts(page))
    buttons = {b.text(): b for b in page.findChildren(QPushButton)}
    with qtbot.waitSignal(page.setup_requested):
        buttons["Set up my plan…"].click()
    buttons["Try with sample data"].click()
    assert not app_services.plan.is_empty()


def _shown(page: OverviewPage) -> list[object]:
    """What the page shows: every label's text and tone, every bar's value and whether met."""
    labels = [(w.text(), w.objectName()) for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    bars = [(b.value(), b.property("met")) for b in page.findChildren(QProgressBar)]
    return sorted(map(str, [*labels, *bars]))


def test_overview_follows_a_logged_entry(running: Running, qtbot: Any) -> None:
    page = running.window.pages["overview"]
    before, cards = _shown(page), list(page.goal_cards)
    running.services.hours.add(WorkEntry(running.services.today(), 3.0, employer="Mercy"))
    qtbot.waitUntil(lambda: _shown(page) != before)
    fresh = OverviewPage(running.services)
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: _shown(page) == _shown(fresh))  # in place, as if built anew
    assert page.goal_cards == cards


def test_a_new_goal_builds_the_page_again(qtbot: Any, services: Any) -> None:
    services.education.add_license(License(LicenseType.RN, date(2015, 1, 1), None, "TX"))
    services.hours.add(WorkEntry(date(2026, 11, 2), 40.0, date(2026, 11, 6)))
    services.goals.add(Goal("CCM"))
    page = _page(qtbot, services)
    services.hours.add(WorkEntry(date(2026, 11, 9), 8.0))
    page.refresh()
    assert _shown(page) == _shown(_page(qtbot, services))
    services.goals.add(Goal("ACM-RN"))
    page.refresh()
    assert len(page.goal_cards) == 2 and _shown(page) == _shown(_page(qtbot, services))


def test_hours_between_spreads_spans_over_their_days() -> None:
    entry = WorkEntry(date(2025, 1, 1), 10.0, end=date(2025, 1, 10))
    single = replace(entry, end=None, start=date(2025, 1, 5), hours=2.0)
    plan = Plan(entries=(entry, single))
    assert hours_between(plan, date(2025, 1, 5), date(2025, 1, 6)) == 4.0
    assert hours_between(plan, date(2025, 1, 6), date(2025, 1, 30)) == 5.0
    assert hours_between(plan, date(2025, 2, 1), date(2025, 2, 6)) == 0.0


def _page(qtbot: Any, services: Any) -> OverviewPage:
    page = OverviewPage(services)
    qtbot.addWidget(page)
    return page


def test_welcome_back_only_for_a_returning_user(qtbot: Any, services: Any) -> None:
    first_day = _page(qtbot, services)  # built on an empty plan: a new user
    services.profile.update(Profile(name="Maya Lopez", weekly_hours=30))
    services.goals.add(Goal("CCM"))
    first_day.refresh()
    assert _texts(first_day)[0] == "Welcome, Maya"
    assert _texts(_page(qtbot, services))[0] == "Welcome back, Maya"  # the next start


def test_a_profile_alone_still_shows_the_welcome(qtbot: Any, services: Any) -> None:
    services.profile.update(Profile(weekly_hours=30, ce_hours_per_year=12))  # a skipped wizard
    assert any("Welcome to CareerPlanner" in t for t in _texts(_page(qtbot, services)))


def test_nothing_due_never_sits_under_a_due_deadline(qtbot: Any, services: Any) -> None:
    # TODAY is 2026-11-26; the license expires 30 days later: a reminder within 90 days
    services.education.add_license(
        License(LicenseType.RN, date(2020, 1, 1), date(2026, 12, 26), "TX")
    )
    texts = " ".join(_texts(_page(qtbot, services)))
    assert "Your RN license (TX) expires on December 26, 2026 (in 30 days)." in texts
    assert "Nothing" not in texts and "Later deadlines" not in texts


def test_deadlines_beyond_90_days_are_listed_as_later(qtbot: Any, services: Any) -> None:
    # 120 days after 2026-11-26 is 2027-03-26: past the reminders' horizon, inside six months
    services.education.add_license(
        License(LicenseType.RN, date(2020, 1, 1), date(2027, 3, 26), "TX")
    )
    texts = _texts(_page(qtbot, services))
    assert "Nothing is due in the next 90 days." in texts
    assert "Later deadlines" in texts
    assert "RN license (TX) expires — Mar 26, 2027 (in 4 months)" in texts


def test_total_tile_names_the_requirement_it_counts(qtbot: Any, services: Any) -> None:
    services.education.add_license(License(LicenseType.RN, date(2015, 1, 1), None, "TX"))
    services.hours.add(
        WorkEntry(date(2026, 11, 2), 40.0, date(2026, 11, 6), setting=Setting.INSURANCE)
    )
    services.goals.add(Goal("CCM"))
    texts = _texts(_page(qtbot, services))
    # 40 h, none supervised by a CCM: the 4,160 h route is the furthest along (40 / 4,160)
    note = "countable toward CCM: 24 months (4,160 h) of paid case management, any supervisor"
    assert texts.count(note) == 1 and texts.count("countable toward CCM") == 2


def test_next_milestone_says_why_nothing_lies_ahead(qtbot: Any, services: Any) -> None:
    services.profile.update(Profile(track="nurse", weekly_hours=30))  # type: ignore[arg-type]
    services.goals.add(Goal("ACM-RN"))  # no RN license recorded or planned
    texts = " ".join(_texts(_page(qtbot, services)))
    assert "None of your goals can be reached with the plan as it stands. ACM-RN: " in texts
    assert "Nothing planned yet" not in texts


def test_a_license_marked_not_renewed_is_named_on_the_goal_card(qtbot: Any, services: Any) -> None:
    from careerplanner.domain.model import Activity, Supervision, WorkPeriod

    rn = License(LicenseType.RN, date(2019, 8, 1), date(2027, 7, 31), "TX", renewal_assumed=False)
    job = WorkPeriod(
        0, date(2025, 3, 1), None, 36, Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.RN
    )
    services.plan.apply_setup(
        Plan(
            profile=Profile(track="nurse", weekly_hours=36),  # type: ignore[arg-type]
            licenses=(rn,),
            work_periods=(job,),
            goals=(Goal("ACM-RN"),),
        )
    )
    page = _page(qtbot, services)
    (card,) = page.goal_cards
    texts = _texts(card)
    assert "Not reachable at your current pace" in texts
    (why,) = [t for t in texts if t.startswith("Why: ")]
    assert "RN license (TX) ends Jul 31, 2027 and is marked as not renewed" in why


def test_the_next_milestone_names_what_else_is_possible_today_before_what_comes_after() -> None:
    today = date(2026, 12, 1)
    later = date(2027, 5, 30)
    upcoming = [
        Milestone(today, "You can apply for CCM now"),
        Milestone(today, "You can apply for ACM-RN now"),
        Milestone(later, "Your target date for CMGT-BC"),
        Milestone(date(2027, 6, 1), "Eligible for CMGT-BC"),
        Milestone(date(2028, 1, 1), "RN license expires"),
    ]
    assert milestone_note(upcoming, today) == (
        "Also: you can apply for ACM-RN now. After that: your target date for CMGT-BC "
        "(May 30, 2027), then eligible for CMGT-BC (Jun 1, 2027)."
    )
    ahead = upcoming[2:]
    assert milestone_note(ahead, today) == (
        "In 6 months. After that: eligible for CMGT-BC (Jun 1, 2027), then RN license "
        "expires (Jan 1, 2028)."
    )
    assert milestone_note(upcoming[:1], today) == ""
