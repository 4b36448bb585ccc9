"""Money is CZK as ``Decimal`` rounded to haléře; the wire and the read models use integer haléře."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

HALER = Decimal("0.01")


class InvalidAmount(ValueError):
    """An amount that is not a finite number of crowns with at most two decimals."""


def czk(value: Decimal | int | str) -> Decimal:
    """Parse an amount in crowns exactly; floats are refused because they are not exact."""
    if isinstance(value, float):
        raise InvalidAmount("amounts must be Decimal, int or str, never float")
    try:
        amount = Decimal(value)
    except InvalidOperation as error:
        raise InvalidAmount(f"not an amount: {value!r}") from error
    if not amount.is_finite():
        raise InvalidAmount(f"not a finite amount: {value!r}")
    if amount != amount.quantize(HALER):
        raise InvalidAmount(f"more precise than one haléř: {value!r}")
    return amount.quantize(HALER)


def round_czk(amount: Decimal) -> Decimal:
    """Round a computed amount to haléře, half up (the usual commercial rounding)."""
    return amount.quantize(HALER, rounding=ROUND_HALF_UP)


def to_halere(amount: Decimal) -> int:
    return int(czk(amount) * 100)


def from_halere(halere: int) -> Decimal:
    return (Decimal(halere) / 100).quantize(HALER)
