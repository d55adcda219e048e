"""The portable `.careerplanner` archive: a zip of the plan's JSON and its certificate files.

`write_archive` stores `plan.json` and `certificates/NAME` (with fixed timestamps, so the same
plan gives the same bytes). `read_archive` checks the whole archive before anyone writes
anything: only those two kinds of member, plain file names (no folders, no `..`, no absolute
paths, no hidden names, no control characters), no encryption, each file and the total
bounded, every member read to its end within those bounds (so a header that understates a
size, or a corrupted member, is found) and checked against its CRC.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from careerplanner.domain.errors import ValidationError

SUFFIX = ".careerplanner"
PLAN_NAME = "plan.json"
CERTIFICATES = "certificates/"
MAX_MEMBERS = 20_000
MAX_PLAN_BYTES = 512 * 1024 * 1024
MAX_CERTIFICATE_BYTES = 50 * 1024 * 1024  # as for an attached certificate
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ArchiveContents:
    """What a checked archive holds: the plan's text and the certificate names in it."""

    path: Path
    plan_text: str
    certificates: frozenset[str]

    @contextmanager
    def certificate(self, name: str) -> Iterator[IO[bytes]]:
        """The bytes of one certificate (already checked by `read_archive`)."""
        with zipfile.ZipFile(self.path) as archive, archive.open(CERTIFICATES + name) as stream:
            yield stream


def write_archive(stream: IO[bytes], plan_text: str, certificates: Mapping[str, Path]) -> None:
    """The plan and each named certificate file (read from its path) into `stream`."""
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_info(PLAN_NAME), plan_text.encode("utf-8"))
        for name, path in sorted(certificates.items()):
            with path.open("rb") as source, archive.open(_info(CERTIFICATES + name), "w") as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def read_archive(path: Path) -> ArchiveContents:
    """The archive checked as a whole; ValidationError in the user's words when it is not."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = _check_members(members)
            for info in members:
                _read_bounded(archive, info)
            plan = archive.read(PLAN_NAME)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as error:
        raise _not_archive(path, str(error)) from error
    except OSError as error:
        raise ValidationError(f"cannot read {path}: {error.strerror or error}", "file") from error
    try:
        text = plan.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_archive(path, "its plan is not UTF-8 text") from error
    return ArchiveContents(Path(path), text, frozenset(names))


def _not_archive(path: Path, why: str) -> ValidationError:
    return ValidationError(
        f"{path.name} is not a sound CareerPlanner archive ({why}); nothing was imported", "file"
    )


def _check_members(members: list[zipfile.ZipInfo]) -> list[str]:
    """The certificate names; refuses anything else an archive of ours never holds."""
    if len(members) > MAX_MEMBERS:
        raise ValidationError(f"the archive holds more than {MAX_MEMBERS:,} files", "file")
    seen: set[str] = set()
    total = 0
    for info in members:
        if info.filename in seen:
            raise ValidationError(f"the archive holds {info.filename!r} twice", "file")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise ValidationError("the archive is encrypted", "file")
        _check_name(info.filename)
        total += info.file_size
        if info.file_size > _limit(info.filename) or total > MAX_TOTAL_BYTES:
            raise ValidationError(f"{info.filename!r} in the archive is too large", "file")
    if PLAN_NAME not in seen:
        raise ValidationError(f"the archive holds no {PLAN_NAME}; it is not a plan", "file")
    return [n.removeprefix(CERTIFICATES) for n in seen if n != PLAN_NAME]


def _check_name(name: str) -> None:
    if name == PLAN_NAME:
        return
    file_name = name.removeprefix(CERTIFICATES)
    safe = (
        name.startswith(CERTIFICATES)
        and 0 < len(file_name) <= 255
        and "/" not in file_name
        and "\\" not in file_name
        and not file_name.startswith(".")
        and not any(unicodedata.category(c) in ("Cc", "Cs") for c in file_name)
    )
    if not safe:
        shown = name.encode("unicode_escape").decode("ascii")[:80]
        raise ValidationError(
            f"the archive holds {shown!r}, which is not a certificate of a plan", "file"
        )


def _limit(name: str) -> int:
    return MAX_PLAN_BYTES if name == PLAN_NAME else MAX_CERTIFICATE_BYTES


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read a member to its end (checking its CRC), refusing more bytes than allowed."""
    limit = min(info.file_size, _limit(info.filename))
    count = 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            count += len(chunk)
            if count > limit:
                raise ValidationError(
                    f"{info.filename!r} in the archive is larger than it says", "file"
                )
