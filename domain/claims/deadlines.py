"""A claim's statutory clock (flexi-risk-life-precontract.txt, section 4):

"Na ukončení šetření pojistné události máme 3 měsíce. Pokud do 3 měsíců od nahlášení pojistné
události šetření neukončíme, budeme vás informovat o důvodu. Je-li důvodem nedodání potřebné
dokumentace, prodlužuje se doba šetření o dobu, po kterou na dokumentaci čekáme." and "O ukončení
šetření vás budeme písemně informovat a pojistné plnění vám vyplatíme do 15 dnů" (the accident
handbook, chapter 13, and the belongings conditions 6.5 say the same 15 days).
"""

from __future__ import annotations

from datetime import date, timedelta

from domain.dates import add_months

INVESTIGATION_MONTHS = 3
PAYOUT_DAYS = 15


def investigation_due(reported_on: date, days_waiting_for_documents: int) -> date:
    """The last day of the investigation: three months from the report, plus the time spent waiting."""
    return add_months(reported_on, INVESTIGATION_MONTHS) + timedelta(days=days_waiting_for_documents)


def payout_due(decided_on: date) -> date:
    """The last day to pay an approved benefit."""
    return decided_on + timedelta(days=PAYOUT_DAYS)
