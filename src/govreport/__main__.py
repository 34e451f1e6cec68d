"""``python -m govreport``."""
import sys

from govreport.cli import main

sys.exit(main())
