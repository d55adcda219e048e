"""Switching the theme after a wizard was shown must not crash Qt (a separate process).

It did when the Fusion style was set after asking `app.style()` for the default one.
"""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWizard, QWizardPage
from careerplanner.app import application
from careerplanner.ui.common.theme import apply_theme, colors

app = application()
page = QWizardPage()
QVBoxLayout(page).addWidget(QLineEdit())
wizard = QWizard()
wizard.addPage(page)
wizard.show()
app.processEvents()
wizard.reject()
app.processEvents()
for choice in ("dark", "light", "dark", "light"):
    apply_theme(app, choice)
    app.processEvents()
window = app.palette().window().color().name()
print(app.property("careerplannerTheme"), window == colors("light")["window"])
"""


def test_theme_switches_after_a_wizard_was_shown() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["light", "True"]
