"""Layering: the domain, catalog, storage and services load no Qt and no chart library; and,
read statically from the source, each floor imports only what it may:

- `ui/` and `cli/` import no `storage`, SQLAlchemy or `sqlite3` (services re-export the errors);
- `services/` imports no Qt or `sqlite3`, and no string in it is SQL;
- `domain/` imports nothing but the standard library, numpy and itself.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "careerplanner"
# SQL in a string: statements, clauses and the functions the storage layer writes.
SQL = re.compile(
    r"(?i)\bselect\b[^.]*\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b"
    r"|\bupdate\s+\"?\w+\"?\s+set\b|\bcreate\s+(table|index|view)\b|\bpragma\b"
    r"|\bwhere\s+\"?\w+\"?\s*(=|<|>|\bin\b|\bis\b|\bbetween\b|\blike\b)|\bcoalesce\s*\("
    r"|\b\w+\"?\s*(<=|>=|!=|=|<|>)\s*(\?|:\w+\b)"  # a comparison with a bound parameter
)
QT = ("PySide6", "shiboken6", "pyqtgraph")

CODE = """
import sys
import careerplanner.domain, careerplanner.domain.rules, careerplanner.domain.validation
import careerplanner.storage, careerplanner.storage.repositories
import careerplanner.services
import careerplanner.catalog, careerplanner.catalog.certifications, careerplanner.catalog.careers
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
    modules += [
        "services/backup_certificates.py",
        "services/profile.py",
        "ui/files/restore_dialog.py",
        "ui/files/recovery_dialog.py",
    ]
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


def imports(tree: ast.AST) -> set[str]:
    """Every module the source imports (TYPE_CHECKING and function-level imports included)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def _top(module: str) -> str:
    return module.split(".")[0]


def _storage_or_sql(module: str) -> bool:
    return _top(module) in ("sqlalchemy", "sqlite3") or module.startswith("careerplanner.storage")


def front_problems(source: str) -> list[str]:
    """What a `ui/` or `cli/` module may not import."""
    return sorted(m for m in imports(ast.parse(source)) if _storage_or_sql(m))


def service_problems(source: str) -> list[str]:
    """Qt or sqlite3 imported by a service, and any string in it that is SQL."""
    tree = ast.parse(source)
    found = sorted(m for m in imports(tree) if _top(m) in (*QT, "sqlite3"))
    found += [
        f"SQL on line {node.lineno}: {node.value.strip()[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]
    return found


def domain_problems(source: str) -> list[str]:
    """Imports of a domain module from outside the standard library, numpy and the domain."""
    allowed = (*sys.stdlib_module_names, "numpy")
    return sorted(
        m
        for m in imports(ast.parse(source))
        if m.startswith(".")
        or (_top(m) not in allowed and not m.startswith("careerplanner.domain"))
    )


def _sources(floor: str) -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / floor).rglob("*.py")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


CHECKS = [("ui", front_problems), ("cli", front_problems)]
CHECKS += [("services", service_problems), ("domain", domain_problems)]


@pytest.mark.parametrize(("floor", "check"), CHECKS, ids=[c[0] for c in CHECKS])
def test_each_floor_imports_only_what_it_may(floor: str, check: object) -> None:
    assert callable(check)
    sources = list(_sources(floor))
    assert len(sources) >= 5, f"{floor}/ has too few modules: is the path right?"
    problems = {name: found for name, source in sources if (found := check(source))}
    assert problems == {}


def test_the_checks_see_each_kind_of_violation() -> None:
    """Each rule, on a source that breaks it, and on one that keeps it."""
    assert front_problems("from careerplanner.storage.errors import DatabaseError") == [
        "careerplanner.storage.errors"
    ]
    assert front_problems("if T:\n    import sqlite3\ndef f():\n    import sqlalchemy.orm") == [
        "sqlalchemy.orm",
        "sqlite3",
    ]
    assert front_problems("from careerplanner.services.errors import DatabaseError") == []
    assert service_problems("from PySide6.QtCore import QObject\nimport sqlite3") == [
        "PySide6.QtCore",
        "sqlite3",
    ]
    where = 'x = f"{a} WHERE id = ?"\ny = \'coalesce("end", start) >= ?\''
    found = sorted(p.split(":")[0] for p in service_problems(where))
    assert found == ["SQL on line 1", "SQL on line 2"]
    assert service_problems("q = 'INSERT INTO scenario (name) VALUES (?)'") != []
    assert service_problems("q = 'select id from work_entry'") != []
    assert service_problems("w = 'date >= ? AND date <= ?'") != []
    assert service_problems("m = 'update the plan, then choose where to save it'") == []
    assert domain_problems("import numpy as np\nfrom careerplanner.io import json_io") == [
        "careerplanner.io"
    ]
    assert domain_problems("from PySide6 import QtCore\nfrom . import model") == [
        ".",
        "PySide6",
    ]
    assert domain_problems("import json\nfrom careerplanner.domain.model import Plan") == []
