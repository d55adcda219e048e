"""Which certifications suit a career track, and why one does not, read from its prerequisites.

A certification needs social work when one of its prerequisites can only be met with a
social-work degree, a social-work license or an ASWB exam; it needs an RN license when a
prerequisite can only be met with one. A nurse can still aim for a social-work credential
(after an MSW, say); the app only says why it does not fit the track as it stands.
"""

from __future__ import annotations

from careerplanner.domain.catalog import Certification, CredentialOption, CredentialRequirement
from careerplanner.domain.model import DegreeField, ExamType, LicenseType, Track

SOCIAL_WORK_LICENSES = frozenset({LicenseType.LBSW, LicenseType.LMSW, LicenseType.LCSW})
SOCIAL_WORK_EXAMS = frozenset({ExamType.ASWB_BACHELORS, ExamType.ASWB_MASTERS})


def _social_work_only(option: CredentialOption) -> bool:
    degree_ok = option.degree is None or set(option.degree.fields) <= {DegreeField.SOCIAL_WORK}
    names_something = bool(option.degree or option.licenses or option.exams)
    return (
        names_something
        and degree_ok
        and set(option.licenses) <= SOCIAL_WORK_LICENSES
        and set(option.exams) <= SOCIAL_WORK_EXAMS
    )


def _rn_only(option: CredentialOption) -> bool:
    return option.degree is None and not option.exams and set(option.licenses) == {LicenseType.RN}


def _prerequisites(cert: Certification) -> list[CredentialRequirement]:
    return [r for r in cert.requirements if isinstance(r, CredentialRequirement) and not r.group]


def needs_social_work(cert: Certification) -> bool:
    return any(all(map(_social_work_only, r.options)) for r in _prerequisites(cert))


def needs_rn_license(cert: Certification) -> bool:
    return any(all(map(_rn_only, r.options)) for r in _prerequisites(cert))


def track_mismatch(cert: Certification, track: Track) -> str | None:
    """Why `cert` does not fit someone on `track`, in their words; None when it may fit."""
    if track is Track.NURSE and needs_social_work(cert):
        return "for social workers: it needs a social-work degree or license"
    if track is Track.SOCIAL_WORK and needs_rn_license(cert):
        return "for nurses: it needs an RN license"
    return None
