"""The demo: a morning at the insurer, on the embedded default (SQLite, no Kafka).

Policies are issued and premiums paid through validated commands; a retried command is
recognised; bad commands are refused with the rule they broke; the advisor read model is
built by the same projection code that runs behind Kafka in production.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import NAMESPACE_URL, uuid5

from pydantic import ValidationError

from aggregates.intervention import Intervention
from aggregates.policy import Policy
from application.bootstrap import Container
from application.commands import AdvanceBusinessDate, IssuePolicy, RecordPremiumPayment, command_adapter
from domain.errors import DomainError
from domain.metadata import Channel
from domain.premium_periods import Frequency
from infrastructure.settings import Settings
from producers.mapping import letter_of
from projections.bank_statement_views import list_lines
from projections.contract_views import contract_detail, list_contracts
from projections.intervention_views import InterventionFilter, list_interventions

BUSINESS_DAY = date(2026, 3, 16)


def _id(label: str):
    """Deterministic command ids, so that the demo prints the same story every run."""
    return uuid5(NAMESPACE_URL, f"urn:policy-core:demo:{label}")


# Jana (born 28 Oct 1973) insures her life: basic death 500 000 and a mortgage-style supplementary
# death cover of 1 200 000 falling linearly over the 20-year term.
JANA = [{"id": "A1", "kind": "adult", "name": "Jana Dvořáková", "birth_date": date(1973, 10, 28),
         "is_policyholder": True}]
JANA_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
               {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("1200000"),
                "decrease_kind": "linear"}]


def _issue(number: str, product: str, holder: str, birth_number: str, advisor: str,
           frequency: Frequency, premium: str, start: date, **terms: object) -> IssuePolicy:
    return IssuePolicy(command_id=_id(f"issue-{number}"), actor="underwriter.novak", channel=Channel.BACK_OFFICE,
                       policy_number=number, product_code=product, policyholder_name=holder,
                       policyholder_birth_number=birth_number, advisor_id=advisor, frequency=frequency,
                       premium=Decimal(premium), start_date=start, **terms)


def _command(label: str, **fields: object):
    return command_adapter.validate_python({"command_id": str(_id(label)), "actor": "back-office.svoboda",
                                            "channel": "back_office", **fields})


def _line(line_id: str, amount: str, reference: str, booked_on: date, currency: str = "CZK") -> str:
    return json.dumps({"statement_id": "VYPIS-2026-03", "line_id": line_id, "account": "CZ6508000000192000145399",
                       "booked_on": booked_on.isoformat(), "amount": amount, "currency": currency,
                       "variable_symbol": reference})


def _pay(number: str, line: str, amount: str, received: date) -> RecordPremiumPayment:
    return RecordPremiumPayment(command_id=_id(f"pay-{line}"), actor="bank-statement-import", channel=Channel.BATCH,
                                policy_number=number, payment_id=line, amount=Decimal(amount), received_on=received)


def run_demo(data_dir: Path) -> int:
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(database_url=None, kafka_bootstrap_servers=None, POLICY_CORE_DATA_DIR=str(data_dir))
    container = Container(settings)  # on the shared business calendar
    container.migrate()
    service = container.policies
    _start_day(container, BUSINESS_DAY)
    print(f"policy-core demo — embedded event store {settings.event_store_path}, business day {BUSINESS_DAY}\n")

    print("1. Issuing policies (back office)")
    issues = [
        _issue("2026000101", "FLEXI_RISK_LIFE", "Jana Dvořáková", "736028/5163", "ADV-017", Frequency.MONTHLY,
               "512.00", date(2026, 1, 1), end_date=date(2046, 1, 1), insured=JANA, covers=JANA_COVERS),
        _issue("2026000102", "ACCIDENT_7UO", "Petr Svoboda", "710319/2745", "ADV-017", Frequency.YEARLY, "777.00", date(2026, 2, 1)),
        _issue("2026000103", "ACCIDENT_7UO", "Eva Černá", "855220/4023", "ADV-042", Frequency.HALF_YEARLY, "389.00", date(2026, 3, 1)),
        _issue("2026000104", "BELONGINGS_CARDS", "Tomáš Procházka", "900101/0007", "ADV-042", Frequency.MONTHLY, "99.00", date(2026, 3, 2)),
    ]
    for command in issues:
        outcome = service.execute(command)
        print(f"   {command.policy_number} {command.product_code:<17} {command.policyholder_name:<18} "
              f"{command.premium:>7} Kč {command.frequency.value:<11} -> version {outcome.aggregate_version}")

    print("\n2. The bank statement arrives: lines matched by variable symbol (= contract number)")
    statement = data_dir / "statement-2026-03.jsonl"
    statement.write_text("\n".join([
        _line("VYPIS-0301-001", "1024.00", "2026000101", date(2026, 3, 2)),   # Jan + Feb exactly
        _line("VYPIS-0310-007", "600.00", "2026000101", date(2026, 3, 10)),   # March + 88 credit
        _line("VYPIS-0203-002", "777.00", "2026000102", date(2026, 2, 3)),    # the whole year
        _line("VYPIS-0305-011", "200.00", "2026000103", date(2026, 3, 5)),    # partial: credit only
        _line("VYPIS-0312-004", "50.00", "2026000101", date(2026, 3, 12), currency="EUR"),
        _line("VYPIS-0313-002", "300.00", "2026009999", date(2026, 3, 13)),   # no such contract
        '{"line_id": "VYPIS-0314-001", "amount": "12"}',                     # not a statement line
    ]) + "\n", encoding="utf-8")
    container.import_statement(statement)
    for line in list_lines(container.database):
        where = f"parked [{line.reason}]" if line.outcome == "parked" else f"{line.outcome} -> {line.policy_number}"
        print(f"   {line.line_id} {line.amount:>8} {line.currency} {where}")
    with container.database.transaction() as tx:
        for letter in tx.fetchall("SELECT error FROM dead_letters WHERE consumer = 'payments'"):
            print(f"   dead-lettered: {letter['error']}")

    print("\n3. The same file is imported again: it resumes after its last matched line; nothing counts twice")
    again = container.import_statement(statement)
    print(f"   lines recorded again: {sum(o.applied for o in again)}; policy 2026000101 still at version "
          f"{service.policy('2026000101').version}, paid to {service.policy('2026000101').paid_to}")

    print("\n4. Bad input is refused with the rule it broke; nothing is recorded")
    bad_inputs = [
        ('{"type": "IssuePolicy", "command_id": "not-a-uuid"}', "malformed command"),
        (issues[0].model_copy(update={"command_id": _id("issue-bad-rc"), "policy_number": "2026000105"})
         .model_dump_json().replace("736028/5163", "736028/5164"), "birth number fails the mod-11 check"),
        (_pay("2026009999", "VYPIS-0316-001", "500.00", date(2026, 3, 16)).model_dump_json(), "unknown contract"),
        (_pay("2026000101", "VYPIS-0317-001", "500.00", date(2026, 3, 17)).model_dump_json(), "payment dated tomorrow"),
        (_pay("2026000101", "VYPIS-0301-001", "1024.00", date(2026, 3, 2)).model_copy(
            update={"command_id": _id("pay-again")}).model_dump_json(), "same statement line, new command"),
    ]
    for payload, label in bad_inputs:
        try:
            service.execute(command_adapter.validate_json(payload))
            print(f"   {label}: ACCEPTED (unexpected)")
        except ValidationError as error:
            first = error.errors()[0]
            print(f"   {label}: invalid {'.'.join(map(str, first['loc']))}: {first['msg']}")
        except DomainError as error:
            print(f"   {label}: refused [{error.rule}] {error}")

    print("\n5. Life goes on: changes take effect by their own rules")
    changes = [
        _command("contact", type="ChangeContactDetails", policy_number="2026000101", email="jana@example.cz",
                 phone="+420777123456", received_on="2026-03-16"),
        _command("amend-1", type="AgreeAmendment", policy_number="2026000101", amendment_number=1,
                 requested_on="2026-03-16", premium="560.00", frequency="monthly"),
        _command("notice", type="EndPolicy", policy_number="2026000104", end_reason="notice",
                 received_on="2026-03-16", ended_on="2026-04-30"),
    ]
    for command in changes:
        service.execute(command)
    print("   2026000101: e-mail and phone changed (effective on receipt)")
    print("   2026000101: amendment 1, premium 560.00 from 2026-04-01 (the 1st of the month after the request)")
    print("   2026000104: notice received 2026-03-16, ends 2026-04-30 (at least 6 weeks later)")
    try:
        service.execute(_command("notice-short", type="EndPolicy", policy_number="2026000102", end_reason="notice",
                                 received_on="2026-03-16", ended_on="2026-04-01"))
    except DomainError as error:
        print(f"   2026000102: notice to 2026-04-01 refused [{error.rule}] {error}")

    print("\n6. Months on the business clock: the collections workflow bills, reminds, lapses (one tick a day)")
    months_on_the_clock(container, BUSINESS_DAY + timedelta(days=1), date(2026, 6, 30), {
        date(2026, 4, 3): [_pay("2026000101", "VYPIS-0403-004", "472.00", date(2026, 4, 3))],   # April, with the credit
        date(2026, 5, 4): [_pay("2026000101", "VYPIS-0504-002", "560.00", date(2026, 5, 4))],
        date(2026, 6, 20): [_pay("2026000101", "VYPIS-0620-009", "3920.00", date(2026, 6, 20))],  # June to December
    })
    container.embedded_runner("collections").catch_up()
    _start_day(container, date(2027, 1, 5))
    container.embedded_runner("collections").catch_up()
    service.execute(_command("anniversary-2027", type="ApplyAnniversaries", policy_number="2026000101",
                             up_to="2027-01-05", channel="batch", actor="anniversary-job"))
    before, after = (service.policy("2026000101").covers_on(day)["A1/supplementary_death/0"]
                     for day in (date(2026, 12, 31), date(2027, 1, 1)))
    print(f"   2027-01-05 anniversary job: supplementary death {before:,.0f} -> {after:,.0f} (linear, 1/20 a year)")

    print("\n7. What did 2026000101 look like on a date? (from the event store, for the auditor)")
    for day in (date(2026, 3, 20), date(2026, 4, 20), date(2027, 1, 20)):
        view = service.policy_as_of("2026000101", day)
        covers = ", ".join(f"{key.split('/')[1]} {amount:,.0f}" for key, amount in view.covers.items())
        print(f"   {day}: {view.status}, premium {view.premium} {view.frequency}, paid to {view.paid_to}; {covers}")

    print("\n8. Building the advisor read model (same projection code as the Kafka consumer)")
    applied = container.embedded_runner("contracts").catch_up()
    print(f"   {applied} events applied\n")
    print(f"   {'contract':<11}{'product':<18}{'policyholder':<19}{'advisor':<9}{'premium':>9}  {'frequency':<12}"
          f"{'paid to':<11} status")
    for row in list_contracts(container.database):
        status = row.status if row.ended_on is None else f"{row.status} {row.ended_on} ({row.end_reason})"
        print(f"   {row.policy_number:<11}{row.product_code:<18}{row.policyholder_name:<19}{row.advisor_id:<9}"
              f"{row.premium:>9}  {row.frequency:<12}{str(row.paid_to or '—'):<11}{status}")
    detail = contract_detail(container.database, "2026000101")
    print(f"\n   detail {detail.policy_number}: paid {detail.total_paid} Kč in {len(detail.payments)} payments, "
          f"credit {detail.credit} Kč, paid to {detail.paid_to}, version {detail.version}")
    applied = container.embedded_runner("interventions").catch_up()
    print(f"\n   the advisors' interventions, closed ones too ({applied} events applied):")
    for task in list_interventions(container.database, InterventionFilter()):
        print(f"   {task.policy_number} {task.intervention_type} for {task.advisor_id}, due {task.due_date}: "
              f"{task.state} {task.closed_on or ''} {task.resolution or ''}".rstrip())
    events = container.policies.recorder.max_notification_id()
    print(f"\n   the event store holds {events} events (policy events and command receipts)")
    container.close()
    return 0


def _start_day(container: Container, day: date) -> None:
    container.policies.execute(AdvanceBusinessDate(command_id=_id(f"tick-{day}"), actor="scheduler",
                                                   channel=Channel.BATCH, to=day))


def months_on_the_clock(container: Container, first: date, last: date,
                        payments: dict[date, list[RecordPremiumPayment]]) -> None:
    """Each business day: its tick, the workflow's collections, then the day's bank payments; what
    the day produced is printed: letters (the letters topic's content) and lapses."""
    runner = container.embedded_runner("collections")
    position = container.policies.recorder.max_notification_id()
    day = first
    while day <= last:
        _start_day(container, day)
        runner.catch_up()
        container.policies.execute_batch(payments.get(day, []))
        for notification in container.policies.recorder.select_notifications(position + 1, 10_000):
            position = notification.id
            _print_news(container.policies.mapper.to_domain_event(notification))
        day += timedelta(days=1)


def _print_news(event: object) -> None:
    letter = letter_of(event)
    if letter is not None:
        data = letter.data
        extra = f", pay by {data.deadline} or the policy {data.consequence}s" if data.deadline else ""
        print(f"   {data.issued_on} {data.policy_number} letter {data.kind.value:<20} {data.channel:<17} "
              f"debt {data.debt:>7} Kč (due {data.due_date}){extra}")
    elif isinstance(event, Policy.Ended):
        print(f"   {'':<21}the policy ended {event.ended_on} ({event.reason.value}); debt {event.debt} Kč stays claimable")
    elif isinstance(event, Intervention.Raised):
        print(f"   {event.raised_on} {event.policy_number} intervention for {event.advisor_id}: {event.description}")
