"""The ``posol`` console script: ``python -m posol segment input.jsonl``.

The command line itself lives in Rust (the ``posol-cli`` crate); see ``posol --help``.
"""

from __future__ import annotations

import signal
import sys
from typing import List, Optional

from posol import _native


def main(argv: Optional[List[str]] = None) -> None:
    """Run the ``posol`` command line and exit with its status."""
    if argv is None:
        argv = sys.argv
    # The Rust code runs without the GIL and never sees Python's KeyboardInterrupt:
    # let Ctrl-C stop the process the usual way instead.
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    except ValueError:  # not the main thread: leave signals alone
        pass
    sys.exit(_native.run_cli(["posol", *argv[1:]]))


if __name__ == "__main__":
    main()
