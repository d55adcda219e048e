"""Repositories: functions taking a Session and returning domain objects (never rows).

The submodules, and SQLAlchemy with them, load on first use of a name: importing the services
costs nothing until one of them writes (reading the snapshot goes through `storage.reader`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerplanner.storage.repositories.bulk import insert_many
    from careerplanner.storage.repositories.entries import (
        EntryEvent,
        entry_events,
        record_events,
        spans_between,
    )
    from careerplanner.storage.repositories.logbook import (
        ce_between,
        count_naming,
        entries_naming,
        entries_touching,
        forget_schedule_days,
        link_employers,
        record_imported,
        record_schedule_days,
        schedule_day_rows,
        schedule_days,
        timed_between,
    )
    from careerplanner.storage.repositories.plan import clear_plan, insert_plan, is_empty, load_plan
    from careerplanner.storage.repositories.profile import get_profile, save_profile
    from careerplanner.storage.repositories.records import (
        CE,
        DEGREES,
        EMPLOYERS,
        ENTRIES,
        EXAMS,
        GOALS,
        LICENSES,
        SCHEDULES,
        SUPERVISORS,
        WORK_PERIODS,
        Kind,
        add,
        add_many,
        delete_ids,
        get,
        get_many,
        kind_of,
        list_all,
        update_one,
    )
    from careerplanner.storage.repositories.reminders import (
        dismiss_reminder,
        dismissed_reminders,
        undismiss_reminder,
    )

_HOMES = {
    "EntryEvent": "entries",
    "entry_events": "entries",
    "record_events": "entries",
    "spans_between": "entries",
    "ce_between": "logbook",
    "count_naming": "logbook",
    "entries_naming": "logbook",
    "entries_touching": "logbook",
    "forget_schedule_days": "logbook",
    "link_employers": "logbook",
    "record_imported": "logbook",
    "record_schedule_days": "logbook",
    "schedule_day_rows": "logbook",
    "schedule_days": "logbook",
    "timed_between": "logbook",
    "clear_plan": "plan",
    "insert_plan": "plan",
    "is_empty": "plan",
    "load_plan": "plan",
    "get_profile": "profile",
    "save_profile": "profile",
    "CE": "records",
    "DEGREES": "records",
    "EMPLOYERS": "records",
    "ENTRIES": "records",
    "EXAMS": "records",
    "GOALS": "records",
    "LICENSES": "records",
    "SCHEDULES": "records",
    "SUPERVISORS": "records",
    "WORK_PERIODS": "records",
    "Kind": "records",
    "add": "records",
    "add_many": "records",
    "delete_ids": "records",
    "get": "records",
    "get_many": "records",
    "kind_of": "records",
    "list_all": "records",
    "update_one": "records",
    "dismiss_reminder": "reminders",
    "dismissed_reminders": "reminders",
    "undismiss_reminder": "reminders",
    "insert_many": "bulk",
}

__all__ = [
    "CE",
    "DEGREES",
    "EMPLOYERS",
    "ENTRIES",
    "EXAMS",
    "GOALS",
    "LICENSES",
    "SCHEDULES",
    "SUPERVISORS",
    "WORK_PERIODS",
    "EntryEvent",
    "Kind",
    "add",
    "add_many",
    "ce_between",
    "clear_plan",
    "count_naming",
    "delete_ids",
    "dismiss_reminder",
    "dismissed_reminders",
    "entries_naming",
    "entries_touching",
    "entry_events",
    "forget_schedule_days",
    "get",
    "get_many",
    "get_profile",
    "insert_many",
    "insert_plan",
    "is_empty",
    "kind_of",
    "link_employers",
    "list_all",
    "load_plan",
    "record_events",
    "record_imported",
    "record_schedule_days",
    "save_profile",
    "schedule_day_rows",
    "schedule_days",
    "spans_between",
    "timed_between",
    "undismiss_reminder",
    "update_one",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
