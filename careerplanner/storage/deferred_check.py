"""The quick check of a database opened without it: run once, and always before the first write.

The window opens its database after checking only the header and the schema revision, so the
plan shows sooner; SQLite's quick check of every page (`fileguard.quick_check`, which grows
with the file) then runs in the background. Nothing is written before it has passed: a write
runs the check itself first (or waits for the one running), and once the check found damage
every write is refused with the damage message, so a damaged file is left as it was.
"""

from __future__ import annotations

import threading
from pathlib import Path

from careerplanner.storage import fileguard
from careerplanner.storage.errors import UnusableFileError


class DeferredCheck:
    """The pending quick check of one database file (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._passed = False
        self.problem: str | None = None  # the damage found, as the refusal's message

    def run(self) -> str | None:
        """Check the file now unless already done: the damage found, None when it is sound.
        Busy or unreadable raises `DatabaseError` and leaves the check to be run again."""
        with self._lock:
            if not self._passed and self.problem is None:
                self.problem = fileguard.quick_check(self.path)
                self._passed = self.problem is None
            return self.problem

    @property
    def passed(self) -> bool:
        """Whether the check has run and found the file sound (without waiting for it)."""
        return self._passed

    def require_sound(self) -> None:
        """Before a write: raise `UnusableFileError` (the damage) unless the check passes."""
        problem = self.run()
        if problem is not None:
            raise UnusableFileError(problem)

    def reset(self) -> None:
        """The file was replaced (recovered): check the new one before its first write."""
        with self._lock:
            self._passed, self.problem = False, None
