"""Shared test set-up: offscreen Qt before any Qt import, Hypothesis profiles."""

import os
import tempfile

# Qt's offscreen screen is 800 x 800 unless configured; the window sizes itself to the screen,
# so the tests run on a common desktop size (a laptop size is tested on purpose).
SCREEN = os.path.join(os.path.dirname(__file__), "offscreen_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
# Tests never touch the real per-user folders (settings, autosaves).
_HOME = tempfile.mkdtemp(prefix="marginlab-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())
os.environ["MARGINLAB_TABLES_DIR"] = os.path.join(_HOME, "tables")  # no user's imported tiers

from hypothesis import HealthCheck, settings  # noqa: E402 (after the environment)

settings.register_profile("dev", max_examples=60, deadline=None)
# ``make test`` (and CI): the same 400 examples a property on every run, seeded by the test's
# own name, so a red run is a change in the code, not an unlucky draw that blocks a landing.
# ``explore``: fresh random examples every run, to look for what the fixed ones miss.
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
settings.register_profile(
    "explore", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
