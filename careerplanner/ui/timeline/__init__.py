"""The Timeline page: the career picture on one interactive chart, with scenarios to compare."""

from careerplanner.ui.timeline.page import TimelinePage

__all__ = ["TimelinePage"]
