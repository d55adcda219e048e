"""The verification report names each supervisor (credential, license number, state), has
one signature block per supervisor with their hours and dates, totals per employer, and
marks the entries changed after verification (real services, real PDF, today fixed)."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf

from careerplanner.domain.logbook import Credential, Employer, Supervisor
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.io.report_logbook import ReportLogbook
from careerplanner.io.reports import hours_report
from careerplanner.services import Services


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages
    )


def test_report_names_supervisors_and_marks_changes(services: Services, tmp_path: Path) -> None:
    ann = services.supervisors.add(Supervisor("Ann Lee", Credential.CCM, "C-123", "TX"))
    bo = services.supervisors.add(Supervisor("Bo Park", Credential.LCSW, "SW-9", "NM"))
    services.employers.add(Employer("Mercy Hospital", Setting.HOSPITAL))
    a = services.hours.add(
        WorkEntry(date(2026, 11, 2), 8.0, supervisor_id=ann.id, employer="Mercy Hospital")
    )
    services.hours.add(
        WorkEntry(date(2026, 11, 9), 6.5, supervisor_id=ann.id, employer="Mercy Hospital")
    )
    services.hours.add(
        WorkEntry(date(2026, 11, 4), 4.0, supervisor_id=bo.id, employer="Home Visits")
    )
    services.hours.add(WorkEntry(date(2026, 11, 5), 2.0))
    services.hours.verify([a.id], "Ann Lee", "CCM", date(2026, 11, 20))
    services.hours.unlock(a.id, "wrong hours")
    services.hours.update(replace(services.hours.get(a.id), hours=7.5))
    changed = services.hours.changed_after_verification()
    assert list(changed) == [a.id]
    out = tmp_path / "report.pdf"
    hours_report(
        out,
        services.plan.snapshot(),
        services.catalog,
        first=date(2026, 11, 1),
        last=date(2026, 11, 26),
        today=date(2026, 11, 26),
        logbook=ReportLogbook(services.supervisors.list(), changed),
    )
    text = text_of(out)
    for expected in (
        "Totals by employer",
        "Mercy Hospital 2 14",
        "Home Visits 1 4",
        "Ann Lee CCM C-123 TX 2 14 2026-11-02 2026-11-09",
        "Bo Park LCSW SW-9 NM 1 4 2026-11-04 2026-11-04",
        "Ann Lee, CCM, license C-123 (TX)",
        "2 entries, 14 hours, November 2, 2026 to November 9, 2026.",
        "Bo Park, LCSW, license SW-9 (NM)",
        "1 entries, 4 hours, November 4, 2026 to November 4, 2026.",
        "Entries without a supervisor record (1)",
        f"changed after verification ({date.today().isoformat()})",
    ):
        assert expected in text, expected
    assert text.count("Supervisor's signature") == 3
