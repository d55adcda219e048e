"""Validate careers.toml (salary model defaults and the Explore facts) into domain objects.

Every figure names a key of the file's `[sources]` table; the loaded objects carry the
source's text (a web address or a citation), so the app can show it beside the figure.
"""

from __future__ import annotations

import re
from pathlib import Path

from careerplanner.catalog.nodes import Node, check_unique, read_toml
from careerplanner.domain.catalog import (
    Bar,
    CareerFacts,
    CareerStageText,
    Fact,
    FactSeries,
    Figure,
    SalaryAssumptions,
)
from careerplanner.domain.model import Track

CAREERS_FILE = "careers.toml"
UNITS = ("percent", "usd")
SALARY_FIELDS = (
    "typical", "ceiling", "advanced_ceiling", "raise_percent", "certification_step_percent",
    "masters_step_percent", "band_percent", "us_mean", "state_means",
)  # fmt: skip
EXPLORE_FIELDS = (
    "types", "types_source", "core_tasks", "core_tasks_source", "stages", "stages_source",
    "facts", "series",
)  # fmt: skip
STATE_CODE = re.compile(r"[A-Z]{2}")
TRACKS = tuple(t.value for t in Track)


class CareersFile:
    """careers.toml, read once: its `[sources]` table and its two sections."""

    def __init__(self, folder: Path) -> None:
        data = read_toml(folder, CAREERS_FILE)
        self.root = Node(CAREERS_FILE, "", data, ("version", "sources", "salary", "explore"))
        self.root.text("version")
        declared = self.root.get("sources")
        table = self.root.child("sources", declared if isinstance(declared, dict) else ())
        self.sources = {key: table.text(key) for key in table.data}
        if not self.sources:
            self.root.fail("sources", "expected a table of source texts")

    def source(self, node: Node, key: str = "source") -> str:
        name = node.text(key)
        if name not in self.sources:
            node.fail(key, f"unknown source {name!r} (add it to [sources])")
        return self.sources[name]

    def figure(self, node: Node, key: str) -> Figure:
        child = node.child(key, ("value", "source", "note"))
        return Figure(child.number("value"), self.source(child), child.text("note", ""))

    def by_track(self, node: Node, key: str) -> dict[Track, Figure]:
        table = node.child(key, TRACKS)
        return {t: self.figure(table, t.value) for t in Track}

    def salary(self) -> SalaryAssumptions:
        node = self.root.child("salary", SALARY_FIELDS)
        return SalaryAssumptions(
            typical=self.by_track(node, "typical"),
            ceiling=self.by_track(node, "ceiling"),
            advanced_ceiling=self.figure(node, "advanced_ceiling"),
            raise_percent=self.figure(node, "raise_percent"),
            certification_step_percent=self.figure(node, "certification_step_percent"),
            masters_step_percent=self.figure(node, "masters_step_percent"),
            band_percent=self.figure(node, "band_percent"),
            us_mean=self.by_track(node, "us_mean"),
            state_means=self.state_means(node.child("state_means", TRACKS)),
        )

    def state_means(self, states: Node) -> dict[Track, dict[str, Figure]]:
        """Only the tracks and states that have a figure; the others use a factor of 1.0."""
        result: dict[Track, dict[str, Figure]] = {}
        for track in Track:
            if not states.has(track.value):
                continue
            codes = states.get(track.value)
            table = states.child(track.value, codes if isinstance(codes, dict) else ())
            for code in table.data:
                if not STATE_CODE.fullmatch(code):
                    table.fail(code, "expected a two-letter state code such as CA")
            result[track] = {code: self.figure(table, code) for code in table.data}
        return result

    def explore(self) -> CareerFacts:
        node = self.root.child("explore", EXPLORE_FIELDS)
        series = node.children("series", ("id", "title", "unit", "note", "bars"))
        check_unique(node, "series", [s.text("id") for s in series])
        return CareerFacts(
            series=tuple(self.series(s) for s in series),
            facts=tuple(
                Fact(f.text("text"), self.source(f))
                for f in node.children("facts", ("text", "source"))
            ),
            types=node.strings("types"),
            types_source=self.source(node, "types_source"),
            core_tasks=node.strings("core_tasks"),
            core_tasks_source=self.source(node, "core_tasks_source"),
            stages=tuple(
                CareerStageText(s.text("name"), s.text("text"))
                for s in node.children("stages", ("name", "text"))
            ),
            stages_source=self.source(node, "stages_source"),
        )

    def series(self, node: Node) -> FactSeries:
        unit = node.text("unit")
        if unit not in UNITS:
            node.fail("unit", f"unknown value {unit!r} (choose {', '.join(UNITS)})")
        bars = tuple(
            Bar(b.text("label"), b.number("value"), self.source(b), b.text("note", ""))
            for b in node.children("bars", ("label", "value", "source", "note"))
        )
        return FactSeries(node.text("id"), node.text("title"), unit, bars, node.text("note", ""))
