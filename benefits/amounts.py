"""The one range of every amount, factor and measured value of a benefit plan.

|value| < 10¹² with two decimals, enforced by the models' field (and through
it by the page forms and the workbook import, which use those forms). Sums and
products of such values stay far inside what the calculations (floats), the
portfolio and the decks show.
"""

import decimal
import math
from functools import cached_property

from django.db import models

INTEGER_DIGITS = 12
DECIMAL_PLACES = 2
MAX_DIGITS = INTEGER_DIGITS + DECIMAL_PLACES
LIMIT = decimal.Decimal(10) ** INTEGER_DIGITS

# Wide enough to read back, to two decimals, any finite number SQLite holds
# (up to about 1.8e308), so a value stored before the range was enforced
# still loads, shows and can be corrected instead of failing every page.
_READ_CONTEXT = decimal.Context(prec=400)


class AmountField(models.DecimalField):
    """A DecimalField of the plan's range that reads back any stored number."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", MAX_DIGITS)
        kwargs.setdefault("decimal_places", DECIMAL_PLACES)
        super().__init__(*args, **kwargs)

    @cached_property
    def context(self) -> decimal.Context:
        # Django's SQLite backend quantizes every value read in this context.
        return _READ_CONTEXT

    def to_python(self, value):
        if isinstance(value, float) and math.isfinite(value):
            # A float is rounded to the field's digits, as Django's own field does.
            value = decimal.Context(prec=self.max_digits).create_decimal_from_float(value)
        return super().to_python(value)
