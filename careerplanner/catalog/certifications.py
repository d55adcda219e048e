"""Validate catalog.toml (the six certifications: requirements, renewal, exam facts)
into domain objects; every problem is a `CatalogError` naming the file and the field, e.g.
"catalog.toml: certification[2].requirements[1].hours: expected a positive number".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from careerplanner.catalog.nodes import Node, check_unique, read_toml
from careerplanner.domain.catalog import (
    CeBucket,
    CeRequirement,
    Certification,
    CredentialOption,
    CredentialRequirement,
    DegreeRule,
    ExamFacts,
    ExamWindow,
    Fee,
    HoursRequirement,
    LicenseYearsRequirement,
    Renewal,
    Requirement,
    Source,
)
from careerplanner.domain.model import (
    HEALTH_DELIVERY_SETTINGS,
    Activity,
    CeTopic,
    DegreeField,
    DegreeLevel,
    ExamType,
    LicenseType,
    Setting,
    Supervision,
)

__all__ = ["CATALOG_FILE", "read_certifications"]

CATALOG_FILE = "catalog.toml"
TAGS = ("OFFICIAL", "SECONDARY", "WEAK", "UNVERIFIED")

# Named value sets the catalog may use instead of a list.
FIELD_SHORTHANDS = {
    "health-or-human-services": tuple(
        f for f in DegreeField if f not in (DegreeField.HEALTHCARE_ADMIN, DegreeField.OTHER)
    ),
}
SUPERVISION_SHORTHANDS = {
    "any": tuple(Supervision),
    "supervised": tuple(s for s in Supervision if s is not Supervision.NONE),
}
SETTING_SHORTHANDS = {"health-delivery": tuple(s for s in Setting if s in HEALTH_DELIVERY_SETTINGS)}

CERT_FIELDS = (
    "id", "name", "short_name", "issuer", "summary", "last_checked", "assumptions",
    "sources", "requirements", "renewal", "exam",
)  # fmt: skip
COMMON_FIELDS = ("id", "kind", "label", "group", "assumption")
KIND_FIELDS = {
    "credential": ("options",),
    "license-years": ("license", "years"),
    "hours": (
        "hours", "activity", "supervision", "settings", "paid_only", "after_degree",
        "since_license", "window_years",
    ),
    "ce": ("hours", "topics", "window_years"),
}  # fmt: skip
REQUIREMENT_FIELDS = {*COMMON_FIELDS, *(f for fields in KIND_FIELDS.values() for f in fields)}
DEGREE_FIELDS = ("levels", "fields", "accredited", "field_experience", "name")
EXAM_FIELDS = ("summary", "questions", "scored", "minutes", "fees", "windows", "assumption")


def read_certifications(folder: Path) -> tuple[Node, tuple[Certification, ...]]:
    """catalog.toml's root table (for its version and note) and its certifications."""
    data = read_toml(folder, CATALOG_FILE)
    root = Node(CATALOG_FILE, "", data, ("version", "note", "certification"))
    nodes = root.children("certification", CERT_FIELDS)
    check_unique(root, "certification", [n.text("id") for n in nodes])
    return root, tuple(_certification(node) for node in nodes)


def _certification(node: Node) -> Certification:
    sources = tuple(
        Source(s.url("url"), s.text("title"), _tag(s))
        for s in node.children("sources", ("url", "title", "tag"))
    )
    kinds = node.children("requirements", REQUIREMENT_FIELDS)
    check_unique(node, "requirements", [r.text("id") for r in kinds])
    return Certification(
        id=node.text("id"),
        name=node.text("name"),
        short_name=node.text("short_name"),
        issuer=node.text("issuer"),
        sources=sources,
        last_checked=node.day("last_checked"),
        requirements=tuple(_requirement(r) for r in kinds),
        renewal=_renewal(node.child("renewal", RENEWAL_FIELDS)),
        exam=_exam(node.child("exam", EXAM_FIELDS)),
        assumptions=node.strings("assumptions") if node.has("assumptions") else (),
        summary=node.text("summary", ""),
    )


def _tag(node: Node) -> str:
    tag = node.text("tag")
    if tag not in TAGS:
        node.fail("tag", f"unknown value {tag!r} (choose {', '.join(TAGS)})")
    return tag


def _requirement(node: Node) -> Requirement:
    kind = node.text("kind")
    if kind not in KIND_FIELDS:
        node.fail("kind", f"unknown value {kind!r} (choose {', '.join(KIND_FIELDS)})")
    for key in node.data:
        if key not in COMMON_FIELDS and key not in KIND_FIELDS[kind]:
            node.fail(key, f"not a field of a {kind!r} requirement")
    common = {
        "id": node.text("id"),
        "label": node.text("label"),
        "group": node.optional_text("group"),
        "assumption": node.optional_text("assumption"),
    }
    builders: dict[str, Callable[[Node, dict[str, Any]], Requirement]] = {
        "credential": _credential,
        "license-years": _license_years,
        "hours": _hours,
        "ce": _ce,
    }
    return builders[kind](node, common)


def _credential(node: Node, common: dict[str, Any]) -> Requirement:
    options = []
    for option in node.children("options", ("degree", "licenses", "exams")):
        if not (option.has("degree") or option.has("licenses") or option.has("exams")):
            option.fail("", "expected a degree, licenses or exams")
        degree = option.child("degree", DEGREE_FIELDS) if option.has("degree") else None
        options.append(
            CredentialOption(
                degree=_degree_rule(degree) if degree else None,
                licenses=option.choices("licenses", LicenseType) if option.has("licenses") else (),
                exams=option.choices("exams", ExamType) if option.has("exams") else (),
            )
        )
    return CredentialRequirement(options=tuple(options), **common)


def _degree_rule(node: Node) -> DegreeRule:
    return DegreeRule(
        levels=node.choices("levels", DegreeLevel),
        fields=node.choices("fields", DegreeField, FIELD_SHORTHANDS),
        accredited=node.flag("accredited"),
        field_experience=node.flag("field_experience"),
        name=node.text("name"),
    )


def _license_years(node: Node, common: dict[str, Any]) -> Requirement:
    return LicenseYearsRequirement(
        license=node.choice("license", LicenseType), years=node.integer("years"), **common
    )


def _hours(node: Node, common: dict[str, Any]) -> Requirement:
    after = node.child("after_degree", DEGREE_FIELDS) if node.has("after_degree") else None
    since = node.choice("since_license", LicenseType) if node.has("since_license") else None
    return HoursRequirement(
        hours=node.number("hours"),
        activity=node.choice("activity", Activity),
        supervision=node.choices("supervision", Supervision, SUPERVISION_SHORTHANDS),
        settings=_settings(node),
        paid_only=node.flag("paid_only", True),
        after_degree=_degree_rule(after) if after else None,
        since_license=since,
        window_years=node.optional_integer("window_years"),
        **common,
    )


def _settings(node: Node) -> tuple[Setting, ...] | None:
    """None (any setting) when absent or "any"; else a list or a named set."""
    if not node.has("settings") or node.get("settings") == "any":
        return None
    return node.choices("settings", Setting, SETTING_SHORTHANDS)


def _ce(node: Node, common: dict[str, Any]) -> Requirement:
    return CeRequirement(
        hours=node.number("hours"),
        topics=node.choices("topics", CeTopic) if node.has("topics") else None,
        window_years=node.optional_integer("window_years"),
        **common,
    )


RENEWAL_FIELDS = ("years", "ce_hours", "buckets", "fees", "assumption")


def _fees(node: Node) -> tuple[Fee, ...]:
    return tuple(
        Fee(f.text("label"), f.number("usd"))
        for f in node.children("fees", ("label", "usd"), required=False)
    )


def _renewal(node: Node) -> Renewal:
    buckets = tuple(
        CeBucket(b.choice("topic", CeTopic), b.number("hours"))
        for b in node.children("buckets", ("topic", "hours"), required=False)
    )
    ce_hours = node.number("ce_hours")
    if sum(b.hours for b in buckets) > ce_hours:
        node.fail("buckets", "the buckets add up to more than ce_hours")
    return Renewal(
        years=node.integer("years"),
        ce_hours=ce_hours,
        buckets=buckets,
        fees=_fees(node),
        assumption=node.optional_text("assumption"),
    )


def _exam(node: Node) -> ExamFacts:
    fees = _fees(node)
    windows = tuple(
        ExamWindow(_month(w), _month_day(w, "apply_from"), _month_day(w, "apply_until"))
        for w in node.children("windows", ("month", "apply_from", "apply_until"), required=False)
    )
    questions, scored = node.optional_integer("questions"), node.optional_integer("scored")
    if questions is not None and scored is not None and scored > questions:
        node.fail("scored", "more scored questions than questions")
    return ExamFacts(
        summary=node.text("summary"),
        questions=questions,
        scored=scored,
        minutes=node.optional_integer("minutes"),
        fees=fees,
        windows=windows,
        assumption=node.optional_text("assumption"),
    )


def _month(node: Node) -> int:
    month = node.integer("month")
    if month > 12:
        node.fail("month", "expected a month from 1 to 12")
    return month


def _month_day(node: Node, key: str) -> tuple[int, int]:
    value = node.get(key)
    valid = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    if not valid:
        node.fail(key, "expected [month, day]")
    month, day = value
    try:
        date(2024, month, day)  # a leap year, so February 29 is accepted
    except ValueError:
        node.fail(key, f"{value!r} is not a day of the year")
    return (month, day)
