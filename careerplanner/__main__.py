"""Entry point for `python -m careerplanner` and the `careerplanner` script.

Everything the app writes (the database, backups, settings.ini, the lock file, reports,
exports) is private to the user whatever the umask: files 0600, folders 0700.

Two set-up flags are handled here, before the command line proper:
`--install-desktop-entry` and `--uninstall-desktop-entry` add or remove the desktop menu entry
and icons for this user (see `careerplanner.desktop_entry`). Those are not the user's data and
go into shared XDG folders, so they keep the user's own umask.
"""

from __future__ import annotations

import gc
import os
import sys

DESKTOP_FLAGS = ("--install-desktop-entry", "--uninstall-desktop-entry")
PRIVATE_UMASK = 0o077


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(flag in args for flag in DESKTOP_FLAGS):
        return desktop_entry_command(args)
    # One BLAS thread: the rule engine's arrays are small, and extra threads only cost CPU.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.umask(PRIVATE_UMASK)
    from careerplanner.app import main_gui
    from careerplanner.gui_options import window_only

    if window_only(args):  # the window: no need to load the commands
        return main_gui(args)
    from careerplanner.cli import run

    code = run(args)
    leave_the_heap_to_exit()
    return code


def leave_the_heap_to_exit() -> None:
    """The process ends after this run: keep every object still alive out of the collector's
    last pass at exit, which would otherwise take SQLAlchemy's modules and mappers apart one
    cycle at a time (more CPU than all of `hours add`'s own work); the system frees the memory
    at once. By then the database and every file are closed, and exit flushes the output."""
    gc.freeze()


def desktop_entry_command(args: list[str]) -> int:
    """Run one of the desktop-entry flags, given alone; the exit code."""
    from careerplanner import desktop_entry

    flag = next(arg for arg in args if arg in DESKTOP_FLAGS)
    if len(args) != 1:
        print(f"error: {flag} is used alone, without other options or a command", file=sys.stderr)
        return 2
    try:
        if flag == "--install-desktop-entry":
            written = desktop_entry.install()
            print(f"Installed the menu entry {written[0]} and {len(written) - 1} icon files.")
        else:
            removed = desktop_entry.uninstall()
            print(f"Removed {len(removed)} files." if removed else "No menu entry was installed.")
    except desktop_entry.DesktopEntryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
