"""Small widgets shared by the pages: cards, headings, field errors, optional dates, date text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)


def format_date(day: date | None, empty: str = "—") -> str:
    """A date as people read it in the app: "Mar 4, 2027"."""
    if day is None:
        return empty
    return f"{day:%b} {day.day}, {day.year}"


def format_hours(hours: float) -> str:
    """Hours with a thousands separator and no needless decimals: "1,234" or "12.5"."""
    if abs(hours - round(hours)) < 0.05:
        return f"{round(hours):,}"
    return f"{hours:,.1f}"


def plural(count: int, word: str) -> str:
    """ "1 entry", "3 entries", "1,204 hours": the count with the word in the right number."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count:,} {word[:-1]}ies"
    return f"{count:,} {word}s"


def describe_distance(today: date, day: date) -> str:
    """ "today", "in 3 weeks", "in 5 months", "2 months ago" – how far away a date is."""
    days = (day - today).days
    if days == 0:
        return "today"
    amount = abs(days)
    if amount < 14:
        text = f"{amount} day{'s' if amount != 1 else ''}"
    elif amount < 62:
        text = f"{round(amount / 7)} weeks"
    elif amount < 730:
        text = f"{round(amount / 30.44)} months"
    else:
        text = f"{amount / 365.25:.1f} years"
    return f"in {text}" if days > 0 else f"{text} ago"


class Card(QFrame):
    """A framed box with an optional title; put content into `card.body` (a QVBoxLayout)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.title_label: QLabel | None = None
        if title:
            self.title_label = heading(title, level=2)
            self.body.addWidget(self.title_label)


def heading(text: str, level: int = 1) -> QLabel:
    """A bold title label; level 1 is a page title, level 2 a card title."""
    label = QLabel(text)
    label.setObjectName("pageTitle" if level == 1 else "cardTitle")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.15))
    label.setFont(font)
    label.setWordWrap(True)
    return label


def muted(text: str = "", wrap: bool = True) -> QLabel:
    """A secondary, greyed label for explanations and hints."""
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(wrap)
    return label


def bar_value(current: float, required: float) -> int:
    """A progress bar's value (per mille of `required`) for `current`."""
    fraction = 1.0 if required <= 0 else max(0.0, min(1.0, current / required))
    return round(fraction * 1000)


def progress_bar(current: float, required: float) -> QProgressBar:
    """A bar from 0 to `required` (per-mille resolution) showing `current`, without text."""
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setValue(bar_value(current, required))
    bar.setTextVisible(False)
    bar.setFixedHeight(10)
    return bar


class FieldError(QLabel):
    """The red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(sentence(message))
        self.setVisible(bool(message))

    def clear_error(self) -> None:
        self.show_error("")


def sentence(message: str) -> str:
    """A message as a sentence: its first letter upper-cased ("the entry…" → "The entry…")."""
    return message[:1].upper() + message[1:] if message[:1].islower() else message


def least_width(widget: QWidget) -> int:
    """The narrowest a layout may make `widget`: its minimum width, or its minimum size hint."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def clear_on_edit(
    error: FieldError, widget: QWidget, valid: Callable[[], bool] | None = None
) -> None:
    """Hide `error` at the next edit of `widget` that leaves it valid (any edit, by default;
    a date field's own check for one): a fixed input shows no stale message."""
    is_valid = valid or getattr(widget, "is_valid", None) or (lambda: True)

    def edited(*_args: object) -> None:
        if not error.isHidden() and is_valid():
            error.clear_error()

    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(edited)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(edited)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(edited)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(edited)
    elif isinstance(widget, QAbstractSpinBox):
        widget.editingFinished.connect(edited)
