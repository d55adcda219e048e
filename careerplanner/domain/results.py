"""What the rule engine answers: per certification, per requirement, with deductions and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Deduction:
    """Logged hours that do not count, and why, in the user's words."""

    reason: str
    hours: float


@dataclass(frozen=True, slots=True)
class RequirementResult:
    id: str
    label: str
    kind: str  # "credential", "license-years", "hours" or "ce"
    met: bool
    current: float
    required: float
    unit: str  # "credential", "years", "hours" or "ce-hours"
    # The first day on or after as-of when it holds; None: not within the horizon.
    projected_date: date | None
    group: str | None = None  # alternatives share a group; any one of them is enough
    recorded: float | None = None  # hours requirements: every logged hour, before deductions
    deductions: tuple[Deduction, ...] = ()
    detail: str = ""  # what is missing, or what meets it, in plain words
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class CertificationResult:
    id: str
    name: str
    eligible: bool
    projected_date: date | None  # as-of when eligible; None when not reached within the horizon
    blocking: str | None  # why there is no projected date
    requirements: tuple[RequirementResult, ...]
    # What the projected date rests on, in the user's words ("assumes your RN license (TX),
    # expiring Jul 31, 2027, is renewed on time"; the planned work it counts).
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Eligibility:
    as_of: date
    weekly_hours: float
    ce_hours_per_year: float
    certifications: tuple[CertificationResult, ...]
    # `evaluate`'s weekly_hours: replaces every work period's weekly hours (None: as planned).
    weekly_override: float | None = None
    planned_periods: int = 0  # the plan's work periods (0: the v1 fallback at weekly_hours)

    def get(self, cert_id: str) -> CertificationResult:
        for result in self.certifications:
            if result.id == cert_id:
                return result
        raise KeyError(cert_id)
