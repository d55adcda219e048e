"""Run every benchmark module (or the ones named on the command line) and print their figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
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
