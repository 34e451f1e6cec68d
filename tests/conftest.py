"""Test-run configuration: the Hypothesis example budgets.

Three budgets, one per kind of run:

- ``quick`` (the default, ``python -m pytest``): 25 examples a property, so that the whole
  default run takes about a minute on two cores;
- ``thorough`` (``python -m pytest -m slow --hypothesis-profile=thorough``, CI's second
  step): 300 examples a property, with the linearity and real-document checks;
- the fuzz targets (``-m fuzz``) set their own budget in ``tests/test_fuzz.py``.

A property states its own ``max_examples`` only when it needs a budget other than the run's.
"""
from __future__ import annotations

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("quick", max_examples=25, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("thorough", max_examples=300, **_COMMON)  # type: ignore[arg-type]
if settings.get_current_profile_name() == "default":  # --hypothesis-profile chooses another
    settings.load_profile("quick")


def pytest_sessionstart(session: object) -> None:
    """Byte-compile the package once, up front: the command-line tests start a hundred
    interpreters, and where ``PYTHONDONTWRITEBYTECODE`` is set (as on our CI machine) each
    would otherwise compile every module from source again. What an install does anyway."""
    import compileall
    import pathlib

    import govreport

    compileall.compile_dir(pathlib.Path(govreport.__file__).parent, quiet=1)
