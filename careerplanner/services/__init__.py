"""Services: one method = one user action = one transaction, then a published `Change`.

The names here load on first use, so importing one module of the package (say
`services.errors`) does not import every service with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerplanner.services.bus import KINDS, Change, ChangeBus
    from careerplanner.services.ce import CeService
    from careerplanner.services.container import Services
    from careerplanner.services.education import EducationService
    from careerplanner.services.goals import GoalService
    from careerplanner.services.hours import HoursService
    from careerplanner.services.plan import PlanService
    from careerplanner.services.profile import ProfileService

_HOMES = {
    "KINDS": "bus",
    "Change": "bus",
    "ChangeBus": "bus",
    "CeService": "ce",
    "Services": "container",
    "EducationService": "education",
    "GoalService": "goals",
    "HoursService": "hours",
    "PlanService": "plan",
    "ProfileService": "profile",
}

__all__ = [
    "KINDS",
    "CeService",
    "Change",
    "ChangeBus",
    "EducationService",
    "GoalService",
    "HoursService",
    "PlanService",
    "ProfileService",
    "Services",
]


def __getattr__(name: str) -> object:
    """`services.Services` and the others of `__all__`, imported from their module when asked."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
