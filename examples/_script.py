"""What every example script does when run: call its ``main`` and exit with its status.

Not an example itself: the scripts import it as a sibling module (``python
examples/outline.py`` puts ``examples/`` on ``sys.path``), as the benchmarks do ``_common``.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable


def run(main: Callable[[list[str]], int]) -> None:
    """Exit with ``main(sys.argv)``; quietly, with status 1, when the reader of standard
    output has gone (``python examples/outline.py | head``)."""
    try:
        status = main(sys.argv)
        sys.stdout.flush()  # a reader that has gone shows here, inside the try
    except BrokenPipeError:
        # Python's documented way: point stdout at devnull so the flush at exit cannot
        # fail again, and exit without a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    sys.exit(status)
