"""Command lines shared by the CLI tests: every bad input of the contract, and a dump of rows."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DB_NAME = "careerplanner.sqlite3"
TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)
CERT_IDS = ["CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC"]

# The plan these run against: FILL, so that a 5 h entry yesterday makes a day of 25 h and a
# second CCM goal is a duplicate.
FILL = [
    ["profile", "set", "--name", "Ana", "--track", "nurse", "--weekly-hours", "30"],
    ["hours", "add", "--date", str(YESTERDAY), "--hours", "20", "--setting", "hospital"],
    ["license", "add", "--type", "RN", "--issued", "2020-01-01"],
    ["goal", "add", "CCM"],
    ["work", "add", "--from", "2026-01-05", "--until", "2027-06-30", "--weekly-hours", "30"],
]

D = str(YESTERDAY)
BAD_INPUT = {
    "hours zero": ["hours", "add", "--date", D, "--hours", "0"],
    "hours negative": ["hours", "add", "--date", D, "--hours", "-3"],
    "over 24 h a day in a span": ["hours", "add", "--date", "2025-01-01", "--end", "2025-01-02",
                                  "--hours", "48.5"],
    "over 24 h with the day's other entries": ["hours", "add", "--date", D, "--hours", "5"],
    "start after end": ["hours", "add", "--date", "2025-01-10", "--end", "2025-01-09",
                        "--hours", "8"],
    "date that does not exist": ["hours", "add", "--date", "2026-02-30", "--hours", "8"],
    "date not a date": ["hours", "add", "--date", "yesterday", "--hours", "8"],
    "hours after today": ["hours", "add", "--date", str(TOMORROW), "--hours", "8"],
    "span ending after today": ["hours", "add", "--date", D, "--end", str(TOMORROW),
                                "--hours", "8"],
    "ce after today": ["ce", "add", "--date", str(TOMORROW), "--hours", "1", "--topic", "ethics"],
    "unknown setting": ["hours", "add", "--date", D, "--hours", "1", "--setting", "moon"],
    "unknown activity": ["hours", "add", "--date", D, "--hours", "1", "--activity", "nap"],
    "unknown supervision": ["hours", "add", "--date", D, "--hours", "1", "--supervision", "x"],
    "unknown field": ["degree", "add", "--level", "bachelor", "--field", "astrology",
                      "--status", "completed", "--end", "2020-05-01"],
    "unknown level": ["degree", "add", "--level", "phd2", "--field", "nursing",
                      "--status", "planned"],
    "unknown license type": ["license", "add", "--type", "MD", "--issued", "2020-01-01"],
    "unknown exam type": ["exam", "add", "--type", "NCLEX", "--passed", "2020-01-01"],
    "unknown topic": ["ce", "add", "--date", D, "--hours", "1", "--topic", "golf"],
    "unknown certification": ["goal", "add", "XYZ"],
    "second goal for a certification": ["goal", "add", "CCM"],
    "unknown track": ["profile", "set", "--track", "pilot"],
    "unknown state": ["profile", "set", "--state", "ZZ"],
    "license expires before issued": ["license", "add", "--type", "RN", "--issued", "2020-01-01",
                                      "--expires", "2019-12-31"],
    "hours not a number": ["hours", "add", "--date", D, "--hours", "abc"],
    "weekly hours not a number": ["profile", "set", "--weekly-hours", "lots"],
    "salary not a number": ["profile", "set", "--current-salary", "12k"],
    "eligibility weekly hours not a number": ["eligibility", "--weekly-hours", "x"],
    "eligibility bad as-of": ["eligibility", "--as-of", "2026-13-01"],
    "hours nan": ["hours", "add", "--date", D, "--hours", "nan"],
    "hours NaN": ["hours", "add", "--date", D, "--hours", "NaN"],
    "hours inf": ["hours", "add", "--date", D, "--hours", "inf"],
    "hours Infinity": ["hours", "add", "--date", D, "--hours", "Infinity"],
    "hours overflow": ["hours", "add", "--date", D, "--hours", "1e999"],
    "ce hours nan": ["ce", "add", "--date", D, "--hours", "nan", "--topic", "ethics"],
    "notes too long": ["hours", "add", "--date", D, "--hours", "1", "--notes", "x" * 2001],
    "employer too long": ["hours", "add", "--date", D, "--hours", "1", "--employer", "é" * 2001],
    "profile name too long": ["profile", "set", "--name", "n" * 2001],
    "remove unknown id": ["hours", "remove", "9999"],
    "remove id not a number": ["hours", "remove", "abc"],
    "remove goal unknown id": ["goal", "remove", "77"],
    "missing required option": ["hours", "add", "--date", D],
    "unknown option": ["hours", "add", "--date", D, "--hours", "1", "--colour", "red"],
    "unknown command": ["frobnicate"],
    "profile set with nothing": ["profile", "set"],
    "work period overlapping another": ["work", "add", "--from", "2027-06-30",
                                        "--weekly-hours", "20"],
    "work until before from": ["work", "add", "--from", "2028-01-10", "--until", "2028-01-09",
                               "--weekly-hours", "20"],
    "work zero weekly hours": ["work", "add", "--from", "2028-01-01", "--weekly-hours", "0"],
    "work over 168 weekly hours": ["work", "add", "--from", "2028-01-01",
                                   "--weekly-hours", "168.01"],
    "work weekly hours not a number": ["work", "add", "--from", "2028-01-01",
                                       "--weekly-hours", "full"],
    "work unknown setting": ["work", "add", "--from", "2028-01-01", "--weekly-hours", "20",
                             "--setting", "moon"],
    "work both paid and unpaid": ["work", "add", "--from", "2028-01-01", "--weekly-hours", "20",
                                  "--paid", "--unpaid"],
    "work without --from": ["work", "add", "--weekly-hours", "20"],
    "work remove unknown id": ["work", "remove", "9999"],
    "license no-renew takes no value": ["license", "add", "--type", "RN", "--issued",
                                        "2020-01-01", "--no-renew=yes"],
}  # fmt: skip


def dump(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table."""
    connection = sqlite3.connect(data_dir / DB_NAME)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        connection.close()
