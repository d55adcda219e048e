"""The words people read for stored codes: "home-health" is "Home health", "rn" is "RN".

One definition for every place that writes them for people: the hours table and its
filters and the PDF reports use the short column labels (a Supervision column reads "CCM");
a CSV cell stands alone, so it names a supervision as a phrase ("Supervised by a CCM"),
and CSV import reads the label back as well as the code, in any case.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TypeVar

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Activity,
    Degree,
    DegreeField,
    DegreeLevel,
    ExamType,
    LicenseType,
    Setting,
    Supervision,
)
from careerplanner.domain.validation import parse_choice

E = TypeVar("E", bound=Enum)

SUPERVISION_LABELS = {  # under a "Supervision" heading
    Supervision.NONE: "None",
    Supervision.CCM: "CCM",
    Supervision.LICENSED_SW: "Licensed social worker",
    Supervision.RN: "RN",
    Supervision.OTHER_LICENSED: "Other licensed",
}
_SUPERVISION = {  # standing alone
    Supervision.NONE: "Not supervised",
    Supervision.CCM: "Supervised by a CCM",
    Supervision.LICENSED_SW: "Supervised by a licensed social worker",
    Supervision.RN: "Supervised by an RN",
    Supervision.OTHER_LICENSED: "Supervised by another licensed professional",
}


# Choices whose plain spelling ("bachelor", "aswb-masters") is not how people write them.
NAMES: dict[StrEnum, str] = {
    DegreeLevel.ASSOCIATE: "Associate degree",
    DegreeLevel.BACHELOR: "Bachelor's",
    DegreeLevel.MASTER: "Master's",
    DegreeLevel.DOCTORATE: "Doctorate",
    DegreeField.HEALTHCARE_ADMIN: "Healthcare administration",
    ExamType.ASWB_BACHELORS: "ASWB Bachelors",
    ExamType.ASWB_MASTERS: "ASWB Masters",
}


def label(value: str) -> str:
    """An enum value as people read it: "home-health" -> "Home health"."""
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]


def supervision_label(value: Supervision) -> str:
    return SUPERVISION_LABELS.get(value, label(value.value))


def member_label(member: StrEnum) -> str:
    """Any of the model's choices as a column or a chooser shows it: "Home health", "CCM",
    "Bachelor's", "RN" (a license type is its code, except "Other")."""
    if isinstance(member, Supervision):
        return supervision_label(member)
    if member in NAMES:
        return NAMES[member]
    if isinstance(member, LicenseType) and member is not LicenseType.OTHER:
        return member.value
    return label(member.value)


def degree_name(degree: Degree) -> str:
    """ "Bachelor's in nursing", "Associate degree in social work"."""
    return f"{member_label(degree.level)} in {member_label(degree.field).lower()}"


def exam_name(exam: ExamType) -> str:
    """ "ASWB Masters exam"."""
    return f"{member_label(exam)} exam"


def in_sentence(text: str) -> str:
    """A label inside a sentence: "Eligible for CCM" -> "eligible for CCM"; a word in
    capitals keeps them ("RN license expires", "CCM")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def capitalized(text: str) -> str:
    """A phrase starting a sentence: "needs 8 more hours" -> "Needs 8 more hours"."""
    return text[:1].upper() + text[1:]


def paid_label(paid: bool) -> str:
    return "Paid" if paid else "Unpaid"


def choice_label(member: Activity | Setting | Supervision) -> str:
    """'home-health' -> 'Home health'; a supervision as a phrase."""
    if isinstance(member, Supervision):
        return _SUPERVISION[member]
    return label(member.value)


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
