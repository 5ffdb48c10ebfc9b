"""``python -m tiledesk_jwt_gui.cli``."""

import sys

from . import main

sys.exit(main())
