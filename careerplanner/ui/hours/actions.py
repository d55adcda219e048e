"""What the Hours page's buttons, keys and bars do: each change goes through an undo command."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.domain.validation import fmt_number
from careerplanner.ui.common import deleting
from careerplanner.ui.common.widgets import format_hours, plural
from careerplanner.ui.hours.commands import (
    AddEntriesCommand,
    DeleteEntriesCommand,
    DuplicateEntriesCommand,
    EditEntryCommand,
    ServiceCommand,
    VerifyEntriesCommand,
)
from careerplanner.ui.hours.entry_dialog import EntryDialog, blank_entry
from careerplanner.ui.hours.lock_dialogs import UnlockDialog, VerifyDialog
from careerplanner.ui.hours.logbook_actions import employer_names

if TYPE_CHECKING:
    from careerplanner.services import Services
    from careerplanner.ui.hours.page import HoursPage


def locked_message(entry: WorkEntry) -> str:
    on = entry.verified_on.isoformat() if entry.verified_on else ""
    return (
        f"The entry of {format_hours(entry.hours)} h on {entry.start.isoformat()} was verified by "
        f"{entry.verified_by} on {on} "
        "and is locked. Choose Unlock… to change it (the reason is recorded)."
    )


class HoursActions:
    """The page's commands; dialogs are kept on `self.dialog` so tests can drive them."""

    def __init__(self, page: HoursPage) -> None:
        self.page = page
        self.dialog: EntryDialog | VerifyDialog | UnlockDialog | None = None
        self.confirm: Callable[[str, str], bool] = lambda q, c: deleting.ask(page, q, c)

    # --- running commands -----------------------------------------------------------------

    def run(self, command: ServiceCommand) -> None:
        """Do the command (raises ValidationError when refused) and refresh the page once."""
        command.guard = self.refreshing
        with self.refreshing():
            command.run(self.page.undo_stack)

    @contextmanager
    def refreshing(self) -> Iterator[None]:
        """Write on the page's behalf, then refresh it: the changes carry the page as their
        origin, so the main window leaves this page to refresh itself."""
        try:
            with self.page.services.bus.acting_for(self.page):
                yield
        finally:
            self.page.refresh()

    def _report(self, message: str) -> None:
        self.page.show_error(message)

    @property
    def services(self) -> Services:
        return self.page.services

    # --- quick add, dialogs, inline edit ----------------------------------------------------

    def quick_add(self, entry: WorkEntry) -> None:
        try:
            command = AddEntriesCommand(self.services, [entry], on_error=self._report)
            self.run(command)
        except ValidationError as error:
            self.page.quick_add.show_error(error)
            return
        self.page.quick_add.saved()
        self.page.select_ids({e.id for e in command.added})
        self.page.show_status(f"Logged {fmt_number(entry.hours)} h on {entry.start.isoformat()}")

    def new_clicked(self) -> None:
        columns = self.page.model.columns()
        entries = self.page.model.entries()
        last = entries[int(columns.ids.argmax())] if entries else None
        self._open_entry_dialog(blank_entry(self.page.today(), last))

    def edit_clicked(self) -> None:
        self.edit_selected()

    def edit_selected(self) -> None:
        entry = self.page.current_entry()
        if entry is None:
            return
        if entry.verified:
            self.page.show_error(locked_message(entry))
            return
        self._open_entry_dialog(entry)

    def _open_entry_dialog(self, entry: WorkEntry) -> None:
        employers = employer_names(self.page.services, self.page.model.columns().employers)
        supervisors = self.page.services.supervisors.list()
        dialog = EntryDialog(entry, self._save_from_dialog, employers, self.page, supervisors)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _save_from_dialog(self, entry: WorkEntry) -> None:
        if entry.id == 0:
            command: ServiceCommand = AddEntriesCommand(
                self.services, [entry], on_error=self._report
            )
            self.run(command)
            assert isinstance(command, AddEntriesCommand)
            self.page.select_ids({e.id for e in command.added})
        else:
            self.run(EditEntryCommand(self.services, entry, on_error=self._report))
            self.page.select_ids({entry.id})
        self.page.show_status("Entry saved")

    def inline_edit(self, old: WorkEntry, new: WorkEntry) -> bool:
        """The table's setData: store the change, or show why it was refused."""
        try:
            self.run(EditEntryCommand(self.services, new, on_error=self._report))
        except ValidationError as error:
            self.page.show_error(locked_message(old) if old.verified else error.message)
            return False
        self.page.select_ids({new.id})
        self.page.show_status("Entry saved")
        return True

    def double_clicked(self, index: QModelIndex) -> None:
        entry = self.page.current_entry()
        if entry is not None and entry.verified:
            self.page.show_error(locked_message(entry))

    # --- duplicate, delete --------------------------------------------------------------

    def duplicate_clicked(self) -> None:
        self.duplicate_selected()

    def duplicate_selected(self) -> None:
        entries = self.page.selected_entries()
        if not entries:
            return
        command = DuplicateEntriesCommand(self.services, entries, on_error=self._report)
        try:
            self.run(command)
        except ValidationError as error:
            self.page.show_error(f"Couldn't duplicate: {error.message}")
            return
        self.page.select_ids({e.id for e in command.added})
        self.page.show_status(f"{command.text()} — the copies are selected")

    def delete_clicked(self) -> None:
        self.delete_selected()

    def delete_selected(self) -> None:
        """Delete the selection after asking (the Delete key and button); locked rows stay."""
        entries = self.page.selected_entries()
        if not entries:
            return
        locked = [e for e in entries if e.verified]
        if locked:
            self.page.show_error(locked_message(locked[0]))
            return
        hours = sum(e.hours for e in entries)
        back = "it" if len(entries) == 1 else "them"
        question = f"Delete {plural(len(entries), 'entry')} ({format_hours(hours)} h)?"
        if not self.confirm(question, f"Ctrl+Z brings {back} back."):
            return
        command = DeleteEntriesCommand(self.services, [e.id for e in entries], self._report)
        try:
            self.run(command)
        except ValidationError as error:
            self.page.show_error(f"Couldn't delete: {error.message}")
            return
        self.page.show_status(f"{command.text()} — Ctrl+Z brings {back} back")

    # --- verify, unlock -----------------------------------------------------------------

    def verify_clicked(self) -> None:
        entries = [e for e in self.page.selected_entries() if not e.verified]
        if not entries:
            return
        ids = [e.id for e in entries]

        def verify(by: str, credential: str, on: date) -> None:
            self.verify(ids, by, credential, on)

        dialog = VerifyDialog(entries, self.page.today(), verify, self.page)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def verify(self, ids: list[int], by: str, credential: str, on: date) -> None:
        """Mark entries verified (raises ValidationError when refused)."""
        command = VerifyEntriesCommand(self.services, ids, by, credential, on, self._report)
        self.run(command)
        self.page.select_ids(set(ids))
        self.page.show_status(f"{command.text()} by {by} — these entries are now locked")

    def unlock_clicked(self) -> None:
        entry = self.page.current_entry()
        if entry is None or not entry.verified:
            return

        def unlock(reason: str) -> None:
            self.unlock(entry.id, reason)

        dialog = UnlockDialog(entry, unlock, self.page)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def unlock(self, entry_id: int, reason: str) -> None:
        """Remove a sign-off, with its reason recorded by services; this is not undoable."""
        with self.refreshing():
            self.services.hours.unlock(entry_id, reason)
        self.page.select_ids({entry_id})
        self.page.show_status("Entry unlocked; the reason was recorded")
