"""The words people read for the choices of an hours entry ("Hospital", "Supervised by a CCM").

One definition, used where the choices are written for people (CSV export) and read back
(CSV import accepts the label as well as the code, in any case).
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision
from careerplanner.domain.validation import parse_choice

E = TypeVar("E", bound=Enum)

_SUPERVISION = {
    Supervision.NONE: "Not supervised",
    Supervision.CCM: "Supervised by a CCM",
    Supervision.LICENSED_SW: "Supervised by a licensed social worker",
    Supervision.RN: "Supervised by an RN",
    Supervision.OTHER_LICENSED: "Supervised by another licensed professional",
}


def choice_label(member: Activity | Setting | Supervision) -> str:
    """'home-health' -> 'Home health'; a supervision as a phrase."""
    if isinstance(member, Supervision):
        return _SUPERVISION[member]
    text = member.value.replace("-", " ")
    return text[:1].upper() + text[1:]


def from_label(text: str, enum_cls: type[Enum]) -> Enum | None:
    """The member whose label is `text` (any case, surrounding spaces); None when none is."""
    wanted = text.strip().casefold()
    for member in enum_cls:
        if isinstance(member, Activity | Setting | Supervision) and (
            choice_label(member).casefold() == wanted
        ):
            return member
    return None


def read_choice(text: str, enum_cls: type[E]) -> E | None:
    """The member named by its code or its label; None when `text` is neither."""
    try:
        return parse_choice(text, enum_cls, "value")
    except ValidationError:
        return from_label(text, enum_cls)  # type: ignore[return-value]
