"""Kinds of work: each combination of activity, setting, supervision and paid is one kind.

There are 270 kinds, so an hours rule decides once per kind whether (and why not) its work
counts, and an entry takes the answer of its kind by one array lookup, instead of every rule
comparing every entry's attributes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careerplanner.domain.encoding import ACTIVITIES, SETTINGS, SUPERVISIONS, BoolArray, IntArray

_SHAPE = (len(ACTIVITIES), len(SETTINGS), len(SUPERVISIONS), 2)


@dataclass(frozen=True)
class WorkKinds:
    """Work attributes as codes (an enum's index in the enum), one row per kind."""

    activity: IntArray
    setting: IntArray
    supervision: IntArray
    paid: BoolArray


def _every_kind() -> WorkKinds:
    activity, setting, supervision, paid = np.indices(_SHAPE, np.int64).reshape(len(_SHAPE), -1)
    return WorkKinds(activity, setting, supervision, paid.astype(np.bool_))


KINDS = _every_kind()  # row k is kind k


def kind_codes(
    activity: IntArray, setting: IntArray, supervision: IntArray, paid: BoolArray
) -> IntArray:
    """The kind (row of KINDS) of each entry with these attribute codes."""
    _, settings, supervisions, pays = _SHAPE
    codes: IntArray = activity * settings  # then in place: one array, not six
    codes += setting
    codes *= supervisions
    codes += supervision
    codes *= pays
    codes += paid
    return codes
