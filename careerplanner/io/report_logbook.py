"""What the verification report says about the hours log's records: each supervisor with
credential, license number and state; one signature block per supervisor with their hours
and date range; totals per employer; and which entries were changed after verification.

Content only: `pdf_layout` draws it. `hours_report` calls these with a `ReportLogbook`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from careerplanner.domain.logbook import Supervisor
from careerplanner.domain.model import WorkEntry
from careerplanner.io.pdf_layout import Column, PdfDocument

SUPERVISOR_COLUMNS = (
    Column("Supervisor", grow=2),
    Column("Credential"),
    Column("License number", grow=1),
    Column("State"),
    Column("Entries", right=True),
    Column("Hours", right=True),
    Column("First day"),
    Column("Last day"),
)
CHANGED = "changed after verification"


@dataclass(frozen=True)
class ReportLogbook:
    supervisors: Sequence[Supervisor] = ()
    changed_after: Mapping[int, date] = field(default_factory=dict)  # entry id -> day edited


def credential_line(s: Supervisor) -> str:
    """'CCM, license C-1 (TX)' — what the supervisor signs with."""
    parts = [s.credential.value if s.credential.value != "none" else "no credential"]
    if s.license_number:
        parts.append(f"license {s.license_number}")
    text = ", ".join(parts)
    return f"{text} ({s.state})" if s.state else text


def _by_supervisor(
    entries: Sequence[WorkEntry], supervisors: Sequence[Supervisor]
) -> list[tuple[Supervisor, list[WorkEntry]]]:
    known = {s.id: s for s in supervisors}
    groups: dict[int, list[WorkEntry]] = {}
    for entry in entries:
        if entry.supervisor_id in known:
            groups.setdefault(entry.supervisor_id, []).append(entry)
    return [(known[i], groups[i]) for i in sorted(groups, key=lambda i: known[i].name.casefold())]


def supervisors_section(
    doc: PdfDocument,
    entries: Sequence[WorkEntry],
    logbook: ReportLogbook,
    hours: Callable[[float], str],
) -> None:
    groups = _by_supervisor(entries, logbook.supervisors)
    if not groups:
        return
    doc.heading("Supervisors")
    rows = [
        [
            s.name,
            s.credential.value,
            s.license_number,
            s.state or "",
            str(len(group)),
            hours(sum(e.hours for e in group)),
            group[0].start.isoformat(),
            max(e.last_day for e in group).isoformat(),
        ]
        for s, group in groups
    ]
    doc.table(SUPERVISOR_COLUMNS, rows)


def mark_changed(row: list[str], entry: WorkEntry, logbook: ReportLogbook | None) -> list[str]:
    """The entry's row, its 'Verified by' cell (index 7) saying so when it was changed after
    verification."""
    if logbook is None or entry.id not in logbook.changed_after:
        return row
    on = logbook.changed_after[entry.id].isoformat()
    cell = f"{row[7]}; {CHANGED} ({on})" if row[7] else f"{CHANGED} ({on})"
    return [*row[:7], cell, *row[8:]]


def signature_blocks(
    doc: PdfDocument,
    entries: Sequence[WorkEntry],
    logbook: ReportLogbook | None,
    labels: Sequence[str],
    hours: Callable[[float], str],
    long_date: Callable[[date], str],
) -> None:
    """One block per supervisor of these entries; one plain block for the rest (or all)."""
    groups = _by_supervisor(entries, logbook.supervisors) if logbook else []
    named = {id(e) for _, group in groups for e in group}
    rest = [e for e in entries if id(e) not in named]
    statement = (
        "I confirm that the hours listed above were worked as described, under my supervision "
        "where stated."
    )
    doc.heading("Supervisor's verification")
    for supervisor, group in groups:
        first, last = group[0].start, max(e.last_day for e in group)
        doc.text(f"{supervisor.name}, {credential_line(supervisor)}", bold=True)
        doc.text(
            f"{len(group):,} entries, {hours(sum(e.hours for e in group))} hours, "
            f"{long_date(first)} to {long_date(last)}. {statement}"
        )
        doc.signature(("Supervisor's signature", "Date"))
    if rest or not groups:
        if groups:
            doc.text(f"Entries without a supervisor record ({len(rest):,})", bold=True)
        doc.text(statement)
        doc.signature(labels)
