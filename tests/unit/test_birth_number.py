from datetime import date

import pytest

from domain.birth_number import BirthNumber, InvalidBirthNumber


@pytest.mark.parametrize(
    ("text", "birth_date"),
    [
        ("710319/2745", date(1971, 3, 19)),  # 7103192745 = 11 x 645 744 795
        ("7103192745", date(1971, 3, 19)),  # slash optional
        ("736028/5163", date(1973, 10, 28)),  # woman: month 60 - 50 = October
        ("440101/123", date(1944, 1, 1)),  # nine digits, before 1954: no check digit
        ("855220/4023", date(1985, 2, 20)),  # 855220402 mod 11 = 3 = check digit; month 52 -> February
        ("047201/0000", date(2004, 2, 1)),  # woman born 2004 with +20 extension: month 72 - 70
    ],
)
def test_valid_birth_numbers_give_the_birth_date(text: str, birth_date: date) -> None:
    assert BirthNumber.parse(text).birth_date == birth_date


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("710319/2746", "modulo-11"),  # last digit off by one
        ("710230/2745", "no real date"),  # 30 February
        ("540101/123", "before 1954"),  # nine digits after 1953
        ("71031927", "YYMMDD"),
        ("abcdef/1234", "YYMMDD"),
    ],
)
def test_invalid_birth_numbers_name_the_rule(text: str, why: str) -> None:
    with pytest.raises(InvalidBirthNumber, match=why) as error:
        BirthNumber.parse(text)
    assert error.value.rule == "birth-number-valid"


def test_remainder_ten_takes_check_digit_zero() -> None:
    # 855220409 mod 11 = 10, so the check digit is 0 (the exception for numbers issued until 1985)
    assert int("855220409") % 11 == 10
    assert BirthNumber.parse("855220/4090").value == "855220/4090"
