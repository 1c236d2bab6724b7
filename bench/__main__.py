"""`make bench`: build the large data set in a throwaway database, then print
one row per measured item against its budget (PASS or OVER)."""

import os
import sys
import tempfile
from importlib import import_module

# Each module has `rows(ctx)` (measures) and may have `build(ctx)` (adds its data).
MODULES = ["bench.pages", "bench.portfolio", "bench.decks", "bench.flow"]


def main() -> int:
    workdir = tempfile.mkdtemp(prefix="innoportal-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("STATIC_MANIFEST", "false")  # no collectstatic needed
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client run against this database
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from bench.harness import print_table

    ctx: dict = {}
    modules = [import_module(name) for name in MODULES]
    for module in modules:
        if hasattr(module, "build"):
            module.build(ctx)
    rows = [row for module in modules for row in module.rows(ctx)]
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
