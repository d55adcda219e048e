"""Hours exported by other tools, in their shapes: Toggl, Clockify, Harvest, Kimai, Watson,
gtimelog, Timewarrior, Simple Time Tracker, an Excel month timesheet, tab-separated UTF-16."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity
from careerplanner.io.csv_import import ImportOptions, ImportPreview
from careerplanner.io.csv_values import DateFormat
from careerplanner.services import Services
from careerplanner.storage import Database

TOGGL = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags,Amount (USD)\n"
    "Ann Lee,ann@example.org,Mercy,Discharge,,Care conference,Yes,2024-04-25,13:32:00,"
    "2024-04-25,13:48:00,00:16:00,,\n"
    "Ann Lee,ann@example.org,Mercy,Discharge,,Chart review,No,2024-04-24,10:17:00,"
    "2024-04-24,11:00:00,00:43:00,,\n"
)
CLOCKIFY_TEAM = (
    "Project;Client;Description;Task;User;Group;Email;Tags;Billable;Start Date;Start Time;"
    "End Date;End Time;Duration (h);Duration (decimal);Billable Rate (USD)\n"
    "Intake;;;General;Ann Lee;Team;ann@example.org;;No;7/27/22;1:00 PM;7/27/22;4:30 PM;3:30;3,5;0\n"
    "Intake;;visit;General;Bo Park;Team;bo@example.org;;Yes;2022-07-27;13:00;2022-07-27;17:30;"
    "4:30;4,5;0\n"
)
KIMAI = (
    "Date;From;To;Duration;Rate;User;Email;Customer;Project;Activity;Description;Exported\n"
    "2022-07-27;07:10;09:11;7260;0;Ann Lee;ann@example.org;Mercy;Case load;Restricted;visits;0\n"
    "2022-07-28;10:00;11:30;5400;0;Ann Lee;ann@example.org;Mercy;Case load;Meetings;;0\n"
)
EXCEL_MONTH = (
    "\ufeff## Arbeitszeiterfassung Export\r\n## Name: Max Muster\r\n"
    "Datum;Wochentag;Typ;Start;Ende;Pause_h;Soll_h;Ist_h;Diff_h;Ort;Notiz\r\n"
    '01.01.2025;Mittwoch;Feiertag;;;;0,00;0,00;0,00;;"Neujahr"\r\n'
    '02.01.2025;Donnerstag;Arbeitszeit;08:00;17:00;0,50;8,00;8,50;0,50;"Büro";\r\n'
    '03.01.2025;Freitag;Arbeitszeit;08:00;16:30;0,50;8,00;8,00;0,00;"Büro";Übergabe\r\n'
    ";SUMME MONAT;;;;;;;16,00;16,50;0,50;;\r\n"
    ";SALDO;;;;;;;;-5,25;;\r\n"
)


def preview_of(
    services: Services, tmp_path: Path, data: str | bytes, options: ImportOptions | None = None
) -> ImportPreview[object]:
    path = tmp_path / "export.csv"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return services.records.preview_hours_csv(path, options)  # type: ignore[return-value]


def summary(preview: ImportPreview[object]) -> tuple[int, float]:
    return len(preview.rows), round(preview.hours, 4)


def test_toggl_reads_h_mm_ss_durations_and_keeps_the_clock_times(
    services: Services, tmp_path: Path
) -> None:
    preview = preview_of(services, tmp_path, TOGGL)
    assert preview.tool == "Toggl" and preview.people == ["Ann Lee"] and preview.ok
    assert summary(preview) == (2, round((16 + 43) / 60, 4))
    first = preview.rows[0]
    assert (first.start, first.end, first.notes) == (date(2024, 4, 25), None, "Care conference")  # type: ignore[attr-defined]
    assert (first.start_time, first.end_time) == (time(13, 32), time(13, 48))  # type: ignore[attr-defined]
    assert "End date" in preview.ignored_columns  # a session's end date is not a span's end


def test_a_team_export_asks_whose_rows_and_reads_us_dates_pm_times_and_decimal_commas(
    services: Services, tmp_path: Path
) -> None:
    preview = preview_of(services, tmp_path, CLOCKIFY_TEAM)
    assert preview.needs == "person" and preview.rows == []
    assert preview.people == ["Ann Lee", "Bo Park"]
    with pytest.raises(ValidationError, match="choose the person first"):
        services.records.import_hours(preview)  # type: ignore[arg-type]
    ann = preview_of(services, tmp_path, CLOCKIFY_TEAM, ImportOptions(person="ann lee"))
    assert ann.person == "Ann Lee" and ann.date_format == "MM/DD/YYYY"
    assert summary(ann) == (1, 3.5) and ann.rows[0].start == date(2022, 7, 27)  # type: ignore[attr-defined]
    assert ann.rows[0].start_time == time(13, 0)  # type: ignore[attr-defined]
    assert "1 row of other people are left out" in ann.notes
    with pytest.raises(ValidationError, match=r"nobody called 'Cy' .*Ann Lee, Bo Park"):
        preview_of(services, tmp_path, CLOCKIFY_TEAM, ImportOptions(person="Cy"))


def test_slash_dates_that_fit_both_orders_need_a_choice(services: Services, tmp_path: Path) -> None:
    text = "Date,Hours\n03/04/2024,2\n05/06/2024,3\n"
    preview = preview_of(services, tmp_path, text)
    assert preview.needs == "date format" and preview.rows == []
    eu = preview_of(services, tmp_path, text, ImportOptions(date_format=DateFormat.EU))
    assert [e.start for e in eu.rows] == [date(2024, 4, 3), date(2024, 6, 5)]  # type: ignore[attr-defined]
    us = preview_of(services, tmp_path, text, ImportOptions(date_format=DateFormat.US))
    assert [e.start for e in us.rows] == [date(2024, 3, 4), date(2024, 5, 6)]  # type: ignore[attr-defined]
    told = preview_of(services, tmp_path, text + "21/01/2024,1\n")  # 21 can only be a day
    assert told.date_format == "DD/MM/YYYY" and told.rows[2].start == date(2024, 1, 21)  # type: ignore[attr-defined]


def test_harvest_keeps_equal_sessions_and_a_re_import_adds_nothing(
    services: Services, tmp_path: Path
) -> None:
    text = (
        "Employee?,First Name,Last Name,Date,Hours\n"
        "Yes,Ann,Lee,2018-08-06,4\nYes,Ann,Lee,2018-08-06,4\nYes,Bo,Park,2018-08-06,1\n"
    )
    options = ImportOptions(person="Ann Lee")
    preview = preview_of(services, tmp_path, text, options)
    assert preview.people == ["Ann Lee", "Bo Park"] and summary(preview) == (2, 8.0)
    assert "Employee?" in preview.ignored_columns  # yes/no, not a person
    assert services.records.import_hours(preview).added == 2  # type: ignore[arg-type]
    again = preview_of(services, tmp_path, text, options)
    assert again.rows == [] and len(again.duplicates) == 2


def test_kimai_seconds_and_foreign_activities_take_the_default_when_mapped(
    services: Services, tmp_path: Path
) -> None:
    preview = preview_of(services, tmp_path, KIMAI)
    assert preview.tool == "Kimai" and "activity" not in preview.mapping
    assert any("'Restricted'" in n and "not read as the activity" in n for n in preview.notes)
    assert summary(preview) == (2, round(7260 / 3600 + 1.5, 4))
    mapped = preview_of(services, tmp_path, KIMAI, ImportOptions({"activity": "Activity"}))
    assert [e.activity for e in mapped.rows] == [Activity.CASE_MANAGEMENT] * 2  # type: ignore[attr-defined]
    assert any(n.startswith("Activity: 'Restricted' is not one of") for n in mapped.notes)
    assert mapped.ok
    longer = KIMAI.replace("10:00;11:30;5400", "10:00;19:00;5400")  # the tool's own figure wins
    other = preview_of(services, tmp_path, longer)
    assert summary(other) == summary(preview)
    assert "Duration differs from From–To on 1 row (line 3); Duration is used" in other.notes


def test_date_times_give_hours_from_the_clock_in_local_time(
    services: Services, tmp_path: Path
) -> None:
    watson = "id,start,stop,project,tags\na1,2014-04-17 09:15,2014-04-17 09:43,hubble,lens\n"
    preview = preview_of(services, tmp_path, watson)
    assert preview.tool == "Watson" and summary(preview) == (1, round(28 / 60, 4))
    assert preview.rows[0].start_time == time(9, 15)  # type: ignore[attr-defined]
    timewarrior = (
        '"Start","End","Annotation","Tags"\n"20240918T120000Z","20240918T131500Z","a","b"\n'
    )
    preview = preview_of(services, tmp_path, timewarrior)
    local = datetime(2024, 9, 18, 12, tzinfo=UTC).astimezone()
    assert summary(preview) == (1, 1.25) and preview.rows[0].start == local.date()  # type: ignore[attr-defined]
    iso_t = "Start,End\n2024-03-15T09:00:00,2024-03-15T10:30:00\n"
    assert summary(preview_of(services, tmp_path, iso_t)) == (1, 1.5)


def test_minutes_and_h_m_s_columns_by_header(services: Services, tmp_path: Path) -> None:
    tracker = (
        "activity name,time started,time ended,comment,duration,duration minutes\n"
        '"Lunch",2025-09-17 11:46:37,2025-09-17 12:46:37,"w/ Abel",1:0:0,60\n'
    )
    preview = preview_of(services, tmp_path, tracker)
    assert summary(preview) == (1, 1.0) and preview.mapping["hours"] == "duration"
    assert "activity" not in preview.mapping  # 'activity name' is not ours
    minutes = "date,time (minutes)\n2024-01-02,45\n"
    assert summary(preview_of(services, tmp_path, minutes)) == (1, 0.75)


def test_gtimelog_days_off_are_skipped_and_a_file_without_dates_is_refused(
    services: Services, tmp_path: Path
) -> None:
    daily = "date,day-start (hours),slacking (hours),work (hours)\n2008-06-03,12.75,0,3\n"
    preview = preview_of(services, tmp_path, daily + "2008-06-04,0.0,0.0,0.0\n")
    assert summary(preview) == (1, 3.0) and preview.skipped == [(3, "0 hours (a day off)")]
    with pytest.raises(ValidationError, match=r"no column for date .*'task', 'time \(minutes\)'"):
        preview_of(services, tmp_path, "task,time (minutes)\netc,60\n")


def test_an_excel_month_with_a_preamble_totals_and_days_off(
    services: Services, tmp_path: Path
) -> None:
    preview = preview_of(services, tmp_path, EXCEL_MONTH)
    assert preview.delimiter == ";" and summary(preview) == (2, 16.5)
    assert [e.start for e in preview.rows] == [date(2025, 1, 2), date(2025, 1, 3)]  # type: ignore[attr-defined]
    assert preview.skipped == [
        (4, "0 hours (a day off)"),
        (7, "a total or summary row"),
        (8, "a total or summary row"),
    ]
    assert preview.rows[1].notes == "Übergabe" and "end" not in preview.mapping  # type: ignore[attr-defined]
    clock = preview_of(services, tmp_path, EXCEL_MONTH, ImportOptions({"hours": None}))
    assert "hours" not in clock.mapping and summary(clock) == (2, 16.5)  # 9 h - 0,5 and 8,5 - 0,5


def test_tab_separated_utf16_without_a_byte_order_mark(services: Services, tmp_path: Path) -> None:
    text = "Date\tHours\tNotes\r\n2024-01-02\t1,5\tHome visit — Zoë\r\n"
    preview = preview_of(services, tmp_path, text.encode("utf-16-le"))
    assert (preview.encoding, preview.delimiter) == ("UTF-16", "\t")
    assert summary(preview) == (1, 1.5) and preview.rows[0].notes == "Home visit — Zoë"  # type: ignore[attr-defined]


def test_a_title_row_above_the_header_and_a_thousands_comma(
    services: Services, tmp_path: Path
) -> None:
    text = 'Hours for 2024\n\nDate,Hours,End\n2024-01-01,"1,500",2024-12-31\n2024-01-05,"3,5",\n'
    preview = preview_of(services, tmp_path, text)
    assert [e.hours for e in preview.rows] == [1500.0, 3.5]  # type: ignore[attr-defined]
    assert preview.lines == [4, 5]
    semicolons = "Date;Hours\n2024-01-01;1,500\n"  # in a ; file the comma is a decimal one
    assert [e.hours for e in preview_of(services, tmp_path, semicolons).rows] == [1.5]  # type: ignore[attr-defined]


def test_one_windows_1252_line_in_a_utf8_file_is_named_and_the_rest_kept(
    services: Services, tmp_path: Path
) -> None:
    data = (
        "Date,Hours,Notes\n2024-01-02,1,Zoë Müller\n".encode()
        + "2024-01-03,2,Renée\n".encode("cp1252")
        + "2024-01-04,3,José\n".encode()
    )
    preview = preview_of(services, tmp_path, data)
    assert [e.notes for e in preview.rows] == ["Zoë Müller", "Renée", "José"]  # type: ignore[attr-defined]
    assert preview.encoding == "UTF-8"
    assert any(n.startswith("line 3 of the file is not UTF-8") for n in preview.notes)


def test_skip_invalid_imports_the_valid_rows_only(services: Services, tmp_path: Path) -> None:
    text = "Date,Hours\n2024-01-02,2\n2024-01-03,lots\n2024-01-04,3\n"
    preview = preview_of(services, tmp_path, text)
    assert not preview.ok
    with pytest.raises(ValidationError, match="nothing was imported"):
        services.records.import_hours(preview)  # type: ignore[arg-type]
    assert services.hours.list() == ()
    chosen = preview_of(services, tmp_path, text, ImportOptions(skip_invalid=True))
    result = services.records.import_hours(chosen)  # type: ignore[arg-type]
    assert (result.added, result.hours, result.left_out) == (2, 5.0, 1)


def test_an_empty_mapping_leaves_a_field_out(
    db: Database, services: Services, tmp_path: Path
) -> None:
    text = "Date,Hours,Notes\n2024-01-02,2,kept out\n"
    preview = preview_of(services, tmp_path, text, ImportOptions({"notes": None}))
    assert "notes" not in preview.mapping and preview.rows[0].notes == ""  # type: ignore[attr-defined]


def test_cli_json_contract_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from careerplanner.cli import run

    data = ["--data-dir", str(tmp_path / "data")]
    path = tmp_path / "team.csv"
    path.write_text(CLOCKIFY_TEAM, encoding="utf-8")
    assert run([*data, "hours", "import", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "accepted": 0,
        "hours": 0,
        "skipped": [],
        "duplicates": 0,
        "problems": [],
        "people": ["Ann Lee", "Bo Park"],
    }
    assert err.strip().splitlines() == [
        "error: the file holds the hours of 2 people (Ann Lee, Bo Park); "
        "choose whose rows to import with --person NAME"
    ]
    assert run([*data, "hours", "import", str(path), "--json", "--person", "Bo Park"]) == 0
    assert json.loads(capsys.readouterr().out)["accepted"] == 1
    assert run([*data, "hours", "import", str(path), "--person", "Bo Park", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 1  # stored by the run above
    path.write_text("Date,Hours\n03/04/2024,2\n", encoding="utf-8")
    assert run([*data, "hours", "import", str(path), "--dry-run"]) == 2
    assert "--date-format MM/DD/YYYY or --date-format DD/MM/YYYY" in capsys.readouterr().err
    args = [*data, "hours", "import", str(path), "--dry-run", "--json"]
    assert run([*args, "--date-format", "dd/mm/yyyy"]) == 0
    assert json.loads(capsys.readouterr().out)["hours"] == 2
    assert run([*args, "--date-format", "D/M"]) == 2
    assert "unknown date format 'D/M'" in capsys.readouterr().err


def test_cli_says_a_repeated_problem_once_and_can_skip_invalid_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from careerplanner.cli import run

    data = ["--data-dir", str(tmp_path / "data")]
    path = tmp_path / "h.csv"
    rows = "".join(f"2024-01-{d:02d},{'x' if d % 2 else '2'}\n" for d in range(1, 21))
    path.write_text("Day,Time\n" + rows, encoding="utf-8")
    assert run([*data, "hours", "import", str(path), "--map", "hours=Time"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "10 rows (lines 2, 4, 6, 8, 10 …): Time: 'x' is not a number"
    assert "--skip-invalid imports the others" in err[-1]
    args = [*data, "hours", "import", str(path), "--map", "hours=Time", "--skip-invalid"]
    assert run([*args, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["accepted"], found["hours"], len(found["problems"])) == (10, 20, 10)
    assert found["problems"][0] == {"line": 2, "column": "Time", "message": "'x' is not a number"}
    assert run([*data, "hours", "import", str(path), "--map", "hours="]) == 2
    assert "no column for hours" in capsys.readouterr().err
    by_label = [*data, "hours", "import", str(path), "--map", "Hours=Time", "--dry-run"]
    assert run([*by_label, "--skip-invalid"]) == 0  # the field as the preview labels it
    assert run([*data, "hours", "import", str(path), "--map", "colour=Time"]) == 2
    assert "unknown field 'colour' in the column mapping (choose start (Date (first day))" in (
        capsys.readouterr().err
    )


def test_a_clock_time_file_imported_again_adds_nothing(services: Services, tmp_path: Path) -> None:
    text = (
        "id,start,stop,project,tags\n"
        "a1,2014-04-17 09:15,2014-04-17 09:45,x,\n"
        "a2,2014-04-17 13:00,2014-04-17 13:30,x,\n"  # the same half hour, later: kept
    )
    first = preview_of(services, tmp_path, text)
    assert services.records.import_hours(first).added == 2  # type: ignore[arg-type]
    again = preview_of(services, tmp_path, text)
    assert again.rows == [] and len(again.duplicates) == 2


def test_a_leading_apostrophe_is_ours_to_remove_only_in_our_own_export(
    services: Services, tmp_path: Path
) -> None:
    other = "Date,Hours,Notes\n2024-01-02,1,'-) quoted by hand\n"
    assert preview_of(services, tmp_path, other).rows[0].notes == "'-) quoted by hand"  # type: ignore[attr-defined]
    ours = (
        "ID,Date,Last day,Hours,Activity,Setting,Supervision,Paid,Employer,Notes,Verified by,"
        "Verifier credential,Verified on\n"
        "1,2024-01-02,,1,Case management,Hospital,Supervised by a CCM,yes,,'-) escaped,,,\n"
    )
    preview = preview_of(services, tmp_path, ours)
    assert preview.tool == "CareerPlanner export" and preview.rows[0].notes == "-) escaped"  # type: ignore[attr-defined]


def test_ce_reads_dotted_dates_decimal_commas_and_topic_labels(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "ce.csv"
    path.write_text("Datum;Credits;Topic;Title\n15.03.2025;1,5;Case management;Ethics\n")
    preview = services.records.preview_ce_csv(path)
    assert [(c.date, c.hours, c.topic.value) for c in preview.rows] == [
        (date(2025, 3, 15), 1.5, "case-management")
    ]


def test_a_stray_choice_takes_the_default_and_is_named(services: Services, tmp_path: Path) -> None:
    text = "Date,Hours,Setting\n2026-03-02,1,hospital\n2026-03-03,2,Clinic\n2026-03-04,3,moon\n"
    preview = preview_of(services, tmp_path, text)
    assert preview.mapping["setting"] == "Setting" and preview.ok
    assert [e.setting.value for e in preview.rows] == ["hospital", "clinic", "other"]  # type: ignore[attr-defined]
    assert preview.notes == [
        "Setting: 'moon' is not one of our setting values; the default 'other' is used "
        "(1 row, line 4)"
    ]


def test_a_hamster_tab_export_of_date_times_and_minutes(services: Services, tmp_path: Path) -> None:
    text = (
        "activity\tstart time\tend time\tduration minutes\tcategory\tdescription\n"
        "Intake\t2024-02-05 09:00:00\t2024-02-05 10:30:00\t90\tWork\tnew client\n"
        "Rounds\t2024-02-06 13:00:00\t2024-02-06 13:45:00\t45\tWork\t\n"
    )
    preview = preview_of(services, tmp_path, text)
    assert preview.delimiter == "\t" and summary(preview) == (2, 2.25)
    assert preview.mapping["start"] == preview.mapping["start_time"] == "start time"
    assert "activity" not in preview.mapping and preview.rows[0].notes == "new client"  # type: ignore[attr-defined]
