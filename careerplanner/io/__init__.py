"""Files in and out of the plan: CSV import and export, JSON backup, PDF reports."""
