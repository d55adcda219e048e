"""Certifications page: deductions in plain words for a seeded plan, sources, and goals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest

from careerplanner.domain.model import GoalStatus
from careerplanner.ui.certifications.certifications_page import CertificationsPage


@pytest.fixture
def page(qtbot, services) -> CertificationsPage:  # type: ignore[no-untyped-def]
    services.plan.load_demo()
    widget = CertificationsPage(services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.refresh()
    widget.show()
    return widget


def test_all_six_certifications_are_listed(page) -> None:  # type: ignore[no-untyped-def]
    ids = [page.list.item(i).data(256) for i in range(page.list.count())]
    assert sorted(ids) == sorted(["CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC"])


def test_insurer_hours_are_deducted_for_acm_rn_with_the_reason(page) -> None:  # type: ignore[no-untyped-def]
    page.select("ACM-RN")
    result = page.results["ACM-RN"]
    hours = [r for r in result.requirements if r.kind == "hours" and r.deductions]
    assert hours, "the sample plan has insurer hours that ACM does not count"
    text = page.detail.all_text()
    assert "Recorded" in text and "countable" in text
    for deduction in hours[0].deductions:
        assert deduction.reason in text
    assert "don't count" in text
    assert "Sources:" in text
    for source in page.services.catalog.get("ACM-RN").sources:
        assert f"href='{source.url}'" in text
    assert "Rules last checked" in text


def test_add_as_goal_then_move_it_to_earned(page, services) -> None:  # type: ignore[no-untyped-def]
    page.select("ACM-SW")
    assert page.goal_box.save_button.text() == "Add as goal"
    page.goal_box.target.set_date(date(2031, 1, 1))
    page.goal_box.save()
    (goal,) = [g for g in services.goals.list() if g.cert_id == "ACM-SW"]
    assert goal.target == date(2031, 1, 1)
    page.select("ACM-SW")
    box = page.goal_box
    box.status.setCurrentIndex(box.status.findData(GoalStatus.EARNED.value))
    assert box.earned.date() is not None and box.expires.date() is not None
    box.save()
    (goal,) = [g for g in services.goals.list() if g.cert_id == "ACM-SW"]
    assert goal.status is GoalStatus.EARNED and goal.earned_on is not None
    assert "earned" in page.list.currentItem().text()
