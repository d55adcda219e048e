"""The certification catalog and salary assumptions as domain objects (loaded from resources/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from careerplanner.domain.model import (
    Activity,
    CeTopic,
    DegreeField,
    DegreeLevel,
    ExamType,
    LicenseType,
    Setting,
    Supervision,
    Track,
)


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str
    tag: str  # OFFICIAL, SECONDARY, WEAK or UNVERIFIED, as in the source notes


@dataclass(frozen=True, slots=True)
class DegreeRule:
    """A completed degree of one of these levels in one of these fields."""

    levels: tuple[DegreeLevel, ...]
    fields: tuple[DegreeField, ...]
    accredited: bool = False
    field_experience: bool = False
    name: str = "degree"  # how the user reads it: "BSW", "MSW", "bachelor's degree"


@dataclass(frozen=True, slots=True)
class CredentialOption:
    """One way to meet a prerequisite: the degree (if any) and, if any are listed,
    one of the licenses (active) or one of the exams (passed)."""

    degree: DegreeRule | None = None
    licenses: tuple[LicenseType, ...] = ()
    exams: tuple[ExamType, ...] = ()


@dataclass(frozen=True, slots=True)
class CredentialRequirement:
    id: str
    label: str
    options: tuple[CredentialOption, ...]
    group: str | None = None
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class LicenseYearsRequirement:
    """A license of this type held, counting from its first issue date, for at least `years`."""

    id: str
    label: str
    license: LicenseType
    years: int
    group: str | None = None
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class HoursRequirement:
    id: str
    label: str
    hours: float
    activity: Activity
    supervision: tuple[Supervision, ...]  # accepted supervision values
    settings: tuple[Setting, ...] | None = None  # None: any setting
    paid_only: bool = True
    after_degree: DegreeRule | None = None  # only hours dated strictly after its completion
    since_license: LicenseType | None = None  # only hours on or after its first issue date
    window_years: int | None = None  # only hours in (as-of - N years, as-of]
    group: str | None = None  # requirements sharing a group are alternatives (any one)
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class CeRequirement:
    id: str
    label: str
    hours: float
    topics: tuple[CeTopic, ...] | None = None  # None: any topic
    window_years: int | None = None
    group: str | None = None
    assumption: str | None = None


Requirement = CredentialRequirement | LicenseYearsRequirement | HoursRequirement | CeRequirement


@dataclass(frozen=True, slots=True)
class CeBucket:
    topic: CeTopic
    hours: float


@dataclass(frozen=True, slots=True)
class Renewal:
    years: int
    ce_hours: float
    buckets: tuple[CeBucket, ...] = ()
    assumption: str | None = None
    fees: tuple[Fee, ...] = ()


@dataclass(frozen=True, slots=True)
class Fee:
    label: str
    usd: float


@dataclass(frozen=True, slots=True)
class ExamWindow:
    """A testing window (a whole month) and its application period, as month/day pairs."""

    month: int
    apply_from: tuple[int, int]
    apply_until: tuple[int, int]


@dataclass(frozen=True, slots=True)
class ExamFacts:
    summary: str
    questions: int | None = None
    scored: int | None = None
    minutes: int | None = None
    fees: tuple[Fee, ...] = ()
    windows: tuple[ExamWindow, ...] = ()
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class Certification:
    id: str
    name: str
    short_name: str  # how reasons name the body's rule: "CCM", "ACM", "NASW", "ANCC"
    issuer: str
    sources: tuple[Source, ...]
    last_checked: date
    requirements: tuple[Requirement, ...]
    renewal: Renewal
    exam: ExamFacts
    assumptions: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with the source it comes from."""

    value: float
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class SalaryAssumptions:
    """Defaults of the salary model; every one is shown to the user as an assumption."""

    typical: Mapping[Track, Figure]
    ceiling: Mapping[Track, Figure]
    advanced_ceiling: Figure
    raise_percent: Figure
    certification_step_percent: Figure
    masters_step_percent: Figure
    band_percent: Figure
    us_mean: Mapping[Track, Figure]  # national mean of the occupation closest to the track
    state_means: Mapping[Track, Mapping[str, Figure]]  # state code -> mean wage


@dataclass(frozen=True, slots=True)
class Catalog:
    certifications: tuple[Certification, ...]
    salary: SalaryAssumptions
    version: str = "1"
    note: str = ""  # what `last_checked` means and how far to trust the facts; shown to users

    def get(self, cert_id: str) -> Certification:
        for cert in self.certifications:
            if cert.id == cert_id:
                return cert
        raise KeyError(cert_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.certifications)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of an Explore chart: a labelled figure and the source it comes from."""

    label: str
    value: float
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class FactSeries:
    """A bar-chart-ready series for the Explore page (percentages or U.S. dollars)."""

    id: str
    title: str
    unit: str  # "percent" or "usd"
    bars: tuple[Bar, ...]
    note: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(bar.source for bar in self.bars))


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence about the field and its source."""

    text: str
    source: str


@dataclass(frozen=True, slots=True)
class CareerStageText:
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class CareerFacts:
    """The field at a glance (Explore): charts, facts, types of case managers, core tasks."""

    series: tuple[FactSeries, ...]
    facts: tuple[Fact, ...]
    types: tuple[str, ...]
    types_source: str
    core_tasks: tuple[str, ...]
    core_tasks_source: str
    stages: tuple[CareerStageText, ...]
    stages_source: str

    def get(self, series_id: str) -> FactSeries:
        for series in self.series:
            if series.id == series_id:
                return series
        raise KeyError(series_id)
