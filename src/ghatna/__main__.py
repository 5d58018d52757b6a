import sys

from ghatna.cli import main

sys.exit(main())
