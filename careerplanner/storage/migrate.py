"""Runs Alembic migrations on a database file; imported only when an upgrade is due."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from careerplanner.storage.engine import make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration, built in code, running on an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(path: Path, revision: str = "head") -> None:
    """Migrate the file to `revision` in one transaction (foreign keys off while tables move)."""
    engine = make_engine(path, foreign_keys=False, wal=False)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


def downgrade(path: Path, revision: str) -> None:
    """Migrate the file back to `revision` (for tests and for recovering from a bad upgrade)."""
    engine = make_engine(path, foreign_keys=False, wal=False)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()
