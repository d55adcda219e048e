"""The catalog loader: the bundled files load as rules.md says; broken copies are refused."""

from __future__ import annotations

import copy
import math
import shutil
import tempfile
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.catalog import CatalogError, load_careers, load_catalog
from careerplanner.domain.catalog import (
    CeRequirement,
    CredentialRequirement,
    HoursRequirement,
    LicenseYearsRequirement,
)
from careerplanner.domain.model import (
    HEALTH_DELIVERY_SETTINGS,
    Activity,
    CeTopic,
    DegreeField,
    DegreeLevel,
    ExamType,
    LicenseType,
    Supervision,
    Track,
)
from careerplanner.paths import resources_dir

RESOURCES = resources_dir()
IDS = ("CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC")
SUPERVISED = set(Supervision) - {Supervision.NONE}
TAGS = {"OFFICIAL", "SECONDARY", "WEAK", "UNVERIFIED"}
CATALOG = load_catalog()
CAREERS = load_careers()


# ------------------------------------------------------------------ the bundled files


def test_the_six_certifications_in_order() -> None:
    assert CATALOG.ids == IDS
    short = {c.id: c.short_name for c in CATALOG.certifications}
    assert short == {
        "CCM": "CCM",
        "ACM-RN": "ACM",
        "ACM-SW": "ACM",
        "C-SWCM": "NASW",
        "C-ASWCM": "NASW",
        "CMGT-BC": "ANCC",
    }


def test_every_certification_has_sources_and_last_checked() -> None:
    assert "last checked" in CATALOG.note
    for cert in CATALOG.certifications:
        assert cert.last_checked == date(2026, 12, 1)  # the re-check of rules v2
        assert cert.sources, cert.id
        for source in cert.sources:
            assert source.url.startswith(("https://", "http://")), source
            assert source.title and source.tag in TAGS
        assert cert.name and cert.issuer and cert.summary and cert.exam.summary
        assert all(r.label.strip() for r in cert.requirements)


def _hours(cert_id: str, req_id: str) -> HoursRequirement:
    req = next(r for r in CATALOG.get(cert_id).requirements if r.id == req_id)
    assert isinstance(req, HoursRequirement)
    return req


def _credential(cert_id: str, req_id: str) -> CredentialRequirement:
    req = next(r for r in CATALOG.get(cert_id).requirements if r.id == req_id)
    assert isinstance(req, CredentialRequirement)
    return req


def test_ccm_requirements() -> None:
    cert = CATALOG.get("CCM")
    assert [r.id for r in cert.requirements] == [
        "prerequisite",
        "experience-ccm-supervised",
        "experience-any-supervision",
        "experience-supervising",
    ]
    licenses, degree = _credential("CCM", "prerequisite").options
    assert licenses.licenses == tuple(
        map(LicenseType, ("RN", "LCSW", "LMSW", "LPC", "CRC", "CDMS"))
    )
    assert degree.degree is not None and not degree.licenses
    assert set(degree.degree.levels) == {
        DegreeLevel.BACHELOR,
        DegreeLevel.MASTER,
        DegreeLevel.DOCTORATE,
    }
    assert set(degree.degree.fields) == set(DegreeField) - {
        DegreeField.HEALTHCARE_ADMIN,
        DegreeField.OTHER,
    }
    # rules v2: the CCMC page asks for a degree "from an accredited institution".
    assert degree.degree.field_experience and degree.degree.accredited
    expected = {
        "experience-ccm-supervised": (2080, Activity.CASE_MANAGEMENT, {Supervision.CCM}),
        "experience-any-supervision": (4160, Activity.CASE_MANAGEMENT, set(Supervision)),
        "experience-supervising": (2080, Activity.SUPERVISING, set(Supervision)),
    }
    for req_id, (hours, activity, supervision) in expected.items():
        req = _hours("CCM", req_id)
        assert (req.hours, req.activity, set(req.supervision)) == (hours, activity, supervision)
        assert req.group == "experience" and req.paid_only and req.settings is None
        assert req.window_years is None and req.after_degree is None
    text = " ".join(cert.assumptions)
    assert "2,080" in text and "173.3" in text and "paid" in text.lower()


@pytest.mark.parametrize("cert_id", ["ACM-RN", "ACM-SW"])
def test_acm_experience(cert_id: str) -> None:
    req = _hours(cert_id, "experience")
    assert req.hours == 2080 and req.activity is Activity.CASE_MANAGEMENT and req.paid_only
    assert set(req.supervision) == SUPERVISED
    assert req.settings is not None and set(req.settings) == HEALTH_DELIVERY_SETTINGS


def test_acm_prerequisites() -> None:
    (rn,) = _credential("ACM-RN", "rn-license").options
    assert rn.licenses == (LicenseType.RN,)
    degree, licenses = _credential("ACM-SW", "prerequisite").options
    assert degree.degree is not None
    assert degree.degree.levels == (DegreeLevel.BACHELOR, DegreeLevel.MASTER)
    assert degree.degree.fields == (DegreeField.SOCIAL_WORK,)
    assert degree.degree.accredited  # rules v2: "from an accredited school of social work"
    assert set(licenses.licenses) == {LicenseType.LBSW, LicenseType.LMSW, LicenseType.LCSW}


@pytest.mark.parametrize(
    ("cert_id", "degree_id", "level", "licenses", "exam", "hours"),
    [
        ("C-SWCM", "bsw", DegreeLevel.BACHELOR, {"LBSW", "LMSW", "LCSW"}, "ASWB-BACHELORS", 4500),
        ("C-ASWCM", "msw", DegreeLevel.MASTER, {"LMSW", "LCSW"}, "ASWB-MASTERS", 3000),
    ],
)
def test_nasw_requirements(
    cert_id: str, degree_id: str, level: DegreeLevel, licenses: set[str], exam: str, hours: int
) -> None:
    (option,) = _credential(cert_id, degree_id).options
    rule = option.degree
    assert rule is not None and rule.levels == (level,) and rule.accredited
    assert rule.fields == (DegreeField.SOCIAL_WORK,)
    by_license, by_exam = _credential(cert_id, "license-or-exam").options
    assert set(by_license.licenses) == {LicenseType(v) for v in licenses}
    assert by_exam.exams == (ExamType(exam),)
    req = _hours(cert_id, "experience")
    assert req.hours == hours and req.paid_only and set(req.supervision) == SUPERVISED
    assert req.after_degree == rule and req.settings is None


def test_c_aswcm_ce_and_c_swcm_assumptions() -> None:
    (ce,) = [r for r in CATALOG.get("C-ASWCM").requirements if isinstance(r, CeRequirement)]
    assert (ce.hours, ce.topics, ce.window_years) == (20, None, None)
    assert not any(isinstance(r, CeRequirement) for r in CATALOG.get("C-SWCM").requirements)
    text = " ".join(CATALOG.get("C-SWCM").assumptions).lower()
    assert "paid" in text and "ce" in text


def test_cmgt_bc_requirements() -> None:
    cert = CATALOG.get("CMGT-BC")
    assert [r.id for r in cert.requirements] == ["rn-license", "rn-years", "experience", "ce"]
    years = cert.requirements[1]
    assert isinstance(years, LicenseYearsRequirement)
    assert (years.license, years.years) == (LicenseType.RN, 2) and years.assumption
    req = _hours("CMGT-BC", "experience")
    assert (req.hours, req.paid_only, req.since_license, req.window_years) == (
        2000,
        False,
        LicenseType.RN,
        3,
    )
    assert set(req.supervision) == set(Supervision)
    ce = cert.requirements[3]
    assert isinstance(ce, CeRequirement)
    assert (ce.hours, ce.topics, ce.window_years) == (30, (CeTopic.CASE_MANAGEMENT,), 3)


def test_renewal_terms() -> None:
    terms = {
        c.id: (c.renewal.years, c.renewal.ce_hours, {(b.topic, b.hours) for b in c.renewal.buckets})
        for c in CATALOG.certifications
    }
    assert terms == {
        "CCM": (5, 80, {(CeTopic.ETHICS, 8)}),
        "ACM-RN": (4, 40, {(CeTopic.CASE_MANAGEMENT, 30)}),
        "ACM-SW": (4, 40, {(CeTopic.CASE_MANAGEMENT, 30)}),
        "C-SWCM": (2, 20, set()),
        "C-ASWCM": (2, 20, set()),
        "CMGT-BC": (5, 75, set()),
    }
    # CCM's 8 ethics hours are confirmed (re-check of 2026-12-01): no longer an assumption.
    assert CATALOG.get("CCM").renewal.assumption is None
    assert [(f.label, f.usd) for f in CATALOG.get("CCM").renewal.fees] == [
        ("Renewal through CE", 285)
    ]
    for cert_id in ("C-SWCM", "C-ASWCM"):
        assert CATALOG.get(cert_id).renewal.assumption
    ancc = CATALOG.get("CMGT-BC").renewal.assumption or ""
    assert "one of its renewal categories" in ancc and "does not track" in ancc


def test_nasw_exam_alternative_is_labelled_an_assumption() -> None:
    for cert_id in ("C-SWCM", "C-ASWCM"):
        req = _credential(cert_id, "license-or-exam")
        assert req.assumption is not None and "assumption" in req.assumption
        assert "qualified and licensed social workers" in req.assumption


def test_exam_facts() -> None:
    ccm = CATALOG.get("CCM").exam
    assert (ccm.questions, ccm.scored, ccm.minutes) == (180, 150, 180)
    assert [(f.label, f.usd) for f in ccm.fees] == [("Application", 235), ("Exam", 195)]
    assert "$430" in ccm.summary and "Pearson VUE" in ccm.summary
    windows = [(w.month, w.apply_from, w.apply_until) for w in ccm.windows]
    assert windows == [(4, (11, 1), (1, 31)), (8, (3, 1), (5, 31)), (12, (7, 15), (10, 15))]
    acm = CATALOG.get("ACM-RN").exam
    assert acm.questions is None and "simulation" in acm.summary and acm.assumption
    ancc = CATALOG.get("CMGT-BC").exam
    assert (ancc.questions, ancc.scored) == (175, 150)
    assert [f.usd for f in ancc.fees] == [270, 395] and "Unverified" in (ancc.assumption or "")
    for cert_id in ("C-SWCM", "C-ASWCM"):
        assert "No NASW exam" in CATALOG.get(cert_id).exam.summary


def test_salary_defaults() -> None:
    salary = CATALOG.salary

    def values(table: Any) -> dict[str, float]:
        return {track.value: figure.value for track, figure in table.items()}

    assert values(salary.typical) == {"nurse": 80710, "social-work": 58142, "other": 80000}
    assert values(salary.ceiling) == {"nurse": 98869, "social-work": 77538, "other": 99999}
    assert values(salary.us_mean) == {"nurse": 89010, "social-work": 67430, "other": 134440}
    assert salary.advanced_ceiling.value == 100000
    assert salary.raise_percent.value == 2 and salary.band_percent.value == 12
    assert salary.certification_step_percent.value == 5 and salary.masters_step_percent.value == 8
    states = {t.value: {k: f.value for k, f in m.items()} for t, m in salary.state_means.items()}
    assert states == {
        "nurse": {"CA": 133340, "NY": 100130, "TX": 84320, "FL": 79910, "MS": 67930},
        "social-work": {"CA": 93200, "MS": 55860},
        "other": {"CA": 156140, "NY": 179160, "MS": 95140},
    }


def test_every_salary_and_career_figure_has_a_source() -> None:
    salary = CATALOG.salary
    figures = [
        *salary.typical.values(),
        *salary.ceiling.values(),
        *salary.us_mean.values(),
        *(f for states in salary.state_means.values() for f in states.values()),
        salary.advanced_ceiling,
        salary.raise_percent,
        salary.certification_step_percent,
        salary.masters_step_percent,
        salary.band_percent,
    ]
    assert set(salary.typical) == set(Track)
    assert all(f.source.strip() and math.isfinite(f.value) for f in figures)
    bars = [bar for series in CAREERS.series for bar in series.bars]
    assert bars and all(bar.source.strip() for bar in bars)
    assert all(fact.source.strip() for fact in CAREERS.facts)
    assert CAREERS.types_source and CAREERS.core_tasks_source and CAREERS.stages_source


def test_explore_facts() -> None:
    assert len(CAREERS.types) == 6 and len(CAREERS.core_tasks) == 6
    assert CAREERS.core_tasks[0] == "Identification and eligibility"
    assert [b.value for b in CAREERS.get("salary-distribution").bars] == [14, 26, 16]
    assert [b.value for b in CAREERS.get("arrangement").bars] == [49, 26, 14]
    related = {b.label: b.value for b in CAREERS.get("related-paths").bars}
    assert len(related) == 10 and related["Healthcare consultants"] == 88534
    outlook = {b.value for b in CAREERS.get("outlook").bars}
    assert {28.5, 8.2} <= outlook
    assert all(s.unit in ("percent", "usd") for s in CAREERS.series)
    with pytest.raises(KeyError):
        CAREERS.get("nothing")


def test_loader_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, careerplanner.catalog;"
        "heavy = ('PySide6', 'sqlalchemy', 'numpy', 'pyqtgraph');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ------------------------------------------------------------------ broken copies


def _toml(value: Any) -> str:
    """Just enough of a TOML writer for the test copies: every table inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "nan" if value != value else ("inf" if value == math.inf else repr(value))
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml_string(k)} = {_toml(v)}" for k, v in value.items()) + "}"


def _toml_string(text: str) -> str:
    """A TOML basic string: TOML forbids raw control characters (U+0000–U+001F and U+007F;
    JSON's writer leaves DEL raw), so those are written as \\uXXXX, like `\\` and `"`."""
    return (
        '"'
        + "".join(
            f"\\u{ord(c):04X}" if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text
        )
        + '"'
    )


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    text = "\n".join(f"{_toml_string(k)} = {_toml(v)}" for k, v in data.items()) + "\n"
    (folder / name).write_text(text, encoding="utf-8")


def _original(name: str) -> dict[str, Any]:
    with (RESOURCES / name).open("rb") as handle:
        return tomllib.load(handle)


ORIGINALS = {name: _original(name) for name in ("catalog.toml", "careers.toml")}
DELETE = object()


def _broken(folder: Path, name: str, path: tuple[Any, ...], value: Any) -> None:
    """Copies of both files into `folder`, with `name` changed at `path` (DELETE removes it)."""
    for other in ORIGINALS:
        shutil.copy(RESOURCES / other, folder / other)
    data = copy.deepcopy(ORIGINALS[name])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    _write(folder, name, data)


def test_the_writer_round_trips(tmp_path: Path) -> None:
    for name, data in ORIGINALS.items():
        _write(tmp_path, name, data)
        assert tomllib.loads((tmp_path / name).read_text(encoding="utf-8")) == data
    assert load_catalog(tmp_path) == CATALOG
    assert load_careers(tmp_path) == CAREERS


def _dotted(path: tuple[Any, ...]) -> str:
    """("certification", 2, "hours") -> "certification[2].hours", as CatalogError spells it."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


CERT0, CERT5 = ("certification", 0), ("certification", 5)
REQ = ("certification", 2, "requirements", 1)
CCM_OPTIONS = (*CERT0, "requirements", 0, "options")
POSITIVE = "expected a positive number"
WHOLE = "expected a positive whole number"
# (file, path, new value or DELETE, problem[, the field named when it is not `path`])
BROKEN: list[tuple[Any, ...]] = [
    ("catalog.toml", (*REQ, "hours"), -5, POSITIVE),
    ("catalog.toml", (*REQ, "hours"), "2080", POSITIVE),
    ("catalog.toml", (*REQ, "hours"), math.nan, POSITIVE),
    ("catalog.toml", (*REQ, "hours"), math.inf, POSITIVE),
    ("catalog.toml", (*REQ, "activity"), "cooking", "unknown value 'cooking'"),
    ("catalog.toml", (*REQ, "supervision"), "all", "expected a list of Supervision values"),
    ("catalog.toml", (*REQ, "supervision"), ["ccm", "boss"], "unknown value 'boss'"),
    ("catalog.toml", (*REQ, "settings"), ["moon"], "unknown value 'moon'"),
    ("catalog.toml", (*REQ, "paid_only"), "yes", "expected true or false"),
    ("catalog.toml", (*REQ, "window_years"), 2.5, WHOLE),
    ("catalog.toml", (*REQ, "kind"), "wish", "unknown value 'wish'"),
    ("catalog.toml", (*REQ, "options"), [], "not a field of a 'hours' requirement"),
    ("catalog.toml", (*REQ, "colour"), "red", "unknown field"),
    ("catalog.toml", (*REQ, "label"), DELETE, "missing"),
    ("catalog.toml", (*REQ, "label"), "  ", "expected text"),
    ("catalog.toml", (*REQ, "id"), "prerequisite", "duplicate id 'prerequisite'"),
    ("catalog.toml", (*CCM_OPTIONS, 0, "licenses"), ["RN", "MD"], "unknown value 'MD'"),
    ("catalog.toml", (*CCM_OPTIONS, 0, "licenses"), ["RN", "RN"], "a value is repeated"),
    ("catalog.toml", (*CCM_OPTIONS, 1, "degree", "fields"), "x", "expected a list of DegreeField"),
    ("catalog.toml", (*CCM_OPTIONS, 1, "degree", "levels"), ["phd"], "unknown value 'phd'"),
    ("catalog.toml", (*CCM_OPTIONS, 1), {}, "expected a degree, licenses or exams"),
    ("catalog.toml", (*CCM_OPTIONS, 1), "RN", "expected a table"),
    (
        "catalog.toml",
        ("certification", 4, "requirements", 1, "options", 1, "exams"),
        ["BAR"],
        "unknown value 'BAR'",
    ),
    ("catalog.toml", (*CERT5, "requirements", 1, "license"), "MD", "unknown value 'MD'"),
    ("catalog.toml", (*CERT5, "requirements", 1, "years"), 0, WHOLE),
    ("catalog.toml", (*CERT5, "requirements", 3, "topics"), ["fun"], "unknown value 'fun'"),
    ("catalog.toml", ("certification", 1, "id"), "CCM", "duplicate id 'CCM'"),
    ("catalog.toml", ("certification", 3, "sources"), DELETE, "missing"),
    ("catalog.toml", ("certification", 3, "sources"), [], "expected a non-empty list of tables"),
    ("catalog.toml", ("certification", 3, "sources", 0, "tag"), "TRUSTED", "unknown value"),
    ("catalog.toml", ("certification", 3, "sources", 0, "url"), "nasw.org", "expected a web"),
    ("catalog.toml", (*CERT0, "last_checked"), "2026-11-26", "expected a date (YYYY-MM-DD)"),
    ("catalog.toml", (*CERT0, "last_checked"), DELETE, "missing"),
    ("catalog.toml", (*CERT0, "renewal", "years"), 0, WHOLE),
    (
        "catalog.toml",
        (*CERT0, "renewal", "buckets", 0, "hours"),
        90,
        "the buckets add up to more than ce_hours",
        (*CERT0, "renewal", "buckets"),
    ),
    ("catalog.toml", (*CERT0, "exam", "windows", 0, "month"), 13, "expected a month from 1 to 12"),
    (
        "catalog.toml",
        (*CERT0, "exam", "windows", 0, "apply_from"),
        [2, 30],
        "[2, 30] is not a day of the year",
    ),
    ("catalog.toml", (*CERT0, "exam", "scored"), 200, "more scored questions than questions"),
    ("catalog.toml", (*CERT0, "exam", "fees", 0, "usd"), "free", POSITIVE),
    ("catalog.toml", ("certification",), [], "expected a non-empty list of tables"),
    ("catalog.toml", ("note",), DELETE, "missing"),
    ("careers.toml", ("salary", "typical", "nurse", "source"), "rumour", "unknown source 'rumour'"),
    ("careers.toml", ("salary", "typical", "nurse", "source"), DELETE, "missing"),
    ("careers.toml", ("salary", "typical", "nurse", "value"), -1, POSITIVE),
    ("careers.toml", ("salary", "typical", "other"), DELETE, "missing"),
    ("careers.toml", ("salary", "typical", "robot"), {}, "unknown field"),
    (
        "careers.toml",
        ("salary", "state_means", "nurse", "California"),
        {"value": 1},
        "expected a two-letter state code such as CA",
    ),
    ("careers.toml", ("salary", "raise_percent"), 2, "expected a table"),
    ("careers.toml", ("sources",), "none", "expected a table"),
    ("careers.toml", ("sources", "mccoy"), "", "expected text"),
]
BROKEN_EXPLORE: list[tuple[Any, ...]] = [
    ("careers.toml", ("explore", "series", 0, "bars", 0, "source"), DELETE, "missing"),
    ("careers.toml", ("explore", "series", 0, "unit"), "miles", "unknown value 'miles'"),
    ("careers.toml", ("explore", "series", 1, "id"), "arrangement", "duplicate id 'arrangement'"),
    ("careers.toml", ("explore", "facts", 0, "source"), "hearsay", "unknown source 'hearsay'"),
    ("careers.toml", ("explore", "core_tasks_source"), DELETE, "missing"),
    ("careers.toml", ("explore", "types"), [], "expected a non-empty list of texts"),
]


def _expected(case: tuple[Any, ...]) -> str:
    name, path, _, problem, *at = case
    return f"{name}: {_dotted(at[0] if at else path)}: {problem}"


@pytest.mark.parametrize("case", BROKEN, ids=_expected)
def test_broken_catalog_names_file_and_field(tmp_path: Path, case: tuple[Any, ...]) -> None:
    _broken(tmp_path, case[0], case[1], case[2])
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    assert str(caught.value).startswith(_expected(case))


@pytest.mark.parametrize("case", BROKEN_EXPLORE, ids=_expected)
def test_broken_explore_names_file_and_field(tmp_path: Path, case: tuple[Any, ...]) -> None:
    _broken(tmp_path, case[0], case[1], case[2])
    load_catalog(tmp_path)  # the Explore section is not needed by the catalog
    with pytest.raises(CatalogError) as caught:
        load_careers(tmp_path)
    assert str(caught.value).startswith(_expected(case))


def test_dotted_paths() -> None:
    assert _dotted((*REQ, "hours")) == "certification[2].requirements[1].hours"


@pytest.mark.parametrize("name", ["catalog.toml", "careers.toml"])
def test_missing_or_invalid_file(tmp_path: Path, name: str) -> None:
    for other in ORIGINALS:
        shutil.copy(RESOURCES / other, tmp_path / other)
    (tmp_path / name).unlink()
    with pytest.raises(CatalogError, match=rf"^{name}: missing"):
        load_catalog(tmp_path)
    (tmp_path / name).write_text("certification = [", encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"^{name}: not valid TOML"):
        load_catalog(tmp_path)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list index in the data, depth first."""
    items: list[tuple[Any, Any]] = []
    if isinstance(data, dict):
        items = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    found: list[tuple[Any, ...]] = []
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


HOURS_PATHS = [
    (c, r)
    for c, cert in enumerate(ORIGINALS["catalog.toml"]["certification"])
    for r, req in enumerate(cert["requirements"])
    if "hours" in req
]
FIELD_PATHS = [(name, path) for name, data in ORIGINALS.items() for path in _paths(data)]
JUNK = st.one_of(
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=4),
    st.dates(),
    st.lists(st.one_of(st.integers(-2, 2), st.text(max_size=3)), max_size=2),
    st.dictionaries(st.sampled_from(["id", "value", "x"]), st.integers(0, 2), max_size=2),
    st.just(DELETE),
)
Loader = Callable[[Path], Any]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.sampled_from(HOURS_PATHS),
    hours=st.one_of(st.integers(-100, 0), st.floats(max_value=0), st.text(max_size=3)),
)
def test_any_requirement_with_bad_hours_is_named(where: tuple[int, int], hours: Any) -> None:
    cert, req = where
    with tempfile.TemporaryDirectory() as folder:
        _broken(
            Path(folder),
            "catalog.toml",
            ("certification", cert, "requirements", req, "hours"),
            hours,
        )
        with pytest.raises(CatalogError) as caught:
            load_catalog(Path(folder))
    expected = (
        f"catalog.toml: certification[{cert}].requirements[{req}].hours: expected a positive number"
    )
    assert str(caught.value) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(FIELD_PATHS), junk=JUNK)
def test_any_broken_field_is_a_catalog_error_or_still_valid(
    where: tuple[str, tuple[Any, ...]], junk: Any
) -> None:
    name, path = where
    loaders: tuple[Loader, ...] = (load_catalog, load_careers)
    with tempfile.TemporaryDirectory() as folder:
        _broken(Path(folder), name, path, junk)
        for loader in loaders:
            try:
                loader(Path(folder))
            except CatalogError as error:
                assert str(error).startswith(f"{name}: ")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(min_size=1))
def test_the_copies_writer_writes_any_text_as_toml_reads_it(text: str, key: str) -> None:
    """The broken copies must break only where a test breaks them, never by the writer."""
    assert tomllib.loads(f"{_toml_string(key)} = {_toml(text)}") == {key: text}
