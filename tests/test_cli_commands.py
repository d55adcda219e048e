"""The command table (cli/commands.py) against the command modules: registering only the
modules the table names for a command (or for one of its actions) gives that command (or
action) exactly the parser it has when every module is registered, options and help."""

from __future__ import annotations

import argparse
from importlib import import_module

import pytest

from careerplanner.cli import build_parser
from careerplanner.cli.commands import COMMANDS, Command, Commands

MODULES = sorted({module for command in COMMANDS for module in command.modules})


def _commands(parser: argparse.ArgumentParser) -> Commands:
    return next(a for a in parser._actions if isinstance(a, Commands))


def _helps(parser: argparse.ArgumentParser, path: str) -> dict[str, str]:
    """The help of `parser` and of every parser below it, by command path."""
    found = {path: parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= _helps(sub, f"{path} {name}")
    return found


def _command_helps(commands: Commands, command: Command) -> dict[str, str]:
    return _helps(commands.choices[command.name], command.name)


@pytest.fixture(scope="module")
def every_module() -> Commands:
    commands = _commands(build_parser())
    for command in COMMANDS:
        commands.fill(command)
    return commands


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_a_command_alone_parses_as_with_every_module(
    command: Command, every_module: Commands
) -> None:
    alone = _commands(build_parser())
    alone.fill(command)
    assert alone.registered == set(command.modules)
    assert _command_helps(alone, command) == _command_helps(every_module, command)


SPLIT = [c for c in COMMANDS if c.actions]


@pytest.mark.parametrize("command", SPLIT, ids=lambda c: c.name)
def test_an_action_alone_parses_as_with_every_module(
    command: Command, every_module: Commands
) -> None:
    full = _command_helps(every_module, command)
    assert {path.split()[1] for path in full if " " in path} == set(command.actions)
    assert list(dict.fromkeys(command.actions.values())) == list(command.modules)
    for action, module in command.actions.items():
        alone = _commands(build_parser())
        alone.fill(command, action)
        assert alone.registered == {module}
        helps = _command_helps(alone, command)
        path = f"{command.name} {action}"
        assert helps[path] == full[path]


def test_every_command_gets_a_handler_or_actions(every_module: Commands) -> None:
    for command in COMMANDS:
        helps = _command_helps(every_module, command)
        parser = every_module.choices[command.name]
        assert len(helps) > 1 or parser.get_default("handler") is not None, command.name


def test_the_top_level_help_lists_the_table_and_registers_nothing() -> None:
    parser = build_parser()
    shown = " ".join(parser.format_help().split())  # however wide the terminal
    assert _commands(parser).registered == set()
    for command in COMMANDS:
        assert f" {command.name} {command.help} " in shown
    assert [c.name for c in COMMANDS] == list(_commands(parser).choices)


def test_each_module_is_named_once_per_command_and_has_a_register() -> None:
    named = "hours logbook plan records report status timeline work"
    assert named.split() == MODULES
    for command in COMMANDS:
        assert len(set(command.modules)) == len(command.modules), command.name
    for module in MODULES:
        assert callable(import_module(f"careerplanner.cli.{module}_commands").register)


def test_a_chosen_command_registers_only_its_modules() -> None:
    parser = build_parser()
    args = parser.parse_args(["hours", "add", "--date", "2026-01-05", "--hours", "2"])
    assert _commands(parser).registered == {"hours"}
    assert (args.command, args.action, args.date, args.hours) == ("hours", "add", "2026-01-05", "2")
