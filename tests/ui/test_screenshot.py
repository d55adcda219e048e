"""Screenshot mode renders every built page of the sample plan to a PNG and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from careerplanner.app import main_gui
from careerplanner.ui.main_window import PAGE_NAMES

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def drawn(path: Path) -> QImage:
    """The PNG, checked to hold a drawn page: a blank or single-colour image fails."""
    assert path.read_bytes().startswith(PNG_MAGIC)
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)
    }
    assert len(colours) >= 8, f"{path.name} looks blank ({len(colours)} colours)"
    return image


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_screenshot_of_every_page(qtbot: Any, demo_dir: Path, tmp_path: Path, page: str) -> None:
    out = tmp_path / f"{page}.png"
    args = ["--data-dir", str(demo_dir), "--screenshot", str(out), "--page", page]
    assert main_gui([*args, "--size", "1024x700"]) == 0
    image = drawn(out)
    assert (image.width(), image.height()) == (1024, 700)


def test_screenshot_from_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "overview.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "careerplanner", "--data-dir", str(demo_dir)]
    command += ["--screenshot", str(out), "--page", "overview"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    drawn(out)


def test_screenshot_of_an_empty_plan_shows_the_welcome(qtbot: Any, tmp_path: Path) -> None:
    out = tmp_path / "empty.png"
    assert main_gui(["--data-dir", str(tmp_path / "new"), "--screenshot", str(out)]) == 0
    drawn(out)


def test_a_screenshot_of_a_refused_database_says_why_instead_of_waiting(tmp_path: Path) -> None:
    """No one can answer a dialog offscreen: the refusal is one line and exit 1."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "careerplanner.sqlite3").write_text("not a database\n")
    command = [sys.executable, "-m", "careerplanner", "--data-dir", str(data)]
    command += ["--screenshot", str(tmp_path / "out.png")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "error: " + str(data / "careerplanner.sqlite3") + " is not a CareerPlanner database" in (
        done.stderr
    )
    assert not (tmp_path / "out.png").exists()
    assert (data / "careerplanner.sqlite3").read_text() == "not a database\n"
