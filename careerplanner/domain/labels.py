"""How the app names stored codes for people: "home-health" is "Home health", "rn" is "RN".

One definition for every place that shows them: the hours table, its filters, the reports.
"""

from __future__ import annotations

from enum import StrEnum

from careerplanner.domain.model import Supervision

SUPERVISION_LABELS = {
    Supervision.NONE: "None",
    Supervision.CCM: "CCM",
    Supervision.LICENSED_SW: "Licensed social worker",
    Supervision.RN: "RN",
    Supervision.OTHER_LICENSED: "Other licensed",
}


def label(value: str) -> str:
    """An enum value as people read it: "home-health" -> "Home health"."""
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]


def supervision_label(value: Supervision) -> str:
    return SUPERVISION_LABELS.get(value, label(value.value))


def member_label(member: StrEnum) -> str:
    """Any of the model's choices (activity, setting, supervision, CE topic) by its label."""
    return supervision_label(member) if isinstance(member, Supervision) else label(member.value)


def paid_label(paid: bool) -> str:
    return "Paid" if paid else "Unpaid"
