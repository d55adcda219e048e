"""The issue's new nurse through the command line: planned work and the renewal assumption.

A nurse with an accredited BSN, an RN license (TX) expiring Jul 31, 2027 (a two-year cycle),
no hours logged, one work period (a hospital job from Dec 7, 2026, 40 h a week, supervised by
an RN) and goals CCM, ACM-RN and CMGT-BC. As-of Dec 1, 2026. 40 h a week is 40/7 h a day:
- ACM-RN: 2,080 h take 364 days from Dec 7, 2026: Dec 7, 2026 + 363 = Dec 5, 2027.
- CCM: 4,160 h (any supervision) take 728 days: Dec 7, 2026 + 727 = Dec 3, 2028.
- CMGT-BC: RN since Aug 1, 2024 (2 years by Aug 1, 2026); 2,000 h take 350 days (Nov 21,
  2027); 30 CE h at 24 a year take 456.25 days of CE from Dec 2, 2026: the 457th day,
  Dec 1, 2026 + 457 = Mar 2, 2028. The CE comes last.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careerplanner.cli import run

RENEWAL = "assumes your RN license (TX), expiring Jul 31, 2027, is renewed on time"
NOT_RENEWED = "your RN license (TX) ends Jul 31, 2027 and is marked as not renewed"


def call(data: Path, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--data-dir", str(data), *argv])
    assert (code, err.getvalue()) == (0, "")
    return out.getvalue()


def nurse(data: Path, *license_options: str) -> None:
    call(data, "profile", "set", "--track", "nurse", "--weekly-hours", "40",
         "--ce-hours-per-year", "24")  # fmt: skip
    call(data, "degree", "add", "--level", "bachelor", "--field", "nursing", "--status",
         "completed", "--end", "2024-05-10", "--accredited", "--field-experience")  # fmt: skip
    call(data, "license", "add", "--type", "RN", "--issued", "2024-08-01", "--expires",
         "2027-07-31", "--state", "TX", *license_options)  # fmt: skip
    assert call(data, "work", "add", "--from", "2026-12-07", "--weekly-hours", "40",
                "--setting", "hospital", "--supervision", "rn") == "1\n"  # fmt: skip
    for cert in ("CCM", "ACM-RN", "CMGT-BC"):
        call(data, "goal", "add", cert)


def eligibility(data: Path) -> dict[str, dict[str, Any]]:
    """`eligibility --json` run as a user runs it: a separate process."""
    done = subprocess.run(
        [sys.executable, "-m", "careerplanner", "--data-dir", str(data), "eligibility",
         "--as-of", "2026-12-01", "--json"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return {c["id"]: c for c in json.loads(done.stdout)["certifications"]}


def test_the_new_nurse_gets_a_date_for_every_goal(tmp_path: Path) -> None:
    nurse(tmp_path)
    certs = eligibility(tmp_path)
    dates = {k: certs[k]["projected_date"] for k in ("CCM", "ACM-RN", "CMGT-BC")}
    assert dates == {"CCM": "2028-12-03", "ACM-RN": "2027-12-05", "CMGT-BC": "2028-03-02"}
    work = (
        "assumes you work 40 h a week from Dec 7, 2026 on: case-management work at a hospital,"
        " supervised by an RN, paid"
    )
    assert certs["ACM-RN"]["assumptions"] == [RENEWAL, work]
    assert certs["CMGT-BC"]["assumptions"] == [
        RENEWAL,
        work,
        "assumes 24 CE hours a year of case-management topics",
    ]
    # CCM's accredited BSN with field experience holds without the license: no renewal needed.
    assert certs["CCM"]["assumptions"] == [work]
    assert all(certs[k]["blocking"] is None for k in dates)


def test_with_no_renew_acm_rn_and_cmgt_bc_are_blocked_naming_the_renewal(tmp_path: Path) -> None:
    nurse(tmp_path, "--no-renew")
    listed = json.loads(call(tmp_path, "license", "list", "--json"))
    assert [lic["renewal_assumed"] for lic in listed] == [False]
    assert "not renewed" in call(tmp_path, "license", "list")
    certs = eligibility(tmp_path)
    for cert in ("ACM-RN", "CMGT-BC"):
        assert certs[cert]["projected_date"] is None
        assert certs[cert]["blocking"] == f"{NOT_RENEWED} (the other requirements are met later)"
        assert certs[cert]["assumptions"] == []
    assert certs["CCM"]["projected_date"] == "2028-12-03"  # by the degree route


def test_eligibility_text_lists_the_assumptions_and_the_planned_work(tmp_path: Path) -> None:
    nurse(tmp_path)
    text = call(tmp_path, "eligibility", "--as-of", "2026-12-01")
    assert text.startswith(
        "Eligibility on 2026-12-01, following your planned work period and 24 CE h a year"
    )
    assert f"projected 2027-12-05 (in 369 days at this pace)\n    {RENEWAL}\n" in text
    faster = call(tmp_path, "eligibility", "--as-of", "2026-12-01", "--weekly-hours", "80")
    # 80 h a week in the period: 2,080 h in 182 days, Dec 7, 2026 + 181 = Jun 6, 2027.
    assert "following your planned work period at 80 h a week" in faster
    assert "projected 2027-06-06" in faster


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["work", "add", "--from", "2027-03-01", "--weekly-hours", "20"],
            "error: the period from 2027-03-01 on overlaps the period from 2026-12-07 on"
            " (work periods cannot overlap)",
        ),
        (
            ["work", "add", "--from", "2026-01-10", "--until", "2026-01-09", "--weekly-hours", "8"],
            "error: --until: the until date (2026-01-09) is before the from date (2026-01-10)",
        ),
        (
            ["work", "add", "--from", "2026-01-01", "--until", "2026-06-30", "--weekly-hours", "0"],
            "error: --weekly-hours: weekly hours must be more than 0",
        ),
        (
            ["work", "add", "--from", "2026-01-01", "--until", "2026-06-30",
             "--weekly-hours", "200"],
            "error: --weekly-hours: weekly hours must be between 0 and 168 h (not 200)",
        ),
    ],
)  # fmt: skip
def test_work_add_refusals_exit_2_with_one_line(
    tmp_path: Path, argv: list[str], message: str
) -> None:
    nurse(tmp_path)
    before = call(tmp_path, "work", "list", "--json")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--data-dir", str(tmp_path), *argv])
    assert (code, out.getvalue(), err.getvalue()) == (2, "", message + "\n")
    assert call(tmp_path, "work", "list", "--json") == before


def test_work_list_and_remove(tmp_path: Path) -> None:
    assert "No planned work yet" in call(tmp_path, "work", "list")
    call(tmp_path, "work", "add", "--from", "2026-01-05", "--until", "2026-06-30",
         "--weekly-hours", "32.5", "--setting", "clinic", "--supervision", "ccm", "--unpaid",
         "--employer", "Valley Clinic")  # fmt: skip
    (period,) = json.loads(call(tmp_path, "work", "list", "--json"))
    assert period == {
        "id": 1,
        "start": "2026-01-05",
        "end": "2026-06-30",
        "weekly_hours": 32.5,
        "activity": "case-management",
        "setting": "clinic",
        "supervision": "ccm",
        "paid": False,
        "employer": "Valley Clinic",
    }
    assert call(tmp_path, "work", "remove", "1") == "removed work period 1\n"
    assert json.loads(call(tmp_path, "work", "list", "--json")) == []
