"""`Services`: every service over one database, sharing one change bus and one clock.

Scenarios, backups, certificate files, import/export and archives are built on first use, so
a command that only logs hours or reads the plan never imports their code.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from careerplanner.domain.catalog import Catalog
from careerplanner.services.base import Today
from careerplanner.services.bus import ChangeBus
from careerplanner.services.ce import CeService
from careerplanner.services.education import EducationService
from careerplanner.services.goals import GoalService
from careerplanner.services.hours import HoursService
from careerplanner.services.logbook import EmployerService, SupervisorService
from careerplanner.services.plan import PlanService
from careerplanner.services.profile import ProfileService
from careerplanner.services.reminders import ReminderService
from careerplanner.services.schedules import ScheduleService
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.services.work import WorkService
from careerplanner.storage import Database

if TYPE_CHECKING:
    from careerplanner.services.backups import BackupService
    from careerplanner.services.ce_files import CeFileService
    from careerplanner.services.import_export import ImportExportService
    from careerplanner.services.plan_archive import PlanArchiveService
    from careerplanner.services.scenarios import ScenarioService


class Services:
    def __init__(self, db: Database, catalog: Catalog, today: Today = date.today) -> None:
        self.db = db
        self.catalog = catalog
        self.today = today
        self.bus = ChangeBus()
        self._cache = cache = SnapshotCache(db, self.bus)  # one snapshot, patched by writes
        self.profile = ProfileService(db, self.bus, today, cache)
        self.education = EducationService(db, self.bus, today, cache)
        self.ce = CeService(db, self.bus, today, cache)
        self.goals = GoalService(db, self.bus, today, catalog, cache)
        self.work = WorkService(db, self.bus, today, cache)
        self.plan = PlanService(db, self.bus, today, catalog, cache)
        self.hours = HoursService(db, self.bus, today, cache)
        self.supervisors = SupervisorService(db, self.bus, today)
        self.employers = EmployerService(db, self.bus, today)
        self.schedules = ScheduleService(db, self.bus, today)
        self.reminders = ReminderService(
            db, catalog, self.plan.snapshot, self.plan.eligibility, today, self.bus
        )

    @cached_property
    def scenarios(self) -> ScenarioService:
        from careerplanner.services.scenarios import ScenarioService

        return ScenarioService(
            self.db, self.bus, self.today, self.catalog, self.plan.snapshot, self._cache
        )

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
