"""The freedesktop menu entry and the icons: where they ship, and installing them for one user.

`install()` copies `resources/careerplanner.desktop` (its Exec pointing at the `careerplanner`
that runs now) and the icons into `$XDG_DATA_HOME` (default `~/.local/share`):
`applications/careerplanner.desktop` and `icons/hicolor/NxN/apps/careerplanner.png`, plus the
SVG under `icons/hicolor/scalable/apps/`. Desktops watch those folders, so the menu shows the
entry at once. `uninstall()` removes those same files and nothing else: folders stay, and the
user's data folder is never touched. Standard library only.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from careerplanner.paths import resources_dir

APP_ID = "careerplanner"  # the desktop file's id and the icon's name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


class DesktopEntryError(Exception):
    """The entry or an icon could not be installed or removed (a message in the user's words)."""


@dataclass(frozen=True, slots=True)
class Placement:
    """One shipped file and where it goes in the user's data home."""

    source: Path
    target: Path


def icon_svg(resources: Path | None = None) -> Path:
    return (resources or resources_dir()) / "icons" / f"{APP_ID}.svg"


def icon_png(size: int, resources: Path | None = None) -> Path:
    return (resources or resources_dir()) / "icons" / f"{APP_ID}-{size}.png"


def xdg_data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec ignores a relative one)."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def placements(data_home: Path, resources: Path | None = None) -> list[Placement]:
    """Every file `install` writes, the desktop entry first."""
    resources = resources or resources_dir()
    hicolor = data_home / "icons" / "hicolor"
    found = [Placement(resources / DESKTOP_FILE, data_home / "applications" / DESKTOP_FILE)]
    found.append(Placement(icon_svg(resources), hicolor / "scalable" / "apps" / f"{APP_ID}.svg"))
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        found.append(Placement(icon_png(size, resources), target))
    return found


def launcher_command() -> list[str]:
    """The command that starts this installation of CareerPlanner, with absolute paths."""
    if getattr(sys, "frozen", False):  # the standalone bundle: its own executable
        return [str(Path(sys.executable).resolve())]
    script_dir = Path(sys.executable).parent
    for name in ("careerplanner", "careerplanner.exe"):
        if (script_dir / name).is_file():
            return [str(script_dir / name)]
    found = shutil.which("careerplanner")
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "careerplanner"]


def exec_value(command: Sequence[str]) -> str:
    """An Exec= value: each argument quoted as the Desktop Entry spec asks, when it needs it.

    An argument holding a control character (a newline in a folder name) cannot be written on
    one line: DesktopEntryError."""
    reserved = set(" \"'\\><~|&;$*?#()`")
    parts = []
    for argument in command:
        if any(ord(c) < 32 or ord(c) == 127 for c in argument):
            raise DesktopEntryError(
                f"the menu entry cannot start a path with a control character: {argument!r}"
            )
        if argument and not reserved & set(argument):
            parts.append(argument.replace("%", "%%"))
            continue
        quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument).replace("%", "%%")
        parts.append(f'"{quoted}"')
    # a string value escapes each backslash once more
    return " ".join(parts).replace("\\", "\\\\")


def entry_text(template: str, command: Sequence[str]) -> str:
    """The shipped entry with its Exec line pointing at `command`."""
    lines = [
        f"Exec={exec_value(command)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def install(
    environ: Mapping[str, str] = os.environ, command: Sequence[str] | None = None
) -> list[Path]:
    """Install the entry and icons for this user; the files written, in order."""
    data_home = xdg_data_home(environ)
    entry, *icons = placements(data_home)
    template = entry.source.read_text(encoding="utf-8")
    try:
        _write_atomically(entry.target, entry_text(template, command or launcher_command()))
        for icon in icons:
            _write_atomically(icon.target, icon.source.read_bytes())
    except OSError as error:
        raise DesktopEntryError(f"could not install the menu entry: {_describe(error)}") from None
    return [placement.target for placement in (entry, *icons)]


def uninstall(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Remove what `install` wrote; the files removed (none when it was not installed)."""
    data_home = xdg_data_home(environ)
    removed = []
    try:
        for placement in placements(data_home):
            if placement.target.is_file():
                placement.target.unlink()
                removed.append(placement.target)
    except OSError as error:
        raise DesktopEntryError(f"could not remove the menu entry: {_describe(error)}") from None
    return removed


def _write_atomically(target: Path, content: str | bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    data = content.encode("utf-8") if isinstance(content, str) else content
    partial.write_bytes(data)
    os.replace(partial, target)


def _describe(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"
