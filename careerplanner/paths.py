"""Where things live: the bundled resources folder and the user's data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DATA_DIR_ENV = "CAREERPLANNER_DATA_DIR"
DATABASE_NAME = "careerplanner.sqlite3"
BACKUP_DIR_NAME = "backups"


def resources_dir() -> Path:
    """`resources/` at the top of a checkout, or `careerplanner/_resources` in a wheel."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"CareerPlanner's resources folder is missing (looked beside {package})"
    )


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("CareerPlanner", appauthor=False))


def resolve_data_dir(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """--data-dir wins over CAREERPLANNER_DATA_DIR, which wins over the platform default."""
    if option:
        return Path(option).expanduser()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser()
    return default_data_dir()
