"""Bulk work raises the collector's thresholds without switching collection off, and the
thresholds come back only when the last bulk work (nested or in another thread) ends."""

from __future__ import annotations

import gc
import threading

from careerplanner.bulk import BULK_THRESHOLDS, bulk_work


def test_collection_stays_on_and_the_thresholds_come_back() -> None:
    before = gc.get_threshold()
    with bulk_work():
        assert gc.isenabled() and gc.get_threshold() == BULK_THRESHOLDS
        with bulk_work():  # nested
            assert gc.isenabled() and gc.get_threshold() == BULK_THRESHOLDS
        assert gc.get_threshold() == BULK_THRESHOLDS
    assert gc.get_threshold() == before and gc.isenabled()


def test_overlapping_threads_restore_only_at_the_end() -> None:
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with bulk_work():
            inside.set()
            release.wait(timeout=30)

    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(timeout=30)
    with bulk_work():
        pass
    still = gc.get_threshold()  # the other thread's bulk work still runs
    release.set()
    worker.join()
    assert still == BULK_THRESHOLDS
    assert gc.get_threshold() == before and gc.isenabled()
