"""Which certifications suit a track, read from the bundled catalog's prerequisites."""

from __future__ import annotations

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.fit import needs_rn_license, needs_social_work, track_mismatch
from careerplanner.domain.model import Track


def test_social_work_and_rn_only_certifications(catalog: Catalog) -> None:
    social = {c.id for c in catalog.certifications if needs_social_work(c)}
    nursing = {c.id for c in catalog.certifications if needs_rn_license(c)}
    assert social == {"ACM-SW", "C-SWCM", "C-ASWCM"}
    assert nursing == {"ACM-RN", "CMGT-BC"}  # CCM takes several licenses or a degree


def test_the_reason_given_per_track(catalog: Catalog) -> None:
    reasons = {
        track: {c.id: track_mismatch(c, track) for c in catalog.certifications} for track in Track
    }
    assert reasons[Track.NURSE]["C-SWCM"] == (
        "for social workers: it needs a social-work degree or license"
    )
    assert reasons[Track.NURSE]["CCM"] is None and reasons[Track.NURSE]["ACM-RN"] is None
    assert reasons[Track.SOCIAL_WORK]["CMGT-BC"] == "for nurses: it needs an RN license"
    assert reasons[Track.SOCIAL_WORK]["ACM-SW"] is None
    assert set(reasons[Track.OTHER].values()) == {None}
