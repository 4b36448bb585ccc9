"""ILLUSTRATIVE rate tables. NOT the insurer's rates.

The seeds give the premium formulas but not the rates: FLEXI says "Informace o sazbách za jednotlivá
pojištění naleznete na webových stránkách www.flexi.cz" and the accident handbook prices 23 UO / 53 UD
by risk group without printing a tariff. These tables only make the formulas computable and testable;
replace them with the actuarial tables before quoting to a client.

Bands are (age from, age to, annual rate). A rate is per 1 Kč of sum insured a year (per 1 Kč/day or
per 1 Kč/month for daily or monthly covers); for covers without a sum (MAJÁK, premium waiver) the rate
is the annual price itself.
"""

from decimal import Decimal as D

RateBands = tuple[tuple[int, int, D], ...]

ADULT_BANDS = ((18, 29), (30, 39), (40, 49), (50, 59), (60, 69), (70, 85))


def _adult(*rates: str) -> RateBands:
    return tuple((low, high, D(rate)) for (low, high), rate in zip(ADULT_BANDS, rates, strict=True))


def _flat(rate: str, low: int = 0, high: int = 85) -> RateBands:
    return ((low, high, D(rate)),)


ILLUSTRATIVE_MORTALITY_RATES: RateBands = _adult("0.0006", "0.0010", "0.0022", "0.0056", "0.0140", "0.0350")

ILLUSTRATIVE_FLEXI_COVER_RATES: dict[str, RateBands] = {
    "supplementary_death": ILLUSTRATIVE_MORTALITY_RATES,
    "survivor_pension": _adult("0.0072", "0.0120", "0.0264", "0.0672", "0.1680", "0.4200"),
    "serious_illness": _adult("0.0008", "0.0015", "0.0035", "0.0080", "0.0150", "0.0150"),
    "in_situ": _flat("0.0020"),
    "invalidity_3": _adult("0.0005", "0.0009", "0.0018", "0.0040", "0.0060", "0.0060"),
    "invalidity_2": _adult("0.0004", "0.0007", "0.0014", "0.0030", "0.0045", "0.0045"),
    "invalidity_1": _adult("0.0003", "0.0005", "0.0010", "0.0020", "0.0030", "0.0030"),
    "credit_death": ILLUSTRATIVE_MORTALITY_RATES,
    "credit_invalidity_3": _adult("0.0005", "0.0009", "0.0018", "0.0040", "0.0060", "0.0060"),
    "credit_invalidity_2_1": _adult("0.0007", "0.0012", "0.0024", "0.0050", "0.0075", "0.0075"),
    "credit_incapacity": _flat("2.40"),
    "premium_waiver": _flat("240"),
    "invalidity_annuity": _adult("0.060", "0.100", "0.200", "0.400", "0.600", "0.600"),
    "illness_permanent_consequences": _adult("0.0010", "0.0015", "0.0025", "0.0040", "0.0060", "0.0060"),
    "accidental_death": _flat("0.0004"),
    "accident_permanent_consequences_from_0_5": _flat("0.0012"),
    "accident_permanent_consequences_from_10": _flat("0.0006"),
    "daily_allowance_do8": _flat("2.50"),
    "daily_allowance_do29": _flat("1.20"),
    "sickness_incapacity_pn15": _adult("2.60", "3.00", "3.60", "4.40", "5.20", "5.20"),
    "sickness_incapacity_pn29": _adult("1.60", "1.80", "2.20", "2.70", "3.20", "3.20"),
    "sickness_incapacity_pn57": _adult("0.80", "0.90", "1.10", "1.40", "1.60", "1.60"),
    "hospitalisation_accident": _flat("0.60"),
    "hospitalisation_accident_or_illness": _adult("1.20", "1.40", "1.80", "2.40", "3.20", "3.20"),
    "nursing_care": _flat("0.80"),
    "majak": _flat("120"),
    "majak_plus": _flat("360"),
    "child_serious_illness": _flat("0.0006", 0, 30),
    "child_in_situ": _flat("0.0010", 0, 30),
    "child_invalidity": _flat("0.0008", 0, 30),
    "child_death": _flat("0.0004", 0, 30),
    "child_accident_permanent_consequences": _flat("0.0010", 0, 30),
    "child_daily_allowance": _flat("1.80", 0, 30),
    "child_hospitalisation": _flat("1.00", 0, 30),
    "child_nursing": _flat("0.70", 0, 30),
}

# 23 UO: annual rate per 1 Kč of sum insured, by (risk group, raised sports risk).
# 53 UD: the same shape with risk groups 1-2 and no sports split (the children's group already reflects it).
_ACCIDENT_COVER_BASE = {
    "accidental_death": D("0.0006"),
    "permanent_consequences": D("0.0010"),
    "permanent_consequences_progressive": D("0.0016"),
    "bodily_injury": D("0.0040"),
    "incapacity": D("1.50"),
    "hospital_stay": D("0.90"),
}
_RISK_GROUP_FACTOR = {1: D("1.0"), 2: D("1.5"), 3: D("2.2")}
_RAISED_SPORTS_FACTOR = D("1.4")

ILLUSTRATIVE_ACCIDENT_RATES: dict[tuple[int, bool], dict[str, D]] = {
    (group, raised): {
        cover: base * factor * (_RAISED_SPORTS_FACTOR if raised else 1) for cover, base in _ACCIDENT_COVER_BASE.items()
    }
    for group, factor in _RISK_GROUP_FACTOR.items()
    for raised in (False, True)
}

ILLUSTRATIVE_CHILD_ACCIDENT_RATES: dict[int, dict[str, D]] = {
    1: {"permanent_consequences": D("0.0012"), "permanent_consequences_progressive": D("0.0018"),
        "bodily_injury": D("0.0040"), "hospital_stay": D("0.80")},
    2: {"permanent_consequences": D("0.0018"), "permanent_consequences_progressive": D("0.0027"),
        "bodily_injury": D("0.0060"), "hospital_stay": D("1.20")},
}

# ILLUSTRATIVE progression table of the accident products' "Trvalé následky úrazu s progresivním plněním".
# The handbook only says the share is "zvýšen podle tabulky progresivního plnění" from 26 %; it does not print
# the table. Rows are whole assessed percentages 26-100 -> the percentage of the sum paid; the made-up rule
# behind them (assessed + 3 x (assessed - 25)) only makes the cover assessable: 26 -> 29, 50 -> 125, 100 -> 325.
ILLUSTRATIVE_ACCIDENT_PROGRESSION: dict[D, D] = {D(assessed): D(assessed + 3 * (assessed - 25))
                                                 for assessed in range(26, 101)}

# ILLUSTRATIVE limits of the FLEXI preliminary cover (předběžné krytí), per line of covers that "is topped up to
# the limit" in the seed's order (domain/claims/preliminary_cover.py). The seed caps the cover "maximálně do výše
# částek uvedených v platném přehledu poplatků a parametrů produktu", a price list it does not print.
# Lump sums in Kč; daily covers in Kč a day.
ILLUSTRATIVE_PRELIMINARY_LIMITS: dict[str, D] = {
    "death": D("200000"), "invalidity_3": D("200000"), "invalidity_2": D("200000"), "invalidity_1": D("200000"),
    "injury_consequences": D("200000"), "daily_allowance": D("300"), "hospital": D("500"), "incapacity": D("300"),
    "child_death": D("50000"), "child_injury_consequences": D("200000"), "child_daily_allowance": D("200"),
    "child_hospital": D("300"),
}
