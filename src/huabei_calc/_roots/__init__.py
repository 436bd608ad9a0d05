"""The rates that zero the NPV of cash flows: the root solver behind ``irr`` and ``xirr``
(private).

- :mod:`.pick`: which rates solve the flows, and the one returned (closest to zero);
- :mod:`.power_sum`: the NPV as a sum of powers, evaluated in float and in Decimal, and a
  root narrowed once it is bracketed (the fast path for one sign change);
- :mod:`.isolate`: exact isolation of a polynomial's roots (periodic flows);
- :mod:`.search`: every root of a sum of powers by Rolle's theorem (dated flows).

The arguments are on docs/numerics.md, "Roots of cash flows".
"""

# a private package: no __all__; the two names returns.py needs, re-exported explicitly
from .pick import every_rate as every_rate
from .pick import solve as solve
