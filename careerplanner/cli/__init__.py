"""The `careerplanner` command line: argparse over the services.

`run(argv)` returns the exit code: 0 on success, 2 for bad input (including usage errors),
1 for any other failure. Every error is one line on stderr starting with `error: `, and
nothing is written to the database when a command fails. Control characters in what a
command prints are shown as escapes, never sent raw to the terminal. Without a command the
GUI starts.

Each command module exposes `register(subparsers)`; its subparsers set `handler(args, ctx)`.
`commands.COMMANDS` names every command and the modules that register it: only the modules of
the command given are imported. To add a command or a module, add it to that table.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn, TextIO

from careerplanner import __version__
from careerplanner.bulk import BULK_THRESHOLDS
from careerplanner.cli.commands import Commands
from careerplanner.cli.context import CommandError, Context
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.unsafe_text import printable
from careerplanner.services.errors import UnusableFileError

DEBUG_ENV = "CAREERPLANNER_DEBUG"  # set to show the traceback of an unexpected failure


class UsageError(Exception):
    """The command line itself is wrong (unknown option, missing argument...)."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit code 2, like every bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def build_parser() -> Parser:
    parser = Parser(
        prog="careerplanner",
        description="Plan a career in care case management: hours, eligibility, projections.",
        epilog="Without a command, the window opens.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"careerplanner {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder holding your data (default: $CAREERPLANNER_DATA_DIR, "
        "else the platform's user data folder)",
    )
    window = parser.add_argument_group("window options (without a command)")
    window.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG, exit")
    window.add_argument("--page", metavar="NAME", help="the page to show")
    window.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800")
    parser.add_subparsers(dest="command", metavar="COMMAND", action=Commands)
    return parser


def _fail(message: str, code: int) -> int:
    line = printable(" ".join(str(message).split())) or "failed"
    print(f"error: {line}", file=sys.stderr)
    return code


def _argv_problem(argv: Sequence[str]) -> str | None:
    """Arguments that are not UTF-8 (undecodable bytes arrive as lone surrogates)."""
    for number, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raw = arg.encode("utf-8", "surrogateescape")
            shown = printable(raw.decode("utf-8", "backslashreplace")[:40])
            return f"argument {number} ('{shown}') is not valid UTF-8 text; retype it"
    return None


def _options_problem(args: argparse.Namespace) -> str | None:
    if args.data_dir is not None and not args.data_dir.strip():
        return "--data-dir is empty; name the folder that holds your data"
    return None


def run(argv: Sequence[str]) -> int:
    """Parse `argv` (without the program name), run the command, return the exit code."""
    argv = list(argv)
    problem = _argv_problem(argv)
    if problem is not None:
        return _fail(problem, 2)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        return _fail(str(error), 2)
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else 0
    problem = _options_problem(args)
    if problem is not None:
        return _fail(problem, 2)
    if args.command is None:
        return _gui(argv, parser)
    ctx = Context(args.data_dir)
    try:
        with _escaped_output(), _collecting_less():
            code: int = args.handler(args, ctx)
            sys.stdout.flush()
        return code
    except ValidationError as error:  # includes NotFoundError
        return _fail(error.message, 2)
    except UnusableFileError as error:  # --data-dir at a foreign or damaged file
        return _fail(error.message, 2)
    except CommandError as error:
        return _fail(error.message, error.code)
    except BrokenPipeError:
        return _closed_pipe()
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(_describe(error), 1)
    finally:
        ctx.close()


class _Escaping(io.TextIOBase):
    """Passes text on with every control character shown as an escape (`\\x1b`), so no
    stored text, however it got in, can drive the terminal that shows it."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def fileno(self) -> int:
        return self.inner.fileno()

    def isatty(self) -> bool:
        return self.inner.isatty()


@contextmanager
def _collecting_less() -> Iterator[None]:
    """While a command runs, the garbage collector runs less often; when it ends, what it
    built joins the oldest generation instead of making the next young collection walk it.

    A command imports SQLAlchemy, once: at the default pace the collector walks those modules'
    objects again and again for garbage they do not hold (a full pass alone cost ~30 ms of
    `hours add`). Cycles are still collected, by the young collections."""
    saved = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()  # the permanent generation goes back into the oldest one
        gc.set_threshold(*saved)


@contextmanager
def _escaped_output() -> Iterator[None]:
    """While a command runs, what it prints to stdout and stderr goes through `_Escaping`."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(saved[0]), _Escaping(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _describe(error: Exception) -> str:
    """DatabaseError, CatalogError and OSError carry messages in the user's words."""
    kind = type(error).__name__
    if type(error).__module__.startswith("careerplanner."):
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return f"unexpected failure ({kind}: {error}); set {DEBUG_ENV}=1 to see the details"


def _closed_pipe() -> int:
    """The reader went away (`| head`): stop quietly, as other command-line tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def _gui(argv: list[str], parser: Parser) -> int:
    if importlib.util.find_spec("careerplanner.app") is None:
        parser.print_usage()
        print("The window is not built yet; run a command, e.g.: careerplanner eligibility")
        return 0
    from careerplanner.app import main_gui

    return int(main_gui(argv))
