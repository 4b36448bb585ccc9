"""The documents a claim needs, by cover (accident handbook, chapter 13, "Hlášení pojistné události":
the notice form for the kind of event with the doctor's report, "pojistnou událost, ke které došlo při
dopravní nehodě nebo zaviněním jiné osoby, je třeba vždy doložit záznamem policie"; "bez doložení
potřebných dokumentů nelze dokončit šetření")."""

from __future__ import annotations

MEDICAL_REPORT = "medical report of the first treatment and the course of treatment"
POLICE_RECORD = "police record"
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
)


def required_documents(cover_code: str, cause: str) -> list[str]:
    """What to ask for: the cover's documents, and the police record when an accident may involve it."""
    documents = next((list(docs) for prefix, docs in _BY_COVER if cover_code.startswith(prefix)), [MEDICAL_REPORT])
    if cause == "accident":
        documents.append(f"{POLICE_RECORD} (traffic accident or caused by another person)")
    return documents
