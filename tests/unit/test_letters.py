"""Letters derived from the policy's events: one per dunning step, and a confirmation of each
non-technical change ("recorded with effect on receipt and confirmed"), addressed as it stands after it."""

from datetime import date
from decimal import Decimal

from producers.mapping import letter_of
from tests.factories import metadata
from tests.unit.test_policy_collections import FLEXI, TODAY, flexi, pay


def letters(policy) -> list:
    return [letter for event in policy.collect_events() if (letter := letter_of(event)) is not None]


def test_each_non_technical_change_is_confirmed_to_the_policyholder_as_changed() -> None:
    policy = flexi()
    policy.collect_events()
    policy.change_contact_details(address="Dlouhá 5, Praha", phone=None, email="jana@example.cz",
                                  received_on=date(2026, 2, 1), today=TODAY, meta=metadata())
    policy.change_policyholder(name="Jana Nováková", birth_number="736028/5163", correction=True,
                               received_on=date(2026, 2, 3), today=TODAY, meta=metadata())
    policy.designate_beneficiaries(beneficiaries=[{"name": "Petr", "share_percent": Decimal("100")}],
                                   received_on=date(2026, 2, 4), today=TODAY, meta=metadata())
    policy.register_pledge(creditor="Banka a.s.", received_on=date(2026, 2, 5), today=TODAY, meta=metadata())
    policy.release_pledge(received_on=date(2026, 2, 6), today=TODAY, meta=metadata())
    sent = [(letter.data.subject.split(".")[3], letter.data.addressee, letter.data.channel, letter.data.issued_on)
            for letter in letters(policy)]
    assert sent == [
        ("contact-details-changed", "Jana Dvořáková", "electronic", date(2026, 2, 1)),  # to the new e-mail
        ("policyholder-changed", "Jana Nováková", "electronic", date(2026, 2, 3)),      # to the new name
        ("beneficiaries-designated", "Jana Nováková", "electronic", date(2026, 2, 4)),
        ("pledge-registered", "Jana Nováková", "electronic", date(2026, 2, 5)),
        ("pledge-released", "Jana Nováková", "electronic", date(2026, 2, 6)),
    ]


def test_billing_and_payments_send_no_letter_but_a_reminder_does() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    for day in (date(2026, 1, 1), date(2026, 2, 1)):
        policy.collect(on=day, product=FLEXI, today=TODAY, meta=metadata())
    assert letters(policy) == []
    policy.collect(on=date(2026, 2, 16), product=FLEXI, today=TODAY, meta=metadata())
    [reminder] = letters(policy)
    assert (reminder.data.kind.value, reminder.data.deadline, reminder.data.debt) == (
        "reminder", date(2026, 3, 26), Decimal("500.00"))
