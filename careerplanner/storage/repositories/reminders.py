"""Reminders the user dismissed, by key, with the day they dismissed them."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from careerplanner.storage import reader
from careerplanner.storage.models import ReminderDismissalRow


def dismissed_reminders(session: Session) -> dict[str, date]:
    """The dismissals, read inside the session's transaction (through the snapshot reader)."""
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return reader.dismissed_reminders(raw)


def dismiss_reminder(session: Session, key: str, on: date) -> None:
    statement = insert(ReminderDismissalRow).values(key=key, dismissed_on=on)
    session.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"dismissed_on": on})
    )


def undismiss_reminder(session: Session, key: str) -> None:
    session.execute(delete(ReminderDismissalRow).where(ReminderDismissalRow.key == key))
