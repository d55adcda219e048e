"""The logbook: supervisors, employers and schedules, and the prompt to log last week."""
