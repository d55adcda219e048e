"""The table of commands: each command's name, its line in `--help`, and the modules filling it.

`careerplanner --help` is printed from this table alone. A command's own options and actions
are registered only when the command line names it: `Commands` imports the command's modules
then and calls their `register(subparsers)`, so `hours add` never imports the code of reports,
timelines or import/export. A module registers every command it serves (each module adds to
the parsers made here, through `context.command` and `context.actions`), so the modules of a
command are listed in the order their actions appear in its help.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

_PLAN, _HOURS, _LOGBOOK, _RECORDS = "plan", "hours", "logbook", "records"


@dataclass(frozen=True)
class Command:
    name: str  # "hours"
    help: str  # its line in `careerplanner --help`
    modules: tuple[str, ...]  # the `careerplanner.cli.<name>_commands` that register it


COMMANDS: tuple[Command, ...] = (
    Command("profile", "your track, state, pace and salary", (_PLAN,)),
    Command("degree", "degrees: add, list, remove", (_PLAN,)),
    Command("license", "licenses: add, list, remove", (_PLAN,)),
    Command("exam", "passed exams: add, list, remove", (_PLAN,)),
    Command("hours", "logged work hours: add, edit, history, list, remove",
            (_PLAN, _HOURS, _RECORDS)),
    Command("work", "planned work periods: add, list, remove", (_PLAN, "work")),
    Command("ce", "continuing education: add, list, remove", (_PLAN, _RECORDS)),
    Command("supervisor",
            "supervisors (their credential decides supervision): add, edit, list, remove",
            (_PLAN, _LOGBOOK)),
    Command("employer", "employers and placements: add, list, remove", (_PLAN, _LOGBOOK)),
    Command("schedule", "regular schedules: add, fill, list, remove", (_PLAN, _LOGBOOK)),
    Command("goal", "certification goals: add, list, remove", (_PLAN,)),
    Command("export", "write the whole plan to a JSON file or an archive", (_RECORDS,)),
    Command("import", "load a plan into an empty data folder", (_RECORDS,)),
    Command("catalog", "the six certifications and their rules", ("status",)),
    Command("eligibility", "which certifications you meet, and when", ("status",)),
    Command("demo", "fill an empty data folder with a sample plan", ("status",)),
    Command("check", "integrity check of the database", ("status",)),
    Command("timeline", "milestones, hours and salary over the years", ("timeline",)),
    Command("scenario", "named what-ifs: add, list, compare…", ("timeline",)),
    Command("report", "PDF reports: hours verification, CE transcript", ("report",)),
    Command("backup", "back up the database now", ("report",)),
    Command("backups", "list backups with their dates and entry counts", ("report",)),
    Command("restore", "replace your data with a backup's", ("report",)),
    Command("reminders", "what is due within 90 days", ("report",)),
)  # fmt: skip

BY_NAME = {command.name: command for command in COMMANDS}


class Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The COMMAND subparsers: one empty parser per command of the table, filled by the
    command's modules when argparse hands it the rest of the command line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registered: set[str] = set()
        for command in COMMANDS:
            self.add_parser(command.name, help=command.help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        chosen = BY_NAME.get(values[0]) if values else None
        if chosen is not None:
            self.fill(chosen)
        super().__call__(parser, namespace, values, option_string)

    def fill(self, command: Command) -> None:
        """Register the command's options and actions (and those of its modules' others)."""
        for module in command.modules:
            if module not in self.registered:
                self.registered.add(module)
                import_module(f"careerplanner.cli.{module}_commands").register(self)
