"""The one chooser for a stored choice (an activity, a degree level, a license type...).

Items read as `domain.labels.member_label` writes them everywhere else; each item's data is
the member's value (Qt hands a StrEnum back as a plain str, so callers read it with the enum:
`Setting(combo.currentData())`).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QComboBox, QWidget

from careerplanner.domain.labels import member_label


def enum_combo(
    enum_cls: type[StrEnum], current: StrEnum | None = None, parent: QWidget | None = None
) -> QComboBox:
    """Every member of `enum_cls` in its order, `current` (or the first) selected."""
    combo = QComboBox(parent)
    for member in enum_cls:
        combo.addItem(member_label(member), member.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))
    return combo
