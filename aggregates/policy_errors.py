"""The rules a policy command can break, each with the slug an error names."""

from domain.errors import DomainError


class InvalidPolicyNumber(DomainError):
    rule = "policy-number-is-payment-reference"


class InvalidPremium(DomainError):
    rule = "premium-positive"


class InvalidPayment(DomainError):
    rule = "payment-positive"


class DateInFuture(DomainError):
    rule = "business-date-not-in-future"


class DuplicatePayment(DomainError):
    rule = "payment-recorded-once"


class PolicyNotInForce(DomainError):
    rule = "policy-in-force"


class InvalidTerm(DomainError):
    rule = "term-ends-after-start"


class BeneficiarySharesInvalid(DomainError):
    rule = "beneficiary-shares-total-100"


class NoPledgeToRelease(DomainError):
    rule = "pledge-registered-first"


class AmendmentNumberOutOfOrder(DomainError):
    rule = "amendments-numbered-in-order"


class AmendmentTooEarly(DomainError):
    rule = "technical-change-from-next-month"


class PersonsChangeNeedsCovers(DomainError):
    rule = "insured-persons-change-with-covers"


class PremiumRequired(DomainError):
    rule = "amendment-states-premium-without-formula"


class PremiumChangeNotOffered(DomainError):
    rule = "product-allows-premium-change"


class FrequencyNotOffered(DomainError):
    rule = "frequency-offered-by-product"


class PremiumBelowMinimum(DomainError):
    rule = "premium-at-least-minimum"


class PremiumNotTariff(DomainError):
    rule = "fixed-tariff-premium"


class SurrenderNotOffered(DomainError):
    rule = "surrender-needs-surrender-value"


class ReductionNotOffered(DomainError):
    rule = "reduction-offered-by-product"


class WithdrawalPeriodOver(DomainError):
    rule = "withdrawal-within-period"


class NoticeTooShort(DomainError):
    rule = "notice-period-respected"


class EndDateInvalid(DomainError):
    rule = "end-date-within-policy"


class ChildExtensionNotOffered(DomainError):
    rule = "child-extension-for-a-child-of-flexi"


class ChildExtensionOutOfWindow(DomainError):
    rule = "child-extension-requested-between-18-and-25"


class ChildExtensionAgeInvalid(DomainError):
    rule = "child-extension-up-to-30"


class LoyaltyDiscountNotOffered(DomainError):
    rule = "loyalty-discount-for-flexi"


class LoyaltyDiscountTooEarly(DomainError):
    rule = "loyalty-discount-from-its-policy-year"


class LoyaltyDiscountTooSmall(DomainError):
    rule = "loyalty-discount-at-least-minimum"


class FinalYearsDiscountNeedsLongTerm(DomainError):
    rule = "final-years-discount-needs-18-year-term"


class FinalYearsPremiumTooLow(DomainError):
    rule = "final-years-premium-at-least-100-a-month"


class ClaimReportedTwice(DomainError):
    rule = "claim-reported-once"


class PreliminaryCoverInvalid(DomainError):
    rule = "preliminary-cover-ends-before-start"
