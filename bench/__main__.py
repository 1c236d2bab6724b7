"""`make bench`: build the large data set in a throwaway database, then print
one row per measured item against its budget (PASS or OVER), and the busiest
page's throughput under gunicorn against a trivial view's.

`python -m bench flow benefits` measures only the rows of the modules named
(all data is still built); throughput runs only when no module is named."""

import sys
import tempfile
from importlib import import_module
from pathlib import Path

from bench.harness import print_table, setup

# Each module has `rows(ctx)` (measures) and may have `build(ctx)` (adds its data).
MODULES = [
    "bench.pages",
    "bench.portfolio",
    "bench.decks",
    "bench.canvas",
    "bench.flow",
    "bench.benefits",
    "bench.templates",
    "bench.discussion",
    "bench.notifications",
]


def main() -> int:
    workdir = tempfile.mkdtemp(prefix="innoportal-bench-")
    setup(sqlite_dir=workdir)
    from bench import throughput

    ctx: dict = {}
    modules = [import_module(name) for name in MODULES]
    for module in modules:
        if hasattr(module, "build"):
            module.build(ctx)
    chosen = {f"bench.{name}" for name in sys.argv[1:]}
    rows = [
        row
        for module in modules
        if not chosen or module.__name__ in chosen
        for row in module.rows(ctx)
    ]
    print_table(rows)
    if not chosen:
        throughput.print_row(throughput.measure(ctx, Path(workdir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
