"""`Services`: every service over one database, sharing one change bus and one clock."""

from __future__ import annotations

from datetime import date

from careerplanner.domain.catalog import Catalog
from careerplanner.services.backups import BackupService
from careerplanner.services.base import Today
from careerplanner.services.bus import ChangeBus
from careerplanner.services.ce import CeService
from careerplanner.services.ce_files import CeFileService, CertificateStore
from careerplanner.services.education import EducationService
from careerplanner.services.goals import GoalService
from careerplanner.services.hours import HoursService
from careerplanner.services.import_export import ImportExportService
from careerplanner.services.logbook import EmployerService, SupervisorService
from careerplanner.services.plan import PlanService
from careerplanner.services.plan_archive import PlanArchiveService
from careerplanner.services.profile import ProfileService
from careerplanner.services.reminders import ReminderService
from careerplanner.services.scenarios import ScenarioService
from careerplanner.services.schedules import ScheduleService
from careerplanner.services.work import WorkService
from careerplanner.storage import Database


class Services:
    def __init__(self, db: Database, catalog: Catalog, today: Today = date.today) -> None:
        self.db = db
        self.catalog = catalog
        self.today = today
        self.bus = ChangeBus()
        self.profile = ProfileService(db, self.bus, today)
        self.education = EducationService(db, self.bus, today)
        self.ce = CeService(db, self.bus, today)
        self.goals = GoalService(db, self.bus, today, catalog)
        self.work = WorkService(db, self.bus, today)
        self.plan = PlanService(db, self.bus, today, catalog)
        self.hours = HoursService(db, self.bus, today, snapshot=self.plan.snapshot)
        self.supervisors = SupervisorService(db, self.bus, today)
        self.employers = EmployerService(db, self.bus, today)
        self.schedules = ScheduleService(db, self.bus, today)
        self.scenarios = ScenarioService(db, self.bus, today, catalog)
        self.backups = BackupService(db, bus=self.bus)
        self.reminders = ReminderService(
            db, catalog, self.plan.snapshot, self.plan.eligibility, today, self.bus
        )
        self.ce_files = CeFileService(CertificateStore(db.data_dir), self.ce)
        self.records = ImportExportService(db, self.bus, today, catalog)
        self.archive = PlanArchiveService(self.records, self.ce_files.store)
