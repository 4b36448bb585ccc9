"""What kind of event a claim is about, and which the product covers.

FLEXI insures the person against an accident or an illness; the accident products ("úrazové pojištění",
accident-insurance-handbook.txt) against an accident only. The group belongings cover
insures things and money: "ztráta a odcizení osobních věcí", "odcizení hotovosti", "zneužití
platebních karet ... phishing" and "nákupy přes internet" (personal-belongings-and-cards.txt,
PP 01/2022 čl. 3.2 and the framework contract čl. IV); none of them is an accident or an illness.
"""

from __future__ import annotations

from domain.errors import DomainError
from domain.products.accident import AccidentRules
from domain.products.belongings import BelongingsRules
from domain.products.flexi import FlexiRules
from domain.products.model import ProductVersion

PERSON_CAUSES = frozenset({"accident", "illness"})
ACCIDENT_CAUSES = frozenset({"accident"})
BELONGINGS_CAUSES = frozenset({"loss", "theft", "fraud", "online_purchase"})


class ClaimCauseNotCovered(DomainError):
    rule = "claim-cause-covered-by-product"


def require_cause_covered(product: ProductVersion, cause: str) -> None:
    """Refuse a cause the product does not insure (an illness on the belongings cover, a theft on FLEXI)."""
    covered = (BELONGINGS_CAUSES if isinstance(product.rules, BelongingsRules)
               else ACCIDENT_CAUSES if isinstance(product.rules, AccidentRules) else PERSON_CAUSES)
    if cause not in covered:
        raise ClaimCauseNotCovered(
            f"{product.code} insures {', '.join(sorted(covered))}; a claim for {cause} is not covered")


class ClaimCauseNotCoveredByCover(DomainError):
    rule = "claim-cause-covered-by-cover"


def require_cause_covered_by_cover(product: ProductVersion, cover_code: str, variant: str | None, cause: str) -> None:
    """FLEXI's accident covers ("– úraz") and the accident variant of invalidity insure no illness."""
    if not isinstance(product.rules, FlexiRules) or cause == "accident":
        return
    definition = product.rules.covers.get(cover_code)
    if definition is not None and (definition.accidents_only or variant == "accident"):
        raise ClaimCauseNotCoveredByCover(f"{definition.name} insures the consequences of an accident, not an {cause}")
