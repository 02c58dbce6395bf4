"""The till's look: the standard stylesheet, or high contrast laid over it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pos_client.resources import resource_path

STYLESHEETS: dict[str, tuple[str, ...]] = {
    "standard": ("till.qss",),
    "high-contrast": ("till.qss", "high-contrast.qss"),
}
# what a stylesheet cannot reach: the receipt model's discount rows
DISCOUNT_COLOURS = {"standard": "#1b7f3b", "high-contrast": "#7cff7c"}


class Theme:
    current = "standard"


def stylesheet(theme: str) -> str:
    if theme not in STYLESHEETS:
        raise ValueError(f"unknown theme {theme!r}")
    return "\n".join(
        resource_path("styles", name).read_text("utf-8") for name in STYLESHEETS[theme]
    )


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyleSheet(stylesheet(theme))
    Theme.current = theme


def set_style_state(widget: QWidget, name: str, value: str) -> None:
    """Set a property the stylesheet selects on (`QLabel[kind="error"]`) and restyle the
    widget. A widget not yet styled takes it when first shown; only a styled one is polished
    again, so building the window never reaches for its QStyle (whose enums cost 15 ms to
    make on first use)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
