"""Property-based form tests: post random values into a form and check that the
server never answers 500 and that a refused submission changes nothing.

A form is described by a `FormCase`: who posts, where (a URL built from the
test's `World`), a valid submission to start from, a strategy per field that
replaces the valid value, and a snapshot of the data the form could change.
Field names may use the world's objects: "unit-{project.unit_id}-comment".
An app adds a table of cases in its own `tests/<app>/test_fuzz_forms.py` and
runs them with `check_form` (see tests/portal/test_fuzz_forms.py)."""

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Function-scoped fixtures (the database, the client) are shared by all of one
# test's examples on purpose: every example starts from whatever the earlier
# ones left, and a snapshot before and after each post tells what it changed.
# FUZZ_EXAMPLES=500 for a thorough run; the suite keeps it quick.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

World = SimpleNamespace  # the objects a test's URLs and snapshots use

_printable = st.text(max_size=80)
_hostile = st.text(
    st.characters(
        codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "So", "Mn", "Lo", "Nd", "No"]
    ),
    max_size=40,
)
_long = st.builds(
    lambda part, times: part * times, st.text(min_size=1, max_size=8), st.integers(100, 1500)
)
# Strings that look like numbers to one check and not to another.
_tricky_numbers = st.sampled_from(
    ["²", "½", "١٢", "९", "0x1f", "1e3", " 7 ", "+3", "-0", "1_000", "٣.٥", "NaN", "9" * 30]
)
_numbers = st.one_of(
    _tricky_numbers,
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
).map(str)
_dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.tuples(st.integers(-5, 10000), st.integers(-1, 13), st.integers(-1, 32)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
)

#: Any value a browser (or an attacker) could send in a form field.
anything = st.one_of(_printable, _hostile, _long, _numbers, _dates)


def choice(values) -> st.SearchStrategy[str]:
    """One of the valid `values` half the time, anything else otherwise."""
    return st.one_of(st.sampled_from([str(v) for v in values]), anything)


def integer(low: int = -(2**63), high: int = 2**63) -> st.SearchStrategy[str]:
    return st.one_of(st.integers(low, high).map(str), _tricky_numbers, anything)


def date() -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), _dates, anything)


DROP = object()  # a drawn DROP leaves the field out of the post altogether


@dataclass(frozen=True)
class FormCase:
    name: str
    url: Callable[[World], str]
    valid: Callable[[World], dict[str, Any]]
    fields: dict[str, st.SearchStrategy]
    snapshot: Callable[[World], Hashable]
    user: str | None = None  # the World attribute of the user who posts; None: anonymous
    method: str = "post"  # "get" sends the fields as the query string
    # Whether the server took the submission; a refused one must change nothing.
    accepted: Callable[[Any], bool] = field(
        default=lambda response: response.status_code in (301, 302, 303)
    )
    before: Callable[[World], None] = field(default=lambda world: None)  # runs per example

    def payload(self) -> st.SearchStrategy[dict[str, Any]]:
        """Which fields to replace (any subset) and with what, or DROP."""
        return st.fixed_dictionaries(
            {}, optional={name: st.one_of(s, st.just(DROP)) for name, s in self.fields.items()}
        )


def check_form(client, world: World, case: FormCase, changes: dict[str, Any]) -> None:
    """Send the valid submission with `changes`; unless it is accepted (a
    redirect), the snapshot must be as it was."""
    case.before(world)
    if case.user:
        client.force_login(getattr(world, case.user))
    data = case.valid(world) | changes
    # Field names may name the world's objects, e.g. "unit-{project.unit_id}-comment".
    data = {k.format(**vars(world)): v for k, v in data.items() if v is not DROP}
    before = case.snapshot(world)
    response = getattr(client, case.method)(case.url(world), data)
    assert response.status_code < 500, response.status_code
    if not case.accepted(response):
        assert case.snapshot(world) == before, f"{case.name}: refused post changed data: {data!r}"
