"""Running the real command line in its own process, and reading a data folder from outside."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from careerplanner.paths import DATABASE_NAME

COMMAND = [sys.executable, "-m", "careerplanner"]
NOBODY = 65534


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "HOME": str(Path("/tmp"))}


def cli(data_dir: Path, *args: str, as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    """Run `careerplanner --data-dir DATA_DIR ARGS...` to completion (as user nobody if told)."""
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    command = [*(prefix if as_nobody else []), *COMMAND, "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env(), timeout=120)


def start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """Start the command line without waiting for it."""
    return subprocess.Popen(
        [*COMMAND, "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )


def query(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of a query on the folder's database, read without going through the app."""
    connection = sqlite3.connect(
        f"{(data_dir / DATABASE_NAME).resolve().as_uri()}?mode=ro", uri=True
    )
    try:
        return list(connection.execute(sql))
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a digest of its bytes: to prove nothing changed."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}
