"""Run callables at the same moment in threads, each with its own database
connection, to prove that concurrent writes cannot both win: PostgreSQL by its
row locks, SQLite by its write lock (transactions begin IMMEDIATE). Use with
`pytest.mark.django_db(transaction=True)`."""

import threading
from collections.abc import Callable

from django.db import connections


def race(*calls: Callable[[], object], timeout: float = 30) -> list[object]:
    """Start every call together; each one's result, or the exception it raised."""
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
