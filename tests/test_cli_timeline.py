"""`careerplanner timeline` and `careerplanner scenario ...`, black-box in a subprocess."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("careerplanner.catalog") is None, reason="no catalog loader yet"
)

TODAY = date.today().isoformat()


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "CAREERPLANNER_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environ | {"QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def ok(data_dir: Path, *args: str) -> str:
    done = run(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def data(data_dir: Path, *args: str) -> Any:
    return json.loads(ok(data_dir, *args))


def refused(data_dir: Path, code: int, *args: str) -> str:
    done = run(data_dir, *args)
    assert done.returncode == code, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    ok(folder, "demo")
    return folder


def test_timeline_json_has_exactly_the_documented_shape(demo: Path) -> None:
    out = data(demo, "timeline", "--as-of", TODAY, "--json")
    assert list(out) == ["as_of", "milestones", "hours", "salary"]
    assert out["as_of"] == TODAY
    assert out["milestones"] and out["hours"] and out["salary"]
    assert all(list(m) == ["date", "kind", "label", "cert"] for m in out["milestones"])
    assert all(list(p) == ["date", "cumulative", "projected"] for p in out["hours"])
    assert all(list(s) == ["date", "salary", "low", "high"] for s in out["salary"])
    assert all(isinstance(p["projected"], bool) for p in out["hours"])
    assert all(s["low"] <= s["salary"] <= s["high"] for s in out["salary"])


def test_timeline_hours_agree_with_eligibility(demo: Path) -> None:
    for cert in ("CCM", "ACM-RN", "CMGT-BC"):
        out = data(demo, "timeline", "--as-of", TODAY, "--cert", cert, "--json")
        now = [p for p in out["hours"] if not p["projected"]][-1]
        assert now["date"] == TODAY
        elig = data(demo, "eligibility", "--as-of", TODAY, "--json")
        result = next(c for c in elig["certifications"] if c["id"] == cert)
        currents = {r["current"] for r in result["requirements"] if r["kind"] == "hours"}
        assert now["cumulative"] in currents
        marks = [m for m in out["milestones"] if m["kind"] == "eligibility" and m["cert"] == cert]
        assert all(m["date"] == result["projected_date"] for m in marks)


def test_timeline_text_and_years(demo: Path) -> None:
    text = ok(demo, "timeline", "--years", "5")
    assert "Milestones:" in text and "Projected salary:" in text
    out = data(demo, "timeline", "--years", "5", "--json")
    assert out["salary"][-1]["date"] == out["hours"][-1]["date"]


def test_scenario_commands(demo: Path) -> None:
    ok(demo, "scenario", "add", "Full time", "--weekly-hours", "40", "--raise-percent", "3")
    ok(demo, "scenario", "add", "Part time", "--weekly-hours", "15", "--state", "ca")
    ok(demo, "scenario", "copy", "Full time", "Copy")
    ok(demo, "scenario", "rename", "Copy", "Evenings")
    listed = data(demo, "scenario", "list", "--json")
    assert [s["name"] for s in listed] == ["Evenings", "Full time", "Part time"]
    part = next(s for s in listed if s["name"] == "Part time")
    assert part["weekly_hours"] == 15 and part["state"] == "CA" and part["saved_at"]
    assert "Full time" in ok(demo, "scenario", "list")
    compared = data(demo, "scenario", "compare", "Part time", "Full time", "--json")
    rows = {r["key"]: r for r in compared["rows"]}
    assert set(rows) >= {"eligibility:CCM", "salary:5", "salary:10"}
    assert rows["salary:10"]["difference"] == pytest.approx(
        rows["salary:10"]["b"] - rows["salary:10"]["a"], abs=0.02
    )
    assert "B − A" in ok(demo, "scenario", "compare", "Part time", "Full time")
    slow = data(demo, "timeline", "--scenario", "Part time", "--json")
    fast = data(demo, "timeline", "--scenario", "Full time", "--json")
    assert fast["hours"][-1]["cumulative"] > slow["hours"][-1]["cumulative"]
    ok(demo, "scenario", "remove", "Evenings")
    assert [s["name"] for s in data(demo, "scenario", "list", "--json")] == [
        "Full time",
        "Part time",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "--years", "0"),
        ("timeline", "--years", "2.5"),
        ("timeline", "--as-of", "2026-13-01"),
        ("timeline", "--cert", "XYZ"),
        ("timeline", "--scenario", "nope"),
        ("scenario", "add", "X", "--weekly-hours", "abc"),
        ("scenario", "add", "X", "--degree-date", "1"),
        ("scenario", "add", "X", "--degree-date", "999=2027-01-01"),
        ("scenario", "add", "X", "--state", "ZZ"),
        ("scenario", "add", " "),
        ("scenario", "remove", "nope"),
        ("scenario", "compare", "nope", "nada"),
        ("scenario",),
    ],
)
def test_bad_input_exits_2_with_one_error_line(demo: Path, args: tuple[str, ...]) -> None:
    refused(demo, 2, *args)


def test_duplicate_names_are_refused(demo: Path) -> None:
    ok(demo, "scenario", "add", "A")
    assert "already" in refused(demo, 2, "scenario", "add", "a")
    ok(demo, "scenario", "add", "B")
    assert "already" in refused(demo, 2, "scenario", "rename", "B", "A")
    assert [s["name"] for s in data(demo, "scenario", "list", "--json")] == ["A", "B"]
