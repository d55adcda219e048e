"""The CE page and its dialog for continuing-education records."""
