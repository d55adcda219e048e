"""The navigation pages: what every page offers the window, and the typed registry of pages.

Each page class derives from `Page`. The registry builds a page through a small factory that
imports its module on first use, so start-up loads only the page shown first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from careerplanner.services.bus import ChangeKind

if TYPE_CHECKING:
    from careerplanner.services import Services


class Page(QWidget):
    """A page of the navigation: refreshed when a change touches one of its `kinds`."""

    kinds: ClassVar[frozenset[ChangeKind]] = frozenset()

    def refresh(self) -> None:
        """Show the current data again."""
        raise NotImplementedError

    def can_filter(self) -> bool:
        """Whether Edit → Filter has something to filter here."""
        return False

    def focus_filter(self) -> None:
        """Edit → Filter: pages without a filter ignore it."""


@runtime_checkable
class CreatesEntries(Protocol):
    """A page whose Ctrl+N makes a new item of its own."""

    def new_entry(self) -> object: ...


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the window hands a page when it builds it."""

    services: Services
    undo_stack: QUndoStack
    settings: QSettings
    data_dir: Path


PageFactory = Callable[[PageContext], Page]


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One entry of the navigation: its name (used by --page), its title, how to build it."""

    name: str
    title: str
    build: PageFactory


def _overview(context: PageContext) -> Page:
    from careerplanner.ui.overview.overview_page import OverviewPage

    return OverviewPage(context.services)


def _hours(context: PageContext) -> Page:
    from careerplanner.ui.hours import HoursPage

    return HoursPage(context.services, undo_stack=context.undo_stack, settings=context.settings)


def _education(context: PageContext) -> Page:
    from careerplanner.ui.education.education_page import EducationPage

    return EducationPage(context.services)


def _certifications(context: PageContext) -> Page:
    from careerplanner.ui.certifications.certifications_page import CertificationsPage

    return CertificationsPage(context.services)


def _timeline(context: PageContext) -> Page:
    from careerplanner.ui.timeline import TimelinePage

    return TimelinePage(context.services)


def _ce(context: PageContext) -> Page:
    from careerplanner.ui.ce.ce_page import CePage

    return CePage(context.services)


def _explore(context: PageContext) -> Page:
    from careerplanner.ui.explore.explore_page import ExplorePage

    return ExplorePage(context.services)


def _settings(context: PageContext) -> Page:
    from careerplanner.ui.settings.settings_page import SettingsPage

    return SettingsPage(context.services, settings=context.settings, data_dir=context.data_dir)


# Navigation order; adding a page is one factory and one line here.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "Overview", _overview),
    PageSpec("hours", "Hours", _hours),
    PageSpec("education", "Education & Licenses", _education),
    PageSpec("certifications", "Certifications", _certifications),
    PageSpec("timeline", "Timeline", _timeline),
    PageSpec("ce", "CE & Renewals", _ce),
    PageSpec("explore", "Explore", _explore),
    PageSpec("settings", "Settings", _settings),
)
PAGE_NAMES = tuple(spec.name for spec in PAGES)
