"""The Overview page: its summary cards and the reminders card."""
