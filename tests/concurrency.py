"""Run callables at the same moment in threads, each with its own database
connection, to prove that concurrent writes cannot both win (PostgreSQL's row
locks). Use with `pytest.mark.django_db(transaction=True)` and
`pytest.mark.postgres_only`: the SQLite test database lives in shared memory,
where a second writer fails at once instead of waiting for the lock."""

import threading
from collections.abc import Callable

from django.db import connection, connections


def race(*calls: Callable[[], object], timeout: float = 30) -> list[object]:
    """Start every call together; each one's result, or the exception it raised."""
    assert connection.vendor == "postgresql", "a race runs on PostgreSQL: mark it postgres_only"
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout)
            outcomes[index] = call()
        except Exception as error:  # the outcome to inspect, not a crash
            outcomes[index] = error
        finally:
            connections.close_all()  # this thread's connections

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(t.is_alive() for t in threads), "a racing call did not finish"
    return outcomes
