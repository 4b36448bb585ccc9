"""Hospital stay (pojištění hospitalizace) for adults and children, and post-natal complications.

Days are counted as calendar days of the stay, the admission and the discharge day included:
the seed pays "od prvního dne hospitalizace" and, for the accompanying parent, "za každý
započatý den pobytu v nemocnici" (each day begun).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from domain.benefits.daily_bands import FLAT, pay_days
from domain.benefits.errors import HospitalStayTooShort, InvalidPeriod
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.dates import add_years

ADULT_MAXIMUM_DAYS = 730
CHILD_MAXIMUM_DAYS = 365
POSTNATAL_MAXIMUM_DAYS = 30
CHILD_MINIMUM_STAY = timedelta(hours=24)
ACCOMPANIED_DOUBLING_FROM_DAY = 15
ACCOMPANIED_DOUBLING_UNTIL_AGE = 7


@dataclass(frozen=True)
class HospitalStay:
    admitted_at: datetime
    discharged_at: datetime

    def __post_init__(self) -> None:
        if self.discharged_at <= self.admitted_at:
            raise InvalidPeriod(f"discharge {self.discharged_at} is not after admission {self.admitted_at}")

    @property
    def calendar_days(self) -> int:
        return (self.discharged_at.date() - self.admitted_at.date()).days + 1

    def day_number(self, day: date) -> int:
        """The 1-based day of the stay that ``day`` is."""
        return (day - self.admitted_at.date()).days + 1


def adult_hospital_benefit(daily_sum: Decimal, stay: HospitalStay) -> BenefitResult:
    """Pay each day of a stay ending the day after admission or later, at most 730 days.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Dospělý – Pojištění hospitalizace":
    "pokud je pojištěný hospitalizován ... a k jeho propuštění dojde nejdříve následující den po
    přijetí, vyplácíme sjednanou pojistnou částku od prvního dne hospitalizace (vč. sobot,
    nedělí a svátků), a to maximálně za 730 dnů".
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    if stay.discharged_at.date() == stay.admitted_at.date():
        raise HospitalStayTooShort("an adult must be discharged the day after admission or later")
    total, lines = pay_days(1, min(stay.calendar_days, ADULT_MAXIMUM_DAYS), daily_sum, FLAT)
    return BenefitResult(amount=total, breakdown=lines)


def child_hospital_benefit(
    daily_sum: Decimal,
    stay: HospitalStay,
    child_born_on: date,
    accompanied_by_legal_guardian: bool,
) -> BenefitResult:
    """Pay each day of a stay of 24 hours or more, at most 365 days; a guardian doubles from day 15.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Dítě – Pojištění hospitalizace –
    úraz nebo nemoc": "hospitalizováno alespoň 24 hodin, vyplácíme ... od prvního dne
    hospitalizace, a to maximálně za 365 dnů"; "v případě doprovodu zákonného zástupce ...
    vyplácíme následně od 15. dne za každý započatý den pobytu v nemocnici dvojnásobek ...
    (nárok na dvojnásobné plnění vzniká do dovršení 7 let věku dítěte)" – read per day: days
    from the 7th birthday on are paid once.
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    if stay.discharged_at - stay.admitted_at < CHILD_MINIMUM_STAY:
        raise HospitalStayTooShort("a child's stay must last at least 24 hours")
    paid_days = min(stay.calendar_days, CHILD_MAXIMUM_DAYS)
    total, lines = pay_days(1, paid_days, daily_sum, FLAT)
    if accompanied_by_legal_guardian:
        seventh_birthday = add_years(child_born_on, ACCOMPANIED_DOUBLING_UNTIL_AGE)
        last_doubled_day = min(paid_days, stay.day_number(seventh_birthday) - 1)
        doubled_days = last_doubled_day - ACCOMPANIED_DOUBLING_FROM_DAY + 1
        if doubled_days > 0:
            extra = BreakdownLine(
                f"guardian present, child under 7: days {ACCOMPANIED_DOUBLING_FROM_DAY}–"
                f"{last_doubled_day} paid twice ({doubled_days} × {daily_sum} more)",
                daily_sum * doubled_days,
            )
            total += extra.amount
            lines += (extra,)
    return BenefitResult(amount=total, breakdown=lines)


def postnatal_complications_benefit(mothers_daily_sum: Decimal, newborns_stay: HospitalStay) -> BenefitResult:
    """Pay the newborn's continuous stay from the mother's hospital cover, at most 30 days.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Dospělý – Pojištění hospitalizace"
    (and the same for an insured child who has a child): "plníme také za nepřetržitou
    hospitalizaci dítěte z důvodu poporodních komplikací za splnění podmínky, že hospitalizace
    bezprostředně navazuje na porod – plnění vyplácíme pouze jednou z pojištění hospitalizace
    matky ... (maximální počet dnů ... je 30 dnů)". The caller checks that the stay follows
    the birth directly and that it is paid from one mother's cover only.
    """
    daily_sum = require_amount("mothers_daily_sum", mothers_daily_sum)
    total, lines = pay_days(1, min(newborns_stay.calendar_days, POSTNATAL_MAXIMUM_DAYS), daily_sum, FLAT)
    return BenefitResult(amount=total, breakdown=lines)
