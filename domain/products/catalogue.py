"""The product catalogue: effective-dated product versions, looked up by date or by exact version."""

from collections.abc import Iterable
from datetime import date

from domain.products.errors import ProductNotInForce, UnknownProductVersion
from domain.products.model import ProductVersion


class Catalogue:
    """Answers which version of a product is in force on a date, and returns the version a policy was sold under.

    A version is in force from its ``effective_from`` until the next version of the same product takes effect.
    """

    def __init__(self, versions: Iterable[ProductVersion]) -> None:
        by_code: dict[str, list[ProductVersion]] = {}
        for product_version in versions:
            by_code.setdefault(product_version.code, []).append(product_version)
        for code, code_versions in by_code.items():
            names = [v.version for v in code_versions]
            dates = [v.effective_from for v in code_versions]
            if len(set(names)) != len(names) or len(set(dates)) != len(dates):
                raise ValueError(f"product {code}: versions and effective dates must be unique")
            code_versions.sort(key=lambda v: v.effective_from)
        self._by_code = {code: tuple(vs) for code, vs in by_code.items()}

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_code))

    def versions(self, code: str) -> tuple[ProductVersion, ...]:
        """All versions of a product, oldest first."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownProductVersion(f"no product {code!r} in the catalogue") from None

    def get(self, code: str, version: str) -> ProductVersion:
        for product_version in self.versions(code):
            if product_version.version == version:
                return product_version
        raise UnknownProductVersion(f"product {code!r} has no version {version!r}")

    def version_in_force(self, code: str, on: date) -> ProductVersion:
        in_force = [v for v in self.versions(code) if v.effective_from <= on]
        if not in_force:
            raise ProductNotInForce(f"no version of {code!r} is in force on {on.isoformat()}")
        return in_force[-1]


def default_catalogue() -> Catalogue:
    """The catalogue built from the seed documents in ``domain/products/data``."""
    from domain.products.data import ALL_VERSIONS

    return Catalogue(ALL_VERSIONS)
