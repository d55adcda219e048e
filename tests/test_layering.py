"""Layering: the domain, catalog, storage and services load no Qt and no chart library."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import careerplanner.domain, careerplanner.domain.rules, careerplanner.domain.validation
import careerplanner.storage, careerplanner.storage.repositories
import careerplanner.services
try:
    import careerplanner.catalog
except ModuleNotFoundError:
    pass
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print(','.join(bad))
lazy = sorted(m for m in sys.modules if m.split('.')[0] == 'alembic')
print(','.join(lazy))
"""


def test_core_layers_import_no_qt() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "", f"Qt or pyqtgraph loaded: {out[0]}"
    assert out[1] == "", f"Alembic loaded before an upgrade is due: {out[1]}"
