"""Building many records at once without garbage-collection churn, and without switching
collection off.

While 100,000 records are built, Python's collector runs again and again, and each full run
walks every object the process holds. `bulk_work()` raises the collector's thresholds while
any bulk work runs, so it runs far less often, and puts them back when the last one ends
(nested or in other threads). Collection stays on for every thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = [0]  # bulk works under way, in any thread
_saved: list[int] = []
BULK_THRESHOLDS = (100_000, 50, 50)


@contextmanager
def bulk_work() -> Iterator[None]:
    """Collect less often while any bulk build runs, then as before."""
    with _lock:
        _depth[0] += 1
        if _depth[0] == 1:
            _saved[:] = gc.get_threshold()
            gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0:
                gc.set_threshold(*_saved)
