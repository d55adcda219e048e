"""The `.careerplanner` archive: the plan and its certificate files move together, and a
hostile or broken archive is refused as a whole before anything is written."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from careerplanner.cli import run
from careerplanner.io import archive

TODAY = date(2026, 11, 26)


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def ok(data: Path, *argv: str) -> str:
    code, out, err = call("--data-dir", str(data), *argv)
    assert code == 0, err
    return out


def add_ce_with_certificate(data: Path, scan: bytes, name: str = "scan.pdf") -> str:
    """A CE activity with a certificate, as the window stores it; the stored file name."""
    from careerplanner.catalog import load_catalog
    from careerplanner.domain.model import CeActivity, CeTopic
    from careerplanner.services import Services
    from careerplanner.storage import Database

    source = data.parent / name
    source.write_bytes(scan)
    with Database.open(data) as db:
        services = Services(db, load_catalog(), today=lambda: TODAY)
        activity = CeActivity(date(2024, 3, 5), 3, CeTopic.ETHICS, title="Ethics")
        return services.ce_files.add(activity, source).certificate


@pytest.fixture
def moved(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A data folder with hours and a CE certificate, exported as an archive."""
    data = tmp_path / "old computer"
    ok(data, "hours", "add", "--date", "2024-03-04", "--hours", "7.5")
    scan = bytes(range(256)) * 300
    add_ce_with_certificate(data, scan)
    out = tmp_path / "plan.careerplanner"
    assert "1 certificate file" in ok(data, "export", "--archive", str(out))
    return data, out, scan


def test_the_archive_moves_the_certificates_too(moved: tuple[Path, Path, bytes]) -> None:
    data, out, scan = moved
    new = data.parent / "new computer"
    assert "1 hours entry, 1 CE activity" in ok(new, "import", "--archive", str(out))
    old_ce = json.loads(ok(data, "ce", "list", "--json"))
    new_ce = json.loads(ok(new, "ce", "list", "--json"))
    assert new_ce == old_ce and new_ce[0]["certificate"]
    assert (new / "certificates" / new_ce[0]["certificate"]).read_bytes() == scan
    assert ok(new, "hours", "list", "--json") == ok(data, "hours", "list", "--json")
    again = data.parent / "again.careerplanner"
    ok(new, "export", "--archive", str(again))
    assert again.read_bytes() == out.read_bytes()  # the same plan gives the same bytes


def test_json_import_is_kept_and_archive_refuses_a_plan_folder(
    moved: tuple[Path, Path, bytes],
) -> None:
    data, out, _ = moved
    code, _, err = call("--data-dir", str(data), "import", "--archive", str(out))
    assert code == 2 and "only into an empty data folder" in err
    plain = data.parent / "plan.json"
    ok(data, "export", "--json", str(plain))
    assert json.loads(plain.read_text())["format"] == "CareerPlanner plan"
    ok(data.parent / "third", "import", "--json", str(plain))


def test_ce_remove_removes_the_certificate_file(moved: tuple[Path, Path, bytes]) -> None:
    data, _, _ = moved
    [activity] = json.loads(ok(data, "ce", "list", "--json"))
    stored = data / "certificates" / activity["certificate"]
    assert stored.is_file()
    ok(data, "ce", "remove", str(activity["id"]))
    assert not stored.exists()


def test_a_missing_certificate_file_stops_the_export(moved: tuple[Path, Path, bytes]) -> None:
    data, _, _ = moved
    [activity] = json.loads(ok(data, "ce", "list", "--json"))
    (data / "certificates" / activity["certificate"]).unlink()
    out = data.parent / "incomplete.careerplanner"
    code, _, err = call("--data-dir", str(data), "export", "--archive", str(out))
    assert code == 2
    assert f"the certificate file {activity['certificate']} of CE activity 1 is missing" in err
    assert not out.exists()


def rewritten(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of an archive with members replaced, added (bytes) or left out (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename not in change:
                new.writestr(info, old.read(info))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)
    return target


def plan_of(out: Path) -> dict[str, object]:
    with zipfile.ZipFile(out) as zipped:
        result: dict[str, object] = json.loads(zipped.read("plan.json"))
    return result


def refused_into_empty(out: Path, folder: Path, expected: str) -> None:
    code, stdout, err = call("--data-dir", str(folder), "import", "--archive", str(out))
    assert (code, stdout) == (2, ""), err
    assert expected in err, err
    assert len(err.splitlines()) == 1
    assert json.loads(ok(folder, "ce", "list", "--json")) == []
    assert json.loads(ok(folder, "hours", "list", "--json")) == []
    certificates = folder / "certificates"
    assert not certificates.exists() or list(certificates.iterdir()) == []


def test_hostile_member_names_are_refused(moved: tuple[Path, Path, bytes]) -> None:
    data, out, _ = moved
    for number, name in enumerate(
        (
            "../evil.txt",
            "certificates/../../evil.txt",
            "/tmp/evil.txt",
            "certificates/sub/evil.txt",
            "certificates/.hidden",
            "certificates/",
            "certificates/a\x1bb",
            "notes.txt",
        )
    ):
        bad = rewritten(out, data.parent / f"bad{number}.zip", {name: b"x"})
        refused_into_empty(bad, data.parent / f"empty{number}", "not a certificate of a plan")
    assert not (data.parent.parent / "evil.txt").exists()


def test_broken_incomplete_and_oversized_archives_are_refused(
    moved: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out, scan = moved
    [activity] = json.loads(ok(data, "ce", "list", "--json"))
    name = "certificates/" + activity["certificate"]
    root = data.parent
    cases = [
        (rewritten(out, root / "a.zip", {name: None}), "lacks the certificate file"),
        (rewritten(out, root / "b.zip", {"certificates/other.pdf": b"x"}), "no CE activity"),
        (rewritten(out, root / "c.zip", {"plan.json": None}), "holds no plan.json"),
        (root / "d.careerplanner", "not a sound CareerPlanner archive"),
    ]
    (root / "d.careerplanner").write_bytes(out.read_bytes()[: len(out.read_bytes()) // 2])
    plan = plan_of(out)
    plan["entriess"] = plan.pop("entries")
    typo = json.dumps(plan).encode()
    cases.append((rewritten(out, root / "e.zip", {"plan.json": typo}), "unknown parts"))
    for number, (bad, expected) in enumerate(cases):
        refused_into_empty(bad, root / f"empty{number}", expected)
    monkeypatch.setattr(archive, "MAX_CERTIFICATE_BYTES", len(scan) - 1)
    refused_into_empty(out, root / "empty-big", "is too large")


def test_a_zip_bomb_is_refused_before_it_is_expanded(
    moved: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out, _ = moved
    [activity] = json.loads(ok(data, "ce", "list", "--json"))
    name = "certificates/" + activity["certificate"]
    zeros = b"\0" * (8 * 1024 * 1024)  # 8 MiB of zeros packs into a few kilobytes
    bomb = data.parent / "bomb.careerplanner"
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        new.writestr("plan.json", old.read("plan.json"))
        new.writestr(name, zeros)
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 4 * 1024 * 1024)
    refused_into_empty(bomb, data.parent / "empty", "is too large")


def test_a_header_that_understates_a_size_is_caught(moved: tuple[Path, Path, bytes]) -> None:
    data, out, scan = moved
    raw = bytearray(out.read_bytes())
    size = len(scan).to_bytes(4, "little")
    assert raw.count(size) == 2  # the local header and the central directory entry
    raw = raw.replace(size, (len(scan) // 2).to_bytes(4, "little"))
    liar = data.parent / "liar.careerplanner"
    liar.write_bytes(bytes(raw))
    refused_into_empty(liar, data.parent / "empty", "not a sound CareerPlanner archive")


def test_a_different_file_under_the_same_name_is_not_overwritten(
    moved: tuple[Path, Path, bytes],
) -> None:
    data, out, scan = moved
    [activity] = json.loads(ok(data, "ce", "list", "--json"))
    new = data.parent / "new computer"
    (new / "certificates").mkdir(parents=True)
    stray = new / "certificates" / activity["certificate"]
    stray.write_bytes(b"a file left from before")
    ok(new, "import", "--archive", str(out))
    assert stray.read_bytes() == b"a file left from before"
    [imported] = json.loads(ok(new, "ce", "list", "--json"))
    assert imported["certificate"] != activity["certificate"]
    assert (new / "certificates" / imported["certificate"]).read_bytes() == scan
