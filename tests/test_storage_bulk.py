"""Storage functions the services use instead of SQL of their own: bulk inserts that return the
ids the database gave, the import's duplicate screens, scenarios kept under their ids, and the
one definition of an empty database."""

from __future__ import annotations

from datetime import date, datetime

from careerplanner.domain.model import CeActivity, CeTopic, WorkEntry
from careerplanner.domain.scenarios import Scenario
from careerplanner.storage import Database, scenario_repository
from careerplanner.storage import repositories as repo


def _entry(day: int, notes: str, last: int | None = None) -> WorkEntry:
    end = date(2025, 3, last) if last is not None else None
    return WorkEntry(date(2025, 3, day), 4.0, end, notes=notes)


def test_insert_many_returns_the_ids_the_rows_were_stored_under(db: Database) -> None:
    with db.session() as session:
        first = repo.insert_many(session, repo.ENTRIES, [_entry(1, "a"), _entry(2, "b")])
        repo.delete_ids(session, repo.ENTRIES, [first[-1]])  # ids are never reused
        ids = repo.insert_many(session, repo.ENTRIES, [_entry(3, "c"), _entry(4, "d")])
        assert first == range(1, 3)
        assert ids == range(3, 5)
        stored = repo.get_many(session, repo.ENTRIES, ids)
        assert [stored[i].notes for i in ids] == ["c", "d"]
        assert repo.insert_many(session, repo.ENTRIES, []) == range(0)


def test_add_many_returns_records_under_their_new_ids(db: Database) -> None:
    with db.session() as session:
        repo.add(session, repo.ENTRIES, _entry(1, "gone"))
        repo.delete_ids(session, repo.ENTRIES, [1])
        added = repo.add_many(session, repo.ENTRIES, [_entry(5, "x"), _entry(6, "y")])
        assert [(e.id, e.notes) for e in added] == [(2, "x"), (3, "y")]
        assert list(repo.list_all(session, repo.ENTRIES)) == added


def test_entries_touching_and_ce_between_take_the_days_inclusive(db: Database) -> None:
    with db.session() as session:
        entries = [_entry(1, "before"), _entry(2, "spans", last=5), _entry(6, "edge")]
        repo.add_many(session, repo.ENTRIES, [*entries, _entry(7, "after")])
        repo.add_many(
            session,
            repo.CE,
            [CeActivity(date(2025, 3, d), 1.0, CeTopic.ETHICS, f"ce {d}") for d in (1, 2, 6, 7)],
        )
        touching = repo.entries_touching(session, date(2025, 3, 4), date(2025, 3, 6))
        between = repo.ce_between(session, date(2025, 3, 2), date(2025, 3, 6))
    assert [e.notes for e in touching] == ["spans", "edge"]
    assert [c.title for c in between] == ["ce 2", "ce 6"]


def test_scenarios_keep_the_ids_of_a_plan_file(db: Database) -> None:
    saved = datetime(2026, 1, 2, 3, 4, 5)
    scenarios = [
        Scenario("Part time", weekly_hours=20.0, id=7, saved_at=saved),
        Scenario("Ohio", state="OH", degree_dates={1: date(2027, 5, 1)}, id=3, saved_at=saved),
    ]
    with db.session() as session:
        scenario_repository.add_scenarios_keeping_ids(session, scenarios)
        scenario_repository.add_scenarios_keeping_ids(session, [])
    with db.session() as session:
        stored = scenario_repository.list_scenarios(session)
    assert [(s.id, s.name, s.weekly_hours, s.state) for s in stored] == [
        (3, "Ohio", None, "OH"),
        (7, "Part time", 20.0, None),
    ]
    assert stored[0].degree_dates == {1: date(2027, 5, 1)}


def test_a_database_holding_only_a_scenario_is_not_empty(db: Database) -> None:
    assert db.is_empty()
    with db.session() as session:
        assert repo.is_empty(session)
        scenario_repository.add_scenario(session, Scenario("Only", saved_at=datetime(2026, 1, 1)))
        assert not repo.is_empty(session)  # inside the transaction that wrote it
    assert not db.is_empty()


def test_a_database_holding_only_a_dismissed_reminder_is_not_empty(db: Database) -> None:
    with db.session() as session:
        repo.dismiss_reminder(session, "license-renewal:1", date(2026, 1, 1))
    assert not db.is_empty()
    with db.session() as session:
        assert not repo.is_empty(session)
