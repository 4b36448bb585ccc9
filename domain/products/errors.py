"""Named product-rule violations; ``rule`` is the stable name callers report."""

from domain.errors import DomainError


class ProductNotInForce(DomainError):
    rule = "product-not-in-force"


class UnknownProductVersion(DomainError):
    rule = "unknown-product-version"


class FrequencyNotOffered(DomainError):
    rule = "frequency-not-offered"


class PremiumBelowMinimum(DomainError):
    rule = "minimum-regular-premium"


class InsuredCountOutOfRange(DomainError):
    rule = "insured-count"


class EntryAgeOutOfRange(DomainError):
    rule = "entry-age"


class ExitAgeExceeded(DomainError):
    rule = "exit-age"


class TermOutOfRange(DomainError):
    rule = "term-range"


class StartDateOutOfRange(DomainError):
    rule = "start-date"


class CoverNotOffered(DomainError):
    rule = "cover-not-offered"


class SumInsuredOutOfRange(DomainError):
    rule = "sum-insured-range"


class CombinedSumCapExceeded(DomainError):
    rule = "combined-sum-cap"


class CoverVariantInvalid(DomainError):
    rule = "cover-variant"


class DecreasingSumNotOffered(DomainError):
    rule = "decreasing-sum-not-offered"


class AnnuityDecreaseRateOutOfRange(DomainError):
    rule = "annuity-decrease-rate"


class DuplicateCoverPart(DomainError):
    """The same cover chosen twice with the same sum kind (one constant and one decreasing part at most)."""

    rule = "one-constant-and-one-decreasing-part"


class IndividualEndOutOfRange(DomainError):
    rule = "individual-end"


class BasicDeathCoverMissing(DomainError):
    rule = "basic-death-compulsory"


class BasicDeathSumsDiffer(DomainError):
    rule = "equal-basic-death-sums"


class InSituWithoutSeriousIllness(DomainError):
    rule = "in-situ-requires-serious-illness"


class InSituSeriousIllnessSumTooLow(DomainError):
    rule = "in-situ-minimum-serious-illness-sum"


class InSituSumNotThirtyPercent(DomainError):
    rule = "in-situ-thirty-percent"


class LowerInvalidityWithoutHigher(DomainError):
    rule = "invalidity-degree-ladder"


class LowerInvaliditySumAboveHigher(DomainError):
    rule = "invalidity-degree-sum-ladder"


class SurvivorPensionPairMismatch(DomainError):
    rule = "survivor-pension-pair"


class CreditBundleIncomplete(DomainError):
    rule = "credit-bundle-compulsory-parts"


class CreditBundleSumsDiffer(DomainError):
    rule = "credit-bundle-equal-sums"


class CreditBundleNotAnnuityDecreasing(DomainError):
    rule = "credit-bundle-annuity-decreasing"


class ServiceForOneAdultOnly(DomainError):
    rule = "service-for-one-adult-only"


class WaiverInsuredNotPolicyholder(DomainError):
    rule = "waiver-insured-is-policyholder"


class CompulsoryCoverMissing(DomainError):
    rule = "compulsory-cover"


class CoversExcludeEachOther(DomainError):
    rule = "covers-exclude-each-other"


class CoverRequiresAnother(DomainError):
    rule = "cover-requires-another"


class RelativeSumCapExceeded(DomainError):
    rule = "relative-sum-cap"


class IncomeBasedLimitExceeded(DomainError):
    rule = "income-based-limit"


class RiskGroupNotOffered(DomainError):
    rule = "risk-group"


class MainInsuredUnderage(DomainError):
    rule = "main-insured-adult"


class NotAFamilyMember(DomainError):
    rule = "family-member"


class FamilyNotCoveredByVariant(DomainError):
    rule = "variant-covers-main-insured-only"
