"""Render resources/icons/pos-client.svg to the PNG (window, desktop entry) and ICO (Windows).

Run after changing the SVG: `.venv/bin/python packaging/render_icons.py`.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "pos-client.svg")).render(painter)
    painter.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    render(256).save(str(ICONS / "pos-client.png"))
    render(64).save(str(ICONS / "pos-client.ico"))
