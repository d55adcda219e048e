"""Services through real transactions: validation, the 24-hour day, locks, undo, changes."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.model import (
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    License,
    LicenseType,
    Profile,
    Track,
    WorkEntry,
)
from careerplanner.services import Change, Services

DAY = date(2026, 3, 2)


@pytest.fixture
def changes(services: Services) -> list[Change]:
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    return seen


def dump(services: Services) -> list[str]:
    """Every row of the database as SQL text, to compare before and after."""
    with services.db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        return list(raw.iterdump())  # type: ignore[attr-defined]


def test_profile(services: Services, changes: list[Change]) -> None:
    assert services.profile.get() == Profile(weekly_hours=30, ce_hours_per_year=12)
    saved = services.profile.update(Profile("Jordan", Track.NURSE, "tx", 40, 10, 80_000, 3))
    assert saved.state == "TX" and services.profile.get() == saved
    assert changes == [Change(frozenset({"profile"}))]
    with pytest.raises(ValidationError, match="weekly hours"):
        services.profile.update(Profile(weekly_hours=200))
    assert services.profile.get() == saved and len(changes) == 1


def test_education(services: Services, changes: list[Change]) -> None:
    edu = services.education
    degree = edu.add_degree(
        Degree(DegreeLevel.BACHELOR, DegreeField.SOCIAL_WORK, DegreeStatus.COMPLETED, end=DAY)
    )
    license = edu.add_license(License(LicenseType.LBSW, date(2024, 1, 1), state="oh"))
    exam = edu.add_exam(Exam(ExamType.ASWB_BACHELORS, date(2023, 12, 1)))
    assert edu.degrees() == (degree,) and edu.licenses() == (license,) and edu.exams() == (exam,)
    assert license.state == "OH"
    moved = edu.update_degree(
        Degree(DegreeLevel.MASTER, DegreeField.SOCIAL_WORK, DegreeStatus.PLANNED, id=degree.id)
    )
    assert edu.degrees() == (moved,)
    assert edu.remove_license(license.id) == license and edu.licenses() == ()
    with pytest.raises(NotFoundError, match="no degree with id 99"):
        edu.update_degree(
            Degree(DegreeLevel.MASTER, DegreeField.OTHER, DegreeStatus.PLANNED, id=99)
        )
    with pytest.raises(NotFoundError):
        edu.remove_exam(99)
    kinds = [set(c.kinds) for c in changes]
    assert kinds == [{"degrees"}, {"licenses"}, {"exams"}, {"degrees"}, {"licenses"}]


def test_hours_add_update_remove_restore(services: Services, changes: list[Change]) -> None:
    hours = services.hours
    first = hours.add(WorkEntry(DAY, 8, employer=" Clinic "))
    assert first.id > 0 and first.employer == "Clinic" and hours.get(first.id) == first
    edited = hours.update(WorkEntry(DAY, 9, id=first.id))
    assert hours.list() == (edited,)
    more = hours.add_many([WorkEntry(date(2026, 3, 3), 4), WorkEntry(date(2026, 3, 4), 5)])
    removed = hours.remove_many([first.id, more[0].id])
    assert hours.list() == (more[1],)
    hours.restore(removed)
    assert hours.list() == (edited, more[0], more[1])
    assert [e.action for e in hours.events()] == [
        *("add", "edit", "add", "add"),
        *("remove", "remove", "restore", "restore"),
    ]
    assert all(c.kinds == {"entries"} for c in changes) and len(changes) == 5
    with pytest.raises(ValidationError, match="already exists"):
        hours.restore([edited])


def test_a_day_over_24_hours_is_refused_and_nothing_changes(services: Services) -> None:
    hours = services.hours
    hours.add(WorkEntry(DAY, 20))
    hours.add(WorkEntry(date(2026, 3, 1), 4, end=date(2026, 3, 8)))  # 0.5 h a day
    before = dump(services)
    with pytest.raises(ValidationError, match=r"^2026-03-02 would have 26.5 h \(more than 24 h"):
        hours.add(WorkEntry(DAY, 6))
    with pytest.raises(ValidationError, match="2026-03-02 would have"):
        hours.add_many([WorkEntry(date(2026, 3, 3), 1), WorkEntry(DAY, 6)])
    with pytest.raises(ValidationError, match="entry 2: hours must be more than 0"):
        hours.add_many([WorkEntry(date(2026, 3, 3), 1), WorkEntry(DAY, 0)])
    assert dump(services) == before
    hours.add(WorkEntry(DAY, 3.5))  # exactly 24 h is fine


def test_verified_entries_are_locked_until_unlocked(services: Services) -> None:
    hours = services.hours
    entry = hours.add(WorkEntry(DAY, 8))
    (signed,) = hours.verify([entry.id], "R. Lee", "LCSW", date(2026, 4, 1))
    assert signed.verified and hours.get(entry.id) == signed
    before = dump(services)
    with pytest.raises(ValidationError, match="unlock it before it can be changed"):
        hours.update(WorkEntry(DAY, 7, id=entry.id))
    with pytest.raises(ValidationError, match="unlock it before it can be removed"):
        hours.remove(entry.id)
    with pytest.raises(ValidationError, match="already verified"):
        hours.verify([entry.id], "X", "", date(2026, 4, 2))
    with pytest.raises(ValidationError, match="reason"):
        hours.unlock(entry.id, "  ")
    with pytest.raises(ValidationError, match="after today"):
        hours.verify([entry.id], "X", "", date(2026, 12, 1))
    assert dump(services) == before
    opened = hours.unlock(entry.id, "wrong date")
    assert not opened.verified
    assert hours.update(WorkEntry(DAY, 7, id=entry.id)).hours == 7
    actions = [(e.action, e.detail) for e in hours.events(entry.id)][1:]  # after its "add"
    assert actions[0] == ("verify", "verified by R. Lee (LCSW) on 2026-04-01")
    assert actions[1][0] == "unlock" and actions[1][1].startswith("wrong date (was verified by")
    with pytest.raises(ValidationError, match="not locked"):
        hours.unlock(entry.id, "again")


def test_update_keeps_verification_fields_out_of_reach(services: Services) -> None:
    entry = services.hours.add(WorkEntry(DAY, 8))
    sneaky = WorkEntry(DAY, 8, verified_by="me", verified_on=DAY, id=entry.id)
    assert not services.hours.update(sneaky).verified
    assert not services.hours.get(entry.id).verified


def test_ce(services: Services, changes: list[Change]) -> None:
    activity = services.ce.add(CeActivity(date(2026, 5, 1), 3, CeTopic.ETHICS, "Ethics"))
    assert services.ce.list() == (activity,)
    with pytest.raises(ValidationError, match="after today"):
        services.ce.update(CeActivity(date(2027, 1, 1), 3, CeTopic.ETHICS, id=activity.id))
    assert services.ce.remove(activity.id) == activity
    assert [c.kinds for c in changes] == [frozenset({"ce"})] * 2


def test_goals(services: Services) -> None:
    goal = services.goals.add(Goal("ccm", date(2028, 1, 1)))
    assert goal.cert_id == "CCM" and services.goals.list() == (goal,)
    with pytest.raises(ValidationError, match="already a goal for CCM"):
        services.goals.add(Goal("CCM"))
    with pytest.raises(ValidationError, match="unknown certification 'XYZ'"):
        services.goals.add(Goal("XYZ"))
    assert services.goals.update(Goal("CCM", date(2029, 1, 1), id=goal.id)).target == date(
        2029, 1, 1
    )
    services.goals.remove(goal.id)
    assert services.goals.list() == ()


def test_snapshot_and_emptiness(services: Services) -> None:
    assert services.plan.is_empty()
    services.hours.add(WorkEntry(DAY, 8))
    assert not services.plan.is_empty()
    assert len(services.plan.snapshot().entries) == 1


@pytest.fixture
def full_services(db, catalog) -> Services:  # type: ignore[no-untyped-def]
    """Services over the bundled catalog (the sample plan names all six certifications)."""
    pytest.importorskip("careerplanner.domain.demo")
    return Services(db, catalog, today=lambda: date(2026, 11, 26))


def test_demo_loads_once(full_services: Services) -> None:
    services = full_services
    changes: list[Change] = []
    services.bus.subscribe(changes.append)
    plan = services.plan.load_demo()
    assert plan.entries and plan == services.plan.snapshot()
    assert changes[-1].kinds >= {"profile", "entries", "degrees"}
    before = dump(services)
    with pytest.raises(ValidationError, match="empty database"):
        services.plan.load_demo()
    assert dump(services) == before


def test_eligibility(full_services: Services, catalog) -> None:  # type: ignore[no-untyped-def]
    services = full_services
    services.plan.load_demo()
    result = services.plan.eligibility()
    assert result.as_of == date(2026, 11, 26)
    assert {c.id for c in result.certifications} == set(catalog.ids)
    assert services.plan.eligibility(weekly_hours=10).weekly_hours == 10


def test_unsubscribe(services: Services) -> None:
    seen: list[Change] = []
    stop = services.bus.subscribe(seen.append)
    services.hours.add(WorkEntry(DAY, 1))
    stop()
    services.hours.add(WorkEntry(DAY, 1))
    assert len(seen) == 1
