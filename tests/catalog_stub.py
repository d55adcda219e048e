"""A small hand-made catalog for tests of renewals and reminders (independent of resources/)."""

from __future__ import annotations

from datetime import date

from careerplanner.domain.catalog import (
    Catalog,
    CeBucket,
    Certification,
    ExamFacts,
    ExamWindow,
    Figure,
    Renewal,
    SalaryAssumptions,
)
from careerplanner.domain.model import CeTopic

CCM_WINDOWS = (
    ExamWindow(4, (12, 1), (2, 15)),
    ExamWindow(8, (4, 1), (6, 15)),
    ExamWindow(12, (8, 1), (10, 15)),
)


def _cert(cert_id: str, renewal: Renewal, windows: tuple[ExamWindow, ...] = ()) -> Certification:
    return Certification(
        id=cert_id,
        name=f"{cert_id} credential",
        short_name=cert_id,
        issuer="Board",
        sources=(),
        last_checked=date(2026, 1, 1),
        requirements=(),
        renewal=renewal,
        exam=ExamFacts("exam", windows=windows),
    )


def stub_catalog() -> Catalog:
    figure = Figure(1.0, "test")
    salary = SalaryAssumptions({}, {}, figure, figure, figure, figure, figure, {}, {})
    return Catalog(
        certifications=(
            _cert("CCM", Renewal(5, 80, (CeBucket(CeTopic.ETHICS, 8),)), CCM_WINDOWS),
            _cert("ACM-RN", Renewal(4, 40, (CeBucket(CeTopic.CASE_MANAGEMENT, 30),))),
            _cert("C-SWCM", Renewal(2, 20, assumption="Renewal terms unverified.")),
        ),
        salary=salary,
    )
