"""The documents a claim needs, by cover (accident handbook, chapter 13, "Hlášení pojistné události":
the notice form for the kind of event with the doctor's report, "pojistnou událost, ke které došlo při
dopravní nehodě nebo zaviněním jiné osoby, je třeba vždy doložit záznamem policie"; "bez doložení
potřebných dokumentů nelze dokončit šetření").

Belongings and cards go by the kind of event (personal-belongings-and-cards.txt, PP 01/2022 čl. 7.1-7.2 and
the brochure): the "Oznámení škodní události"; "Pojišťovna bude plnit až po pořízení nových věcí"
(proof of the purchase of the lost item and of its replacement); a theft or fraud "doložit pojistiteli policejní
protokol"; a stolen device with a SIM card "doklad o blokaci IMEI"; card fraud "konečné/finální
vyrozumění banky o jejím vypořádání"; an on-line purchase the finished complaint (framework contract čl. IV)."""

from __future__ import annotations

MEDICAL_REPORT = "medical report of the first treatment and the course of treatment"
POLICE_RECORD = "police record"
BELONGINGS_NOTICE = "claim notice (Oznámení škodní události)"
PURCHASE_PROOFS = ("proof of purchase of the item lost or stolen", "proof of purchase of its replacement")
# Cover code prefix -> the notice form and what goes with it.
_BY_COVER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("basic_death", ("death notice (Lo-103)", "death certificate")),
    ("supplementary_death", ("death notice (Lo-103)", "death certificate")),
    ("accidental_death", ("death notice (Lo-103)", "death certificate", "autopsy or police findings")),
    ("credit_death", ("death notice (Lo-103)", "death certificate")),
    ("accident_permanent_consequences", ("notice of permanent consequences (Lo-107)", MEDICAL_REPORT)),
    ("daily_allowance", ("injury notice (Lo-106)", MEDICAL_REPORT)),
    ("sickness_incapacity", ("incapacity notice (Lo-108)", "certificate of incapacity for work")),
    ("hospitalisation", ("hospital stay notice (Lo-108)", "discharge report")),
    ("invalidity", ("decision of the social security administration on invalidity",)),
    ("serious_illness", (MEDICAL_REPORT, "histology or specialist's diagnosis")),
    ("in_situ", (MEDICAL_REPORT, "histology")),
    # The accident products' own covers (7 UO, 23 UO, 53 UD), the handbook's forms Lo-106 to Lo-108.
    ("permanent_consequences", ("notice of permanent consequences (Lo-107)", MEDICAL_REPORT)),
    ("bodily_injury", ("injury notice (Lo-106)", MEDICAL_REPORT)),
    ("incapacity", ("incapacity notice (Lo-108)", "certificate of incapacity for work")),
    ("hospital_stay", ("hospital stay notice (Lo-108)", "discharge report")),
)


_BY_BELONGINGS_CAUSE: dict[str, tuple[str, ...]] = {
    "loss": (BELONGINGS_NOTICE, *PURCHASE_PROOFS),
    "theft": (BELONGINGS_NOTICE, POLICE_RECORD, *PURCHASE_PROOFS, "IMEI block confirmation (a device with a SIM card)"),
    "fraud": (BELONGINGS_NOTICE, POLICE_RECORD, "the bank's final statement on the disputed transactions"),
    "online_purchase": (BELONGINGS_NOTICE, "order and proof of payment", "the seller's closing of the complaint"),
}


def required_documents(cover_code: str, cause: str) -> list[str]:
    """What to ask for: the cover's documents, and the police record when an accident may involve it;
    for belongings, what the kind of event needs."""
    if cause in _BY_BELONGINGS_CAUSE:
        return list(_BY_BELONGINGS_CAUSE[cause])
    documents = next((list(docs) for prefix, docs in _BY_COVER if cover_code.startswith(prefix)), [MEDICAL_REPORT])
    if cause == "accident":
        documents.append(f"{POLICE_RECORD} (traffic accident or caused by another person)")
    return documents
