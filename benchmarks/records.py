"""CSV import of 100,000 hours rows (goal < 3 s) and their export (goal < 2 s)."""

from __future__ import annotations

import io
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.fixtures import large_entries
from careerplanner.io.csv_export import write_hours
from careerplanner.services.bus import ChangeBus
from careerplanner.services.import_export import ImportExportService
from careerplanner.storage import Database

ROWS = 100_000
TODAY = date(2026, 11, 26)
GOALS = {"import": 3.0, "export": 2.0}


def _report(name: str, seconds: float, detail: str = "") -> None:
    goal = GOALS.get(name)
    verdict = "" if goal is None else (" ok" if seconds < goal else f" SLOWER than {goal:g} s")
    print(f"  {name:<14} {seconds * 1000:8.0f} ms{verdict} {detail}", flush=True)


def main() -> None:
    entries = large_entries(ROWS, years=35, today=TODAY)  # at most 8 entries (24 h) a day
    text = io.StringIO()
    write_hours(text, entries)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "hours.csv"
        csv_path.write_text(text.getvalue(), encoding="utf-8")
        with Database.open(Path(tmp) / "data") as db:
            records = ImportExportService(db, ChangeBus(), lambda: TODAY)
            began = time.perf_counter()
            preview = records.preview_hours_csv(csv_path)
            parsed = time.perf_counter()
            result = records.import_hours(preview)
            stored = time.perf_counter()
            assert result.added == ROWS and not preview.errors
            _report("preview", parsed - began, f"({ROWS:,} rows read and checked)")
            _report("insert", stored - parsed, "(one transaction, multi-row INSERTs)")
            _report("import", stored - began, "(preview + insert)")
            out = Path(tmp) / "export.csv"
            began = time.perf_counter()
            count = records.export_hours_csv(out)
            _report("export", time.perf_counter() - began, f"({count:,} rows)")
            began = time.perf_counter()
            again = records.preview_hours_csv(out)
            _report("re-import", time.perf_counter() - began, "(all reported as duplicates)")
            assert len(again.duplicates) == ROWS


if __name__ == "__main__":
    main()
