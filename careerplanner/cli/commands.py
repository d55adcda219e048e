"""The table of commands: each command's name, its line in `--help`, and the modules filling it.

`careerplanner --help` is printed from this table alone. A command's own options and actions
are registered only when the command line names it: `Commands` imports the command's modules
then and calls their `register(subparsers)`, so `hours add` never imports the code of reports,
timelines or import/export. A module registers every command it serves (each module adds to
the parsers made here, through `context.command` and `context.actions`), so the modules of a
command are listed in the order their actions appear in its help. For a command whose actions
come from several modules, `actions` names the module of each: `hours add ...` registers only
the module of `add`, and `hours --help` (or anything but a known action) all of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

_PLAN, _HOURS, _LOGBOOK, _RECORDS = "plan", "hours", "logbook", "records"


@dataclass(frozen=True)
class Command:
    name: str  # "hours"
    help: str  # its line in `careerplanner --help`
    modules: tuple[str, ...]  # the `careerplanner.cli.<name>_commands` that register it
    actions: Mapping[str, str] = field(default_factory=dict)  # action -> its module


def _actions(**modules: str) -> dict[str, str]:
    """`plan="list remove"` -> {"list": "plan", "remove": "plan"}."""
    return {action: module for module, names in modules.items() for action in names.split()}


_LISTED = "list remove"  # the actions plan_commands (listing.py) gives every kind of record


COMMANDS: tuple[Command, ...] = (
    Command("profile", "your track, state, pace and salary", (_PLAN,)),
    Command("degree", "degrees: add, list, remove", (_PLAN,)),
    Command("license", "licenses: add, list, remove", (_PLAN,)),
    Command("exam", "passed exams: add, list, remove", (_PLAN,)),
    Command("hours", "logged work hours: add, edit, history, list, remove",
            (_PLAN, _HOURS, _RECORDS),
            _actions(plan=_LISTED, hours="add edit history", records="import export")),
    Command("work", "planned work periods: add, list, remove", (_PLAN, "work"),
            _actions(plan=_LISTED, work="add")),
    Command("ce", "continuing education: add, list, remove", (_PLAN, _RECORDS),
            _actions(plan=f"add {_LISTED}", records="import export")),
    Command("supervisor",
            "supervisors (their credential decides supervision): add, edit, list, remove",
            (_PLAN, _LOGBOOK), _actions(plan=_LISTED, logbook="add edit")),
    Command("employer", "employers and placements: add, edit, list, remove", (_PLAN, _LOGBOOK),
            _actions(plan=_LISTED, logbook="add edit")),
    Command("schedule", "regular schedules: add, fill, list, remove", (_PLAN, _LOGBOOK),
            _actions(plan=_LISTED, logbook="add fill")),
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
            assert values is not None
            self.fill(chosen, values[1] if len(values) > 1 else None)
        super().__call__(parser, namespace, values, option_string)

    def fill(self, command: Command, action: str | None = None) -> None:
        """Register the command's options and actions (and those of its modules' others): only
        the module of `action`, when the table names one for it."""
        module = command.actions.get(action or "")
        for name in (module,) if module else command.modules:
            if name not in self.registered:
                self.registered.add(name)
                import_module(f"careerplanner.cli.{name}_commands").register(self)
