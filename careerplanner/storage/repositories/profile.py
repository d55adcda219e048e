"""The single profile row <-> `Profile`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from careerplanner.domain.model import Profile, Track
from careerplanner.storage.models import ProfileRow

PROFILE_ID = 1


def get_profile(session: Session) -> Profile | None:
    """The stored profile, or None before the user has saved one."""
    row = session.execute(
        select(ProfileRow).where(ProfileRow.id == PROFILE_ID)
    ).scalar_one_or_none()
    if row is None:
        return None
    return Profile(
        name=row.name,
        track=Track(row.track),
        state=row.state,
        weekly_hours=row.weekly_hours,
        ce_hours_per_year=row.ce_hours_per_year,
        current_salary=row.current_salary,
        raise_percent=row.raise_percent,
    )


def save_profile(session: Session, profile: Profile) -> Profile:
    """Insert or overwrite the profile row."""
    values = {
        "name": profile.name,
        "track": profile.track.value,
        "state": profile.state,
        "weekly_hours": profile.weekly_hours,
        "ce_hours_per_year": profile.ce_hours_per_year,
        "current_salary": profile.current_salary,
        "raise_percent": profile.raise_percent,
    }
    statement = insert(ProfileRow).values(id=PROFILE_ID, **values)
    session.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))
    session.expire_all()
    return profile
