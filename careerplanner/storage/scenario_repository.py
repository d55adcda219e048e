"""Scenario rows <-> `Scenario`: the named what-ifs and the projection saved with each."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerplanner.domain.planned_work import period_to_dict
from careerplanner.domain.scenarios import Scenario
from careerplanner.storage import reader
from careerplanner.storage.models import ScenarioRow


def _fill(row: ScenarioRow, scenario: Scenario) -> None:
    row.name = scenario.name
    row.weekly_hours = scenario.weekly_hours
    row.ce_hours_per_year = scenario.ce_hours_per_year
    row.state = scenario.state
    row.raise_percent = scenario.raise_percent
    row.degree_dates = json.dumps(
        {str(k): v.isoformat() for k, v in sorted(scenario.degree_dates.items())}
    )
    assert scenario.saved_at is not None, "a scenario is stored with the time it was saved"
    row.saved_at = scenario.saved_at
    periods = scenario.work_periods
    row.work_periods = None if periods is None else json.dumps([period_to_dict(p) for p in periods])
    saved = scenario.saved_projection
    row.saved_projection = json.dumps(saved.to_dict()) if saved else None


def list_scenarios(session: Session) -> tuple[Scenario, ...]:
    rows = session.execute(select(ScenarioRow).order_by(func.lower(ScenarioRow.name)))
    return tuple(reader.scenario_from_row(row) for row in rows.scalars())


def find_scenario(session: Session, name: str) -> Scenario | None:
    """The scenario of that name, ignoring case and surrounding spaces."""
    row = _row_named(session, name)
    return reader.scenario_from_row(row) if row else None


def _row_named(session: Session, name: str) -> ScenarioRow | None:
    statement = select(ScenarioRow).where(func.lower(ScenarioRow.name) == name.strip().lower())
    return session.execute(statement).scalar_one_or_none()


def get_scenario(session: Session, scenario_id: int) -> Scenario | None:
    row = session.get(ScenarioRow, scenario_id)
    return reader.scenario_from_row(row) if row else None


def add_scenario(session: Session, scenario: Scenario) -> Scenario:
    row = ScenarioRow()
    _fill(row, scenario)
    session.add(row)
    session.flush()
    return reader.scenario_from_row(row)


def update_scenario(session: Session, scenario: Scenario) -> Scenario | None:
    """Overwrite the stored scenario with the same id; None when there is none."""
    row = session.get(ScenarioRow, scenario.id)
    if row is None:
        return None
    _fill(row, scenario)
    session.flush()
    return reader.scenario_from_row(row)


def delete_scenario(session: Session, scenario_id: int) -> Scenario | None:
    row = session.get(ScenarioRow, scenario_id)
    if row is None:
        return None
    removed = reader.scenario_from_row(row)
    session.delete(row)
    session.flush()
    return removed
