"""Scenario rows <-> `Scenario`: the named what-ifs and the projection saved with each."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from careerplanner.domain.planned_work import period_to_dict
from careerplanner.domain.scenarios import Scenario
from careerplanner.domain.values import name_key
from careerplanner.storage import reader
from careerplanner.storage.models import ScenarioRow


def _values(scenario: Scenario) -> dict[str, Any]:
    """The row's column values for a scenario (its id left out)."""
    periods = scenario.work_periods
    saved = scenario.saved_projection
    return {
        "name": scenario.name,
        "weekly_hours": scenario.weekly_hours,
        "ce_hours_per_year": scenario.ce_hours_per_year,
        "state": scenario.state,
        "raise_percent": scenario.raise_percent,
        "degree_dates": json.dumps(
            {str(k): v.isoformat() for k, v in sorted(scenario.degree_dates.items())}
        ),
        "saved_at": scenario.saved_at,
        "work_periods": None
        if periods is None
        else json.dumps([period_to_dict(p) for p in periods]),
        "saved_projection": json.dumps(saved.to_dict()) if saved else None,
    }


def _fill(row: ScenarioRow, scenario: Scenario) -> None:
    assert scenario.saved_at is not None, "a scenario is stored with the time it was saved"
    for name, value in _values(scenario).items():
        setattr(row, name, value)


def add_scenarios_keeping_ids(session: Session, scenarios: Sequence[Scenario]) -> None:
    """Insert scenarios under their own ids (a plan file's), in the caller's transaction."""
    if scenarios:
        rows = [{"id": s.id, **_values(s)} for s in scenarios]
        session.execute(insert(ScenarioRow), rows)


def list_scenarios(session: Session) -> tuple[Scenario, ...]:
    """Every scenario, by name (`reader.by_name`)."""
    rows = session.execute(select(ScenarioRow)).scalars()
    return reader.by_name(reader.scenario_from_row(row) for row in rows)


def find_scenario(session: Session, name: str) -> Scenario | None:
    """The scenario of that name, ignoring case and surrounding spaces."""
    row = _row_named(session, name)
    return reader.scenario_from_row(row) if row else None


def _row_named(session: Session, name: str) -> ScenarioRow | None:
    """Compared in Python: SQLite's lower() folds only ASCII letters."""
    wanted = name_key(name)
    rows = session.execute(select(ScenarioRow)).scalars()
    return next((row for row in rows if name_key(row.name) == wanted), None)


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
