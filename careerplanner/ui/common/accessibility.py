"""Names for screen readers and a sensible Tab order, applied once to a page or dialog.

Qt announces a combo box by its current value ("Insurance") even when a label is its buddy, so
`name_inputs(root)` gives every input whose label names it that label as its accessible name
(the label's buddy, or the first input inside the buddy when that is a container). Charts are
not Tab stops; `describe_chart` gives one a name and its numbers as a text alternative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGraphicsView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def label_text(label: QLabel) -> str:
    """A label's words without mnemonics, markup or a trailing colon."""
    from html import unescape
    from re import sub

    text = unescape(sub(r"<[^>]+>", " ", label.text())).replace("&", "")
    return " ".join(text.split()).rstrip(":")


def _input_of(widget: QWidget) -> QWidget | None:
    """The input a label stands for: the widget itself, or the first input inside it."""
    if isinstance(widget, INPUTS):
        return widget
    inner = [w for w in widget.findChildren(QWidget) if isinstance(w, INPUTS)]
    return inner[0] if inner else None


def name_inputs(root: QWidget) -> None:
    """Name each labelled input after its label (its buddy's, or the label just before it
    in a row), unless it already has a name; scroll areas after the page; charts quiet."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        target = _input_of(buddy) if buddy is not None else None
        _name(target, label_text(label))
    for row in root.findChildren(QBoxLayout):
        widgets = _widgets_of(row)
        for before, after in pairwise(widgets):
            if isinstance(before, QLabel) and before.buddy() is None and after is not None:
                _name(_input_of(after), label_text(before))
    for form in root.findChildren(QFormLayout):
        _name_form_rows(form)
    for tabs in root.findChildren(QTabWidget):
        _name(tabs, root.windowTitle() or root.accessibleName())
        _name(tabs.tabBar(), tabs.accessibleName())
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None:
                caption = tabs.tabText(index).replace("&", "") or tabs.accessibleName()
                _name(_input_of(page), caption)
    for area in root.findChildren(QAbstractScrollArea):
        if isinstance(area, QAbstractItemView):
            _name(area, _section_title(area) or root.accessibleName() or root.windowTitle())
        elif not isinstance(area, (QGraphicsView, QPlainTextEdit)):
            _name(area, root.accessibleName() or root.windowTitle())
    for view in root.findChildren(QGraphicsView):
        quiet(view)


def _widgets_of(layout: QLayout) -> list[QWidget | None]:
    """The widget of each item of `layout`, in order (None for a spacer or a layout)."""
    items = (layout.itemAt(index) for index in range(layout.count()))
    return [item.widget() if item is not None else None for item in items]


def _name_form_rows(form: QFormLayout) -> None:
    """A form row whose field is a layout ("From [date] to [date]"): the first input takes the
    row's label, each later one the label just before it."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        inner = field.layout() if field is not None else None
        caption_label = label.widget() if label is not None else None
        if inner is None or not isinstance(caption_label, QLabel):
            continue
        caption = label_text(caption_label)
        for widget in _widgets_of(inner):
            if isinstance(widget, QLabel):
                caption = label_text(widget)
            elif widget is not None:
                _name(_input_of(widget), caption)


def _section_title(widget: QWidget) -> str:
    """The title of the card, group or wizard step that holds `widget`, if any."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        text = _title_of(parent)
        if text:
            return text
        parent = parent.parentWidget()
    return ""


def _title_of(widget: QWidget) -> str:
    title = getattr(widget, "title", None)  # a wizard step, a group box
    if callable(title) and isinstance(text := title(), str):
        return text
    label = getattr(widget, "title_label", None)  # a Card
    return label.text() if isinstance(label, QLabel) else ""


def _name(target: QWidget | None, text: str) -> None:
    if target is not None and text and not target.accessibleName():
        target.setAccessibleName(text)


def quiet(view: QGraphicsView) -> None:
    """A chart is read, not operated: no Tab stop for it or its viewport."""
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not view.accessibleName():
        view.setAccessibleName("Chart")


def describe_chart(
    widget: QWidget, name: str, rows: Iterable[tuple[str, str]], *, tooltip: bool = True
) -> None:
    """Name a chart and give its numbers as text ("RN: $93,600; …") for screen readers, and
    as its tooltip unless the chart shows tooltips of its own (`tooltip=False`)."""
    widget.setAccessibleName(name)
    description = "; ".join(f"{label}: {value}" for label, value in rows)
    widget.setAccessibleDescription(description)
    if tooltip:
        widget.setToolTip(widget.toolTip() or description)
    for view in [widget] if isinstance(widget, QGraphicsView) else []:
        quiet(view)
    for view in widget.findChildren(QGraphicsView):
        quiet(view)
        view.setAccessibleName(name)
        view.setAccessibleDescription(description)


def tab_chain(widgets: Sequence[QWidget]) -> None:
    """Tab visits these widgets in this order."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def focusable_inputs(root: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of `root` that Tab stops at (buttons included)."""
    found = []
    for widget in root.findChildren(QWidget):
        policy = widget.focusPolicy()
        tab = policy in (Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus)
        tab = tab or policy == Qt.FocusPolicy.WheelFocus
        if tab and widget.isVisibleTo(root) and widget.isEnabled():
            found.append(widget)
    return found


class NameInputsOnShow(QObject):
    """An application-wide filter: each window (a dialog, the wizard) names its inputs when
    it is first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QWidget) and watched.isWindow():
            name_inputs(watched)
        return False


def install(app: QApplication) -> NameInputsOnShow:
    """Name the inputs of every window the app shows (keep the returned filter alive)."""
    names = NameInputsOnShow(app)
    app.installEventFilter(names)
    return names
