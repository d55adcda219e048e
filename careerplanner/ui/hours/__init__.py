"""The Hours page: the log of work hours, with quick add, undo, filters and sign-off."""

from careerplanner.ui.hours.page import HoursPage

__all__ = ["HoursPage"]
