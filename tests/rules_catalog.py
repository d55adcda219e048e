"""The catalog of rules.md built in code, for timeline and scenario tests without resources/."""

from __future__ import annotations

from datetime import date

from careerplanner.domain.catalog import (
    Catalog,
    CeRequirement,
    Certification,
    CredentialOption,
    CredentialRequirement,
    DegreeRule,
    ExamFacts,
    ExamWindow,
    Figure,
    HoursRequirement,
    LicenseYearsRequirement,
    Renewal,
    Requirement,
    SalaryAssumptions,
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

ANY = tuple(Supervision)
SUPERVISED = tuple(s for s in Supervision if s is not Supervision.NONE)
HEALTH = tuple(sorted(HEALTH_DELIVERY_SETTINGS))
HUMAN = tuple(f for f in DegreeField if f not in (DegreeField.HEALTHCARE_ADMIN, DegreeField.OTHER))
SW = (DegreeField.SOCIAL_WORK,)
SW_LICENSES = (LicenseType.LBSW, LicenseType.LMSW, LicenseType.LCSW)
BSW = DegreeRule((DegreeLevel.BACHELOR,), SW, accredited=True, name="BSW")
MSW = DegreeRule((DegreeLevel.MASTER,), SW, accredited=True, name="MSW")
CM = Activity.CASE_MANAGEMENT
WINDOWS = (
    ExamWindow(4, (12, 1), (2, 15)),
    ExamWindow(8, (4, 1), (6, 15)),
    ExamWindow(12, (8, 1), (10, 15)),
)


def _cert(
    cert_id: str, reqs: list[Requirement], renewal: Renewal, windows: tuple[ExamWindow, ...] = ()
) -> Certification:
    short = "ACM" if cert_id.startswith("ACM") else cert_id
    exam = ExamFacts("exam", windows=windows)
    return Certification(
        cert_id, cert_id, short, "issuer", (), date(2025, 1, 1), tuple(reqs), renewal, exam
    )


def _fig(value: float) -> Figure:
    return Figure(value, "test source")


def _salary() -> SalaryAssumptions:
    tracks = (Track.NURSE, Track.SOCIAL_WORK, Track.OTHER)
    return SalaryAssumptions(
        typical=dict(zip(tracks, map(_fig, (80_710, 58_142, 80_000)), strict=True)),
        ceiling=dict(zip(tracks, map(_fig, (98_869, 77_538, 99_999)), strict=True)),
        advanced_ceiling=_fig(100_000),
        raise_percent=_fig(2),
        certification_step_percent=_fig(5),
        masters_step_percent=_fig(8),
        band_percent=_fig(12),
        us_mean=dict(zip(tracks, map(_fig, (89_010, 67_430, 89_010)), strict=True)),
        state_means={Track.NURSE: {"CA": _fig(133_340)}, Track.SOCIAL_WORK: {"CA": _fig(93_200)}},
    )


def rules_catalog() -> Catalog:
    ccm_pre = CredentialRequirement(
        "prerequisite",
        "license or degree",
        (
            CredentialOption(licenses=(LicenseType.RN, LicenseType.LCSW, LicenseType.LMSW)),
            CredentialOption(
                degree=DegreeRule(
                    (DegreeLevel.BACHELOR, DegreeLevel.MASTER),
                    HUMAN,
                    accredited=True,  # rules v2
                    field_experience=True,
                )
            ),
        ),
    )
    rn = CredentialRequirement("rn", "RN license", (CredentialOption(licenses=(LicenseType.RN,)),))
    acm_sw = CredentialRequirement(
        "sw",
        "social-work degree or license",
        (
            CredentialOption(  # rules v2: an accredited school of social work
                degree=DegreeRule((DegreeLevel.BACHELOR, DegreeLevel.MASTER), SW, accredited=True)
            ),
            CredentialOption(licenses=SW_LICENSES),
        ),
    )
    acm_hours = HoursRequirement("hours", "2,080 h supervised", 2080, CM, SUPERVISED, HEALTH)
    return Catalog(
        (
            _cert(
                "CCM",
                [
                    ccm_pre,
                    HoursRequirement(
                        "ccm-sup", "2,080 h under a CCM", 2080, CM, (Supervision.CCM,), group="exp"
                    ),
                    HoursRequirement("any-sup", "4,160 h", 4160, CM, ANY, group="exp"),
                    HoursRequirement(
                        "supervising",
                        "2,080 h supervising",
                        2080,
                        Activity.SUPERVISING,
                        ANY,
                        group="exp",
                    ),
                ],
                Renewal(5, 80),
                WINDOWS,
            ),
            _cert("ACM-RN", [rn, acm_hours], Renewal(4, 40)),
            _cert("ACM-SW", [acm_sw, acm_hours], Renewal(4, 40)),
            _cert(
                "C-SWCM",
                [
                    CredentialRequirement(
                        "bsw",
                        "BSW",
                        (CredentialOption(BSW, SW_LICENSES, (ExamType.ASWB_BACHELORS,)),),
                    ),
                    HoursRequirement(
                        "hours", "4,500 h after the BSW", 4500, CM, SUPERVISED, after_degree=BSW
                    ),
                ],
                Renewal(2, 20),
            ),
            _cert(
                "C-ASWCM",
                [
                    CredentialRequirement(
                        "msw",
                        "MSW",
                        (
                            CredentialOption(
                                MSW, (LicenseType.LMSW, LicenseType.LCSW), (ExamType.ASWB_MASTERS,)
                            ),
                        ),
                    ),
                    HoursRequirement(
                        "hours", "3,000 h after the MSW", 3000, CM, SUPERVISED, after_degree=MSW
                    ),
                    CeRequirement("ce", "20 CE h", 20),
                ],
                Renewal(2, 20),
            ),
            _cert(
                "CMGT-BC",
                [
                    LicenseYearsRequirement("rn-years", "RN for 2 years", LicenseType.RN, 2),
                    HoursRequirement(
                        "hours",
                        "2,000 h in 3 years",
                        2000,
                        CM,
                        ANY,
                        paid_only=False,
                        since_license=LicenseType.RN,
                        window_years=3,
                    ),
                    CeRequirement("ce", "30 CE h in 3 years", 30, (CeTopic.CASE_MANAGEMENT,), 3),
                ],
                Renewal(5, 75),
            ),
        ),
        _salary(),
    )


def catalog_for_tests() -> Catalog:
    """The bundled catalog when it loads, else this one."""
    try:
        from careerplanner.catalog import load_catalog
    except ImportError:
        return rules_catalog()
    return load_catalog()
