"""``python -m huabei_calc``: the ``huabei-calc`` command line."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
