"""The certification detail lists the assumptions a projected date rests on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from careerplanner.domain.model import (
    Activity,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkPeriod,
)
from careerplanner.domain.rules import evaluate
from careerplanner.ui.certifications.certification_detail import CertificationDetail

TODAY = date(2026, 11, 26)
NURSE = Plan(
    profile=Profile("Jordan Lee", Track.NURSE, "TX", 36, 12),
    degrees=(
        Degree(
            DegreeLevel.BACHELOR,
            DegreeField.NURSING,
            DegreeStatus.COMPLETED,
            end=date(2019, 5, 15),
            accredited=True,
            field_experience=True,
        ),
    ),
    licenses=(License(LicenseType.RN, date(2019, 8, 1), date(2027, 7, 31), "TX"),),
    work_periods=(
        WorkPeriod(
            1,
            date(2025, 3, 1),
            None,
            36,
            Activity.CASE_MANAGEMENT,
            Setting.HOSPITAL,
            Supervision.RN,
        ),
    ),
    goals=(Goal("CCM"), Goal("ACM-RN"), Goal("CMGT-BC")),
)


def _detail(qtbot: Any, catalog: Any, cert_id: str, result: Any) -> CertificationDetail:
    detail = CertificationDetail()
    qtbot.addWidget(detail)
    detail.show_result(catalog.get(cert_id), result, TODAY, 36, QWidget())
    return detail


def test_each_assumption_is_listed_under_the_projected_date(qtbot: Any, catalog: Any) -> None:
    result = evaluate(NURSE, catalog, TODAY).get("ACM-RN")
    result = replace(result, assumptions=("assumes your RN license is renewed on time",))
    detail = _detail(qtbot, catalog, "ACM-RN", result)
    (label,) = [w for w in detail.findChildren(QLabel) if w.objectName() == "assumptions"]
    assert "<li>Assumes your RN license is renewed on time.</li>" in label.text()


def test_no_assumptions_no_list(qtbot: Any, catalog: Any) -> None:
    result = replace(evaluate(NURSE, catalog, TODAY).get("CCM"), assumptions=())
    detail = _detail(qtbot, catalog, "CCM", result)
    assert not [w for w in detail.findChildren(QLabel) if w.objectName() == "assumptions"]


def test_the_issues_nurse_sees_the_renewal_assumption(qtbot: Any, catalog: Any) -> None:
    """Rules v2: the RN license valid on the as-of date is assumed renewed on time."""
    result = evaluate(NURSE, catalog, TODAY).get("ACM-RN")
    # 2,080 h at 36 h a week = 36/7 h a day from Nov 27: day 405 (2,080 / (36/7) = 404.4)
    assert result.projected_date == date(2028, 1, 5)
    detail = _detail(qtbot, catalog, "ACM-RN", result)
    assert detail.status.text() == "Projected: <b>Jan 5, 2028</b> (in 13 months)"
    text = detail.all_text()
    assert (
        "assumes your RN license (TX), expiring Jul 31, 2027, is renewed on time"
        in text.replace("Assumes", "assumes")
    )
