"""Scenarios: create, copy, rename, delete and compare named what-ifs, and their timelines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.model import Plan
from careerplanner.domain.scenarios import (
    ActualVsPlan,
    ComparisonRow,
    SavedProjection,
    Scenario,
    actual_vs_plan,
    apply_scenario,
    compare,
    validate_scenario,
)
from careerplanner.domain.timeline import TimelineData, build_timeline
from careerplanner.domain.values import name_key
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database, reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COMPARE_YEARS = 10
BASELINE = "Plan as is"


@dataclass(frozen=True, slots=True)
class ScenarioComparison:
    """Two timelines side by side and the table of their differences (B − A)."""

    a_name: str
    b_name: str
    a: TimelineData
    b: TimelineData
    rows: tuple[ComparisonRow, ...]


class ScenarioService(ServiceBase):
    """Projects from `snapshot`, the plan service's cached read, so the Timeline and the
    comparisons never read the whole plan again."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        today: Today,
        catalog: Catalog,
        snapshot: Callable[[], Plan],
        cache: SnapshotCache | None = None,
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._catalog = catalog
        self._snapshot = snapshot

    # --- reading --------------------------------------------------------------------------

    def list(self) -> tuple[Scenario, ...]:
        with self._db.snapshot_connection() as connection:
            return reader.list_scenarios(connection)

    def get(self, name: str) -> Scenario:
        wanted = name_key(name)
        for scenario in self.list():
            if name_key(scenario.name) == wanted:
                return scenario
        raise NotFoundError(f"no scenario named '{name.strip()}'", "scenario")

    def timeline(
        self,
        scenario: str | None = None,
        *,
        as_of: date | None = None,
        years: int = 10,
        cert_id: str | None = None,
    ) -> TimelineData:
        """The timeline of the plan as is, or as the named scenario imagines it."""
        plan = self._snapshot()
        if scenario is not None:
            plan = apply_scenario(plan, self.get(scenario))
        return build_timeline(
            plan, self._catalog, as_of or self._today(), years=years, cert_id=cert_id
        )

    def compare(
        self, a: str | None, b: str | None, *, as_of: date | None = None
    ) -> ScenarioComparison:
        """Scenario A against B (None: the plan as is), 10 years ahead."""
        day = as_of or self._today()
        plan = self._snapshot()
        with self._db.session() as session:
            first, second = _optional(session, a), _optional(session, b)
        data_a, data_b = (
            build_timeline(
                apply_scenario(plan, s) if s else plan, self._catalog, day, years=COMPARE_YEARS
            )
            for s in (first, second)
        )
        return ScenarioComparison(
            _shown(first), _shown(second), data_a, data_b, compare(data_a, data_b)
        )

    def actual_vs_plan(self, name: str, *, as_of: date | None = None) -> ActualVsPlan | None:
        """Countable hours logged since the scenario was saved against its saved projection."""
        scenario = self.get(name)
        plan = self._snapshot()
        if scenario.saved_projection is None:
            return None
        return actual_vs_plan(
            plan, self._catalog, scenario.saved_projection, as_of or self._today()
        )

    # --- writing: one transaction each, then Change({"scenarios"}) ------------------------

    def create(self, scenario: Scenario) -> Scenario:
        from careerplanner.storage import scenario_repository as repo

        token = self._token()
        with self._db.session() as session:
            saved = self._saved(session, scenario, exclude_id=None)
            created = repo.add_scenario(session, saved)
        self._publish(ChangeKind.SCENARIOS, token=token)
        return created

    def update(self, scenario: Scenario) -> Scenario:
        """Store new values for the scenario with this id, saving its projection again."""
        from careerplanner.storage import scenario_repository as repo

        token = self._token()
        with self._db.session() as session:
            if repo.get_scenario(session, scenario.id) is None:
                raise NotFoundError(f"no scenario has id {scenario.id}", "scenario")
            saved = self._saved(session, scenario, exclude_id=scenario.id)
            updated = repo.update_scenario(session, saved)
        assert updated is not None
        self._publish(ChangeKind.SCENARIOS, token=token)
        return updated

    def copy(self, name: str, new_name: str) -> Scenario:
        """A new scenario with the same values, saved (and projected) now."""
        from careerplanner.storage import scenario_repository as repo

        token = self._token()
        with self._db.session() as session:
            original = _named(session, name)
            fresh = replace(original, name=new_name, id=0, saved_projection=None)
            created = repo.add_scenario(session, self._saved(session, fresh, exclude_id=None))
        self._publish(ChangeKind.SCENARIOS, token=token)
        return created

    def rename(self, name: str, new_name: str) -> Scenario:
        """The same scenario under a new name; its saved projection is kept."""
        from careerplanner.storage import scenario_repository as repo

        token = self._token()
        with self._db.session() as session:
            scenario = _named(session, name)
            renamed = validate_scenario(
                replace(scenario, name=new_name), set(scenario.degree_dates)
            )
            _check_free(session, renamed.name, scenario.id)
            updated = repo.update_scenario(session, renamed)
        assert updated is not None
        self._publish(ChangeKind.SCENARIOS, token=token)
        return updated

    def delete(self, name: str) -> Scenario:
        from careerplanner.storage import scenario_repository as repo

        token = self._token()
        with self._db.session() as session:
            scenario = _named(session, name)
            repo.delete_scenario(session, scenario.id)
        self._publish(ChangeKind.SCENARIOS, token=token)
        return scenario

    def _saved(self, session: Session, scenario: Scenario, exclude_id: int | None) -> Scenario:
        """The scenario validated, with the time and the projection of this save."""
        plan = self._snapshot()
        checked = validate_scenario(scenario, {d.id for d in plan.degrees})
        _check_free(session, checked.name, exclude_id)
        today = self._today()
        data = build_timeline(
            apply_scenario(plan, checked), self._catalog, today, years=COMPARE_YEARS
        )
        moment = datetime.combine(today, datetime.now().time().replace(microsecond=0))
        return replace(checked, saved_at=moment, saved_projection=SavedProjection.of(data))


def _named(session: Session, name: str) -> Scenario:
    from careerplanner.storage import scenario_repository as repo

    scenario = repo.find_scenario(session, name)
    if scenario is None:
        raise NotFoundError(f"no scenario named '{name.strip()}'", "scenario")
    return scenario


def _optional(session: Session, name: str | None) -> Scenario | None:
    return None if name is None else _named(session, name)


def _shown(scenario: Scenario | None) -> str:
    return BASELINE if scenario is None else scenario.name


def _check_free(session: Session, name: str, exclude_id: int | None) -> None:
    from careerplanner.storage import scenario_repository as repo

    other = repo.find_scenario(session, name)
    if other is not None and other.id != exclude_id:
        raise ValidationError(f"there is already a scenario named '{other.name}'", "name")
