"""The CLI contract of issue 13: supervisors, employers, clock times, edit, history and
schedules, in-process; each bad case of the contract exits 2 with one line and leaves the
database as it was."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_cases import dump

from careerplanner.cli import run

# a Monday at least two weeks back: the CLI's today is the real one
MONDAY = date.today() - timedelta(days=date.today().weekday() + 14)


def call(data: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--data-dir", str(data), *argv])
    return code, out.getvalue(), err.getvalue()


def ok(data: Path, *argv: str) -> str:
    code, out, err = call(data, *argv)
    assert code == 0, err
    return out


def day(offset: int) -> str:
    return (MONDAY + timedelta(days=offset)).isoformat()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    ok(folder, "supervisor", "add", "Ann Lee", "--credential", "LCSW", "--license-number",
       "L-77", "--state", "tx", "--email", "ann@example.org")  # fmt: skip
    ok(folder, "employer", "add", "Mercy Hospital", "--setting", "hospital")
    ok(folder, "employer", "add", "Home Visits", "--unpaid")
    return folder


def test_timed_entry_with_supervisor_and_employer(data: Path) -> None:
    entry = ok(data, "hours", "add", "--date", day(0), "--start-time", "08:00", "--end-time",
               "16:30", "--break-minutes", "30", "--supervisor", "ann lee", "--employer",
               "mercy hospital").strip()  # fmt: skip
    unpaid = ok(data, "hours", "add", "--date", day(1), "--hours", "3", "--employer",
                "Home Visits", "--setting", "home-health").strip()  # fmt: skip
    listed = {e["id"]: e for e in json.loads(ok(data, "hours", "list", "--json"))}
    timed = listed[int(entry)]
    assert {k: timed[k] for k in ("hours", "start_time", "end_time", "break_minutes")} == {
        "hours": 8.0,
        "start_time": "08:00",
        "end_time": "16:30",
        "break_minutes": 30,
    }
    assert (timed["supervisor"], timed["supervision"]) == ("Ann Lee", "licensed-sw")
    assert (timed["employer"], timed["setting"], timed["paid"]) == (
        "Mercy Hospital",
        "hospital",
        True,
    )
    other = listed[int(unpaid)]
    assert (other["setting"], other["paid"], other["start_time"]) == ("home-health", False, None)
    supervisors = json.loads(ok(data, "supervisor", "list", "--json"))
    assert supervisors == [
        {"id": 1, "name": "Ann Lee", "credential": "LCSW", "license_number": "L-77",
         "state": "TX", "email": "ann@example.org", "active_from": None, "active_to": None}
    ]  # fmt: skip


def test_edit_keeps_hours_consistent_and_history_lists_it(data: Path) -> None:
    entry = ok(data, "hours", "add", "--date", day(0), "--start-time", "08:00",
               "--end-time", "12:00").strip()  # fmt: skip
    assert ok(data, "hours", "edit", entry, "--end-time", "13:30", "--notes", "ward 3") == (
        f"updated hours entry {entry}: 5.5 h on {day(0)}\n"
    )
    ok(data, "supervisor", "edit", "1", "--credential", "CCM")
    history = json.loads(ok(data, "hours", "history", entry, "--json"))
    assert [(h["action"], h["fields"]) for h in history] == [
        ("add", {}),
        ("edit", {"hours": [4.0, 5.5], "end_time": ["12:00", "13:30"], "notes": ["", "ward 3"]}),
    ]
    assert all(set(h) == {"at", "action", "fields", "detail", "source"} for h in history)
    text = ok(data, "hours", "history", entry)
    assert text.splitlines()[1].endswith(
        "edit    hours: 4 → 5.5; notes: (none) → ward 3; end_time: 12:00 → 13:30"
    )


def test_a_credential_edit_says_how_many_entries_change(data: Path) -> None:
    for offset in (0, 1):
        ok(data, "hours", "add", "--date", day(offset), "--hours", "8", "--supervisor", "Ann Lee")
    assert ok(data, "supervisor", "edit", "1", "--credential", "CCM").splitlines() == [
        "updated supervisor 1 (Ann Lee, CCM)",
        "2 entries now count as supervised (ccm)",
    ]
    listed = json.loads(ok(data, "hours", "list", "--json"))
    assert [e["supervision"] for e in listed] == ["ccm", "ccm"]


def test_an_employer_edit_changes_only_what_it_names(data: Path) -> None:
    assert ok(data, "employer", "edit", "2", "--name", "Home Health Visits", "--setting",
              "home-health", "--paid") == (
        "updated employer 2 (Home Health Visits, home-health, paid)\n"
    )  # fmt: skip
    assert ok(data, "employer", "edit", "1", "--unpaid", "--start", day(0)) == (
        "updated employer 1 (Mercy Hospital, hospital, unpaid)\n"
    )
    listed = {e["id"]: e for e in json.loads(ok(data, "employer", "list", "--json"))}
    assert (listed[1]["name"], listed[1]["setting"], listed[1]["paid"]) == (
        "Mercy Hospital",
        "hospital",
        False,
    )
    assert listed[1]["start"] == day(0) and listed[1]["end"] is None
    assert (listed[2]["name"], listed[2]["setting"], listed[2]["paid"]) == (
        "Home Health Visits",
        "home-health",
        True,
    )


def test_schedule_fill_is_idempotent(data: Path) -> None:
    ok(data, "schedule", "add", "--weekdays", "mon,tue,wed,thu", "--start-time", "08:00",
       "--end-time", "16:30", "--break-minutes", "30", "--from", day(0), "--supervisor",
       "Ann Lee", "--employer", "Mercy Hospital")  # fmt: skip
    ok(data, "hours", "add", "--date", day(1), "--hours", "4")
    dry = ok(data, "schedule", "fill", "--through", day(6), "--dry-run", "--skip", day(2))
    assert dry.splitlines() == [
        "would log 2 days, 16 h",
        f"  {day(0)} 8 h",
        f"  {day(3)} 8 h",
        f"skipped: {day(2)}",
        f"already logged: {day(1)}",
    ]
    assert len(json.loads(ok(data, "hours", "list", "--json"))) == 1
    assert ok(data, "schedule", "fill", "--through", day(6), "--skip", day(2)).startswith(
        "logged 2 days, 16 h"
    )
    ok(data, "hours", "remove", "2")  # a filled day deleted is not filled again
    assert ok(data, "schedule", "fill", "--through", day(6)) == "logged 0 days, 0 h\n"
    entries = json.loads(ok(data, "hours", "list", "--json"))
    assert [(e["start"], e["supervision"], e["setting"]) for e in entries] == [
        (day(1), "none", "other"),
        (day(3), "licensed-sw", "hospital"),
    ]
    schedules = json.loads(ok(data, "schedule", "list", "--json"))
    assert schedules[0]["weekdays"] == "mon,tue,wed,thu" and schedules[0]["start_time"] == "08:00"


BAD = {
    "unknown supervisor": ["hours", "add", "--date", day(0), "--hours", "1", "--supervisor", "Bo"],
    "unknown employer": ["hours", "add", "--date", day(0), "--hours", "1", "--employer", "Nope"],
    "end before start": ["hours", "add", "--date", day(0), "--start-time", "09:00",
                         "--end-time", "08:00"],
    "overlap": ["hours", "add", "--date", day(0), "--start-time", "11:00", "--end-time", "13:00"],
    "hours and times": ["hours", "add", "--date", day(0), "--hours", "2", "--start-time",
                        "08:00", "--end-time", "10:00"],
    "bad time": ["hours", "add", "--date", day(0), "--start-time", "8h", "--end-time", "10:00"],
    "bad credential": ["supervisor", "add", "Bo", "--credential", "MD"],
    "schedule unknown supervisor": ["schedule", "add", "--weekdays", "mon", "--start-time",
                                    "08:00", "--end-time", "09:00", "--from", day(0),
                                    "--supervisor", "Bo"],
    "schedule bad weekday": ["schedule", "add", "--weekdays", "mon,funday", "--start-time",
                             "08:00", "--end-time", "09:00", "--from", day(0)],
    "fill skip not scheduled": ["schedule", "fill", "--through", day(6), "--skip", day(5)],
    "edit unknown id": ["hours", "edit", "99", "--hours", "2"],
    "remove a named employer": ["employer", "remove", "1"],
    "employer edit to a taken name": ["employer", "edit", "2", "--name", "mercy hospital"],
    "employer edit unknown id": ["employer", "edit", "99", "--unpaid"],
    "employer edit bad setting": ["employer", "edit", "1", "--setting", "moon"],
    "employer edit end before start": ["employer", "edit", "1", "--start", day(5),
                                       "--end", day(0)],
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, case: str) -> None:
    ok(data, "hours", "add", "--date", day(0), "--start-time", "10:00", "--end-time", "12:00",
       "--employer", "Mercy Hospital")  # fmt: skip
    ok(data, "schedule", "add", "--weekdays", "tue", "--start-time", "13:00", "--end-time",
       "14:00", "--from", day(0), "--employer", "Mercy Hospital")  # fmt: skip
    before = dump(data)
    code, out, err = call(data, *BAD[case])
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("error: "), err
    assert dump(data) == before
