"""The menu entry, its metainfo and icons: valid files, and a per-user install that undoes itself.

The install and uninstall run as the real `careerplanner` script in a subprocess, with
XDG_DATA_HOME pointing at a temporary folder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplanner.desktop_entry import (
    DESKTOP_FILE,
    ICON_SIZES,
    METAINFO_FILE,
    DesktopEntryError,
    entry_text,
    exec_value,
    icon_png,
    icon_svg,
    install,
    uninstall,
    xdg_data_home,
)
from careerplanner.paths import resources_dir

SCRIPT = Path(sys.executable).parent / "careerplanner"
RESOURCES = resources_dir()
ROOT = Path(__file__).resolve().parent.parent
EXPECTED = [
    "applications/careerplanner.desktop",
    "icons/hicolor/scalable/apps/careerplanner.svg",
    *(f"icons/hicolor/{n}x{n}/apps/careerplanner.png" for n in ICON_SIZES),
]
# The project has no web domain yet, so its AppStream id cannot be reverse-DNS.
APPSTREAM_OVERRIDE = "--override=cid-desktopapp-is-not-rdns=info"


def tool(name: str) -> str:
    """A validator; CI installs it (.ci/run), so there it must be present."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: .ci/run installs it")
        pytest.skip(f"{name} is not installed (apt: desktop-file-utils, appstream)")
    return found


def run_script(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_shipped_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        [tool("desktop-file-validate"), str(RESOURCES / DESKTOP_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_metainfo_passes_appstream_validation() -> None:
    done = subprocess.run(
        [
            tool("appstreamcli"),
            "validate",
            "--no-net",
            APPSTREAM_OVERRIDE,
            RESOURCES / METAINFO_FILE,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    component = ElementTree.parse(RESOURCES / METAINFO_FILE).getroot()
    assert component.findtext("summary") == "Plan a career in care case management, offline"
    assert len(component.findall("description/p")) == 3
    assert component.findtext("launchable") == DESKTOP_FILE
    urls = [image.text or "" for image in component.iter("image")]
    assert all(url.startswith("https://") and ".example/" not in url for url in urls)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_icon_has_its_size_and_a_transparent_corner(size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(icon_png(size)))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def render_icons_module() -> Any:
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools/render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_committed_pngs_match_the_svg(size: int, tmp_path: Path) -> None:
    """After an edit of the SVG, `make icons` renders the PNGs again."""
    from PySide6.QtGui import QImage

    render_icons_module().render(icon_svg(), size, tmp_path / "fresh.png")
    fresh, committed = QImage(str(tmp_path / "fresh.png")), QImage(str(icon_png(size)))
    worst = max(
        abs(getattr(fresh.pixelColor(x, y), part)() - getattr(committed.pixelColor(x, y), part)())
        for x in range(size)
        for y in range(size)
        for part in ("red", "green", "blue", "alpha")
    )
    assert worst <= 8  # the same picture; antialiasing may differ a little between Qt versions


def test_the_svg_renders_with_qtsvg() -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(icon_svg()))
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (64, 64)


def test_install_writes_the_entry_and_icons_with_exec_at_this_script(tmp_path: Path) -> None:
    done = run_script("--install-desktop-entry", data_home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"Installed the menu entry {tmp_path / EXPECTED[0]} and {len(EXPECTED) - 1} icon files.\n"
    )
    assert sorted(files_under(tmp_path)) == sorted(EXPECTED)
    for size in ICON_SIZES:
        target = tmp_path / f"icons/hicolor/{size}x{size}/apps/careerplanner.png"
        assert target.read_bytes() == icon_png(size).read_bytes()
    entry = (tmp_path / EXPECTED[0]).read_text(encoding="utf-8").splitlines()
    assert [line for line in entry if line.startswith("Exec=")] == [f"Exec={SCRIPT}"]
    assert "Icon=careerplanner" in entry
    assert os.access(SCRIPT, os.X_OK)


def test_the_installed_entry_is_valid_even_for_a_path_with_spaces(tmp_path: Path) -> None:
    command = ["/opt/My Apps/career$planner/careerplanner", "--data-dir", '/home/a "b"/50%']
    install({"XDG_DATA_HOME": str(tmp_path)}, command)
    entry = tmp_path / EXPECTED[0]
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    assert exec_line == (
        r'Exec="/opt/My Apps/career\\$planner/careerplanner" --data-dir "/home/a \\"b\\"/50%%"'
    )
    done = subprocess.run(
        [tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, "")


def test_exec_value_leaves_plain_arguments_bare() -> None:
    assert exec_value(["/usr/bin/careerplanner"]) == "/usr/bin/careerplanner"
    assert exec_value(["/venv/bin/python", "-m", "careerplanner"]) == (
        "/venv/bin/python -m careerplanner"
    )
    assert exec_value(["C:\\Apps\\cp.exe"]) == '"C:\\\\\\\\Apps\\\\\\\\cp.exe"'


STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def read_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value, written here on its own: string
    escapes first, then arguments split on spaces with quoted ones unescaped, then %% to %."""
    text, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            text.append(STRING_ESCAPES[value[i + 1]])
            i += 2
        else:
            text.append(value[i])
            i += 1
    arguments: list[str] = []
    current: list[str] | None = None
    quoted, chars = False, iter(text)
    for char in chars:
        if quoted and char == "\\":
            current = [*(current or []), next(chars)]
        elif char == '"':
            quoted, current = not quoted, current if current is not None else []
        elif char == " " and not quoted:
            if current is not None:
                arguments.append("".join(current))
            current = None
        else:
            current = [*(current or []), char]
    if current is not None:
        arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)


@given(st.lists(printable, min_size=1, max_size=4))
def test_exec_value_reads_back_as_the_same_arguments(command: list[str]) -> None:
    assert read_exec(exec_value(command)) == command


def test_exec_value_refuses_a_control_character() -> None:
    with pytest.raises(DesktopEntryError, match="control character"):
        exec_value(["/home/a\nb/careerplanner"])


def test_entry_text_replaces_only_the_exec_line() -> None:
    template = "[Desktop Entry]\nName=CareerPlanner\nExec=careerplanner\nIcon=careerplanner\n"
    assert entry_text(template, ["/x/careerplanner"]) == (
        "[Desktop Entry]\nName=CareerPlanner\nExec=/x/careerplanner\nIcon=careerplanner\n"
    )


def test_uninstall_removes_exactly_what_install_wrote(tmp_path: Path) -> None:
    others = {
        "applications/other.desktop": b"[Desktop Entry]\n",
        "icons/hicolor/48x48/apps/other.png": b"png",
        "CareerPlanner/careerplanner.sqlite3": b"the user's data",
    }
    for name, content in others.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    assert run_script("--install-desktop-entry", data_home=tmp_path).returncode == 0
    assert len(files_under(tmp_path)) == len(others) + len(EXPECTED)
    done = run_script("--uninstall-desktop-entry", data_home=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"Removed {len(EXPECTED)} files.\n")
    assert files_under(tmp_path) == others
    again = run_script("--uninstall-desktop-entry", data_home=tmp_path)
    assert (again.returncode, again.stdout) == (0, "No menu entry was installed.\n")


def test_install_twice_replaces_the_files_in_place(tmp_path: Path) -> None:
    environ = {"XDG_DATA_HOME": str(tmp_path)}
    first = install(environ, ["/a/careerplanner"])
    second = install(environ, ["/b/careerplanner"])
    assert first == second == [tmp_path / name for name in EXPECTED]
    assert "Exec=/b/careerplanner\n" in (tmp_path / EXPECTED[0]).read_text()
    assert sorted(files_under(tmp_path)) == sorted(EXPECTED)
    assert uninstall(environ) == first


def test_a_relative_xdg_data_home_is_ignored(tmp_path: Path) -> None:
    assert xdg_data_home({"XDG_DATA_HOME": "rel/share", "HOME": str(tmp_path)}) == (
        tmp_path / ".local" / "share"
    )
    assert xdg_data_home({"HOME": str(tmp_path)}) == tmp_path / ".local" / "share"
    assert xdg_data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path


def test_the_flag_with_anything_else_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    done = run_script("--install-desktop-entry", "eligibility", data_home=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "error: --install-desktop-entry is used alone, without other options or a command\n"
    )
    assert not any(tmp_path.iterdir())


def test_an_unwritable_data_home_is_one_error_line(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where a folder should be")
    done = run_script("--install-desktop-entry", data_home=blocker)
    assert done.returncode == 1
    assert done.stderr.startswith("error: could not install the menu entry: ")
    assert done.stderr.count("\n") == 1
    assert blocker.read_text() == "a file where a folder should be"


def test_the_application_and_its_window_carry_the_icon(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from careerplanner.app import application, empty_window

    application()
    sizes = [(s.width(), s.height()) for s in QApplication.windowIcon().availableSizes()]
    assert sizes == [(n, n) for n in ICON_SIZES]
    assert QApplication.desktopFileName() == "careerplanner"
    window = empty_window(tmp_path)
    qtbot.addWidget(window)
    assert window.windowIcon().availableSizes() == QApplication.windowIcon().availableSizes()
