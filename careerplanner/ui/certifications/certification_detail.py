"""One certification explained: sources, assumptions, requirement checklist and every deduction."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from careerplanner.domain.catalog import Certification
from careerplanner.domain.labels import capitalized
from careerplanner.domain.results import CertificationResult, RequirementResult
from careerplanner.ui.common.widgets import (
    Card,
    describe_distance,
    format_date,
    format_hours,
    heading,
    muted,
    progress_bar,
)

UNITS = {"hours": "h", "ce-hours": "CE h", "years": "years", "credential": ""}


def rich(text: str) -> QLabel:
    """A wrapped rich-text label; only one with links is a Tab stop (to reach the links)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    flags = Qt.TextInteractionFlag.TextSelectableByMouse
    if "<a " in text:
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(flags)
    return label


def status_text(result: CertificationResult, today: date, weekly: float) -> str:
    if result.eligible:
        return "✔ <b>You meet every requirement today.</b>"
    if result.projected_date is not None:
        when = result.projected_date
        text = f"Projected: <b>{format_date(when)}</b> ({describe_distance(today, when)})"
        # with assumptions, they say which work the date counts (planned periods' own hours)
        return text if result.assumptions else f"{text} at {format_hours(weekly)} h a week"
    return f"Not reachable with the current plan: {escape(result.blocking or 'unknown')}"


def assumptions_label(result: CertificationResult) -> QLabel:
    """What the projected date rests on, one line each, in the user's words."""
    items = "".join(f"<li>{escape(_sentence(a))}</li>" for a in result.assumptions)
    what = "This date" if result.projected_date else "The projection"
    label = rich(
        f"<b>{what} rests on these assumptions:</b><ul style='margin-top:2px'>{items}</ul>"
    )
    label.setObjectName("assumptions")
    return label


def _sentence(text: str) -> str:
    text = capitalized(text.strip())
    return text if text.endswith(".") else text + "."


def amount(req: RequirementResult) -> str:
    if req.unit == "credential":
        return "held" if req.met else "missing"
    unit = UNITS.get(req.unit, req.unit)
    if req.unit == "years":
        return f"{req.current:.1f} of {req.required:g} {unit}"
    return f"{format_hours(req.current)} of {format_hours(req.required)} {unit}"


def requirement_widget(req: RequirementResult, today: date) -> QWidget:
    """A checklist row: mark, label, current / required, bar, and the deductions in words."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.setSpacing(3)
    mark = "✔" if req.met else "✗"
    title = f"{mark} <b>{escape(req.label)}</b> — {escape(amount(req))}"
    if not req.met and req.projected_date is not None:
        title += f" · met {format_date(req.projected_date)}"
    layout.addWidget(rich(title))
    if req.unit != "credential":
        layout.addWidget(progress_bar(req.current, req.required))
    if req.detail:
        layout.addWidget(muted(req.detail[:1].upper() + req.detail[1:]))
    if req.recorded is not None and req.unit in ("hours", "ce-hours"):
        layout.addWidget(deductions_label(req))
    if req.assumption:
        layout.addWidget(muted(f"Assumption: {req.assumption}"))
    return box


def deductions_label(req: RequirementResult) -> QLabel:
    """Recorded vs countable, and one line per deduction with its reason."""
    unit = UNITS.get(req.unit, "h")
    recorded = req.recorded or 0.0
    text = (
        f"Recorded <b>{format_hours(recorded)} {unit}</b> · countable "
        f"<b>{format_hours(req.current)} {unit}</b>"
    )
    if req.deductions:
        items = "".join(
            f"<li>{format_hours(d.hours)} {unit} don't count: {escape(d.reason)}</li>"
            for d in req.deductions
        )
        text += f"<ul style='margin-top:2px'>{items}</ul>"
    elif recorded > 0:
        text += " — every recorded hour counts."
    label = rich(text)
    label.setObjectName("deductions")
    return label


def source_note(title: str, tag: str) -> str:
    """ "(secondary)" after a source, unless it is official or its title already says so."""
    note = tag.lower()
    if not tag or tag == "OFFICIAL" or f"({note}" in title.lower():
        return ""
    return f" <i>({escape(note)})</i>"


def sources_label(cert: Certification) -> QLabel:
    links = " · ".join(
        f"<a href='{escape(s.url, quote=True)}'>{escape(s.title or s.url)}</a>"
        + source_note(s.title, s.tag)
        for s in cert.sources
    )
    return rich(f"Sources: {links}<br>Rules last checked {format_date(cert.last_checked)}")


class CertificationDetail(QWidget):
    """Everything about one certification; rebuilt from a new result on every refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(12)
        self.status = rich("")
        self.texts: list[str] = []
        self._keep: QWidget | None = None

    def show_result(
        self,
        cert: Certification,
        result: CertificationResult,
        today: date,
        weekly: float,
        goal_box: QWidget,
    ) -> None:
        self._keep = goal_box
        self._clear()
        self.body.addWidget(heading(f"{cert.name} ({cert.id})", level=1))
        self.body.addWidget(muted(f"Issued by {cert.issuer}"))
        if cert.summary:
            self.body.addWidget(rich(escape(cert.summary)))
        self.status = rich(status_text(result, today, weekly))
        self.body.addWidget(self.status)
        if result.assumptions:
            self.body.addWidget(assumptions_label(result))
        self.body.addWidget(goal_box)
        checklist = Card("What it takes")
        groups: dict[str, int] = {}
        for req in result.requirements:
            if req.group:
                groups[req.group] = groups.get(req.group, 0) + 1
        shown_groups: set[str] = set()
        for req in result.requirements:
            if req.group and groups[req.group] > 1 and req.group not in shown_groups:
                shown_groups.add(req.group)
                checklist.body.addWidget(muted("Any one of the following is enough:"))
            checklist.body.addWidget(requirement_widget(req, today))
        self.body.addWidget(checklist)
        about = Card("Where this comes from")
        about.body.addWidget(sources_label(cert))
        if cert.assumptions:
            items = "".join(f"<li>{escape(a)}</li>" for a in cert.assumptions)
            about.body.addWidget(
                rich(
                    f"<b>Assumptions</b> (our reading where the rules are unclear):<ul>{items}</ul>"
                )
            )
        renewal = cert.renewal
        about.body.addWidget(
            muted(
                f"Renewal: every {renewal.years} years with {format_hours(renewal.ce_hours)} "
                "CE hours." + (f" Assumption: {renewal.assumption}" if renewal.assumption else "")
            )
        )
        self.body.addWidget(about)
        self.body.addStretch(1)
        self.texts = [w.text() for w in self.findChildren(QLabel)]

    def _clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is self._keep:
                continue
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()

    def all_text(self) -> str:
        """Every label's text, for tests and screen readers."""
        return "\n".join(self.texts)
