"""Start-up of the window with data, quick-add through the GUI, the Timeline at 100,000 entries.

Each figure comes from fresh processes. Start-up is compared with a bare PySide6 window holding
one pyqtgraph plot, measured in the same run, alternating with the app's runs: the first paint
(an empty window), and the moment the Overview has painted its numbers (the figure that counts).

The usual start is measured: the data folder holds the stored copy of the entry columns, as
after any earlier run of the app. Printed too, without a goal: the first start after another
program changed an entry (the copy is then missing, so every entry's row is read; the app
stores the copy again once idle).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
from datetime import date
from pathlib import Path

from benchmarks._app_child import APP, BASELINE, child, median_of, verdict

RUNS = 5
READY_GOALS = {"demo data": 1.3, "100,000 entries": 1.6}
RSS_GOAL_MB = 250.0
TIMELINE_GOAL_MS = 300.0
QUICK_ADD_GOALS_MS = {"demo data": 50.0, "100,000 entries": 100.0}


def _prepare(folder: Path, entries: int) -> Path:
    """A data folder with the sample plan, plus `entries` generated work entries, and the
    stored entry columns an earlier run of the app leaves."""
    from benchmarks.fixtures import large_entries
    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database

    with Database.open(folder) as database:
        services = Services(database, load_catalog())
        services.plan.load_demo()
        if entries:
            services.hours.add_many(large_entries(entries, 10, date.today()))
        services.plan.snapshot()
        assert services.plan.store_entry_columns()
    return folder


def _outside_write(folder: Path) -> None:
    """Another program changes an entry (to the value it had): the copy's triggers drop it."""
    from careerplanner.paths import DATABASE_NAME

    connection = sqlite3.connect(folder / DATABASE_NAME)
    with connection:
        connection.execute(
            "UPDATE work_entry SET hours = hours WHERE id = (SELECT min(id) FROM work_entry)"
        )
    connection.close()
    connection = sqlite3.connect(folder / DATABASE_NAME)
    assert connection.execute("SELECT count(*) FROM entry_columns").fetchone() == (0,)
    connection.close()


def _start_up(folders: dict[str, Path]) -> None:
    child(BASELINE)  # warm the file cache
    bare: list[dict[str, float]] = []
    apps: dict[str, list[dict[str, float]]] = {name: [] for name in folders}
    outside: list[dict[str, float]] = []
    large = folders["100,000 entries"]
    for _ in range(RUNS):  # alternating, so a busy moment hits both sides alike
        bare.append(child(BASELINE))
        for name, folder in folders.items():
            apps[name].append(child(APP, str(folder), "paint"))
        with tempfile.TemporaryDirectory() as temp:  # the usual folder keeps its copy
            copy = Path(temp) / "large"
            shutil.copytree(large, copy)
            _outside_write(copy)
            outside.append(child(APP, str(copy), "paint"))
    baseline = median_of(bare, "paint")
    print(f"bare PySide6 window with one pyqtgraph plot, first paint: median {baseline:.0f} ms")
    for name, runs in apps.items():
        paint, ready = median_of(runs, "paint"), median_of(runs, "ready")
        goal = READY_GOALS[name]
        print(
            f"start-up, {name}: Overview shows its numbers at median {ready:.0f} ms = "
            f"{ready / baseline:.2f}x the bare window (goal <= {goal:.1f}x) "
            f"{verdict(ready / baseline <= goal)}; first paint {paint:.0f} ms = "
            f"{paint / baseline:.2f}x"
        )
    ready = median_of(outside, "ready")
    print(
        f"start-up, 100,000 entries, the first after another program changed an entry (every "
        f"row read): Overview shows its numbers at median {ready:.0f} ms = "
        f"{ready / baseline:.2f}x the bare window (no goal: the app stores the copy once idle)"
    )


def _quick_add(folders: dict[str, Path]) -> None:
    for name, folder in folders.items():
        figures = child(APP, str(folder), "quick-add")
        runs = [v for k, v in figures.items() if k.startswith("quick-add")]
        quick, goal = statistics.median(runs), QUICK_ADD_GOALS_MS[name]
        print(
            f"quick-add through the GUI, {name}: Enter in the hours field until the Overview's "
            f"'In total' shows the new figure, median of {len(runs)} {quick:.1f} ms "
            f"(goal < {goal:.0f} ms) {verdict(quick < goal)}"
        )


def _timeline(folder: Path) -> None:
    figures = child(APP, str(folder), "timeline")
    shown, rss = figures["timeline"], figures["rss"]
    print(
        f"Timeline first show, 100,000 entries (pyqtgraph imported before): {shown:.0f} ms "
        f"(goal < {TIMELINE_GOAL_MS:.0f} ms) {verdict(shown < TIMELINE_GOAL_MS)}"
    )
    print(
        f"peak resident memory, 100,000 entries, Timeline shown: {rss:.0f} MB "
        f"(goal < {RSS_GOAL_MB:.0f} MB) {verdict(rss < RSS_GOAL_MB)}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folders = {
            "demo data": _prepare(Path(temp) / "demo", 0),
            "100,000 entries": _prepare(Path(temp) / "large", 100_000),
        }
        _start_up(folders)
        _timeline(folders["100,000 entries"])  # before the quick-adds drop the stored copy
        _quick_add(folders)


if __name__ == "__main__":
    main()
