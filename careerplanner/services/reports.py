"""`ReportService`: the hours-verification report and the CE transcript, assembled once for the
window and the command line alike.

A report is read first (the plan, the supervisors, the entries changed after verification),
on the caller's thread, into a `ReportJob`; its `write` then makes the PDF and may run on
another thread, as the window's background task does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerplanner.domain.catalog import Catalog
    from careerplanner.io.export_file import ExportTarget
    from careerplanner.services.hours import HoursService
    from careerplanner.services.logbook import SupervisorService
    from careerplanner.services.plan import PlanService

Writer = Callable[["ExportTarget | Path"], int]


@dataclass(frozen=True)
class ReportJob:
    """A report read and ready: `write(out)` makes the PDF and gives its page count; `count`
    is how many entries (or CE activities) it holds."""

    write: Writer
    count: int


class ReportService:
    def __init__(
        self,
        plan: PlanService,
        hours: HoursService,
        supervisors: SupervisorService,
        catalog: Catalog,
        today: Callable[[], date],
    ) -> None:
        self._plan, self._hours, self._supervisors = plan, hours, supervisors
        self._catalog, self._today = catalog, today

    def hours(
        self, first: date, last: date, employer: str | None, cert_ids: Sequence[str]
    ) -> ReportJob:
        """The hours-verification report of the entries first..last (of one employer, when
        named), with the countable hours for `cert_ids`."""
        from careerplanner.io.report_logbook import ReportLogbook
        from careerplanner.io.reports import hours_report, select_entries

        plan, catalog, today = self._plan.snapshot(), self._catalog, self._today()
        logbook = ReportLogbook(self._supervisors.list(), self._hours.changed_after_verification())
        chosen = list(dict.fromkeys(cert_ids))

        def write(out: ExportTarget | Path) -> int:
            return hours_report(
                out, plan, catalog, first=first, last=last, employer=employer,
                cert_ids=chosen, today=today, logbook=logbook,
            )  # fmt: skip

        return ReportJob(write, len(select_entries(plan.entries, first, last, employer)))

    def ce(self) -> ReportJob:
        """The CE transcript: each held credential's renewal cycle, then every activity."""
        from careerplanner.io.reports import ce_transcript

        plan, catalog, today = self._plan.snapshot(), self._catalog, self._today()
        return ReportJob(lambda out: ce_transcript(out, plan, catalog, today=today), len(plan.ce))
