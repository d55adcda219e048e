"""Shared fixtures: a fresh data folder, a database in it, the catalog, and services over both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from careerplanner.domain.catalog import Catalog
from careerplanner.services import Services
from careerplanner.storage import Database

TODAY = date(2026, 11, 26)

# Every property test draws the same examples on every run and every machine, keeps no example
# database and has no time limit per example: a test that passes cannot fail by chance on the
# next run, or because a shared machine is busy. Tests that need more examples say so.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.load_profile("deterministic")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that does not exist yet (Database.open makes it)."""
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = Database.open(data_dir)
    yield database
    database.close()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled catalog from resources/; a catalog that does not load fails the tests."""
    from careerplanner.catalog import load_catalog

    return load_catalog()


@pytest.fixture
def services(db: Database) -> Services:
    """Services over the bundled catalog on a fixed 'today' (2026-11-26)."""
    from careerplanner.catalog import load_catalog

    return Services(db, load_catalog(), today=lambda: TODAY)
