"""The built wheel runs on its own: installed into a fresh venv, it opens its window and its CLI.

The wheel is built once per session and installed once into a new venv (pip's cache makes the
install take seconds; PyPI is the only index needed). The installed `careerplanner` then runs
outside the checkout with a bare environment, so nothing can come from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from careerplanner.desktop_entry import ICON_SIZES

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 300  # --no-isolation takes about 2 s; an isolated build first fetches hatchling
INSTALL_TIMEOUT_S = 900  # from pip's cache about 10 s; a cold cache downloads PySide6 (~100 MB)
RUN_TIMEOUT_S = 120
OFFLINE_SIGNS = ("No matching distribution", "Could not find a version", "new connection")

pytestmark = pytest.mark.xdist_group("wheel")  # one worker builds and installs, once


def run(
    command: list[str],
    timeout: float,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, check=False, env=env, cwd=cwd
    )
    output = done.stdout + done.stderr
    if done.returncode != 0 and any(sign in output for sign in OFFLINE_SIGNS):
        pytest.skip("a package could not be downloaded (offline?)")
    assert done.returncode == 0, output
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)]
    run([*command, str(ROOT)], BUILD_TIMEOUT_S)
    (built,) = out.glob("careerplanner-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `careerplanner` script of a fresh venv holding only the wheel and its dependencies."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True, clear=True)
    python = env_dir / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], INSTALL_TIMEOUT_S)
    return env_dir / "bin" / "careerplanner"


def bare_run(script: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed script away from the checkout, with almost no environment."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return run([str(script), *args], RUN_TIMEOUT_S, env=env, cwd=home)


def test_wheel_contains_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = ["catalog.toml", "careers.toml", "careerplanner.desktop"]
    shipped += ["careerplanner.metainfo.xml", "icons/careerplanner.svg"]
    shipped += [f"icons/careerplanner-{size}.png" for size in ICON_SIZES]
    assert {f"careerplanner/_resources/{name}" for name in shipped} <= names
    assert "careerplanner/catalog/__init__.py" in names


def test_wheel_loads_its_own_catalog(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from careerplanner.paths import resources_dir;"
        "from careerplanner.catalog import load_catalog, load_careers;"
        "print(resources_dir().name, ','.join(load_catalog().ids), len(load_careers().series))"
    )
    done = run([sys.executable, "-c", code, str(tmp_path)], RUN_TIMEOUT_S)
    folder, ids, _ = done.stdout.split()
    assert folder == "_resources"
    assert ids == "CCM,ACM-RN,ACM-SW,C-SWCM,C-ASWCM,CMGT-BC"


def test_the_installed_app_finds_its_resources_in_the_venv(installed: Path) -> None:
    code = "from careerplanner.paths import resources_dir; print(resources_dir())"
    python = installed.parent / "python"
    done = run([str(python), "-c", code], RUN_TIMEOUT_S, cwd=installed.parent)
    resources = Path(done.stdout.strip())
    assert resources.name == "_resources"
    assert resources.is_relative_to(installed.parent.parent)
    assert not resources.is_relative_to(ROOT)


def test_the_installed_app_renders_its_window(installed: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    data, shot = tmp_path / "data", tmp_path / "certifications.png"
    bare_run(installed, "--data-dir", str(data), "demo", home=tmp_path)
    args = ["--data-dir", str(data), "--screenshot", str(shot), "--page", "certifications"]
    bare_run(installed, *args, "--size", "1024x640", home=tmp_path)
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 640)
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 640, 16)}
    assert len(colours) > 20  # text, cards and navigation, not one flat fill


def test_the_installed_cli_runs_a_command(installed: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    profile = ["profile", "set", "--track", "nurse", "--state", "TX", "--weekly-hours", "36"]
    bare_run(installed, "--data-dir", data, *profile, home=tmp_path)
    shown = bare_run(installed, "--data-dir", data, "profile", "show", "--json", home=tmp_path)
    answer = json.loads(shown.stdout)
    assert (answer["track"], answer["state"], answer["weekly_hours"]) == ("nurse", "TX", 36)
    ids = bare_run(installed, "catalog", "--json", home=tmp_path)
    assert [cert["id"] for cert in json.loads(ids.stdout)["certifications"]] == [
        "CCM",
        "ACM-RN",
        "ACM-SW",
        "C-SWCM",
        "C-ASWCM",
        "CMGT-BC",
    ]


def test_the_installed_app_installs_its_menu_entry(installed: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(share)}
    run([str(installed), "--install-desktop-entry"], RUN_TIMEOUT_S, env=env, cwd=tmp_path)
    entry = (share / "applications" / "careerplanner.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed}\n" in entry
    assert (share / "icons/hicolor/512x512/apps/careerplanner.png").stat().st_size > 0
    assert os.access(installed, os.X_OK)
