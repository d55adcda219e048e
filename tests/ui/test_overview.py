"""The Overview: goal cards with progress, hours tiles, deadlines, and the first-run welcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from careerplanner.app import Running
from careerplanner.domain.model import License, LicenseType, Plan, WorkEntry
from careerplanner.ui.overview_cards import hours_between
from careerplanner.ui.overview_page import OverviewPage


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
    assert "Upcoming deadlines" in texts


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


def test_overview_follows_a_logged_entry(running: Running, qtbot: Any) -> None:
    page = running.window.pages["overview"]
    before = page.goal_cards[0]
    running.services.hours.add(WorkEntry(date.today(), 3.0, employer="Mercy"))
    qtbot.waitUntil(lambda: page.goal_cards and page.goal_cards[0] is not before)


def test_hours_between_spreads_spans_over_their_days() -> None:
    entry = WorkEntry(date(2025, 1, 1), 10.0, end=date(2025, 1, 10))
    single = replace(entry, end=None, start=date(2025, 1, 5), hours=2.0)
    plan = Plan(entries=(entry, single))
    assert hours_between(plan, date(2025, 1, 5), date(2025, 1, 6)) == 4.0
    assert hours_between(plan, date(2025, 1, 6), date(2025, 1, 30)) == 5.0
    assert hours_between(plan, date(2025, 2, 1), date(2025, 2, 6)) == 0.0
