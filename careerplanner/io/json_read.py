"""Reading a plan file: every value checked against the record it fills, every problem said
with where it is ("entries[3].hours"), numbers and nesting bounded before they are built."""

from __future__ import annotations

import json
import math
import types
from collections.abc import Mapping, Sequence
from dataclasses import fields
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Profile,
    WorkPeriod,
)
from careerplanner.domain.scenarios import SavedProjection, Scenario
from careerplanner.domain.validation import MAX_ID, MAX_NUMBER_CHARS
from careerplanner.io.json_format import (
    FORMAT,
    RECORDS,
    TOP_LEVEL,
    VERSION,
    Event,
    PlanFile,
    ScheduleDay,
)

T = TypeVar("T")


def loads(text: str) -> PlanFile:
    """The plan in a JSON document, or ValidationError saying where it is wrong."""
    doc = _parse(text)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError("the file is not a CareerPlanner plan export", "file")
    _check_version(doc.get("version"))
    unknown = sorted(set(doc) - TOP_LEVEL)
    if unknown:
        raise ValidationError(
            f"the file has unknown parts: {', '.join(map(repr, unknown))[:200]}; "
            "it was not written by CareerPlanner, or was edited by hand",
            "file",
        )
    profile = doc.get("profile")
    records = {name: _many(cls, doc.get(name, []), name) for name, cls in RECORDS}
    return PlanFile(
        profile=None if profile is None else _build(Profile, profile, "profile"),
        scenarios=tuple(_build_scenario(s, f"scenarios[{i}]") for i, s in _items(doc, "scenarios")),
        events=tuple(_event(e, f"entry_events[{i}]") for i, e in _items(doc, "entry_events")),
        dismissals=_dismissals(doc.get("dismissed_reminders", {})),
        schedule_days=tuple(
            _schedule_day(d, f"schedule_days[{i}]") for i, d in _items(doc, "schedule_days")
        ),
        **records,
    )


def _parse(text: str) -> Any:
    """JSON with bounded numbers and nesting; NaN and Infinity are refused."""
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"the file is not valid JSON (line {error.lineno}: {error.msg})", "file"
        ) from error
    except RecursionError as error:
        raise ValidationError("the file nests too deeply to be a plan", "file") from error
    except ValueError as error:
        raise ValidationError(f"the file is not a plan CareerPlanner can read ({error})") from error


def _int(text: str) -> int:
    if len(text.lstrip("-")) > 19 or abs(int(text)) > MAX_ID:
        raise ValueError(f"the number {_short(text)} is too large (at most {MAX_ID:,})")
    return int(text)


def _float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise ValueError(f"the number {_short(text)} is too long or too large")
    return value


def _short(text: str) -> str:
    return text if len(text) <= 30 else f"{text[:29]}… ({len(text):,} characters)"


def _constant(text: str) -> float:
    raise ValueError(f"{text} is not a number")


def _check_version(version: Any) -> None:
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError(
            f"the file's format version {version!r} is not valid (it must be 1 to {VERSION})",
            "file",
        )
    if version > VERSION:
        raise ValidationError(
            f"the file was written by a newer version of CareerPlanner (format {version}); "
            "install the newer version to import it",
            "file",
        )


def _items(doc: Mapping[str, Any], name: str) -> list[tuple[int, Any]]:
    items = doc.get(name, [])
    if not isinstance(items, list):
        raise ValidationError(f"{name} must be a list", name)
    return list(enumerate(items))


def _many(cls: type[T], items: Any, name: str) -> tuple[T, ...]:
    if not isinstance(items, list):
        raise ValidationError(f"{name} must be a list", name)
    return tuple(_build(cls, item, f"{name}[{i}]") for i, item in enumerate(items))


@cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(cls: type[T], data: Any, where: str, skip: Sequence[str] = ()) -> T:
    if not isinstance(data, dict):
        raise ValidationError(f"{where} must be an object", where)
    hints = _hints(cls)  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in skip or f.name not in data:
            continue
        values[f.name] = _value(hints[f.name], data[f.name], f"{where}.{f.name}")
    unknown = set(data) - {f.name for f in fields(cls)}  # type: ignore[arg-type]
    if unknown:
        raise ValidationError(f"{where} has unknown fields: {', '.join(sorted(unknown))}", where)
    try:
        return cls(**values)
    except TypeError as error:
        raise ValidationError(f"{where} is missing a field ({error})", where) from error


def _value(kind: Any, raw: Any, where: str) -> Any:
    if get_origin(kind) in (Union, types.UnionType):
        if raw is None:
            return None
        kind = next(a for a in get_args(kind) if a is not type(None))
    try:
        return _convert(kind, raw)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"{where}: {raw!r} is not a valid value ({error})", where) from error


def _convert(kind: Any, raw: Any) -> Any:
    if kind is datetime:
        return datetime.fromisoformat(_text(raw))
    if kind is date:
        return date.fromisoformat(_text(raw))
    if kind is time:
        return time.fromisoformat(_text(raw))
    if kind is bool:
        if not isinstance(raw, bool):
            raise TypeError("expected true or false")
        return raw
    if kind in (int, float):
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            raise TypeError("expected a number")
        if kind is int and raw != int(raw):
            raise TypeError("expected a whole number")
        return kind(raw)
    if kind is str:
        return _text(raw)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(_text(raw))
    raise TypeError(f"cannot read a {kind}")


def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError("expected text")
    return raw


def _build_scenario(data: Any, where: str) -> Scenario:
    skip = ("degree_dates", "saved_projection", "work_periods")
    scenario = _build(Scenario, data, where, skip=skip)
    periods = data.get("work_periods")
    work = None if periods is None else _many(WorkPeriod, periods, f"{where}.work_periods")
    dates = data.get("degree_dates", {})
    saved = data.get("saved_projection")
    try:
        degree_dates = {int(k): date.fromisoformat(v) for k, v in dict(dates).items()}
        projection = SavedProjection.from_dict(saved) if saved else None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ValidationError(f"{where}: a saved date or projection is wrong ({error})") from error
    return Scenario(
        name=scenario.name,
        weekly_hours=scenario.weekly_hours,
        ce_hours_per_year=scenario.ce_hours_per_year,
        state=scenario.state,
        raise_percent=scenario.raise_percent,
        degree_dates=degree_dates,
        id=scenario.id,
        saved_at=scenario.saved_at,
        saved_projection=projection,
        work_periods=work,
    )


def _event(data: Any, where: str) -> Event:
    if not isinstance(data, dict):
        raise ValidationError(f"{where} must be an object", where)
    return (
        _value(int, data.get("entry_id"), f"{where}.entry_id"),
        _value(datetime, data.get("at"), f"{where}.at"),
        _value(str, data.get("action"), f"{where}.action"),
        _value(str, data.get("detail"), f"{where}.detail"),
        _changes(data.get("fields", {}), f"{where}.fields"),
        _value(str, data.get("source", ""), f"{where}.source"),
    )


def _changes(data: Any, where: str) -> dict[str, list[Any]]:
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and len(v) == 2 for v in data.values()
    ):
        raise ValidationError(f"{where} must map each field to [old, new]", where)
    return {str(k): list(v) for k, v in data.items()}


def _schedule_day(data: Any, where: str) -> ScheduleDay:
    if not isinstance(data, dict):
        raise ValidationError(f"{where} must be an object", where)
    outcome = _value(str, data.get("outcome"), f"{where}.outcome")
    if outcome not in ("filled", "skipped", "logged"):
        raise ValidationError(f"{where}.outcome must be filled, skipped or logged", where)
    return (
        _value(int, data.get("schedule_id"), f"{where}.schedule_id"),
        _value(date, data.get("day"), f"{where}.day"),
        outcome,
        _value(int | None, data.get("entry_id"), f"{where}.entry_id"),
    )


def _dismissals(data: Any) -> dict[str, date]:
    if not isinstance(data, dict):
        raise ValidationError("dismissed_reminders must be an object", "dismissed_reminders")
    return {str(k): _value(date, v, f"dismissed_reminders.{k}") for k, v in sorted(data.items())}
