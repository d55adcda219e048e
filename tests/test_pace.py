"""The on-track verdict and a license's standing: domain rules with exact dates, and the CLI's
`eligibility` showing the verdict in text and JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from careerplanner.cli.status_commands import eligibility_json, eligibility_text
from careerplanner.domain.license_standing import Standing, license_standing
from careerplanner.domain.model import Goal, GoalStatus, License, LicenseType
from careerplanner.domain.pace import Pace, months_between, pace
from careerplanner.domain.results import CertificationResult, Eligibility

TARGET = date(2027, 6, 1)


def _result(projected: date | None) -> CertificationResult:
    return CertificationResult("CCM", "Certified Case Manager", False, projected, None, ())


@pytest.mark.parametrize(
    ("goal", "projected", "verdict"),
    [
        (Goal("CCM", TARGET), date(2027, 6, 1), Pace(True, TARGET, date(2027, 6, 1))),
        (Goal("CCM", TARGET), date(2026, 1, 5), Pace(True, TARGET, date(2026, 1, 5))),
        (Goal("CCM", TARGET), date(2027, 6, 2), Pace(False, TARGET, date(2027, 6, 2), 1)),
        (Goal("CCM", TARGET), date(2027, 11, 1), Pace(False, TARGET, date(2027, 11, 1), 5)),
        (Goal("CCM", TARGET), None, Pace(False, TARGET, None)),
        (Goal("CCM"), date(2027, 11, 1), Pace(None, None, date(2027, 11, 1))),
        (
            Goal("CCM", TARGET, GoalStatus.EARNED),
            date(2028, 1, 1),
            Pace(None, TARGET, date(2028, 1, 1)),
        ),
    ],
)
def test_pace_against_the_target(goal: Goal, projected: date | None, verdict: Pace) -> None:
    assert pace(goal, _result(projected)) == verdict


def test_months_between_rounds_to_the_nearest_month() -> None:
    assert months_between(date(2027, 1, 1), date(2027, 7, 1)) == 6
    assert months_between(date(2027, 7, 1), date(2027, 1, 1)) == -6
    assert months_between(date(2027, 1, 1), date(2027, 1, 10)) == 0


TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("issued", "expires", "standing"),
    [
        (date(2026, 11, 27), date(2028, 1, 1), Standing.PLANNED),
        (date(2020, 1, 1), None, Standing.NO_EXPIRY),
        (date(2020, 1, 1), date(2026, 11, 25), Standing.EXPIRED),
        (date(2020, 1, 1), date(2026, 11, 26), Standing.EXPIRING),
        (date(2020, 1, 1), date(2027, 2, 24), Standing.EXPIRING),  # day 90
        (date(2020, 1, 1), date(2027, 2, 25), Standing.ACTIVE),  # day 91
    ],
)
def test_license_standing(issued: date, expires: date | None, standing: Standing) -> None:
    assert license_standing(License(LicenseType.RN, issued, expires), TODAY) == standing


def _eligibility() -> Eligibility:
    ccm = _result(date(2027, 11, 1))
    other = CertificationResult("ACM-RN", "Accredited Case Manager", False, None, None, ())
    return Eligibility(TODAY, 40.0, 12.0, (ccm, other))


def test_eligibility_json_says_on_track_with_the_target() -> None:
    data = json.loads(json.dumps(eligibility_json(_eligibility(), {"CCM": Goal("CCM", TARGET)})))
    ccm, other = data["certifications"]
    assert (ccm["target"], ccm["on_track"], ccm["months_late"]) == ("2027-06-01", False, 5)
    assert (other["target"], other["on_track"], other["months_late"]) == (None, None, None)
    late = {"CCM": Goal("CCM", date(2028, 1, 1))}
    assert eligibility_json(_eligibility(), late)["certifications"][0]["on_track"] is True


def test_eligibility_text_shows_the_verdict_under_the_goal() -> None:
    behind = eligibility_text(_eligibility(), {"CCM": Goal("CCM", TARGET)}).splitlines()
    assert "  behind: about 5 months after your target of 2027-06-01" in behind
    ahead = eligibility_text(_eligibility(), {"CCM": Goal("CCM", date(2028, 1, 1))})
    assert "  on track for your target of 2028-01-01" in ahead.splitlines()
    unreachable = eligibility_text(_eligibility(), {"ACM-RN": Goal("ACM-RN", TARGET)})
    assert (
        "  behind: not reachable by your target of 2027-06-01 with the current plan"
        in unreachable.splitlines()
    )
    assert "target" not in eligibility_text(_eligibility(), {})
