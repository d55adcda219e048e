"""`profile.change` writes only the fields given, so two windows or programs keep both edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from catalog_stub import stub_catalog

from careerplanner.domain.defaults import NEW_USER_PROFILE
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Track
from careerplanner.services import Services
from careerplanner.storage import Database

TODAY = date(2026, 11, 26)


def _services(data_dir: Path) -> Services:
    return Services(Database.open(data_dir), stub_catalog(), today=lambda: TODAY)


def test_two_programs_changing_different_fields_keep_both(tmp_path: Path) -> None:
    first, second = _services(tmp_path / "data"), _services(tmp_path / "data")
    try:
        stale = second.profile.get()  # the second program shows the profile as it was
        first.profile.change(name="Ana", track=Track.SOCIAL_WORK)
        second.profile.change(weekly_hours=32.0)
        assert stale == NEW_USER_PROFILE  # 30 h a week, 12 CE before the first save
        assert first.profile.get() == replace(
            NEW_USER_PROFILE, name="Ana", track=Track.SOCIAL_WORK, weekly_hours=32.0
        )
    finally:
        first.db.close()
        second.db.close()


def test_a_refused_change_writes_nothing(services: Services) -> None:
    services.profile.change(name="Ana")
    seen: list[object] = []
    services.bus.subscribe(seen.append)
    with pytest.raises(ValidationError):
        services.profile.change(weekly_hours=-5.0)
    with pytest.raises(ValidationError, match="no field"):
        services.profile.change(nickname="A")
    services.profile.change(name="Ana")  # the same value: nothing to publish
    assert services.profile.get() == replace(NEW_USER_PROFILE, name="Ana") and seen == []
