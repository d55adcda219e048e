"""Add, update, remove and list one kind of record; the building block of most services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from careerplanner.domain.errors import NotFoundError
from careerplanner.services.base import ServiceBase
from careerplanner.services.bus import ChangeKind
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from careerplanner.storage.table_spec import TableSpec

T = TypeVar("T")


class RecordStore(Generic[T]):
    """One kind of record behind validation; each method is one transaction."""

    def __init__(
        self,
        service: ServiceBase,
        spec: TableSpec[T],
        change: ChangeKind,
        validate: Callable[[T], T],
        check: Callable[[Session, T], None] | None = None,
    ) -> None:
        """`spec` is the reader's: `list` reads through it (no SQLAlchemy loaded, no write
        lock waited for); the writes find its repository kind on first use."""
        self._service = service
        self._spec = spec
        self._change = change
        self._validate = validate
        self._check = check

    @property
    def _kind(self) -> repo.Kind[T]:
        return repo.kind_of(self._spec)

    def list(self) -> tuple[T, ...]:
        """Every record, in storage order: the shared snapshot's part, when there is one."""
        cached = self._service._cached_part(self._change)
        if cached is not None:
            return cached  # type: ignore[return-value]
        with self._service._db.snapshot_connection() as connection:
            return tuple(self._spec.read(connection)[0])

    def get(self, record_id: int) -> T:
        with self._service._db.session() as session:
            return self.require(session, record_id)

    def require(self, session: Session, record_id: int) -> T:
        found = repo.get(session, self._kind, record_id)
        if found is None:
            raise NotFoundError(f"there is no {self._kind.noun} with id {record_id}", "id")
        return found

    def add(self, record: T) -> T:
        clean = _new(self._validate(record))
        token = self._service._token()
        with self._service._db.session() as session:
            if self._check:
                self._check(session, clean)
            stored = repo.add(session, self._kind, clean)
        self._service._publish(self._change, token=token)
        return stored

    def update(self, record: T) -> T:
        clean = self._validate(record)
        token = self._service._token()
        with self._service._db.session() as session:
            self.require(session, _id(clean))
            if self._check:
                self._check(session, clean)
            repo.update_one(session, self._kind, clean)
        self._service._publish(self._change, token=token)
        return clean

    def remove(self, record_id: int) -> T:
        token = self._service._token()
        with self._service._db.session() as session:
            found = self.require(session, record_id)
            repo.delete_ids(session, self._kind, [record_id])
        self._service._publish(self._change, token=token)
        return found


def _id(record: Any) -> int:
    return int(record.id)


def _new(record: T) -> T:
    return replace(record, id=0)  # type: ignore[type-var]
