"""PDF reports: the hours-verification report for a supervisor, and the CE transcript.

Plain functions over a plan snapshot; Qt's PDF writer is used only inside `pdf_layout`. The
file is written through `ExportTarget` (a temporary file, then an atomic rename), like every
other export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.labels import member_label, paid_label
from careerplanner.domain.model import CeActivity, Plan, WorkEntry
from careerplanner.domain.renewals import RenewalStatus, describe_needed, renewal_statuses
from careerplanner.domain.rules import evaluate
from careerplanner.io.export_file import ExportTarget
from careerplanner.io.pdf_layout import Column, PdfDocument
from careerplanner.io.report_logbook import (
    ReportLogbook,
    mark_changed,
    signature_blocks,
    supervisors_section,
)

ENTRY_COLUMNS = (
    Column("Date"),
    Column("Hours", right=True),
    Column("Activity"),
    Column("Setting"),
    Column("Supervision"),
    Column("Paid"),
    Column("Employer", grow=3),
    Column("Verified by", grow=1),
    Column("Notes", grow=2),
)
SIGNATURE_LINES = (
    "Supervisor's name",
    "Credential and license number",
    "Supervisor's signature",
    "Date",
)


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def hours(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def select_entries(
    entries: Sequence[WorkEntry], first: date, last: date, employer: str | None = None
) -> list[WorkEntry]:
    """Entries starting from `first` to `last` (inclusive), of one employer if given."""
    wanted = employer.strip().casefold() if employer else None
    chosen = [
        e
        for e in entries
        if first <= e.start <= last and (wanted is None or e.employer.strip().casefold() == wanted)
    ]
    return sorted(chosen, key=lambda e: (e.start, e.id))


def _entry_row(entry: WorkEntry) -> list[str]:
    span = entry.start.isoformat()
    if entry.end and entry.end != entry.start:
        span += f" to {entry.end:%m-%d}"
    verified = ""
    if entry.verified_on is not None:
        who = ", ".join(x for x in (entry.verified_by, entry.verified_credential) if x)
        verified = f"{who} ({entry.verified_on.isoformat()})"
    return [
        span,
        hours(entry.hours),
        member_label(entry.activity),
        member_label(entry.setting),
        member_label(entry.supervision),
        paid_label(entry.paid),
        entry.employer,
        verified,
        " ".join(entry.notes.split()),
    ]


def _totals(entries: Sequence[WorkEntry], attribute: str) -> list[list[str]]:
    sums: dict[str, tuple[float, int]] = {}
    for entry in entries:
        value = getattr(entry, attribute)
        key = member_label(value) if isinstance(value, StrEnum) else value.strip() or "(none)"
        total, count = sums.get(key, (0.0, 0))
        sums[key] = (total + entry.hours, count + 1)
    rows = [[key, str(count), hours(total)] for key, (total, count) in sorted(sums.items())]
    grand = sum(e.hours for e in entries)
    return [*rows, ["Total", str(len(entries)), hours(grand)]]


def _write(doc: PdfDocument, out: ExportTarget | Path) -> int:
    """The PDF written to a temporary file, then moved onto the target; the page count.

    A bare path is still written this way, but only an `ExportTarget` (made with the data
    folder) refuses the files of the data folder."""
    target = out if isinstance(out, ExportTarget) else ExportTarget(Path(out), None, force=True)
    with target.writing() as temp:
        pages = doc.write(temp)
        if temp.stat().st_size == 0:
            raise OSError(f"the PDF could not be written to {target.path.parent}")
    return pages


def hours_report(
    out: ExportTarget | Path,
    plan: Plan,
    catalog: Catalog,
    *,
    first: date,
    last: date,
    employer: str | None = None,
    cert_ids: Sequence[str] = (),
    today: date,
    logbook: ReportLogbook | None = None,
) -> int:
    """Write the hours-verification PDF to `out`; the number of pages. `logbook` names the
    supervisors (one signature block each) and the entries changed after verification."""
    entries = select_entries(plan.entries, first, last, employer)
    name = plan.profile.name or ""
    period = f"{long_date(first)} to {long_date(last)}"
    every_page = f"{name} · {period}" if name else period
    doc = PdfDocument("Hours verification report", every_page, today, landscape=True)
    doc.heading("Hours verification report", title=True)
    doc.text(f"Name: {name or '(not given)'}", bold=True)
    doc.text(f"Period: entries starting {period}")
    doc.text(f"Employer: {employer or 'all employers'}")
    verified = sum(e.hours for e in entries if e.verified)
    total = sum(e.hours for e in entries)
    doc.text(
        f"{len(entries):,} entries, {hours(total)} hours in all, of which {hours(verified)} "
        "hours are marked verified."
    )
    doc.space()
    doc.heading("Entries")
    doc.table(ENTRY_COLUMNS, [mark_changed(_entry_row(e), e, logbook) for e in entries])
    if cert_ids:
        _countable(doc, plan, catalog, entries, last, cert_ids)
    with doc.together():  # the totals and the signature block end the report, on one page
        _totals_and_signature(doc, entries, logbook)
    return _write(doc, out)


def _totals_and_signature(
    doc: PdfDocument, entries: Sequence[WorkEntry], logbook: ReportLogbook | None
) -> None:
    by = (Column(""), Column("Entries", right=True), Column("Hours", right=True))
    doc.heading("Totals by setting")
    doc.table((replace(by[0], label="Setting"), *by[1:]), _totals(entries, "setting"), total=True)
    doc.heading("Totals by supervision")
    doc.table(
        (replace(by[0], label="Supervision"), *by[1:]), _totals(entries, "supervision"), total=True
    )
    if len({e.employer.strip().casefold() for e in entries}) > 1:
        doc.heading("Totals by employer")
        employers = _totals(entries, "employer")
        doc.table((replace(by[0], label="Employer"), *by[1:]), employers, total=True)
    if logbook is not None:
        supervisors_section(doc, entries, logbook, hours)
    signature_blocks(doc, entries, logbook, SIGNATURE_LINES, hours, long_date)


def _countable(
    doc: PdfDocument,
    plan: Plan,
    catalog: Catalog,
    entries: Sequence[WorkEntry],
    as_of: date,
    cert_ids: Sequence[str],
) -> None:
    """Per chosen certification, the hours of this report that count, as of the period's end."""
    result = evaluate(replace(plan, entries=tuple(entries)), catalog, as_of, weekly_hours=0)
    doc.heading(f"Countable hours of this report, as of {long_date(as_of)}")
    columns = (
        Column("Certification and requirement", grow=1),
        Column("Recorded", right=True),
        Column("Countable", right=True),
        Column("Required", right=True),
    )
    rows: list[list[str]] = []
    notes: list[str] = []
    for cert_id in cert_ids:
        cert = result.get(cert_id)
        for req in cert.requirements:
            if req.kind != "hours":
                continue
            recorded = req.recorded if req.recorded is not None else req.current
            rows.append(
                [
                    f"{cert_id}: {req.label}",
                    hours(recorded),
                    hours(req.current),
                    hours(req.required),
                ]
            )
            notes += [f"{cert_id}: {hours(d.hours)} h {d.reason}" for d in req.deductions]
    doc.table(columns, rows)
    for note in dict.fromkeys(notes):
        doc.text(f"• {note}")
    doc.space()


CE_COLUMNS = (
    Column("Date"),
    Column("Title", grow=1),
    Column("Provider", grow=1),
    Column("Topic"),
    Column("Hours", right=True),
    Column("Certificate"),
)
NO_CE_IN_CYCLE = "No CE in this cycle yet."
NO_CE = "No CE recorded yet."


def _ce_rows(activities: Sequence[CeActivity]) -> list[list[str]]:
    rows = [
        [
            a.date.isoformat(),
            a.title,
            a.provider,
            member_label(a.topic),
            hours(a.hours),
            "on file" if a.certificate else "",
        ]
        for a in sorted(activities, key=lambda a: (a.date, a.id))
    ]
    return [*rows, ["Total", "", "", "", hours(sum(a.hours for a in activities)), ""]]


def _cycle(doc: PdfDocument, status: RenewalStatus) -> None:
    doc.heading(f"{status.name} ({status.cert_id})")
    doc.text(
        f"Renewal cycle {long_date(status.cycle_start)} to {long_date(status.cycle_end)}; "
        f"due by {long_date(status.due)}. Status: {describe_needed(status)}."
    )
    columns = (
        Column("CE required", grow=1),
        Column("Required", right=True),
        Column("Completed", right=True),
        Column("Needed", right=True),
    )
    doc.table(
        columns,
        [[b.label, hours(b.required), hours(b.completed), hours(b.needed)] for b in status.buckets],
    )
    _ce_table(doc, status.activities, NO_CE_IN_CYCLE)


def _ce_table(doc: PdfDocument, activities: Sequence[CeActivity], empty: str) -> None:
    if activities:
        doc.table(CE_COLUMNS, _ce_rows(activities), total=True)
    else:
        doc.text(empty)
        doc.space()


def ce_transcript(out: ExportTarget | Path, plan: Plan, catalog: Catalog, *, today: date) -> int:
    """Write the CE transcript PDF (one section per held credential's cycle); the page count."""
    doc = PdfDocument("Continuing education transcript", plan.profile.name or "", today)
    doc.heading("Continuing education transcript", title=True)
    doc.text(f"Name: {plan.profile.name or '(not given)'}", bold=True)
    statuses = renewal_statuses(plan, catalog, today)
    if not statuses:
        doc.text("No credential is marked earned with a date, so no renewal cycle is shown.")
    for status in statuses:
        _cycle(doc, status)
    doc.heading("All CE activities")
    _ce_table(doc, plan.ce, NO_CE)
    return _write(doc, out)
