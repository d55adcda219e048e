"""The user's profile: track, state, planned pace, salary."""

from __future__ import annotations

from careerplanner.domain.defaults import NEW_USER_PROFILE
from careerplanner.domain.model import Profile
from careerplanner.domain.validation import validate_profile
from careerplanner.services.base import ServiceBase
from careerplanner.storage import repositories as repo


class ProfileService(ServiceBase):
    def get(self) -> Profile:
        """The saved profile, or a new user's defaults (30 h a week, 12 CE) before a save."""
        with self._db.session() as session:
            return repo.get_profile(session) or NEW_USER_PROFILE

    def update(self, profile: Profile) -> Profile:
        clean = validate_profile(profile)
        with self._db.session() as session:
            repo.save_profile(session, clean)
        self._publish("profile")
        return clean
