"""Shared test setup: hypothesis profiles.

``ci`` (the default, selected by .ci/run): derandomized, 200 examples, no deadline
(timings are never asserted). ``dev``: 1,000 random examples, for a deeper run:
``HYPOTHESIS_PROFILE=dev pytest``. ``mutation``: ``ci`` with 25 examples, for the first
pass of mutation testing over thousands of mutants (tools/mutation.py; its survivors are
then rerun under ``ci``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("mutation", settings.get_profile("ci"), max_examples=25)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
