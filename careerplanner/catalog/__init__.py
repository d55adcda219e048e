"""The bundled catalog (resources/*.toml), loaded and validated into domain objects.

`load_catalog` reads the six certifications from catalog.toml and the salary model
defaults from careers.toml; `load_careers` reads the Explore facts from careers.toml.
Every problem is a `CatalogError` naming the file and the field. The parts:
`nodes` (typed, located access to a parsed TOML file), `certifications` (catalog.toml)
and `careers` (careers.toml). Nothing heavy is imported here: the standard library and
the pure domain only.
"""

from __future__ import annotations

from pathlib import Path

from careerplanner.catalog.careers import CareersFile
from careerplanner.catalog.certifications import read_certifications
from careerplanner.catalog.nodes import CatalogError
from careerplanner.domain.catalog import CareerFacts, Catalog

__all__ = ["CatalogError", "load_careers", "load_catalog"]


def _folder(resources: Path | None) -> Path:
    if resources is not None:
        return resources
    from careerplanner.paths import resources_dir

    return resources_dir()


def load_catalog(resources: Path | None = None) -> Catalog:
    """The certifications and the salary assumptions, validated (default: bundled resources)."""
    folder = _folder(resources)
    root, certifications = read_certifications(folder)
    return Catalog(
        certifications=certifications,
        salary=CareersFile(folder).salary(),
        version=root.text("version"),
        note=root.text("note"),
    )


def load_careers(resources: Path | None = None) -> CareerFacts:
    """The field's facts for the Explore page, validated (default: bundled resources)."""
    return CareersFile(_folder(resources)).explore()
