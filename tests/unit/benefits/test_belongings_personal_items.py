"""Personal items: personal-belongings-and-cards.txt, contract čl. II 2.3–2.4 and PP 01/2022 čl. 6.4."""

from datetime import date
from decimal import Decimal

import pytest

from domain.benefits.belongings.errors import NothingPayable, PurchaseDateMissing, YearlyPayoutLimitReached
from domain.benefits.belongings.personal_items import (
    ClaimedItem,
    DocumentsRenewal,
    ItemCategory,
    KeysReplacement,
    Peril,
    personal_items_benefit,
)
from domain.benefits.belongings.variants import Variant
from domain.benefits.errors import NegativeAmount

EVENT = date(2025, 6, 15)


def phone(original, replacement, purchased_on=date(2024, 1, 1), **kwargs):
    return ClaimedItem(
        ItemCategory.MOBILE_PHONE, Decimal(original), Decimal(replacement), purchased_on, **kwargs
    )


@pytest.mark.parametrize(
    ("peril", "item", "expected"),
    [
        # loss: min(10 000, 50 % × new 12 000, 50 % × original 15 000) = 6 000
        (Peril.LOSS, phone("15000.00", "12000.00"), "6000.00"),
        # loss: min(10 000, 50 % × 30 000, 50 % × 28 000) = 10 000 (per-item cap)
        (Peril.LOSS, phone("28000.00", "30000.00"), "10000.00"),
        # theft: new price, at most the original: min(30 000, 28 000)
        (Peril.THEFT, phone("28000.00", "30000.00"), "28000.00"),
        # jewellery lost: min(10 000, 50 % × 8 000, 50 % × 9 000) = 4 000
        (Peril.LOSS, ClaimedItem(ItemCategory.JEWELLERY, Decimal("9000.00"), Decimal("8000.00")), "4000.00"),
        # glasses lost: 100 % of the new price, at most the original: min(6 000, 5 000)
        (Peril.LOSS, ClaimedItem(ItemCategory.GLASSES, Decimal("5000.00"), Decimal("6000.00")), "5000.00"),
    ],
)
def test_loss_and_theft_rules_per_item(peril, item, expected):
    assert personal_items_benefit(Variant.PLUS, peril, [item], EVENT).amount == Decimal(expected)


@pytest.mark.parametrize(
    ("purchased_on", "covered"),
    [
        (date(2020, 6, 15), True),  # exactly 5 years: "neuplynulo více než pět let"
        (date(2020, 6, 14), False),  # 5 years and 1 day
    ],
)
def test_electronics_older_than_five_years_are_excluded(purchased_on, covered):
    item = phone("20000.00", "20000.00", purchased_on)
    if covered:
        assert personal_items_benefit(Variant.PLUS, Peril.THEFT, [item], EVENT).amount == Decimal("20000.00")
    else:
        with pytest.raises(NothingPayable):
            personal_items_benefit(Variant.PLUS, Peril.THEFT, [item], EVENT)


def test_old_electronics_do_not_stop_the_rest_of_the_event():
    wallet = ClaimedItem(ItemCategory.WALLET, Decimal("800.00"), Decimal("900.00"))

    result = personal_items_benefit(
        Variant.PLUS, Peril.THEFT, [phone("20000.00", "20000.00", date(2015, 1, 1)), wallet], EVENT
    )

    assert result.amount == Decimal("800.00")
    assert [line.amount for line in result.breakdown] == [Decimal("0"), Decimal("800.00")]


def test_documents_add_the_fixed_contribution_and_keys_the_locksmith():
    claimed = [DocumentsRenewal(Decimal("700.00")), KeysReplacement(Decimal("1500.00"), Decimal("1200.00"))]

    plus = personal_items_benefit(Variant.PLUS, Peril.THEFT, claimed, EVENT)
    family = personal_items_benefit(Variant.RODINA_PLUS, Peril.THEFT, claimed, EVENT)

    assert plus.amount == Decimal("4400.00")  # 1 500 + 1 200 + 700 + 1 000
    assert family.amount == Decimal("5400.00")  # 1 500 + 1 200 + 700 + 2 000


def test_event_is_capped_at_the_aggregated_limit():
    # two notebooks stolen: 40 000 + 35 000 = 75 000 > 50 000 (Plus)
    notebooks = [
        ClaimedItem(ItemCategory.NOTEBOOK, Decimal("40000.00"), Decimal("40000.00"), date(2024, 1, 1)),
        ClaimedItem(ItemCategory.NOTEBOOK, Decimal("35000.00"), Decimal("35000.00"), date(2024, 1, 1)),
    ]

    result = personal_items_benefit(Variant.PLUS, Peril.THEFT, notebooks, EVENT)

    assert result.amount == Decimal("50000.00")
    assert sum(line.amount for line in result.breakdown) == result.amount
    assert personal_items_benefit(Variant.RODINA_PLUS, Peril.THEFT, notebooks, EVENT).amount == Decimal(
        "75000.00"
    )


def test_employer_items_are_covered_only_for_phone_notebook_tablet_and_camera():
    employer_phone = phone("10000.00", "10000.00", entrusted_by_employer=True)
    employer_watch = ClaimedItem(
        ItemCategory.SMARTWATCH, Decimal("5000.00"), Decimal("5000.00"), date(2024, 1, 1), True
    )

    assert personal_items_benefit(Variant.PLUS, Peril.THEFT, [employer_phone], EVENT).amount == Decimal(
        "10000.00"
    )
    with pytest.raises(NothingPayable):
        personal_items_benefit(Variant.PLUS, Peril.THEFT, [employer_watch], EVENT)


@pytest.mark.parametrize(
    ("variant", "earlier", "allowed"),
    [
        (Variant.PLUS, [date(2025, 1, 10)], True),  # second payout of the year
        (Variant.PLUS, [date(2025, 1, 10), date(2025, 3, 1)], False),  # the third is refused
        (Variant.PLUS, [date(2024, 11, 1), date(2024, 12, 1)], True),  # last year's do not count
        (Variant.RODINA_PLUS, [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)], True),  # fourth
        (
            Variant.RODINA_PLUS,
            [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)],
            False,
        ),
    ],
)
def test_payouts_per_calendar_year(variant, earlier, allowed):
    wallet = ClaimedItem(ItemCategory.WALLET, Decimal("500.00"), Decimal("500.00"))
    if allowed:
        assert personal_items_benefit(variant, Peril.LOSS, [wallet], EVENT, earlier).amount == Decimal(
            "500.00"
        )
    else:
        with pytest.raises(YearlyPayoutLimitReached):
            personal_items_benefit(variant, Peril.LOSS, [wallet], EVENT, earlier)


def test_invalid_items_are_named():
    with pytest.raises(PurchaseDateMissing):
        ClaimedItem(ItemCategory.TABLET, Decimal("1.00"), Decimal("1.00"))
    with pytest.raises(NegativeAmount):
        ClaimedItem(ItemCategory.WALLET, Decimal("-1.00"), Decimal("1.00"))
