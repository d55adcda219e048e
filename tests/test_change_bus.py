"""The change bus: kinds are an enum (a misspelt kind is refused), and a change names its origin."""

from __future__ import annotations

import pytest

from careerplanner.services import Services
from careerplanner.services.bus import KINDS, Change, ChangeBus, ChangeKind


def test_a_misspelt_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="entriez"):
        Change.of("entriez")  # type: ignore[arg-type]  # the type checker refuses it too
    assert Change.of(ChangeKind.ENTRIES, ChangeKind.CE).kinds == {"entries", "ce"}
    assert len(KINDS) == 13 and ChangeKind("schedules") is ChangeKind.SCHEDULES


def test_changes_carry_the_origin_they_were_published_for() -> None:
    bus = ChangeBus()
    seen: list[Change] = []
    bus.subscribe(seen.append)
    page, dialog = object(), object()
    bus.publish(Change.of(ChangeKind.GOALS))
    with bus.acting_for(page):
        bus.publish(Change.of(ChangeKind.ENTRIES))
        with bus.acting_for(dialog):
            bus.publish(Change.of(ChangeKind.CE))
        bus.publish(Change(frozenset({ChangeKind.WORK}), origin=dialog))  # its own origin stays
        bus.publish(Change.of(ChangeKind.PROFILE))
    bus.publish(Change.of(ChangeKind.GOALS))
    assert [c.origin for c in seen] == [None, page, dialog, dialog, page, None]
    assert bus.generation == 6


def test_a_service_write_inside_acting_for_names_its_origin(services: Services) -> None:
    from datetime import date

    from careerplanner.domain.model import WorkEntry

    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    origin = object()
    with services.bus.acting_for(origin):
        services.hours.add(WorkEntry(date(2026, 3, 2), 6.5))
    services.hours.add(WorkEntry(date(2026, 3, 3), 4.0))
    assert seen == [
        Change(frozenset({ChangeKind.ENTRIES}), origin=origin),
        Change(frozenset({ChangeKind.ENTRIES})),
    ]
