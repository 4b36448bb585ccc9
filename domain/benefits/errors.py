"""Named rule violations of the benefit calculators: invalid input and claims the rules refuse."""

from domain.errors import DomainError


class NegativeAmount(DomainError):
    rule = "benefit-amount-not-negative"


class PercentageOutOfRange(DomainError):
    rule = "benefit-percentage-within-0-and-100"


class DayCountBelowOne(DomainError):
    rule = "benefit-day-count-at-least-one"


class InvalidPeriod(DomainError):
    rule = "benefit-period-ends-after-it-starts"


class BelowDamageThreshold(DomainError):
    rule = "permanent-consequences-below-threshold"


class ProgressionTableIncomplete(DomainError):
    rule = "accident-progression-table-has-the-percentage"


class IllnessConsequencesLimitReached(DomainError):
    rule = "illness-consequences-at-most-400-percent"


class HealingTooShort(DomainError):
    rule = "daily-allowance-minimum-healing-period"


class HospitalStayTooShort(DomainError):
    rule = "hospital-stay-minimum-length"


class QualifyingPeriodNotReached(DomainError):
    rule = "incapacity-qualifying-period"


class UnknownSeriousIllnessGroup(DomainError):
    rule = "serious-illness-group-known"


class SeriousIllnessGroupEnded(DomainError):
    rule = "serious-illness-group-paid-once"


class SurvivalPeriodNotMet(DomainError):
    rule = "serious-illness-survival-30-days"


class TerminalIllnessOutsideCoveredPeriod(DomainError):
    rule = "terminal-illness-not-in-first-or-last-two-years"


class UnknownInvalidityDegree(DomainError):
    rule = "invalidity-degree-known"


class InvalidityDegreeNotInsured(DomainError):
    rule = "invalidity-degree-insured-and-not-ended"


class ChildDeathTooLongAfterInjury(DomainError):
    rule = "child-accidental-death-within-3-years"
