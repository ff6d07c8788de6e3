"""`python -m pressguard.sim [--port P]`, the same as `pressguard sim`."""

import sys

from pressguard.sim.cli import main

sys.exit(main(sys.argv[1:]))
