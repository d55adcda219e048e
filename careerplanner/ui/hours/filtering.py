"""Which rows of the hours table pass the filter the user typed, computed on whole columns."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date

import numpy as np

from careerplanner.domain.labels import label, supervision_label
from careerplanner.domain.model import Activity, Setting, Supervision
from careerplanner.ui.hours.columns import HoursColumns

ENUM_FIELDS = (("activity", Activity), ("setting", Setting), ("supervision", Supervision))


@dataclass(frozen=True, slots=True)
class HoursFilter:
    """What the user filters by; an empty value means "any"."""

    text: str = ""
    since: date | None = None
    until: date | None = None
    setting: str = ""
    employer: str | None = None  # None: any employer; "" : entries without an employer

    @property
    def active(self) -> bool:
        return self != HoursFilter()


def passing(c: HoursColumns, f: HoursFilter) -> np.ndarray | None:
    """Which source rows pass the filter; None when every row does."""
    if not f.active:
        return None
    mask = np.ones(len(c.ids), np.bool_)
    if f.since is not None:
        mask &= c.last >= f.since.toordinal()
    if f.until is not None:
        mask &= c.first <= f.until.toordinal()
    if f.setting:
        mask &= _in(c.members("setting"), {Setting(f.setting)})
    if f.employer is not None:
        employer = f.employer
        mask &= np.fromiter((e == employer for e in c.employers), np.bool_, len(c.ids))
    for word in f.text.split():
        mask &= _word_mask(c, word)
    return mask


def _in(values: list[object], wanted: AbstractSet[object]) -> np.ndarray:
    return np.fromiter((v in wanted for v in values), np.bool_, len(values))


def _word_mask(c: HoursColumns, word: str) -> np.ndarray:
    """Rows whose text, or whose activity, setting or supervision in words, contains `word`."""
    mask = np.fromiter((word in s for s in c.search), np.bool_, len(c.search))
    for name, enum_cls in ENUM_FIELDS:
        hits = {m for m in enum_cls if word in _words(m)}
        if hits:
            mask |= _in(c.members(name), hits)
    return mask


def _words(member: Activity | Setting | Supervision) -> str:
    words = f"{member.value} {label(member.value)}"
    if isinstance(member, Supervision):
        words += f" {supervision_label(member)}"
    return words.lower()
