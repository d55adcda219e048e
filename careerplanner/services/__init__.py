"""Services: one method = one user action = one transaction, then a published `Change`."""

from careerplanner.services.bus import KINDS, Change, ChangeBus
from careerplanner.services.ce import CeService
from careerplanner.services.container import Services
from careerplanner.services.education import EducationService
from careerplanner.services.goals import GoalService
from careerplanner.services.hours import HoursService
from careerplanner.services.plan import PlanService
from careerplanner.services.profile import ProfileService

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
