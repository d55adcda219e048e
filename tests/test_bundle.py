"""The standalone bundle: built with PyInstaller, it runs its window and CLI with no Python at all.

Building takes about half a minute, so these tests carry the `bundle` mark: `make test` leaves
them out and `make test-bundle` runs them. The bundle runs with an empty environment and a PATH
holding /usr/bin and /bin without any python, from a folder outside the checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerplanner.desktop_entry import APP_ID

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "careerplanner.spec"
BUILD_TIMEOUT_S = 900  # about 35 s on 2 cores
RUN_TIMEOUT_S = 120
LEFT_OUT = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Multimedia", "Qt63D", "Qt6Pdf", "Qt6Sql")
MAX_SIZE_MB = 300  # about 225 MB: Qt with ICU, numpy with OpenBLAS, Python

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/careerplanner/careerplanner, built from tools/careerplanner.spec into a temp folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CAREERPLANNER_BUNDLE_TEST") or os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: pip install -e '.[bundle]'")
        pytest.skip("PyInstaller is not installed (the bundle extra; `make test-bundle`)")
    out = tmp_path_factory.mktemp("bundle")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out / "dist" / APP_ID / APP_ID


@pytest.fixture(scope="session")
def no_python_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A folder of links to everything in /usr/bin and /bin except python."""
    folder = tmp_path_factory.mktemp("bin")
    for source in (Path("/usr/bin"), Path("/bin")):
        for program in source.iterdir():
            link = folder / program.name
            if "python" not in program.name and not link.exists() and not link.is_symlink():
                link.symlink_to(program)
    return str(folder)


def bare_run(
    bundle: Path, path: str, home: Path, *args: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", **extra}
    done = subprocess.run(
        [str(bundle), *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_the_path_has_no_python(no_python_path: str) -> None:
    assert not any(name.startswith("python") for name in os.listdir(no_python_path))
    assert (Path(no_python_path) / "sh").exists()


def test_the_bundle_holds_only_the_qt_it_uses(bundle: Path) -> None:
    folder = bundle.parent
    libraries = [path.name for path in folder.rglob("*.so*")]
    assert [name for name in libraries if any(part in name for part in LEFT_OUT)] == []
    assert any(name.startswith("libQt6Svg") for name in libraries)
    assert not list(folder.rglob("translations/*.qm"))
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    size = sum(path.stat().st_size for path in files)
    assert size < MAX_SIZE_MB * 1_000_000


def test_the_bundle_renders_its_window(bundle: Path, no_python_path: str, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    data, shot = str(tmp_path / "data"), tmp_path / "timeline.png"
    bare_run(bundle, no_python_path, tmp_path, "--data-dir", data, "demo")
    args = ["--data-dir", data, "--screenshot", str(shot), "--page", "timeline"]
    bare_run(bundle, no_python_path, tmp_path, *args, QT_QPA_PLATFORM="offscreen")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # the chart, its labels and the navigation, not one flat fill


def test_the_bundle_runs_the_cli(bundle: Path, no_python_path: str, tmp_path: Path) -> None:
    profile = ["profile", "set", "--track", "social-work", "--state", "OH", "--weekly-hours", "30"]
    bare_run(bundle, no_python_path, tmp_path, *profile)
    shown = bare_run(bundle, no_python_path, tmp_path, "profile", "show", "--json")
    answer = json.loads(shown.stdout)
    assert (answer["track"], answer["state"], answer["weekly_hours"]) == ("social-work", "OH", 30)
    # no --data-dir: the platform's data folder under this HOME
    assert (tmp_path / ".local/share/CareerPlanner/careerplanner.sqlite3").is_file()
    listed = bare_run(bundle, no_python_path, tmp_path, "catalog", "--json")
    ids = [cert["id"] for cert in json.loads(listed.stdout)["certifications"]]
    assert ids == ["CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC"]


def test_the_bundle_writes_a_pdf(bundle: Path, no_python_path: str, tmp_path: Path) -> None:
    data, pdf = str(tmp_path / "data"), tmp_path / "ce.pdf"
    bare_run(bundle, no_python_path, tmp_path, "--data-dir", data, "demo")
    wrote = bare_run(
        bundle, no_python_path, tmp_path, "--data-dir", data, "report", "ce", "--out", str(pdf)
    )
    assert wrote.stdout == f"wrote {pdf} (1 page, 10 CE activities)\n"
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_the_bundle_installs_a_menu_entry_for_itself(
    bundle: Path, no_python_path: str, tmp_path: Path
) -> None:
    share = tmp_path / "share"
    bare_run(bundle, no_python_path, tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share))
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle.resolve()}\n" in entry
    assert (share / "icons/hicolor/scalable/apps/careerplanner.svg").is_file()
