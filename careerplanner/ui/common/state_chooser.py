"""The one chooser for a US state or territory, shown with its name: "TX — Texas"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from careerplanner.domain.validation import US_STATES

STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
assert set(STATE_NAMES) == US_STATES, "every state code the app accepts has its name"

NOT_SET = "Not set"


def state_label(code: str) -> str:
    """ "TX — Texas"."""
    return f"{code} — {STATE_NAMES[code]}"


def state_combo(current: str | None = None, parent: QWidget | None = None) -> QComboBox:
    """States and territories in code order (typing "TX" finds Texas); data is the code or None."""
    combo = QComboBox(parent)
    combo.addItem(NOT_SET, None)
    for code in sorted(STATE_NAMES):
        combo.addItem(state_label(code), code)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    combo.setMaxVisibleItems(15)
    return combo
