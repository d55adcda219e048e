"""The whole plan: a snapshot for computing, eligibility, the first-run setup and the sample
data."""

from __future__ import annotations

from datetime import date

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Plan
from careerplanner.domain.results import Eligibility
from careerplanner.domain.validation import (
    check_no_overlap,
    check_one_goal_per_cert,
    validate_ce,
    validate_degree,
    validate_entry,
    validate_exam,
    validate_goal,
    validate_license,
    validate_profile,
    validate_work_period,
)
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import KINDS, Change, ChangeBus
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo


class PlanService(ServiceBase):
    """The snapshot is kept (see `SnapshotCache`) until a change it cannot patch, or another
    process writes the file, so the pages that refresh after one change share one read and
    one evaluation."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        today: Today,
        catalog: Catalog,
        cache: SnapshotCache | None = None,
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._catalog = catalog
        self.cache = cache or SnapshotCache(db, bus)
        self._evaluated: tuple[Plan, date, float | None, Eligibility] | None = None

    def snapshot(self) -> Plan:
        """Everything stored, read in one transaction (or the last read, kept current)."""
        return self.cache.plan()

    def store_entry_columns(self) -> bool:
        """Keep the entries' number columns in the file for a fast next start (when the app is
        idle after a start that read every entry, and when it closes after entries changed);
        nothing happens when the copy is there, or the snapshot is not the file's any more."""
        return self.cache.store_entry_columns()

    def prefetch_entries(self) -> bool:
        """Read the next slice of the entries' records ahead of their first use (the app calls
        it while idle after start-up): True while there is more to read."""
        return self.cache.prefetch.step()

    def eligibility(
        self, as_of: date | None = None, weekly_hours: float | None = None
    ) -> Eligibility:
        """Which certifications the plan meets on `as_of` (default today), and when it will."""
        from careerplanner.domain.rules import evaluate

        plan = self.snapshot()
        day = as_of or self._today()
        cached = self._evaluated
        if cached and cached[0] is plan and cached[1:3] == (day, weekly_hours):
            return cached[3]
        result = evaluate(plan, self._catalog, day, weekly_hours=weekly_hours)
        self._evaluated = (plan, day, weekly_hours, result)
        return result

    def is_empty(self) -> bool:
        return self._db.is_empty()

    def load_demo(self) -> Plan:
        """Fill an empty database with the sample plan, in one transaction."""
        from careerplanner.domain.demo import demo_plan

        return self._store_new(
            demo_plan(self._today()),
            "sample data goes only into an empty database; this one already holds data "
            "(use another data folder to try the sample)",
        )

    def apply_setup(self, plan: Plan) -> Plan:
        """Store the first-run plan (every record with id 0) in one transaction: all of it,
        validated as a whole, or nothing. Refuses a database that already holds records."""
        return self._store_new(
            plan,
            "the first-run setup goes only into an empty database; this one already holds data",
        )

    def _store_new(self, plan: Plan, refusal: str) -> Plan:
        clean = self.validate(plan)
        with self._db.session() as session:
            if not repo.is_empty(session):
                raise ValidationError(refusal)
            repo.insert_plan(session, clean)
            ids = [e.id for e in repo.list_all(session, repo.ENTRIES)]
            if ids:  # free-text employers become records (one per name)
                repo.link_employers(session, range(min(ids), max(ids) + 1))
            snapshot = repo.load_plan(session)
        self._bus.publish(Change(KINDS))
        return snapshot

    def validate(self, plan: Plan) -> Plan:
        """Every part of a plan checked and normalised, as each service would, and as a whole:
        no day over 24 h, no two goals for one certification, no overlapping work periods."""
        today = self._today()
        entries = tuple(validate_entry(e, today) for e in plan.entries)
        validate_day_totals(
            [(e.start, e.last_day, e.hours) for e in entries],
            [(e.start, e.last_day) for e in entries],
        )
        goals = tuple(validate_goal(g, self._catalog.ids) for g in plan.goals)
        check_one_goal_per_cert(goals)
        return Plan(
            profile=validate_profile(plan.profile),
            degrees=tuple(validate_degree(d) for d in plan.degrees),
            licenses=tuple(validate_license(x) for x in plan.licenses),
            exams=tuple(validate_exam(e, today) for e in plan.exams),
            entries=entries,
            ce=tuple(validate_ce(c, today) for c in plan.ce),
            goals=goals,
            work_periods=check_no_overlap(validate_work_period(p) for p in plan.work_periods),
        )
