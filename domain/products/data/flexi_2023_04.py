"""FLEXI rizikové životní pojištění as of the pre-contract documentation ZD020Q.

Source: seeds/flexi-risk-life-precontract.txt, "Produktový list FLEXI rizikové životní pojištění"
(účinnost 22. 4. 2023) and "Výpočet pojistného" (distribution-cost table účinnost od 1. 5. 2020).
Section names in ``seed_section`` are the seed's headings.
"""

from datetime import date
from decimal import Decimal as D
from types import MappingProxyType

from domain.dunning import DunningTerms
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency
from domain.products.data.illustrative_rates import ILLUSTRATIVE_FLEXI_COVER_RATES, ILLUSTRATIVE_MORTALITY_RATES
from domain.products.flexi import (
    CoverDefinition,
    DecreaseKind,
    FlexiRules,
    InsuredKind,
    LoyaltyRules,
    ReserveRules,
    SharedSumCap,
)
from domain.products.model import AgeLimits, LifecycleTerms, ProductLine, ProductVersion, SumBounds, SumUnit

ADULT, CHILD = InsuredKind.ADULT, InsuredKind.CHILD
BOTH_DECREASES = frozenset({DecreaseKind.LINEAR, DecreaseKind.ANNUITY})
INVALIDITY_VARIANTS = ("accident", "accident_or_illness")
PERMANENT_CONSEQUENCES_VARIANTS = ("fourfold_progression", "tenfold_progression_plus")

BASIC = "Vlastnosti základních druhů pojištění osob"
RIDERS = "Možnosti dalšího připojištění – doplňková a úrazová složka"


def _lump(minimum: str, maximum: str | None) -> SumBounds:
    return SumBounds(D(minimum), D(maximum) if maximum else None)


def _daily(minimum: str, maximum: str) -> SumBounds:
    return SumBounds(D(minimum), D(maximum), SumUnit.PER_DAY)


def _monthly(minimum: str, maximum: str) -> SumBounds:
    return SumBounds(D(minimum), D(maximum), SumUnit.PER_MONTH)


AGES_18_75_85 = AgeLimits(18, 75, 85)
AGES_18_65_70 = AgeLimits(18, 65, 70)
AGES_18_62_65 = AgeLimits(18, 62, 65)
AGES_18_70_75 = AgeLimits(18, 70, 75)

_COVERS = (
    # --- adults ---
    CoverDefinition("basic_death", "Základní pojištění smrti", ADULT, AGES_18_75_85, _lump("10000", None),
                    BASIC, individual_end=True, min_sum_when_alone=D("100000")),
    CoverDefinition("supplementary_death", "Doplňkové pojištění smrti", ADULT, AGES_18_75_85,
                    _lump("10000", None), RIDERS, decreasing=BOTH_DECREASES, individual_end=True),
    CoverDefinition("survivor_pension", "Pojištění pozůstalostního důchodu", ADULT, AGES_18_75_85,
                    _monthly("1000", "30000"), RIDERS + " / Doplňkové pojištění smrti", individual_end=True),
    CoverDefinition("serious_illness", "Pojištění vážných nemocí a úrazů", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS, waiting_period_months=2, decreasing=BOTH_DECREASES,
                    individual_end=True, variants=("basic", "complete")),
    CoverDefinition("in_situ", "Připojištění na novotvary in situ", ADULT, AGES_18_65_70, _lump("10000", None),
                    RIDERS, waiting_period_months=2, derived_share_of=("serious_illness", D("0.30"))),
    CoverDefinition("invalidity_3", "Pojištění invalidity 3. stupně nebo dlouhodobé péče", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS, waiting_period_months=12, waiting_period_illness_only=True,
                    decreasing=BOTH_DECREASES, individual_end=True, variants=INVALIDITY_VARIANTS),
    CoverDefinition("invalidity_2", "Pojištění invalidity 2. stupně", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS, waiting_period_months=12, waiting_period_illness_only=True,
                    decreasing=BOTH_DECREASES, individual_end=True, variants=INVALIDITY_VARIANTS),
    CoverDefinition("invalidity_1", "Pojištění invalidity 1. stupně", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS, waiting_period_months=18, waiting_period_illness_only=True,
                    decreasing=BOTH_DECREASES, individual_end=True, variants=INVALIDITY_VARIANTS),
    CoverDefinition("credit_death", "Pojištění úvěru – pojištění smrti", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS + " / Pojištění úvěru",
                    decreasing=frozenset({DecreaseKind.ANNUITY}), individual_end=True),
    CoverDefinition("credit_invalidity_3", "Pojištění úvěru – invalidita 3. stupně nebo dlouhodobá péče", ADULT,
                    AGES_18_65_70, _lump("10000", "25000000"), RIDERS + " / Pojištění úvěru",
                    decreasing=frozenset({DecreaseKind.ANNUITY}), individual_end=True),
    CoverDefinition("credit_invalidity_2_1", "Pojištění úvěru – invalidita 2. a 1. stupně", ADULT, AGES_18_65_70,
                    _lump("10000", "25000000"), RIDERS + " / Pojištění úvěru",
                    decreasing=frozenset({DecreaseKind.ANNUITY}), individual_end=True),
    CoverDefinition("credit_incapacity", "Pojištění úvěru – pracovní neschopnost od 1. dne (PN min. 29 dnů)",
                    ADULT, AGES_18_65_70, _daily("100", "3000"), RIDERS + " / Pojištění úvěru", individual_end=True),
    CoverDefinition("premium_waiver", "Pojištění zproštění od placení pojistného z důvodu invalidity nebo "
                    "dlouhodobé péče", ADULT, AGES_18_62_65, None, RIDERS, waiting_period_months=12,
                    waiting_period_illness_only=True),
    CoverDefinition("invalidity_annuity", "Pojištění invalidity nebo dlouhodobé péče s výplatou doživotní renty",
                    ADULT, AGES_18_62_65, _monthly("3000", "30000"), RIDERS, waiting_period_months=12,
                    waiting_period_illness_only=True),
    CoverDefinition("illness_permanent_consequences", "Pojištění trvalých následků nemoci", ADULT, AGES_18_65_70,
                    _lump("10000", "2500000"), RIDERS, individual_end=True),
    CoverDefinition("accidental_death", "Pojištění smrti následkem úrazu", ADULT, AGES_18_75_85,
                    _lump("10000", "10000000"), RIDERS, individual_end=True, accidents_only=True),
    CoverDefinition("accident_permanent_consequences_from_0_5", "Pojištění trvalých následků úrazu – od 0,5 %",
                    ADULT, AGES_18_75_85, _lump("10000", "4000000"), RIDERS, individual_end=True,
                    variants=PERMANENT_CONSEQUENCES_VARIANTS, accidents_only=True),
    CoverDefinition("accident_permanent_consequences_from_10", "Pojištění trvalých následků úrazu – od 10 %",
                    ADULT, AGES_18_75_85, _lump("10000", "4000000"), RIDERS, individual_end=True,
                    variants=PERMANENT_CONSEQUENCES_VARIANTS, accidents_only=True),
    CoverDefinition("daily_allowance_do8", "Pojištění denního odškodného – úraz (DO8)", ADULT, AGES_18_75_85,
                    _daily("100", "3000"), RIDERS, individual_end=True, accidents_only=True),
    CoverDefinition("daily_allowance_do29", "Pojištění denního odškodného – úraz (DO29)", ADULT, AGES_18_75_85,
                    _daily("100", "3000"), RIDERS, individual_end=True, accidents_only=True),
    CoverDefinition("sickness_incapacity_pn15", "Pojištění pracovní neschopnosti – nemoc (PN15)", ADULT,
                    AGES_18_70_75, _daily("100", "3000"), RIDERS, waiting_period_months=2, individual_end=True),
    CoverDefinition("sickness_incapacity_pn29", "Pojištění pracovní neschopnosti – nemoc (PN29)", ADULT,
                    AGES_18_70_75, _daily("100", "3000"), RIDERS, waiting_period_months=2, individual_end=True,
                    variants=("from_day_29", "from_day_1")),
    CoverDefinition("sickness_incapacity_pn57", "Pojištění pracovní neschopnosti – nemoc (PN57)", ADULT,
                    AGES_18_70_75, _daily("100", "3000"), RIDERS, waiting_period_months=2, individual_end=True),
    CoverDefinition("hospitalisation_accident", "Pojištění hospitalizace – úraz", ADULT, AGES_18_75_85,
                    _daily("100", "3000"), RIDERS, individual_end=True, accidents_only=True),
    CoverDefinition("hospitalisation_accident_or_illness", "Pojištění hospitalizace – úraz nebo nemoc", ADULT,
                    AGES_18_70_75, _daily("100", "3000"), RIDERS, waiting_period_months=2,
                    waiting_period_illness_only=True, individual_end=True),
    CoverDefinition("nursing_care", "Pojištění ošetřování – úraz nebo nemoc", ADULT, AGES_18_65_70,
                    _daily("100", "1000"), RIDERS, waiting_period_months=2, waiting_period_illness_only=True,
                    individual_end=True),
    CoverDefinition("majak", "Zdravotní a sociální infolinka MAJÁK", ADULT, AGES_18_75_85, None, RIDERS),
    CoverDefinition("majak_plus", "Konzultační a asistenční služby MAJÁK+", ADULT, AGES_18_75_85, None, RIDERS),
    # --- children (entry 0-17, exit 25 from the product's child ages unless stated) ---
    CoverDefinition("child_serious_illness", "Dítě – pojištění vážných nemocí a úrazů", CHILD, None,
                    _lump("10000", "10000000"), RIDERS, waiting_period_months=2),
    CoverDefinition("child_in_situ", "Dítě – připojištění na novotvary in situ", CHILD, None, _lump("10000", None),
                    RIDERS, waiting_period_months=2, derived_share_of=("child_serious_illness", D("0.30"))),
    CoverDefinition("child_invalidity", "Dítě – pojištění invalidity nebo dlouhodobé péče (úraz nebo nemoc)", CHILD,
                    None, _lump("10000", "10000000"), RIDERS, waiting_period_months=6,
                    waiting_period_illness_only=True),
    CoverDefinition("child_death", "Dítě – pojištění smrti", CHILD, None, _lump("10000", "110000"), RIDERS),
    CoverDefinition("child_accident_permanent_consequences", "Dítě – pojištění trvalých následků úrazu "
                    "(čtyřnásobná progrese od 0,5 %)", CHILD, None, _lump("10000", "4000000"), RIDERS, accidents_only=True),
    CoverDefinition("child_daily_allowance", "Dítě – pojištění denního odškodného – úraz", CHILD, None,
                    _daily("100", "1000"), RIDERS, accidents_only=True),
    CoverDefinition("child_hospitalisation", "Dítě – pojištění hospitalizace – úraz nebo nemoc", CHILD, None,
                    _daily("100", "1000"), RIDERS, waiting_period_months=2, waiting_period_illness_only=True),
    CoverDefinition("child_nursing", "Dítě – pojištění ošetřování – úraz nebo nemoc", CHILD, AgeLimits(2, 17, 18),
                    _daily("100", "1000"), RIDERS, waiting_period_months=2, waiting_period_illness_only=True),
)

_SHARED_CAPS = (
    SharedSumCap(frozenset({"accident_permanent_consequences_from_0_5", "accident_permanent_consequences_from_10"}),
                 D("4000000"), RIDERS + " / Pojištění trvalých následků úrazu"),
    SharedSumCap(frozenset({"daily_allowance_do8", "daily_allowance_do29"}), D("3000"),
                 RIDERS + " / Pojištění denního odškodného – úraz"),
    SharedSumCap(frozenset({"hospitalisation_accident", "hospitalisation_accident_or_illness"}), D("3000"),
                 RIDERS + " / Pojištění hospitalizace"),
)

# Výpočet pojistného, distribution costs "Účinnost od 1. 5. 2020": row = term in years ("20 a více" for 20+),
# columns = policy years 1-5, percent of the premium.
_DISTRIBUTION_ROW_PERCENT = {
    1: "14", 2: "14.2", 3: "12.5", 4: "11.6", 5: "11.1", 6: "12.9", 7: "14.7", 8: "16.5", 9: "18.2", 10: "20",
    11: "21.8", 12: "23.6", 13: "25.4", 14: "27.2", 15: "29", 16: "30.8", 17: "32.6", 18: "34.4", 19: "36.2",
    20: "38",
}
DISTRIBUTION_COST_PERCENT = MappingProxyType(
    {term: (D(percent),) * min(term, 5) for term, percent in _DISTRIBUTION_ROW_PERCENT.items()}
)

FLEXI_RULES_2023_04 = FlexiRules(
    max_adults=2,
    max_children=5,
    adult_ages=AgeLimits(18, 75, 85),
    child_ages=AgeLimits(0, 17, 25),
    child_extended_exit_age=30,
    min_term_years=3,
    max_start_deferral_months=3,
    minimum_premium=MappingProxyType({
        Frequency.MONTHLY: D("300"),
        Frequency.QUARTERLY: D("900"),
        Frequency.HALF_YEARLY: D("1800"),
        Frequency.YEARLY: D("3600"),
    }),
    operating_cost_per_month=D("35"),
    monthly_payment_surcharge_per_month=D("10"),
    distribution_cost_percent=DISTRIBUTION_COST_PERCENT,
    annuity_decrease_percent=(D("0.50"), D("20.00")),
    in_situ_min_serious_illness_sum=D("34000"),
    covers=MappingProxyType({cover.code: cover for cover in _COVERS}),
    shared_caps=_SHARED_CAPS,
    loyalty=LoyaltyRules(
        first_discount_from_year=8,
        final_discount_years_before_end=5,
        final_discount_min_term_years=18,
        minimum_discount=D("30"),
        final_years_min_monthly_premium=D("100"),
    ),
    # "Výpočet běžného pojistného": not below -2 annual premiums; non-negative at every month end from the end
    # of the 15th year; at the end at least max(8 000; 2 % of the annual premium x years); then lowered by at
    # most 3 %; the 8th-year loyalty discount aims at 70 % of the end reserve computed at the start.
    reserve=ReserveRules(lowest_in_annual_premiums=D("2"), non_negative_from_year=15, end_floor=D("8000"),
                         end_floor_percent_of_annual_per_year=D("2"), final_reduction_percent=D("3"),
                         loyalty_end_reserve_percent=D("70")),
    mortality_rates=ILLUSTRATIVE_MORTALITY_RATES,
    cover_rates=MappingProxyType(ILLUSTRATIVE_FLEXI_COVER_RATES),
)

FLEXI_2023_04 = ProductVersion(
    code="FLEXI_RISK_LIFE",
    version="ZD020Q-2023-04",
    effective_from=date(2023, 4, 22),
    name="FLEXI rizikové životní pojištění",
    source="seeds/flexi-risk-life-precontract.txt (Produktový list, Výpočet pojistného)",
    rules=FLEXI_RULES_2023_04,
    lifecycle=LifecycleTerms(
        line=ProductLine.LIFE, withdrawal_days=30, withdrawal_only_at_distance=False,
        surrender_allowed=False, reduction_allowed=False, notice_weeks=6, premium_changes_allowed=True,
        minimum_premium=FLEXI_RULES_2023_04.minimum_premium,
        # Section 9 names only the reminder ("nejprve vám zašleme upomínku"): no pre-reminder.
        # ILLUSTRATIVE lead time: the seed gives none; the deadline (one month) is § 2757's minimum.
        dunning=DunningTerms(pre_reminder_after_days=None, reminder_after_days=15),
        # "Pojistné můžete platit převodem, inkasem z účtu nebo formou SIPO".
        payment_methods=frozenset({PaymentMethod.BANK_TRANSFER, PaymentMethod.DIRECT_DEBIT, PaymentMethod.SIPO}),
    ),
)
