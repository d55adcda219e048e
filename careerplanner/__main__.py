"""Entry point for `python -m careerplanner` and the `careerplanner` script.

Everything the app writes (the database, backups, settings.ini, the lock file, reports,
exports) is private to the user whatever the umask: files 0600, folders 0700.
"""

from __future__ import annotations

import os
import sys

PRIVATE_UMASK = 0o077


def main(argv: list[str] | None = None) -> int:
    from careerplanner.cli import run

    os.umask(PRIVATE_UMASK)

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
