"""Every export refuses the data folder's own files and existing files, through the real CLI.

Each case runs `careerplanner` in-process against a real data folder and checks, byte for
byte, that nothing in the data folder changed and that no temporary file was left behind.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerplanner.cli import run

EXPORTS = (  # (argv before the target, the target option, the suffix the target needs)
    (("hours", "export"), "--out", ".csv"),
    (("ce", "export"), "--out", ".csv"),
    (("export",), "--json", ".json"),
    (("export",), "--archive", ".careerplanner"),
    (("report", "ce"), "--out", ".pdf"),
    (("report", "hours", "--from", "2024-01-01", "--to", "2024-12-31"), "--out", ".pdf"),
)
OWNED = (
    "careerplanner.sqlite3",
    "careerplanner.sqlite3-wal",
    "careerplanner.sqlite3-shm",
    "careerplanner.sqlite3-journal",
    "backups/{name}",
    "certificates/{name}",
    "settings.ini",
)


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with a plan, a backup and a certificates folder."""
    folder = tmp_path / "data"
    for argv in (
        ("employer", "add", "Bayview"),
        ("hours", "add", "--date", "2024-03-04", "--hours", "7.5", "--employer", "Bayview"),
        ("ce", "add", "--date", "2024-03-05", "--hours", "2", "--topic", "ethics"),
        ("backup",),
    ):
        assert call("--data-dir", str(folder), *argv)[0] == 0
    (folder / "certificates").mkdir(mode=0o700, exist_ok=True)
    return folder


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@contextlib.contextmanager
def unchanged(*folders: Path) -> Iterator[None]:
    before = [contents(f) for f in folders]
    yield
    assert [contents(f) for f in folders] == before


Case = tuple[tuple[str, ...], str, str]


def export(data: Path, case: Case, target: Path, *extra: str) -> tuple[int, str, str]:
    words, option, _ = case
    return call("--data-dir", str(data), *words, option, str(target), *extra)


@pytest.mark.parametrize("case", EXPORTS, ids=lambda c: " ".join(c[0]) + " " + c[1])
@pytest.mark.parametrize("owned", OWNED)
def test_a_file_of_the_data_folder_is_refused_even_with_force(
    data: Path, case: Case, owned: str
) -> None:
    target = data / owned.format(name=f"x{case[2]}")
    for extra in ((), ("--force",)):
        with unchanged(data):
            code, out, err = export(data, case, target, *extra)
        assert code == 2, (out, err)
        assert out == ""
        assert err.startswith("error: ") and "data folder" in err, err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize("case", EXPORTS, ids=lambda c: " ".join(c[0]) + " " + c[1])
def test_a_symlink_or_hard_link_to_the_database_is_refused(
    data: Path, tmp_path: Path, case: Case
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    soft, hard = out_dir / f"soft{case[2]}", out_dir / f"hard{case[2]}"
    soft.symlink_to(data / "careerplanner.sqlite3")
    os.link(data / "careerplanner.sqlite3", hard)
    missing = out_dir / f"wal{case[2]}"  # a link to a file the database has not made yet
    missing.symlink_to(data / "careerplanner.sqlite3-journal")
    for target in (soft, hard, missing):
        with unchanged(data):
            code, _, err = export(data, case, target, "--force")
        assert code == 2 and "data folder" in err, (target, err)
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([soft.name, hard.name, missing.name])


@pytest.mark.parametrize("case", EXPORTS, ids=lambda c: " ".join(c[0]) + " " + c[1])
def test_an_existing_file_is_replaced_only_with_force_and_ends_private(
    data: Path, tmp_path: Path, case: Case
) -> None:
    target = tmp_path / f"mine{case[2]}"
    target.write_bytes(b"the user's own file")
    target.chmod(0o644)
    code, out, err = export(data, case, target)
    assert code == 2 and out == ""
    assert err.strip() == (
        f"error: {case[1]}: {target} already exists; choose another name, or give --force to "
        "replace it"
    )
    assert target.read_bytes() == b"the user's own file"
    code, out, err = export(data, case, target, "--force")
    assert code == 0, err
    assert target.read_bytes() != b"the user's own file" and target.stat().st_size > 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", target.name]  # no temp left


@pytest.mark.parametrize("case", EXPORTS, ids=lambda c: " ".join(c[0]) + " " + c[1])
def test_a_new_file_is_private_and_a_missing_folder_is_named(
    data: Path, tmp_path: Path, case: Case
) -> None:
    target = tmp_path / f"new{case[2]}"
    code, _, err = export(data, case, target)
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    missing = tmp_path / "no such folder" / f"x{case[2]}"
    code, out, err = export(data, case, missing)
    assert (code, out) == (2, "")
    assert err.strip() == (
        f"error: {case[1]}: the folder {missing.parent} does not exist; create it or choose another"
    )
    assert not missing.parent.exists()


@pytest.mark.parametrize("case", EXPORTS, ids=lambda c: " ".join(c[0]) + " " + c[1])
def test_a_symlink_elsewhere_is_replaced_not_written_through(
    data: Path, tmp_path: Path, case: Case
) -> None:
    victim = tmp_path / f"victim{case[2]}"
    victim.write_bytes(b"another file the link points at")
    link = tmp_path / f"link{case[2]}"
    link.symlink_to(victim)
    code, _, err = export(data, case, link, "--force")
    assert code == 0, err
    assert victim.read_bytes() == b"another file the link points at"
    assert not link.is_symlink() and link.stat().st_size > 0


def test_a_folder_as_target_is_refused(data: Path, tmp_path: Path) -> None:
    code, _, err = call("--data-dir", str(data), "export", "--json", str(tmp_path))
    assert code == 2
    assert err.strip() == f"error: --json: {tmp_path} is a folder; name a file"
