"""Named rule violations of the belongings and cards benefits."""

from domain.errors import DomainError


class YearlyPayoutLimitReached(DomainError):
    rule = "belongings-payouts-per-calendar-year"


class NothingPayable(DomainError):
    rule = "belongings-nothing-payable"


class PurchaseDateMissing(DomainError):
    rule = "electronics-purchase-date-known"


class OrderBelowMinimum(DomainError):
    rule = "online-purchase-minimum-order-500"


class ComplaintNotFinished(DomainError):
    rule = "online-purchase-complaint-finished"


class InvalidExchangeRate(DomainError):
    rule = "exchange-rate-positive"


class UnknownItemCategory(DomainError):
    rule = "belongings-item-category-known"
