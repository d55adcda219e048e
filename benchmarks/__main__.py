"""Run every benchmark module (or the ones named on the command line) and print their figures.

The app is byte-compiled first, as installing it does (pip compiles a wheel's modules, the
bundle ships bytecode): where PYTHONDONTWRITEBYTECODE is set, a source tree is otherwise
compiled again by every process the benchmarks start, while the libraries they are compared
with (PySide6, numpy, pyqtgraph, SQLAlchemy) were compiled when they were installed.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def compile_app() -> None:
    """Write the app's bytecode beside its sources (`__pycache__`, ignored by git)."""
    import compileall

    import careerplanner

    compileall.compile_dir(Path(careerplanner.__file__).parent, quiet=1)


def main(names: list[str]) -> int:
    compile_app()
    package = Path(__file__).parent
    found = sorted(
        m.name
        for m in pkgutil.iter_modules([str(package)])
        if not m.name.startswith("_") and m.name != "fixtures"
    )
    for name in names or found:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
