"""Czech birth number (rodné číslo): the national identifier of a natural person.

Rules (Act No. 133/2000 Coll., s. 13): ``YYMMDD/XXX`` before 1954, ``YYMMDD/XXXX`` from 1954 on.
Women have 50 added to the month; from 2004 the month may also carry +20 (+70 for women) when
a day's numbers ran out. A ten-digit number is divisible by 11, except that when the first nine
digits leave remainder 10 the check digit is 0 (numbers issued until 1985).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.errors import DomainError

_PATTERN = re.compile(r"^(\d{2})(\d{2})(\d{2})/?(\d{3,4})$")


class InvalidBirthNumber(DomainError):
    rule = "birth-number-valid"


@dataclass(frozen=True)
class BirthNumber:
    value: str
    birth_date: date

    @classmethod
    def parse(cls, text: str) -> BirthNumber:
        match = _PATTERN.match(text.strip())
        if match is None:
            raise InvalidBirthNumber(f"birth number {text!r} is not YYMMDD/XXX(X)")
        yy, mm, dd, suffix = match.groups()
        digits = f"{yy}{mm}{dd}{suffix}"
        year = _century(int(yy), len(suffix)) + int(yy)
        month = int(mm)
        if month > 70 and year >= 2004:
            month -= 70
        elif month > 50:
            month -= 50
        elif month > 20 and year >= 2004:
            month -= 20
        try:
            birth_date = date(year, month, int(dd))
        except ValueError as error:
            raise InvalidBirthNumber(f"birth number {text!r} encodes no real date") from error
        if len(suffix) == 4 and not _check_digit_ok(digits):
            raise InvalidBirthNumber(f"birth number {text!r} fails the modulo-11 check")
        return cls(value=f"{yy}{mm}{dd}/{suffix}", birth_date=birth_date)


def _century(yy: int, suffix_length: int) -> int:
    if suffix_length == 3:
        if yy >= 54:
            raise InvalidBirthNumber("nine-digit birth numbers were issued only before 1954")
        return 1900
    return 1900 if yy >= 54 else 2000


def _check_digit_ok(digits: str) -> bool:
    remainder = int(digits[:9]) % 11
    return int(digits[9]) == (0 if remainder == 10 else remainder)
