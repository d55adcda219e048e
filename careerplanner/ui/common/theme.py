"""Light and dark palettes and the app's small stylesheet; follows the system unless forced."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
THEME_KEY = "ui/theme"

_LIGHT = {
    "window": "#f4f6f8",
    "base": "#ffffff",
    "alt": "#eef1f4",
    "text": "#1d2430",
    "muted": "#5b6573",
    "button": "#e9edf1",
    "highlight": "#2f6fb3",
    "highlight_text": "#ffffff",
    "border": "#d3d9e0",
    "error": "#b3261e",
    "good": "#1e7b3a",
    "warn": "#9a5b00",
    "link": "#245d99",
}
_DARK = {
    "window": "#1e2228",
    "base": "#262b32",
    "alt": "#2c323a",
    "text": "#e4e8ee",
    "muted": "#a0a9b5",
    "button": "#333a43",
    "highlight": "#4d8fd6",
    "highlight_text": "#ffffff",
    "border": "#3b434d",
    "error": "#ff8a80",
    "good": "#7bd88f",
    "warn": "#f3b562",
    "link": "#8cbcf0",
}


# Chart colours per theme; each keeps a contrast of at least 3:1 against the theme's "base".
_CHART_LIGHT = {
    "degree": "#6a3d9a",
    "license": "#1f78b4",
    "license-expiry": "#c4161c",
    "eligibility": "#2a7f24",
    "target": "#b85c00",
    "exam-window": "#9c4a1c",
    "renewal": "#86601a",
    "stage": "#5f6670",
    "hours": "#1f6fb4",
    "other": "#b35c0a",
    "plan": "#2a7f24",
    "salary": "#8e44ad",
    "threshold": "#c0392b",
    "today": "#c25e00",
    "bar": "#2f7fc1",
}
_CHART_DARK = {
    "degree": "#c39bea",
    "license": "#6fb3ef",
    "license-expiry": "#ff7b7b",
    "eligibility": "#7bd88f",
    "target": "#ffad5c",
    "exam-window": "#e0a070",
    "renewal": "#d9b56a",
    "stage": "#b0b8c2",
    "hours": "#6fb3ef",
    "other": "#ffad5c",
    "plan": "#7bd88f",
    "salary": "#c39bea",
    "threshold": "#ff8a80",
    "today": "#ffad5c",
    "bar": "#4d8fd6",
}


def palette_is_dark(pal: QPalette) -> bool:
    """Whether a widget's palette paints light text on a dark base."""
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def chart_colors(pal: QPalette) -> dict[str, str]:
    """The chart colours for a widget's palette, plus its "base" (background) and "text"."""
    chosen = dict(_CHART_DARK if palette_is_dark(pal) else _CHART_LIGHT)
    chosen["base"] = pal.color(QPalette.ColorRole.Base).name()
    chosen["text"] = pal.color(QPalette.ColorRole.Text).name()
    return chosen


def _luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(color)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast_ratio(a: str, b: str) -> float:
    """The contrast ratio of two colours (1 to 21), as accessibility guidelines define it."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> str:
    """ "light" or "dark" for a setting of "system", "light" or "dark"."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if system_is_dark() else "light"


def colors(choice: str) -> dict[str, str]:
    return _DARK if resolve(choice) == "dark" else _LIGHT


def palette(c: dict[str, str]) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"],
        QPalette.ColorRole.AlternateBase: c["alt"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["button"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.Highlight: c["highlight"],
        QPalette.ColorRole.HighlightedText: c["highlight_text"],
        QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["link"],
        QPalette.ColorRole.Mid: c["border"],
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    disabled = QColor(c["muted"])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, disabled)
    return pal


def stylesheet(c: dict[str, str]) -> str:
    return f"""
QFrame#card {{ background: {c["base"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
QFrame#card QLabel {{ background: transparent; }}
QLabel#muted {{ color: {c["muted"]}; }}
QLabel#fieldError {{ color: {c["error"]}; }}
QLabel#good {{ color: {c["good"]}; font-weight: bold; }}
QLabel#warn {{ color: {c["warn"]}; font-weight: bold; }}
QLabel#bad {{ color: {c["error"]}; font-weight: bold; }}
QListWidget#navigation {{ background: {c["alt"]}; border: none;
    border-right: 1px solid {c["border"]}; font-size: 11pt; padding-top: 8px; outline: 0; }}
QListWidget#navigation::item {{ padding: 8px 14px; border-radius: 6px; margin: 1px 6px; }}
QListWidget#navigation::item:selected {{ background: {c["highlight"]};
    color: {c["highlight_text"]}; }}
QProgressBar {{ border: none; border-radius: 4px; background: {c["alt"]}; }}
QProgressBar::chunk {{ border-radius: 4px; background: {c["highlight"]}; }}
QProgressBar[met="true"]::chunk {{ background: {c["good"]}; }}
QScrollArea {{ border: none; background: transparent; }}
"""


def use_fusion(app: QApplication) -> None:
    """Give the app the Fusion style; call it before the first widget exists.

    Changing the application style after a QWizard has been shown makes a later style sheet
    change crash inside Qt, so the style is set once, up front, and never changed again.
    """
    if app.property("careerplannerStyle") is None:
        app.setStyle("Fusion")  # never ask app.style() first: that wrapper outlives its style
        app.setProperty("careerplannerStyle", "Fusion")


def apply_theme(app: QApplication, choice: str) -> None:
    """Set the Fusion style, the palette and the stylesheet for a theme choice."""
    resolved = resolve(choice)
    if app.property("careerplannerTheme") == resolved:
        return  # already applied: restyling every widget again is costly
    app.setProperty("careerplannerTheme", resolved)
    use_fusion(app)
    c = colors(resolved)
    app.setPalette(palette(c))
    app.setStyleSheet(stylesheet(c))


def saved_choice(settings: QSettings) -> str:
    choice = str(settings.value(THEME_KEY, "system"))
    return choice if choice in THEMES else "system"


def install_theme(app: QApplication, settings: QSettings) -> None:
    """Apply the saved theme now, and again whenever the system switches light/dark."""
    apply_theme(app, saved_choice(settings))

    def follow_system(_scheme: object) -> None:
        if saved_choice(settings) == "system":
            apply_theme(app, "system")

    QGuiApplication.styleHints().colorSchemeChanged.connect(follow_system)
