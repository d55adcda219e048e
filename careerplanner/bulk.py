"""Building many records at once without garbage-collection churn, and without switching
collection off.

While 100,000 records are built, Python's collector runs again and again, and each full run
walks every object the process holds. `bulk_work()` freezes the objects that exist when the
first bulk work starts (`gc.freeze`), so those runs only look at what is new; the heap is let
go when the last one ends (nested or in other threads). Collection stays on for every thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = [0]  # bulk works under way, in any thread


@contextmanager
def bulk_work() -> Iterator[None]:
    """Freeze the existing heap while any bulk build runs, then let it go again."""
    with _lock:
        _depth[0] += 1
        if _depth[0] == 1:
            gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0:
                gc.unfreeze()
