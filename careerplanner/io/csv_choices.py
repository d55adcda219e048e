"""The choices a file can need before its rows are read: whose rows of a team export, and in
which order its slash dates are written. Nothing here guesses: when the file cannot tell,
the caller is told what to ask."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from careerplanner.domain.errors import ValidationError
from careerplanner.io.csv_detect import Layout
from careerplanner.io.csv_read import CsvTable
from careerplanner.io.csv_values import DateFormat, slash_orders

DATE_FIELDS = ("start", "end", "verified_on", "date")
RowTest = Callable[[list[str]], bool]


def people(table: CsvTable, layout: Layout) -> list[str]:
    """Each distinct person named in the person columns, in file order."""
    if not layout.person:
        return []
    seen: dict[str, None] = {}
    for record in table.records:
        name = person_of(record.cells, layout.person)
        if name:
            seen.setdefault(name, None)
    return list(seen)


def person_of(cells: Sequence[str], columns: Sequence[int]) -> str:
    """The row's person: the person columns' cells joined ('Ann' + 'Lee' -> 'Ann Lee')."""
    return " ".join(cells[i].strip() for i in columns if i < len(cells) and cells[i].strip())


def person_filter(
    chosen: str | None, found: Sequence[str], layout: Layout
) -> tuple[str | None, RowTest | None]:
    """(the person as the file spells them, whether a row is theirs); (None, None) when
    every row is taken. A name the file does not hold is refused, listing its people."""
    if chosen is None or not layout.person:
        return None, None
    wanted = chosen.strip().casefold()
    match = next((p for p in found if p.casefold() == wanted), None)
    if match is None:
        raise ValidationError(
            f"nobody called '{chosen.strip()}' is in the file (its people: "
            f"{', '.join(found) or 'none'})",
            "person",
        )
    columns = layout.person
    return match, lambda cells: person_of(cells, columns) == match


def date_order(
    table: CsvTable, layout: Layout, chosen: DateFormat | None
) -> tuple[DateFormat | None, bool]:
    """(the slash-date order to read with, whether the user must choose one): the chosen
    order, else the only one every slash date fits; both fitting needs a choice."""
    values: set[str] = set()
    for name in DATE_FIELDS:
        index = layout.index.get(name)
        if index is not None:
            values.update(r.cells[index] for r in table.records if index < len(r.cells))
    orders = slash_orders(values)
    if chosen is not None:
        return chosen, False
    if len(orders) == 1:
        return next(iter(orders)), False
    return None, bool(orders)
