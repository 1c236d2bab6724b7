"""Ids from addresses and forms: plain ASCII digits within the range of the
ids' column, so that no id a person types or posts reaches the database as a
number it cannot hold (an OverflowError, answered 500)."""

# Every model's key is a BigAutoField (settings.DEFAULT_AUTO_FIELD): a signed
# 64-bit integer on SQLite and PostgreSQL alike.
MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """`value` as an id, or None unless it is a string of at most 19 ASCII
    digits no larger than MAX_ID. ("²" and "٣" are decimal digits to Python,
    but not ids.)"""
    if not (isinstance(value, str) and value.isascii() and value.isdigit()):
        return None
    return int(value) if len(value) <= 19 and int(value) <= MAX_ID else None


class IdConverter:
    """`<id:name>` in a URL pattern: an id as parse_id takes it; any other
    value matches no pattern, so the address answers 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # tells the resolver this pattern does not match
        return number

    def to_url(self, value: int | str) -> str:
        return str(value)
