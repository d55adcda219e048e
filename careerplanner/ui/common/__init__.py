"""Shared widgets, theme, accessibility, background work and dialogs used by every page."""
