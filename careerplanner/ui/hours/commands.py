"""Undoable changes to the hours log: add, edit, duplicate, delete and verify, through services.

Each command does its work once before it is pushed (so a refused change never reaches the
undo stack and the caller can show the reason); later redo/undo repeat it. Undo of a delete
and redo of an add re-insert the same entries with the same ids, so older commands that refer
to those ids keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.ui.common.widgets import plural as _plural

if TYPE_CHECKING:
    from careerplanner.services import Services

ErrorReporter = Callable[[str], None]


class ServiceCommand(QUndoCommand):
    """A command whose first redo already happened in `run()`."""

    def __init__(
        self, services: Services, text: str, on_error: ErrorReporter | None = None
    ) -> None:
        super().__init__(text)
        self.services = services
        self._on_error = on_error
        self._skip_redo = False
        self.guard: Callable[[], AbstractContextManager[None]] = nullcontext

    def run(self, stack: QUndoStack) -> None:
        """Do it now (raises ValidationError when refused), then push it for undo."""
        self.apply()
        self._skip_redo = True
        stack.push(self)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            with self.guard():
                action()
        except ValidationError as error:  # the data moved on since: this step can't be repeated
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(f"Couldn't {self.text().lower()}: {error.message}")

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddEntriesCommand(ServiceCommand):
    """Add new entries (quick-add, the dialog, or duplicates)."""

    def __init__(
        self,
        services: Services,
        entries: Sequence[WorkEntry],
        text: str = "",
        on_error: ErrorReporter | None = None,
    ) -> None:
        super().__init__(services, text or f"Add {_plural(len(entries), 'entry')}", on_error)
        self._new = tuple(entries)
        self.added: tuple[WorkEntry, ...] = ()

    def apply(self) -> None:
        if self.added:
            self.services.hours.restore(self.added)
        elif len(self._new) == 1:
            self.added = (self.services.hours.add(self._new[0]),)
        else:
            self.added = tuple(self.services.hours.add_many(self._new))

    def revert(self) -> None:
        self.services.hours.remove_many([e.id for e in self.added])


class DuplicateEntriesCommand(AddEntriesCommand):
    """Copies of entries, unverified, on the same days."""

    def __init__(
        self,
        services: Services,
        entries: Sequence[WorkEntry],
        on_error: ErrorReporter | None = None,
    ) -> None:
        copies = [
            replace(e, id=0, verified_by="", verified_credential="", verified_on=None)
            for e in entries
        ]
        super().__init__(services, copies, f"Duplicate {_plural(len(copies), 'entry')}", on_error)


class EditEntryCommand(ServiceCommand):
    """Change one entry (from the dialog or an inline edit)."""

    def __init__(
        self, services: Services, new: WorkEntry, on_error: ErrorReporter | None = None
    ) -> None:
        super().__init__(services, f"Edit the entry of {new.start.isoformat()}", on_error)
        self._new = new
        self._old: WorkEntry | None = None
        self.saved: WorkEntry | None = None

    def apply(self) -> None:
        if self._old is None:
            self._old = self.services.hours.get(self._new.id)
        self.saved = self.services.hours.update(self._new)

    def revert(self) -> None:
        assert self._old is not None
        self.services.hours.update(self._old)


class DeleteEntriesCommand(ServiceCommand):
    """Delete entries; undo restores them with the same ids."""

    def __init__(
        self, services: Services, ids: Sequence[int], on_error: ErrorReporter | None = None
    ) -> None:
        super().__init__(services, f"Delete {_plural(len(ids), 'entry')}", on_error)
        self._ids = tuple(ids)
        self._removed: tuple[WorkEntry, ...] = ()

    def apply(self) -> None:
        self._removed = tuple(self.services.hours.remove_many(self._ids))

    def revert(self) -> None:
        self.services.hours.restore(self._removed)


UNDO_VERIFY_REASON = "verification undone right after it was recorded"


class VerifyEntriesCommand(ServiceCommand):
    """Mark entries verified by a supervisor; undo unlocks them again (and that is recorded)."""

    def __init__(
        self,
        services: Services,
        ids: Sequence[int],
        by: str,
        credential: str,
        on: date,
        on_error: ErrorReporter | None = None,
    ) -> None:
        super().__init__(services, f"Verify {_plural(len(ids), 'entry')}", on_error)
        self._ids = tuple(ids)
        self._by, self._credential, self._on = by, credential, on

    def apply(self) -> None:
        self.services.hours.verify(self._ids, self._by, self._credential, self._on)

    def revert(self) -> None:
        for entry_id in self._ids:
            self.services.hours.unlock(entry_id, UNDO_VERIFY_REASON)
