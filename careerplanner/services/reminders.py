"""Reminders the user has not dismissed, and storing a dismissal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Plan
from careerplanner.domain.results import Eligibility
from careerplanner.services.bus import Change, ChangeBus, ChangeKind
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from careerplanner.domain.reminders import Reminder


class ReminderService:
    """What is due within 90 days, minus what the user dismissed."""

    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        snapshot: Callable[[], Plan],
        eligibility: Callable[[], Eligibility],
        today: Callable[[], date] = date.today,
        bus: ChangeBus | None = None,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.snapshot = snapshot
        self.eligibility = eligibility
        self.today = today
        self.bus = bus

    def all(self) -> tuple[Reminder, ...]:
        """Every due reminder, dismissed or not, soonest first."""
        from careerplanner.domain.reminders import due_reminders  # numpy: not for writes

        return due_reminders(self.snapshot(), self.catalog, self.today(), self.eligibility())

    def list(self) -> tuple[Reminder, ...]:
        """The due reminders the user has not dismissed, soonest first."""
        with self.db.snapshot_connection() as connection:
            dismissed = reader.dismissed_reminders(connection)
        return tuple(r for r in self.all() if r.key not in dismissed)

    def dismiss(self, key: str) -> None:
        """Hide a reminder for good (a new date for the same thing reminds again)."""
        key = key.strip()
        if not key or len(key) > 200:
            raise ValidationError("a reminder key is needed (see: careerplanner reminders)", "KEY")
        with self.db.session() as session:
            repo.dismiss_reminder(session, key, self.today())
        self._changed()

    def undismiss(self, key: str) -> None:
        with self.db.session() as session:
            repo.undismiss_reminder(session, key)
        self._changed()

    def _changed(self) -> None:
        if self.bus is not None:
            self.bus.publish(Change.of(ChangeKind.REMINDERS))
