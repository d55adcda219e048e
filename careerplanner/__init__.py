"""CareerPlanner: plan a career in care case management, offline."""

__version__ = "0.1.0"
