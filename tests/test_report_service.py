"""`ReportService`: the one assembly of the PDF reports, which the window and the CLI share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from careerplanner.domain.model import CeActivity, CeTopic, WorkEntry
from careerplanner.services import Services


def _pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def test_hours_report_counts_the_chosen_days_and_employer(
    services: Services, tmp_path: Path
) -> None:
    services.hours.add(WorkEntry(date(2026, 3, 2), 8.0, employer="County"))
    services.hours.add(WorkEntry(date(2026, 3, 3), 6.5, employer="General Hospital"))
    services.hours.add(WorkEntry(date(2026, 4, 1), 7.0, employer="County"))
    march = services.reports.hours(date(2026, 3, 1), date(2026, 3, 31), None, ["CCM", "CCM"])
    county = services.reports.hours(date(2026, 3, 1), date(2026, 4, 30), "County", [])
    assert (march.count, county.count) == (2, 2)
    out = tmp_path / "hours.pdf"
    pages = march.write(out)
    assert pages == _pdf_pages(out) == 2  # as the file itself counts them


def test_ce_transcript_holds_every_activity(services: Services, tmp_path: Path) -> None:
    services.ce.add(CeActivity(date(2026, 2, 1), 3.0, CeTopic.ETHICS, "Ethics"))
    job = services.reports.ce()
    services.ce.add(CeActivity(date(2026, 2, 2), 1.0, CeTopic.ETHICS, "Later"))
    assert job.count == 1  # read when the job was made, as the window's thread does
    out = tmp_path / "ce.pdf"
    assert job.write(out) == _pdf_pages(out) == 1
