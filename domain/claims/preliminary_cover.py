"""What the FLEXI preliminary cover (předběžné krytí) pays, from flexi-risk-life-precontract.txt,
"Předběžné krytí":

- "Vztahuje se pouze na úrazový děj ... u pojištění, která jsou platná ke dni počátku pojištění ...
  maximálně do výše částek uvedených v platném přehledu poplatků a parametrů produktu": accidents only,
  the covers the policy has on its start date, each line up to its limit (an illustrative price list:
  ``ILLUSTRATIVE_PRELIMINARY_LIMITS``);
- each line pays "nejdříve" from its first cover and "bude doplněno do limitu" by the next ones, in the
  order below: a cover's share of the limit is what the covers before it left;
- children: death, permanent consequences of injury, daily allowance and hospital (its accident part);
  "Z pojištění invalidity nebo dlouhodobé péče a z pojištění ošetřování dítěte nárok na plnění
  z předběžného krytí nevzniká". Covers the section does not name are not preliminarily insured.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from domain.errors import DomainError

# Line -> its covers in the order the seed tops them up.
LINES: dict[str, tuple[str, ...]] = {
    "death": ("basic_death", "supplementary_death", "credit_death"),
    "invalidity_3": ("invalidity_3", "credit_invalidity_3"),
    "invalidity_2": ("invalidity_2", "credit_invalidity_2_1"),
    "invalidity_1": ("invalidity_1", "credit_invalidity_2_1"),
    "injury_consequences": ("accident_permanent_consequences_from_0_5", "accident_permanent_consequences_from_10"),
    "daily_allowance": ("daily_allowance_do8", "daily_allowance_do29"),
    "hospital": ("hospitalisation_accident", "hospitalisation_accident_or_illness"),
    "incapacity": ("sickness_incapacity_pn15", "sickness_incapacity_pn29", "sickness_incapacity_pn57",
                   "credit_incapacity"),
    "child_death": ("child_death",),
    "child_injury_consequences": ("child_accident_permanent_consequences",),
    "child_daily_allowance": ("child_daily_allowance",),
    "child_hospital": ("child_hospitalisation",),
}


class PreliminaryCoverExcludes(DomainError):
    rule = "preliminary-cover-accidents-on-named-covers"


class PreliminaryCoverExhausted(DomainError):
    rule = "preliminary-cover-limit"


def line_of(cover_code: str) -> str:
    """The line a cover tops up (``credit_invalidity_2_1``: the second degree's, its first)."""
    line = next((line for line, codes in LINES.items() if cover_code in codes), None)
    if line is None:
        raise PreliminaryCoverExcludes(f"{cover_code} is not insured by the preliminary cover")
    return line


def preliminary_sum(cover_key: str, cause: str, covers_at_start: Mapping[str, Decimal | None],
                    limits: Mapping[str, Decimal]) -> Decimal:
    """The sum a cover part insures under the preliminary cover: its sum, at most what the limit of its
    line leaves after the same insured's covers before it. Cover keys are ``insured/code/index``."""
    if cause != "accident":
        raise PreliminaryCoverExcludes(f"the preliminary cover insures accidents only, not an {cause}")
    insured, code, _ = cover_key.split("/")
    line = line_of(code)
    if cover_key not in covers_at_start:
        raise PreliminaryCoverExcludes(f"{cover_key} is not in force on the policy's start date")
    before = LINES[line][:LINES[line].index(code)]
    used = sum((amount or Decimal(0) for key, amount in covers_at_start.items()
                if key.split("/")[0] == insured and key.split("/")[1] in before), Decimal(0))
    left = limits[line] - used
    if left <= 0:
        raise PreliminaryCoverExhausted(f"the preliminary limit {limits[line]} of {line} is taken by "
                                        f"{', '.join(before)}: claim on the first of them")
    return min(covers_at_start.get(cover_key) or Decimal(0), left)
