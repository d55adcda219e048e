"""Render resources/icons/careerplanner.svg to the PNG sizes a desktop asks for (`make icons`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careerplanner.desktop_entry import ICON_SIZES, icon_png, icon_svg  # noqa: E402


def render(svg: Path, size: int, out: Path) -> None:
    """Draw `svg` into a transparent `size` x `size` image and save it as a PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"error: could not write {out}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    resources = ROOT / "resources"
    for size in ICON_SIZES:
        render(icon_svg(resources), size, icon_png(size, resources))
        print(icon_png(size, resources).relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
