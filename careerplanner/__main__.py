"""Entry point for `python -m careerplanner` and the `careerplanner` script."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    # One BLAS thread: the rule engine's arrays are small, and extra threads only cost CPU.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from careerplanner.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
