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


def test_backup_and_recovery_services_hold_no_sqlite() -> None:
    """SQL and sqlite3 stay in storage/: backups, recovery and the restore screen call it."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "careerplanner"
    modules = ["services/backups.py", "services/backup_files.py", "services/recovery.py"]
    modules += ["services/backup_certificates.py", "services/profile.py", "ui/restore_dialog.py"]
    for module in modules:
        tree = ast.parse((root / module).read_text())
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            (node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        assert not imported & {"sqlite3", "sqlalchemy"}, module
        assert "Database.open" not in (root / module).read_text() or module.endswith(
            "recovery.py"
        ), module
