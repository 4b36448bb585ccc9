from dataclasses import replace
from datetime import date

import pytest

from domain.products.belongings import BelongingsVariant
from domain.products.catalogue import Catalogue
from domain.products.errors import ProductNotInForce, UnknownProductVersion
from tests.unit.products.builders import CATALOGUE, FLEXI

FLEXI_V2 = replace(FLEXI, version="ZD020Q-2025-01", effective_from=date(2025, 1, 1))


def test_every_seed_product_is_in_the_default_catalogue():
    assert CATALOGUE.codes == ("ACCIDENT_23UO", "ACCIDENT_53UD", "ACCIDENT_7UO", "BELONGINGS_CARDS",
                               "FLEXI_RISK_LIFE")


@pytest.mark.parametrize(
    "on, expected",
    [
        # Produktový list FLEXI "nabývá účinnosti dne 22. 4. 2023"
        (date(2023, 4, 22), "ZD020Q-2023-04"),
        (date(2024, 12, 31), "ZD020Q-2023-04"),  # the later version is not used the day before it takes effect
        (date(2025, 1, 1), "ZD020Q-2025-01"),
        (date(2030, 1, 1), "ZD020Q-2025-01"),
    ],
)
def test_version_in_force_is_the_latest_effective_on_the_date(on, expected):
    catalogue = Catalogue([FLEXI_V2, FLEXI])
    assert catalogue.version_in_force("FLEXI_RISK_LIFE", on).version == expected


def test_nothing_is_in_force_before_the_first_version():
    with pytest.raises(ProductNotInForce) as refusal:
        CATALOGUE.version_in_force("FLEXI_RISK_LIFE", date(2023, 4, 21))
    assert refusal.value.rule == "product-not-in-force"


def test_a_policy_keeps_the_version_it_was_sold_under():
    catalogue = Catalogue([FLEXI, FLEXI_V2])
    assert catalogue.get("FLEXI_RISK_LIFE", "ZD020Q-2023-04") is FLEXI


@pytest.mark.parametrize("code, version", [("NO_SUCH_PRODUCT", "1"), ("FLEXI_RISK_LIFE", "no-such-version")])
def test_unknown_product_or_version_is_refused(code, version):
    with pytest.raises(UnknownProductVersion):
        CATALOGUE.get(code, version)


def test_two_versions_taking_effect_the_same_day_are_a_catalogue_error():
    with pytest.raises(ValueError):
        Catalogue([FLEXI, replace(FLEXI, version="other")])


def test_belongings_limits_doubled_by_the_public_promise_from_1_november_2024():
    # Veřejný příslib: unauthorised-transaction limits 100 000 / 200 000 -> 200 000 / 400 000 for events
    # from 1. 11. 2024.
    def limit(on):
        variants = CATALOGUE.version_in_force("BELONGINGS_CARDS", on).rules.variants
        return variants[BelongingsVariant.PLUS].limits["unauthorised_transactions"]

    assert limit(date(2024, 10, 31)) == 100000
    assert limit(date(2024, 11, 1)) == 200000
