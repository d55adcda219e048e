"""Degrees, licenses and passed exams."""

from __future__ import annotations

from careerplanner.domain.model import Degree, Exam, License
from careerplanner.domain.validation import validate_degree, validate_exam, validate_license
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.records import RecordStore
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database, reader


class EducationService(ServiceBase):
    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, cache: SnapshotCache | None = None
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._degrees = RecordStore(self, reader.DEGREES, ChangeKind.DEGREES, validate_degree)
        self._licenses = RecordStore(self, reader.LICENSES, ChangeKind.LICENSES, validate_license)
        self._exams = RecordStore(
            self, reader.EXAMS, ChangeKind.EXAMS, lambda e: validate_exam(e, today())
        )

    def degrees(self) -> tuple[Degree, ...]:
        return self._degrees.list()

    def add_degree(self, degree: Degree) -> Degree:
        return self._degrees.add(degree)

    def update_degree(self, degree: Degree) -> Degree:
        return self._degrees.update(degree)

    def remove_degree(self, degree_id: int) -> Degree:
        return self._degrees.remove(degree_id)

    def licenses(self) -> tuple[License, ...]:
        return self._licenses.list()

    def add_license(self, license: License) -> License:
        return self._licenses.add(license)

    def update_license(self, license: License) -> License:
        return self._licenses.update(license)

    def remove_license(self, license_id: int) -> License:
        return self._licenses.remove(license_id)

    def exams(self) -> tuple[Exam, ...]:
        return self._exams.list()

    def add_exam(self, exam: Exam) -> Exam:
        return self._exams.add(exam)

    def update_exam(self, exam: Exam) -> Exam:
        return self._exams.update(exam)

    def remove_exam(self, exam_id: int) -> Exam:
        return self._exams.remove(exam_id)
