"""The standalone bundle against the venv: size on disk and start-up to a saved screenshot.

Needs `make bundle` first (dist/careerplanner/). Both programs render the sample plan's
overview with --screenshot, in alternating fresh processes after one warm-up round each;
the figures are medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "careerplanner" / "careerplanner"
VENV_SCRIPT = Path(sys.executable).parent / "careerplanner"


def folder_mb(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def screenshot_ms(program: Path, data_dir: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [str(program), "--data-dir", str(data_dir), "--screenshot", str(data_dir / "s.png")]
    started = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    if not BUNDLE.is_file():
        print("no bundle: run `make bundle` first")
        return
    print(f"bundle folder: {folder_mb(BUNDLE.parent):.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        subprocess.run(
            [str(BUNDLE), "--data-dir", str(data_dir), "demo"], check=True, capture_output=True
        )
        times: dict[str, list[float]] = {"venv": [], "bundle": []}
        for round_ in range(RUNS + 1):
            for name, program in (("venv", VENV_SCRIPT), ("bundle", BUNDLE)):
                elapsed = screenshot_ms(program, data_dir)
                if round_:  # the first round warms the file cache
                    times[name].append(elapsed)
    for name, values in times.items():
        print(f"{name} start-up to screenshot: median {statistics.median(values):.0f} ms")
