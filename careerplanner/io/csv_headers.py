"""The words of CSV headers: every spelling of each of our fields (the common time trackers'
included), the fields an import needs, the words people read for each field, and the header
sets that tell which tool wrote a file. `csv_detect` maps a file's columns with them.
"""

from __future__ import annotations

from enum import Enum

from careerplanner.domain.model import Activity, Setting, Supervision

OUR_EXPORT = "CareerPlanner export"
QUIET_COLUMNS = frozenset({"id"})  # written by our own export or a tool's row id; never imported

HOURS_ALIASES: dict[str, tuple[str, ...]] = {
    "start": (
        *("date", "start_date", "start", "day", "work_date", "date_worked", "datum"),
        *("time_started", "started", "start_time", "from"),
    ),
    "end": ("end", "end_date", "last_day", "through", "to", "until"),
    "hours": (
        *("hours", "hrs", "hour", "duration_hours", "duration_h", "work_hours", "ist_h"),
        *("duration_decimal", "duration", "time_minutes", "duration_minutes", "minutes"),
        *("duration_seconds", "seconds"),
    ),
    "start_time": ("start_time", "from", "start", "time_started", "started", "begin", "von"),
    "end_time": ("end_time", "to", "end", "stop", "ende", "time_ended", "ended", "until", "bis"),
    "break": ("break", "pause", "pause_h", "break_hours", "break_minutes", "unpaid_break"),
    "activity": ("activity", "activity_type", "type"),
    "setting": ("setting", "work_setting", "setting_type"),
    "supervision": ("supervision", "supervision_type", "supervisor_type"),
    "paid": ("paid", "is_paid", "paid_unpaid"),
    "employer": ("employer", "organization", "organisation", "company", "agency", "site"),
    "notes": (
        *("notes", "note", "comments", "comment", "description", "annotation", "notiz"),
        "bemerkung",
    ),
    "supervisor": ("supervisor", "supervisor_name", "supervised_by"),
    "verified_by": ("verified_by", "verifier", "signed_by"),
    "verified_credential": (
        *("verified_credential", "verifier_credential", "credential"),
        "supervisor_credential",
    ),
    "verified_on": ("verified_on", "verified_date", "verification_date", "date_verified"),
}
CE_ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "completed",
        "completed_on",
        "completion_date",
        "date_completed",
        "day",
        "datum",
    ),
    "hours": ("hours", "ce_hours", "contact_hours", "credit_hours", "credits", "hrs"),
    "topic": ("topic", "category", "type"),
    "title": ("title", "course", "course_title", "activity", "name"),
    "provider": ("provider", "sponsor", "organization", "organisation"),
}
HOURS_REQUIRED = ("start", "hours")  # hours, or a start and an end time
FIELD_LABELS = {  # the words the preview, the CLI and the messages use for each field
    "start": "Date (first day)",
    "end": "Last day of a span",
    "hours": "Hours",
    "start_time": "Start time",
    "end_time": "End time",
    "break": "Break",
    "activity": "Activity",
    "setting": "Setting",
    "supervision": "Supervision",
    "paid": "Paid",
    "employer": "Employer",
    "notes": "Notes",
    "supervisor": "Supervisor",
    "verified_by": "Verified by",
    "verified_credential": "Verifier's credential",
    "verified_on": "Verified on",
    "date": "Date completed",
    "topic": "Topic",
    "title": "Title",
    "provider": "Provider",
}
CE_REQUIRED = ("date", "hours", "topic")
CLOCK_FIELDS = frozenset({"start_time", "end_time"})
CHOICES: dict[str, type[Enum]] = {
    "activity": Activity,
    "setting": Setting,
    "supervision": Supervision,
}
YES_NO = frozenset({"yes", "no", "y", "n", "true", "false", ""})
PERSON_ALIASES = ("user", "employee", "member", "username", "user_name", "person", "staff")
TOOLS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (name, frozenset(headers.split()))
    for name, headers in (
        (OUR_EXPORT, "hours activity setting supervision paid verified_by verified_on"),
        ("Clockify", "project user email start_date start_time end_time duration_h"),
        ("Toggl", "user email project start_date start_time end_time duration"),
        ("Harvest", "date hours first_name last_name"),
        ("Kimai", "date from to duration user activity"),
        ("Watson", "id start stop project tags"),
        ("Timewarrior", "start end annotation tags"),
        ("Simple Time Tracker", "activity_name time_started time_ended"),
        ("gtimelog", "date work_hours"),
        ("gtimelog", "task time_minutes"),
        ("Arbeitszeiterfassung", "datum start ende pause_h ist_h"),
    )
)
SECONDS_TOOLS = frozenset({"Kimai"})  # "Duration" in seconds
