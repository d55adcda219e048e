"""Bulk work freezes the heap without switching collection off, and nests across threads."""

from __future__ import annotations

import gc
import threading

from careerplanner.bulk import bulk_work


def test_collection_stays_on_and_the_heap_is_let_go() -> None:
    assert gc.get_freeze_count() == 0
    with bulk_work():
        assert gc.isenabled()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with bulk_work():  # nested: still frozen, still collecting
            assert gc.isenabled() and gc.get_freeze_count() >= frozen
        assert gc.get_freeze_count() >= frozen
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_overlapping_threads_unfreeze_only_at_the_end() -> None:
    inside, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def other() -> None:
        with bulk_work():
            inside.set()
            release.wait(timeout=30)

    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(timeout=30)
    with bulk_work():
        pass
    seen.append(gc.get_freeze_count())  # the other thread's bulk work still runs
    release.set()
    worker.join()
    assert seen[0] > 0
    assert gc.get_freeze_count() == 0 and gc.isenabled()
