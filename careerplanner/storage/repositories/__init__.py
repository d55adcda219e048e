"""Repositories: functions taking a Session and returning domain objects (never rows)."""

from careerplanner.storage.repositories.entries import (
    EntryEvent,
    entry_events,
    record_events,
    spans_between,
)
from careerplanner.storage.repositories.plan import insert_plan, is_empty, load_plan
from careerplanner.storage.repositories.profile import get_profile, save_profile
from careerplanner.storage.repositories.records import (
    CE,
    DEGREES,
    ENTRIES,
    EXAMS,
    GOALS,
    LICENSES,
    WORK_PERIODS,
    Kind,
    add,
    add_many,
    delete_ids,
    get,
    get_many,
    list_all,
    update_one,
)
from careerplanner.storage.repositories.reminders import (
    dismiss_reminder,
    dismissed_reminders,
    undismiss_reminder,
)

__all__ = [
    "CE",
    "DEGREES",
    "ENTRIES",
    "EXAMS",
    "GOALS",
    "LICENSES",
    "WORK_PERIODS",
    "EntryEvent",
    "Kind",
    "add",
    "add_many",
    "delete_ids",
    "dismiss_reminder",
    "dismissed_reminders",
    "entry_events",
    "get",
    "get_many",
    "get_profile",
    "insert_plan",
    "is_empty",
    "list_all",
    "load_plan",
    "record_events",
    "save_profile",
    "spans_between",
    "undismiss_reminder",
    "update_one",
]
