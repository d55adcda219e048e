"""The user's profile: track, state, planned pace, salary."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from careerplanner.domain.defaults import NEW_USER_PROFILE
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Profile
from careerplanner.domain.validation import validate_profile
from careerplanner.services.base import ServiceBase
from careerplanner.services.bus import ChangeKind
from careerplanner.storage import repositories as repo

FIELDS = frozenset(f.name for f in fields(Profile))


class ProfileService(ServiceBase):
    def get(self) -> Profile:
        """The saved profile, or a new user's defaults (30 h a week, 12 CE) before a save."""
        with self._db.reading() as session:
            return repo.get_profile(session) or NEW_USER_PROFILE

    def update(self, profile: Profile) -> Profile:
        """Store a whole profile (every field as given)."""
        clean = validate_profile(profile)
        token = self._token()
        with self._db.session() as session:
            repo.save_profile(session, clean)
        self._publish(ChangeKind.PROFILE, token=token)
        return clean

    def change(self, **changes: Any) -> Profile:
        """Change only the fields given, reading and writing in one write transaction, so a
        change made meanwhile by another program or window to another field is kept."""
        unknown = sorted(set(changes) - FIELDS)
        if unknown:
            raise ValidationError(f"the profile has no field {unknown[0]}", unknown[0])
        validate_profile(replace(Profile(), **changes))  # refuse bad values before any lock
        token = self._token()
        with self._db.session() as session:
            stored = repo.get_profile(session)
            clean = validate_profile(replace(stored or NEW_USER_PROFILE, **changes))
            changed = clean != stored
            if changed:
                repo.save_profile(session, clean)
        if changed:
            self._publish(ChangeKind.PROFILE, token=token)
        return clean
