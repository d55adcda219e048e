"""Reminders the user dismissed, by key, with the day they dismissed them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from careerplanner.storage.models import ReminderDismissalRow


def dismissed_reminders(session: Session) -> dict[str, date]:
    table = ReminderDismissalRow.__table__.c
    return {key: on for key, on in session.execute(select(table.key, table.dismissed_on))}


def dismiss_reminder(session: Session, key: str, on: date) -> None:
    statement = insert(ReminderDismissalRow).values(key=key, dismissed_on=on)
    session.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"dismissed_on": on})
    )


def undismiss_reminder(session: Session, key: str) -> None:
    session.execute(delete(ReminderDismissalRow).where(ReminderDismissalRow.key == key))
