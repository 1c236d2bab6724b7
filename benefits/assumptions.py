"""The plan's stated assumptions: the discount rate each currency starts
with and where it comes from, and the price basis of every amount."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The rate a new plan starts with, by currency (percent per year).
DEFAULT_RATES = {"NOK": Decimal(4), "SEK": Decimal(3)}


# Where the defaults come from, shown beside the rate in the plan's settings.
RATE_HELP = gettext_lazy(
    "Percent per year, in real terms (the amounts are in fixed prices). A new plan in "
    "NOK starts with 4 %, the rate the Norwegian Ministry of Finance sets for the first "
    "40 years in circular R-109 (Prinsipper og krav ved utarbeidelse av "
    "samfunnsøkonomiske analyser). A new plan in SEK starts with 3 %, a rate common in "
    "Swedish public-sector benefit calculations; Trafikverket's ASEK guidance uses "
    "3.5 % for transport investments. Use your organisation's own rate where it sets one."
)


def default_rate(currency: str) -> Decimal:
    return DEFAULT_RATES.get(currency, DEFAULT_RATES["NOK"])


def fixed_prices(first_year: int) -> str:
    """The statement every view of the plan's amounts carries."""
    return _("All amounts are in fixed prices of %(year)s, the plan's first year.") % {
        "year": first_year
    }
