"""The UI file-layout picture in docs/CONTRACTS.md names exactly the modules in the tree."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _picture() -> dict[str, set[str]]:
    """Package folder → module names, as the picture in CONTRACTS.md draws them."""
    text = (ROOT / "docs" / "CONTRACTS.md").read_text()
    block = text.split("The files, grouped by page", 1)[1].split("```", 2)[1]
    drawn: dict[str, set[str]] = {}
    folder = ""
    for line in block.strip().splitlines():
        first, *rest = line.split()
        if first.endswith("/"):
            folder = first
        else:
            rest = [first, *rest]
        drawn.setdefault(folder, set()).update(rest)
    return drawn


def _tree() -> dict[str, set[str]]:
    ui = ROOT / "careerplanner" / "ui"
    found: dict[str, set[str]] = {}
    for module in ui.rglob("*.py"):
        if module.name != "__init__.py":
            folder = module.parent.relative_to(ui.parent).as_posix() + "/"
            found.setdefault(folder, set()).add(module.stem)
    return found


def test_the_ui_layout_picture_matches_the_tree() -> None:
    assert _picture() == _tree()
