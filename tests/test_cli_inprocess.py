"""The command line called in-process (`run(argv)`): random bad numbers, dates and text.

Bad values are refused before the database is opened, so the data folder is never even made.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_cases import BAD_INPUT, CERT_IDS, DB_NAME, FILL, dump
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from careerplanner.cli import run
from careerplanner.domain import validation
from careerplanner.domain.errors import ValidationError

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def refused(data: Path, *argv: str) -> None:
    code, out, err = call("--data-dir", str(data), *argv)
    assert code == 2, (argv, code, out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert not data.exists()


def is_good_hours(text: str) -> bool:
    try:
        value = validation.parse_number(text, "hours")
    except (ValidationError, ValueError):
        return False
    return 0 < value <= 24


def is_good_past_date(text: str) -> bool:
    try:
        day = validation.parse_date(text, "date")
    except ValidationError:
        return False
    return validation.EARLIEST <= day <= date.today()


NUMBERISH = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["nan", "-nan", "NaN", "inf", "+inf", "Infinity", "1e999", "0", "-0", "24.01"]),
    st.floats().map(repr),
    st.from_regex(r"[-+]?[0-9,.eE]{1,8}", fullmatch=True),
)


@settings(max_examples=100, deadline=None)
@given(NUMBERISH)
def test_random_bad_hours_are_refused(text: str) -> None:
    assume(not is_good_hours(text))
    with tempfile.TemporaryDirectory() as tmp:
        refused(Path(tmp) / "data", "hours", "add", "--date", YESTERDAY, "--hours", text)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.text(max_size=12),
        st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
        st.dates(min_value=date.today() + timedelta(days=1)).map(date.isoformat),
    )
)
def test_random_bad_dates_are_refused(text: str) -> None:
    assume(not is_good_past_date(text))
    with tempfile.TemporaryDirectory() as tmp:
        refused(Path(tmp) / "data", "hours", "add", "--date", text, "--hours", "2")


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=5), st.sampled_from(["--notes", "--employer"]))
def test_text_with_nul_or_too_long_is_refused(tail: str, option: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        refused(data, "hours", "add", "--date", YESTERDAY, "--hours", "2", option, "a\x00" + tail)
        refused(data, "hours", "add", "--date", YESTERDAY, "--hours", "2", option, "a" * 2001)


def test_usage_errors_are_one_line() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        refused(data, "eligibility", "--nope")
        refused(data, "hours")
        refused(data, "goal", "add")
        refused(data, "hours", "add", "--date", YESTERDAY, "--hours", "2", "--paid", "--unpaid")


# --- every bad input of the contract, and every command's output, in-process -------------------


def ok(data: Path, *argv: str) -> str:
    code, out, err = call("--data-dir", str(data), *argv)
    assert code == 0, err
    assert err == ""
    return out


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("filled")
    for args in FILL:
        ok(data, *args)
    return data


@pytest.mark.parametrize("args", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_and_changes_nothing(filled: Path, args: list[str]) -> None:
    before = dump(filled)
    code, out, err = call("--data-dir", str(filled), *args)
    assert code == 2, (code, out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert dump(filled) == before


def test_records_add_list_remove(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert ok(data, "hours", "list").startswith("No hours logged yet")
    assert json.loads(ok(data, "hours", "list", "--json")) == []

    ok(data, "employer", "add", "Mercy")  # an entry names an employer record
    first = ok(data, "hours", "add", "--date", "2025-03-03", "--end", "2025-03-07", "--hours",
               "40", "--setting", "hospital", "--supervision", "ccm", "--employer", "Mercy",
               "--notes", "week one")  # fmt: skip
    assert first.strip().isdigit()
    ok(data, "hours", "add", "--date", "2025-03-08", "--hours", "4.5", "--unpaid",
       "--activity", "supervising")  # fmt: skip
    entries = json.loads(ok(data, "hours", "list", "--json"))
    assert len(entries) == 2
    week = next(e for e in entries if e["id"] == int(first))
    assert week == {
        "id": int(first),
        "start": "2025-03-03",
        "hours": 40.0,
        "end": "2025-03-07",
        "activity": "case-management",
        "setting": "hospital",
        "supervision": "ccm",
        "paid": True,
        "employer": "Mercy",
        "notes": "week one",
        "verified_by": "",
        "verified_credential": "",
        "verified_on": None,
        "start_time": None,
        "end_time": None,
        "break_minutes": 0,
        "supervisor_id": None,
        "employer_id": 1,
        "supervisor": None,
    }
    assert next(iter(week)) == "id"
    other = next(e for e in entries if e["id"] != int(first))
    assert other["paid"] is False and other["activity"] == "supervising"
    assert other["setting"] == "other" and other["supervision"] == "none"
    table = ok(data, "hours", "list")
    assert "2025-03-03" in table and "Mercy" in table and "44.5 h" in table

    degree = ok(data, "degree", "add", "--level", "bachelor", "--field", "nursing", "--status",
                "completed", "--start", "2016-09-01", "--end", "2020-05-15", "--accredited",
                "--field-experience", "--institution", "State U")  # fmt: skip
    ok(data, "license", "add", "--type", "RN", "--issued", "2020-08-01", "--expires",
       "2028-08-01", "--state", "tx", "--number", "123")  # fmt: skip
    exam = ok(data, "exam", "add", "--type", "ASWB-BACHELORS", "--passed", "2021-01-05")
    ok(data, "ce", "add", "--date", "2025-02-01", "--hours", "3", "--topic", "ethics",
       "--title", "Ethics 101", "--provider", "Board")  # fmt: skip
    goal = ok(data, "goal", "add", "ccm", "--target", "2027-04-01")

    (d,) = json.loads(ok(data, "degree", "list", "--json"))
    assert d == {"id": int(degree), "level": "bachelor", "field": "nursing",
                 "status": "completed", "start": "2016-09-01", "end": "2020-05-15",
                 "accredited": True, "field_experience": True,
                 "institution": "State U"}  # fmt: skip
    (li,) = json.loads(ok(data, "license", "list", "--json"))
    assert li == li | {"type": "RN", "state": "TX", "issued": "2020-08-01", "expires": "2028-08-01"}
    assert li["number"] == "123"
    (ex,) = json.loads(ok(data, "exam", "list", "--json"))
    assert ex == {"id": int(exam), "type": "ASWB-BACHELORS", "passed": "2021-01-05"}
    (c,) = json.loads(ok(data, "ce", "list", "--json"))
    assert c == c | {"date": "2025-02-01", "hours": 3.0, "topic": "ethics", "title": "Ethics 101"}
    assert c["provider"] == "Board"
    (g,) = json.loads(ok(data, "goal", "list", "--json"))
    assert g == g | {"id": int(goal), "cert_id": "CCM", "target": "2027-04-01"}
    for kind in ("degree", "license", "exam", "ce", "goal"):
        assert ok(data, kind, "list").splitlines()[0].startswith("ID")
    assert "1 activity, 3 CE h (3 h ethics)" in ok(data, "ce", "list")

    assert ok(data, "hours", "remove", first) == f"removed hours entry {int(first)}\n"
    assert len(json.loads(ok(data, "hours", "list", "--json"))) == 1
    code, _, err = call("--data-dir", str(data), "hours", "remove", first.strip())
    assert code == 2 and err.startswith("error: ")
    for kind, ident, noun in (("degree", degree, "degree"), ("exam", exam, "exam"),
                              ("goal", goal, "goal")):  # fmt: skip
        assert ok(data, kind, "remove", ident) == f"removed {noun} {int(ident)}\n"
    assert ok(data, "goal", "list").startswith("No goals yet")


def test_profile_set_changes_only_what_is_given(tmp_path: Path) -> None:
    ok(tmp_path, "profile", "set", "--name", "Maya", "--track", "social-work", "--state", "ny",
       "--weekly-hours", "30", "--ce-hours-per-year", "10", "--current-salary", "52,000",
       "--raise-percent", "3")  # fmt: skip
    ok(tmp_path, "profile", "set", "--weekly-hours", "32.5")
    assert json.loads(ok(tmp_path, "profile", "show", "--json")) == {
        "name": "Maya",
        "track": "social-work",
        "state": "NY",
        "weekly_hours": 32.5,
        "ce_hours_per_year": 10.0,
        "current_salary": 52000.0,
        "raise_percent": 3.0,
    }
    text = ok(tmp_path, "profile", "show")
    assert "Maya" in text and "$52,000" in text and "32.5 h" in text
    ok(tmp_path, "profile", "set", "--state", "", "--current-salary", "")
    profile = json.loads(ok(tmp_path, "profile", "show", "--json"))
    assert profile["state"] is None and profile["current_salary"] is None


def test_eligibility_json_and_text(tmp_path: Path) -> None:
    ok(tmp_path, "license", "add", "--type", "RN", "--issued", "2019-01-01")
    ok(tmp_path, "hours", "add", "--date", "2024-01-01", "--end", "2024-12-31", "--hours",
       "1800", "--setting", "insurance", "--supervision", "rn")  # fmt: skip
    args = ["eligibility", "--as-of", "2025-01-01", "--weekly-hours", "20", "--json"]
    data = json.loads(ok(tmp_path, *args))
    assert data["as_of"] == "2025-01-01" and data["weekly_hours"] == 20.0
    assert [c["id"] for c in data["certifications"]] == CERT_IDS
    for cert in data["certifications"]:
        assert {"id", "name", "eligible", "projected_date", "blocking", "requirements"} <= set(cert)
        assert cert["eligible"] == (cert["projected_date"] == "2025-01-01")
        for req in cert["requirements"]:
            assert {"id", "label", "met", "current", "required", "unit", "deductions"} <= set(req)
            assert isinstance(req["met"], bool)
            for number in (req["current"], req["required"]):
                assert isinstance(number, float | int) and round(number, 2) == number
            for deduction in req["deductions"]:
                assert set(deduction) >= {"reason", "hours"} and deduction["reason"]
    acm = next(c for c in data["certifications"] if c["id"] == "ACM-RN")
    assert not acm["eligible"]
    hours = [r for r in acm["requirements"] if r["unit"] == "hours"]
    assert hours and hours[0]["current"] == 0 and hours[0]["recorded"] == 1800
    assert any("insurer" in d["reason"] for d in hours[0]["deductions"])
    assert abs(sum(d["hours"] for d in hours[0]["deductions"]) - 1800) < 0.05

    text = ok(tmp_path, "eligibility", "--as-of", "2025-01-01")
    assert all(f"\n{cert_id} — " in text for cert_id in CERT_IDS)
    assert "recorded 1,800 h, countable 0 h" in text and "− 1,800 h: at an insurer" in text


def test_catalog_json(tmp_path: Path) -> None:
    data = json.loads(ok(tmp_path / "unused", "catalog", "--json"))
    certs = data["certifications"]
    assert [c["id"] for c in certs] == CERT_IDS
    for cert in certs:
        assert cert["issuer"] and cert["sources"] and cert["last_checked"]
        assert cert["renewal"]["years"] > 0 and cert["exam"] and "assumptions" in cert
        assert all(r["kind"] in ("credential", "license-years", "hours", "ce")
                   for r in cert["requirements"])  # fmt: skip
    text = ok(tmp_path / "unused", "catalog")
    assert "Renewal: every 5 years, 80 CE h" in text and "Sources:" in text
    assert not (tmp_path / "unused").exists()


def test_check_on_a_missing_folder(tmp_path: Path) -> None:
    assert ok(tmp_path / "none", "check").startswith("ok: ")
    assert not (tmp_path / "none").exists()


def test_check_reports_an_index_out_of_step(tmp_path: Path) -> None:
    """A fault only the full integrity check sees (opening the database does not refuse it)."""
    ok(tmp_path, "hours", "add", "--date", YESTERDAY, "--hours", "3", "--notes", "hello")
    assert ok(tmp_path, "check").startswith("ok: ")
    connection = sqlite3.connect(tmp_path / DB_NAME)
    connection.execute("CREATE INDEX ix_probe ON work_entry (hours)")
    connection.commit()
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_probe ON work_entry (notes)' "
        "WHERE name = 'ix_probe'"
    )
    connection.commit()
    connection.close()
    code, out, err = call("--data-dir", str(tmp_path), "check")
    assert code == 1
    assert "ix_probe" in out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "integrity" in lines[0]
