"""The whole plan: a snapshot for computing, eligibility, and the sample data."""

from __future__ import annotations

from datetime import date

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Plan
from careerplanner.domain.results import Eligibility
from careerplanner.domain.validation import (
    validate_ce,
    validate_degree,
    validate_entry,
    validate_exam,
    validate_goal,
    validate_license,
    validate_profile,
)
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import KINDS, Change, ChangeBus
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo


class PlanService(ServiceBase):
    def __init__(self, db: Database, bus: ChangeBus, today: Today, catalog: Catalog) -> None:
        super().__init__(db, bus, today)
        self._catalog = catalog

    def snapshot(self) -> Plan:
        """Everything stored, read in one transaction."""
        with self._db.session() as session:
            return repo.load_plan(session)

    def eligibility(
        self, as_of: date | None = None, weekly_hours: float | None = None
    ) -> Eligibility:
        """Which certifications the plan meets on `as_of` (default today), and when it will."""
        from careerplanner.domain.rules import evaluate

        plan = self.snapshot()
        day = as_of or self._today()
        return evaluate(plan, self._catalog, day, weekly_hours=weekly_hours)

    def is_empty(self) -> bool:
        with self._db.session() as session:
            return repo.is_empty(session)

    def load_demo(self) -> Plan:
        """Fill an empty database with the sample plan, in one transaction."""
        from careerplanner.domain.demo import demo_plan

        plan = self.validate(demo_plan(self._today()))
        with self._db.session() as session:
            if not repo.is_empty(session):
                raise ValidationError(
                    "sample data goes only into an empty database; this one already holds data "
                    "(use another data folder to try the sample)"
                )
            repo.insert_plan(session, plan)
            snapshot = repo.load_plan(session)
        self._bus.publish(Change(KINDS))
        return snapshot

    def validate(self, plan: Plan) -> Plan:
        """Every part of a plan checked and normalised, as each service would."""
        today = self._today()
        return Plan(
            profile=validate_profile(plan.profile),
            degrees=tuple(validate_degree(d) for d in plan.degrees),
            licenses=tuple(validate_license(x) for x in plan.licenses),
            exams=tuple(validate_exam(e, today) for e in plan.exams),
            entries=tuple(validate_entry(e, today) for e in plan.entries),
            ce=tuple(validate_ce(c, today) for c in plan.ce),
            goals=tuple(validate_goal(g, self._catalog.ids) for g in plan.goals),
        )
