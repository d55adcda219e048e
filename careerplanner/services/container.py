"""`Services`: every service over one database, sharing one change bus and one clock.

Each service is built, and its module imported, on first use; the catalog too is loaded only
when a service needs it. So a command that only logs hours imports the hours service and
nothing of eligibility, scenarios, backups, import/export or the certification catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from careerplanner.services.base import Today
from careerplanner.services.bus import ChangeBus
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database

if TYPE_CHECKING:
    from careerplanner.domain.catalog import Catalog
    from careerplanner.services.backups import BackupService
    from careerplanner.services.ce import CeService
    from careerplanner.services.ce_files import CeFileService
    from careerplanner.services.education import EducationService
    from careerplanner.services.goals import GoalService
    from careerplanner.services.hours import HoursService
    from careerplanner.services.import_export import ImportExportService
    from careerplanner.services.logbook import EmployerService, SupervisorService
    from careerplanner.services.plan import PlanService
    from careerplanner.services.plan_archive import PlanArchiveService
    from careerplanner.services.profile import ProfileService
    from careerplanner.services.reminders import ReminderService
    from careerplanner.services.reports import ReportService
    from careerplanner.services.scenarios import ScenarioService
    from careerplanner.services.schedules import ScheduleService
    from careerplanner.services.work import WorkService


class Services:
    def __init__(
        self, db: Database, catalog: Catalog | Callable[[], Catalog], today: Today = date.today
    ) -> None:
        self.db = db
        self._catalog_source = catalog
        self.today = today
        self.bus = ChangeBus()
        self._cache = SnapshotCache(db, self.bus)  # one snapshot, patched by writes

    @classmethod
    def open(
        cls, data_dir: Path, catalog: Catalog | Callable[[], Catalog], today: Today = date.today
    ) -> Services:
        """The services over the database in `data_dir` (made when missing); raises
        `DatabaseError` (see `services.errors`) when it cannot be used."""
        return cls(Database.open(data_dir), catalog, today)

    def close(self) -> None:
        self.db.close()

    @cached_property
    def catalog(self) -> Catalog:
        source = self._catalog_source
        return source() if callable(source) else source

    # --- the plan's records, each over the shared snapshot ------------------------------------

    @cached_property
    def profile(self) -> ProfileService:
        from careerplanner.services.profile import ProfileService

        return ProfileService(self.db, self.bus, self.today, self._cache)

    @cached_property
    def education(self) -> EducationService:
        from careerplanner.services.education import EducationService

        return EducationService(self.db, self.bus, self.today, self._cache)

    @cached_property
    def ce(self) -> CeService:
        from careerplanner.services.ce import CeService

        return CeService(self.db, self.bus, self.today, self._cache)

    @cached_property
    def goals(self) -> GoalService:
        from careerplanner.services.goals import GoalService

        return GoalService(self.db, self.bus, self.today, self.catalog, self._cache)

    @cached_property
    def work(self) -> WorkService:
        from careerplanner.services.work import WorkService

        return WorkService(self.db, self.bus, self.today, self._cache)

    @cached_property
    def plan(self) -> PlanService:
        from careerplanner.services.plan import PlanService

        return PlanService(self.db, self.bus, self.today, self.catalog, self._cache)

    @cached_property
    def hours(self) -> HoursService:
        from careerplanner.services.hours import HoursService

        return HoursService(self.db, self.bus, self.today, self._cache)

    @cached_property
    def supervisors(self) -> SupervisorService:
        from careerplanner.services.logbook import SupervisorService

        return SupervisorService(self.db, self.bus, self.today)

    @cached_property
    def employers(self) -> EmployerService:
        from careerplanner.services.logbook import EmployerService

        return EmployerService(self.db, self.bus, self.today)

    @cached_property
    def schedules(self) -> ScheduleService:
        from careerplanner.services.schedules import ScheduleService

        return ScheduleService(self.db, self.bus, self.today)

    @cached_property
    def reminders(self) -> ReminderService:
        from careerplanner.services.reminders import ReminderService

        plan = self.plan
        return ReminderService(
            self.db, self.catalog, plan.snapshot, plan.eligibility, self.today, self.bus
        )

    # --- what works on the plan as a whole, or on files ---------------------------------------

    @cached_property
    def scenarios(self) -> ScenarioService:
        from careerplanner.services.scenarios import ScenarioService

        return ScenarioService(
            self.db, self.bus, self.today, self.catalog, self.plan.snapshot, self._cache
        )

    @cached_property
    def reports(self) -> ReportService:
        from careerplanner.services.reports import ReportService

        return ReportService(self.plan, self.hours, self.supervisors, self.catalog, self.today)

    @cached_property
    def backups(self) -> BackupService:
        from careerplanner.services.backups import BackupService

        return BackupService(self.db, bus=self.bus)

    @cached_property
    def ce_files(self) -> CeFileService:
        from careerplanner.services.ce_files import CeFileService, CertificateStore

        return CeFileService(CertificateStore(self.db.data_dir), self.ce)

    @cached_property
    def records(self) -> ImportExportService:
        from careerplanner.services.import_export import ImportExportService

        return ImportExportService(self.db, self.bus, self.today, self.catalog)

    @cached_property
    def archive(self) -> PlanArchiveService:
        from careerplanner.services.plan_archive import PlanArchiveService

        return PlanArchiveService(self.records, self.ce_files.store)
