"""The window's own options (--data-dir, --screenshot, --page, --size), read without the
command line's parser, and whether a command line is for the window at all."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

SCREENSHOT_PAGES: tuple[str, ...] = ("overview", "hours", "education", "certifications")
SCREENSHOT_PAGES += ("settings", "timeline", "ce", "explore")


class UsageError(Exception):
    """A command-line option the GUI cannot use (exit 2)."""


@dataclass(frozen=True, slots=True)
class GuiOptions:
    data_dir: str | None = None
    screenshot: Path | None = None
    page: str | None = None
    size: tuple[int, int] = (1280, 800)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse_options(argv: list[str]) -> GuiOptions:
    parser = _Parser(prog="careerplanner", add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--page")
    parser.add_argument("--size", default="1280x800")
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        raise UsageError(f"unknown option {unknown[0]}")
    return GuiOptions(args.data_dir, args.screenshot, args.page, _parse_size(args.size))


def window_only(argv: list[str]) -> bool:
    """True when `argv` holds only window options, as the command line would take them (text,
    a value each, a named data folder): then the window starts without the command line's
    parser and commands. Anything else (a command, --help, a mistake) goes to the CLI."""
    try:
        options = parse_options(argv)
        "".join(argv).encode("utf-8")  # undecodable bytes arrive as lone surrogates
    except (UsageError, UnicodeEncodeError):
        return False
    return options.data_dir is None or bool(options.data_dir.strip())


def _parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        400 <= int(width) <= 8000 and 300 <= int(height) <= 8000
    ):
        raise UsageError(f"--size must look like 1280x800 (400x300 or larger), not {text!r}")
    return int(width), int(height)


def check_page(page: str | None) -> None:
    """Refuse a page name that is unknown or whose page is not part of this version."""
    from careerplanner.ui.main_window import PAGE_NAMES

    if page is None or page in PAGE_NAMES:
        return
    if page in SCREENSHOT_PAGES:
        raise UsageError(f"the {page} page is not available in this version")
    raise UsageError(f"unknown page {page!r}; choose one of {', '.join(PAGE_NAMES)}")
