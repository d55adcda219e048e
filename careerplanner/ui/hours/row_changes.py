"""How the hours table takes new rows without a reset: find the inserted block, merge the order.

A write patches the shared snapshot, so after a quick add the log's new tuple holds the very
same entry objects as the shown one, with the new entries somewhere in between. Telling the
view "rows inserted" instead of "everything changed" keeps its selection and scroll position
and spares sorting 100,000 rows again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from careerplanner.domain.model import WorkEntry


def inserted_block(
    old: Sequence[WorkEntry], old_ids: np.ndarray, new: Sequence[WorkEntry], new_ids: np.ndarray
) -> int | None:
    """The row where `new` has a block of entries that `old` lacks, when it is `old` (equal
    entries, in the same order) plus that block; None for any other change. Entries read again
    (other objects at either end) count as another change."""
    added = len(new) - len(old)
    if added <= 0 or not old:
        return None
    size = len(old)
    differ = np.flatnonzero(new_ids[:size] != old_ids)
    at = int(differ[0]) if differ.size else size
    if not np.array_equal(new_ids[at + added :], old_ids[at:]):
        return None
    first, last = new[0 if at else added], new[size - 1 if size <= at else -1]
    if old[0] is not first or old[-1] is not last:
        return None  # other objects: read again (after another program's change, say)
    # Tuples compare their items by identity first, so this costs little for the same objects;
    # an entry changed in place (an edit, a verification) compares unequal.
    if tuple(old[:at]) != tuple(new[:at]) or tuple(old[at:]) != tuple(new[at + added :]):
        return None
    return at


def shifted(rows: np.ndarray, at: int, added: int) -> np.ndarray:
    """Source rows after `added` rows were inserted at row `at`."""
    return np.where(rows >= at, rows + added, rows)


def merged_order(
    order: np.ndarray, key: np.ndarray, at: int, added: int, descending: bool
) -> np.ndarray:
    """Every source row sorted by `key` (unique per row), from `order` (the rows sorted before
    the insertion) and the rows at..at+added-1 put in their places."""
    ascending = shifted(order if not descending else order[::-1], at, added)
    new_rows = np.arange(at, at + added)
    new_rows = new_rows[np.argsort(key[new_rows], kind="stable")]
    places = np.searchsorted(key[ascending], key[new_rows])
    merged = np.insert(ascending, places, new_rows)
    return merged[::-1].copy() if descending else merged


def visible_after(
    order: np.ndarray, rows: np.ndarray, new_rows: np.ndarray, at: int, added: int
) -> np.ndarray:
    """The shown rows (`rows`, from before the insertion) and the new shown ones, in `order`."""
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    shown = np.concatenate((shifted(rows, at, added), new_rows))
    result: np.ndarray = shown[np.argsort(rank[shown], kind="stable")]
    return result
