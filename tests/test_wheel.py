"""The built wheel carries the catalog and loads it from careerplanner/_resources."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 30  # a cached isolated build takes about 5 s; --no-isolation about 2 s
OFFLINE_SIGNS = ("No matching distribution", "Could not find a version", "new connection")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")
    try:
        done = subprocess.run(
            [*command, str(ROOT)],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"building the wheel took more than {BUILD_TIMEOUT_S} s")
    output = done.stdout + done.stderr
    if done.returncode != 0 and any(sign in output for sign in OFFLINE_SIGNS):
        pytest.skip("the build backend could not be downloaded (offline?)")
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("careerplanner-*.whl")
    return built


def test_wheel_contains_the_catalog_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "careerplanner/_resources/catalog.toml" in names
    assert "careerplanner/_resources/careers.toml" in names
    assert "careerplanner/catalog.py" in names


def test_wheel_loads_its_own_catalog(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from careerplanner.paths import resources_dir;"
        "from careerplanner.catalog import load_catalog, load_careers;"
        "print(resources_dir().name, ','.join(load_catalog().ids), len(load_careers().series))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=True,
    )
    folder, ids, _ = done.stdout.split()
    assert folder == "_resources"
    assert ids == "CCM,ACM-RN,ACM-SW,C-SWCM,C-ASWCM,CMGT-BC"
