"""Accident insurance 7 UO, 23 UO and 53 UD as of the handbook "Úrazové pojištění osob, PŘÍRUČKA platná od
1. 12. 2016" (seeds/accident-insurance-handbook.txt). Chapter numbers in comments are the handbook's."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from types import MappingProxyType

from domain.dunning import DunningTerms
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency
from domain.products.accident import AccidentCover, AccidentRules, IncomeLimit
from domain.products.data.illustrative_rates import ILLUSTRATIVE_ACCIDENT_RATES, ILLUSTRATIVE_CHILD_ACCIDENT_RATES
from domain.products.model import AgeLimits, LifecycleTerms, ProductLine, ProductVersion, SumBounds, SumUnit

EFFECTIVE_FROM = date(2016, 12, 1)
SOURCE = "seeds/accident-insurance-handbook.txt (PŘÍRUČKA platná od 1. 12. 2016)"

DEATH = frozenset({"accidental_death"})
PERMANENT = frozenset({"permanent_consequences", "permanent_consequences_progressive"})


def _lump(minimum: str, maximum: str) -> SumBounds:
    return SumBounds(D(minimum), D(maximum))


def _daily(minimum: str, maximum: str) -> SumBounds:
    return SumBounds(D(minimum), D(maximum), SumUnit.PER_DAY)


def _covers(*covers: AccidentCover) -> MappingProxyType:
    return MappingProxyType({cover.code: cover for cover in covers})


# Chapter 7 "Pojistné": discount by premium period.
FREQUENCY_DISCOUNT_PERCENT = MappingProxyType({
    Frequency.YEARLY: D("7"), Frequency.HALF_YEARLY: D("5"), Frequency.QUARTERLY: D("3"), Frequency.MONTHLY: D("0"),
})

# 11.3 "Limity pojistných částek v závislosti na příjmu pojištěného": (monthly income from, bodily injury max,
# incapacity max Kč/day).
INCOME_LIMITS = tuple(
    IncomeLimit(D(income_from), D(bodily_injury), D(incapacity))
    for income_from, bodily_injury, incapacity in (
        ("0", "250000", "500"), ("15001", "300000", "500"), ("20001", "350000", "500"),
        ("25001", "400000", "500"), ("30001", "420000", "600"), ("35001", "440000", "700"),
        ("40001", "460000", "750"), ("45001", "480000", "800"), ("50001", "500000", "850"),
        ("55001", "530000", "900"), ("60001", "560000", "1000"), ("65001", "600000", "1100"),
        ("75001", "650000", "1300"), ("85001", "700000", "1450"), ("95001", "750000", "1600"),
        ("105001", "800000", "1800"), ("115001", "900000", "1900"), ("130001", "1000000", "2000"),
    )
)

# Chapter 2 and 6: 777 BONUS + insures all three covers at fixed sums; chapter 7: fixed premium, never monthly.
RULES_7UO = AccidentRules(
    tariff="7 UO",
    ages=AgeLimits(15, 70, 85),
    term_years=(1, 70),
    covers=_covers(
        AccidentCover("accidental_death", "Smrt následkem úrazu", _lump("100000", "100000")),
        AccidentCover("permanent_consequences", "Trvalé následky úrazu", _lump("200000", "200000")),
        AccidentCover("bodily_injury", "Tělesné poškození způsobené úrazem", _lump("25000", "25000")),
    ),
    compulsory=(DEATH, frozenset({"permanent_consequences"}), frozenset({"bodily_injury"})),
    excluded_pairs=(),
    requires=MappingProxyType({}),
    # The fixed amounts are the tariff itself (777 / 389 / 194); no further frequency discount applies.
    frequency_discount_percent=MappingProxyType({f: D("0") for f in (
        Frequency.YEARLY, Frequency.HALF_YEARLY, Frequency.QUARTERLY)}),
    fixed_premium=MappingProxyType({
        Frequency.YEARLY: D("777.00"), Frequency.HALF_YEARLY: D("389.00"), Frequency.QUARTERLY: D("194.00"),
    }),
    risk_groups=(1,),
    raised_sports_risk_offered=False,
    rates=None,
)

# Chapter 3 and 6 (23 UO table): "(3 Sú)" etc. cap a cover at a multiple of the accidental-death sum (Sú).
RULES_23UO = AccidentRules(
    tariff="23 UO",
    ages=AgeLimits(15, 70, 85),
    term_years=(1, 70),
    covers=_covers(
        AccidentCover("accidental_death", "Smrt následkem úrazu", _lump("20000", "4000000")),
        AccidentCover("permanent_consequences", "Trvalé následky úrazu", _lump("20000", "4000000"),
                      relative_cap=(DEATH, D("3"))),
        AccidentCover("permanent_consequences_progressive", "Trvalé následky úrazu s progresivním plněním",
                      _lump("20000", "4000000"), relative_cap=(DEATH, D("3"))),
        AccidentCover("bodily_injury", "Tělesné poškození způsobené úrazem", _lump("5000", "1000000"),
                      relative_cap=(DEATH, D("0.25")), income_checked=True),
        AccidentCover("incapacity", "Pracovní neschopnost následkem úrazu", _daily("50", "2000"),
                      relative_cap=(DEATH, D("0.001")), qualifying_period_days=7, income_checked=True),
        AccidentCover("hospital_stay", "Pobyt v nemocnici následkem úrazu", _daily("50", "3000"),
                      relative_cap=(DEATH, D("0.001"))),
    ),
    compulsory=(DEATH,),  # "Základním rizikem je pojištění pro případ smrti následkem úrazu"
    excluded_pairs=(PERMANENT, frozenset({"bodily_injury", "incapacity"})),
    requires=MappingProxyType({"bodily_injury": PERMANENT}),
    frequency_discount_percent=FREQUENCY_DISCOUNT_PERCENT,
    fixed_premium=None,
    risk_groups=(1, 2, 3),  # 12.2
    raised_sports_risk_offered=True,  # 12.1.2 standard / raised (ZR) risk
    rates=MappingProxyType(ILLUSTRATIVE_ACCIDENT_RATES),
    income_limits=INCOME_LIMITS,
)

# Chapter 4 and 6 (53 UD table): caps are multiples of the permanent-consequences sum (TN).
RULES_53UD = AccidentRules(
    tariff="53 UD",
    ages=AgeLimits(0, 14, 15),
    term_years=None,  # "končí den před výročním dnem počátku pojištění v roce, ve kterém se pojištěný dožije 15 let"
    covers=_covers(
        AccidentCover("permanent_consequences", "Trvalé následky úrazu", _lump("20000", "2000000")),
        AccidentCover("permanent_consequences_progressive", "Trvalé následky úrazu s progresivním plněním",
                      _lump("20000", "2000000")),
        AccidentCover("bodily_injury", "Tělesné poškození způsobené úrazem", _lump("5000", "400000"),
                      relative_cap=(PERMANENT, D("0.2")), income_checked=True),
        AccidentCover("hospital_stay", "Pobyt v nemocnici následkem úrazu", _daily("50", "1000"),
                      relative_cap=(PERMANENT, D("0.0005"))),
    ),
    compulsory=(PERMANENT,),  # "Základním rizikem je pojištění trvalých následků úrazu s/bez progresivního plnění"
    excluded_pairs=(PERMANENT,),
    requires=MappingProxyType({"bodily_injury": PERMANENT}),
    frequency_discount_percent=FREQUENCY_DISCOUNT_PERCENT,
    fixed_premium=None,
    risk_groups=(1, 2),  # 12.3
    raised_sports_risk_offered=False,
    rates=MappingProxyType({(group, False): rates for group, rates in ILLUSTRATIVE_CHILD_ACCIDENT_RATES.items()}),
    income_limits=INCOME_LIMITS,  # 11.3: for a child, the guardian's income
)

# Non-life: 14 days to withdraw when sold off-premises; no surrender value and no reduction;
# "U úrazových pojištění nelze provádět změny rizik" (section 8).
# Section 7: "předupomínka ... následně pak upomínka s datem do kdy je nutno pojistné zaplatit";
# ILLUSTRATIVE lead times (the handbook gives none); the deadline is § 2757's month after delivery.
ACCIDENT_LIFECYCLE = LifecycleTerms(
    line=ProductLine.NON_LIFE, withdrawal_days=14, withdrawal_only_at_distance=True,
    surrender_allowed=False, reduction_allowed=False, notice_weeks=6, premium_changes_allowed=False,
    dunning=DunningTerms(pre_reminder_after_days=10, reminder_after_days=30),
    # Chapter 7: "nelze v pojistné smlouvě zvolit příkazem k úhradě" when paid monthly.
    payment_methods_not_monthly=frozenset({PaymentMethod.BANK_TRANSFER}),
)
ACCIDENT_7UO_2016_12 = ProductVersion("ACCIDENT_7UO", "2016-12", EFFECTIVE_FROM, "Úrazové pojištění 777 BONUS + (7 UO)",
                                      SOURCE, RULES_7UO,
                                      replace(ACCIDENT_LIFECYCLE, fixed_premium=RULES_7UO.fixed_premium))
ACCIDENT_23UO_2016_12 = ProductVersion("ACCIDENT_23UO", "2016-12", EFFECTIVE_FROM,
                                       "Úrazové pojištění osob za běžné pojistné (23 UO)", SOURCE, RULES_23UO,
                                       ACCIDENT_LIFECYCLE)
ACCIDENT_53UD_2016_12 = ProductVersion("ACCIDENT_53UD", "2016-12", EFFECTIVE_FROM,
                                       "Úrazové pojištění dětí za běžné pojistné (53 UD)", SOURCE, RULES_53UD,
                                       ACCIDENT_LIFECYCLE)
