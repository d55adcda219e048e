"""The whole plan as one JSON document, with ids and a format version, and back.

Writing is deterministic (no timestamps of the export itself), so exporting, importing into an
empty data folder and exporting again gives the same text. The format is `json_format`;
reading, with its checks, is `json_read`.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, time
from enum import Enum
from typing import Any

from careerplanner.domain.scenarios import Scenario
from careerplanner.io.json_format import FORMAT, RECORDS, VERSION, PlanFile
from careerplanner.io.json_read import loads

__all__ = ["FORMAT", "RECORDS", "VERSION", "PlanFile", "dumps", "loads", "to_document"]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):  # datetime too
        return value.isoformat()
    return value


def _record(record: Any) -> dict[str, Any]:
    data = {f.name: _plain(getattr(record, f.name)) for f in fields(record)}
    return {"id": data.pop("id"), **data} if "id" in data else data


def _scenario(s: Scenario) -> dict[str, Any]:
    data = _record(s)
    data["degree_dates"] = {str(k): v.isoformat() for k, v in sorted(s.degree_dates.items())}
    data["saved_projection"] = s.saved_projection.to_dict() if s.saved_projection else None
    periods = s.work_periods
    data["work_periods"] = None if periods is None else [_record(p) for p in periods]
    return data


def to_document(plan: PlanFile) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    doc["profile"] = _record(plan.profile) if plan.profile else None
    for name, _ in RECORDS:
        doc[name] = [_record(r) for r in getattr(plan, name)]
    doc["scenarios"] = [_scenario(s) for s in plan.scenarios]
    doc["entry_events"] = [
        {
            "entry_id": e[0],
            "at": e[1].isoformat(),
            "action": e[2],
            "detail": e[3],
            "fields": e[4],
            "source": e[5],
        }
        for e in plan.events
    ]
    doc["schedule_days"] = [
        {"schedule_id": s, "day": d.isoformat(), "outcome": o, "entry_id": e}
        for s, d, o, e in plan.schedule_days
    ]
    doc["dismissed_reminders"] = {k: v.isoformat() for k, v in sorted(plan.dismissals.items())}
    return doc


def dumps(plan: PlanFile) -> str:
    return json.dumps(to_document(plan), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
