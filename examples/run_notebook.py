"""Execute notebooks headless and fail on the first cell error (used by ``.ci/test``).

    python examples/run_notebook.py examples/tour.ipynb [--timeout 120] [--save out.ipynb]

The ``python3`` kernel is started with this interpreter (jupyter_client substitutes
``sys.executable`` for ``python`` in the kernel command), so a fresh venv with ipykernel is
enough and the notebook sees the posol installed there. The notebook itself is never
rewritten; ``--save`` writes the executed copy elsewhere for a look.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import List, Optional

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def run(path: Path, timeout: int, save: Optional[Path] = None) -> float:
    """Execute the notebook at ``path`` (cwd: its folder); return the seconds it took.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    client.execute()
    if save is not None:
        nbformat.write(nb, save)
    return time.perf_counter() - started


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    parser.add_argument("--save", type=Path, help="write the executed notebook here (one input)")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        try:
            seconds = run(path, args.timeout, args.save)
        except CellExecutionError as err:
            print(f"{path}: FAILED\n{err}", file=sys.stderr)
            return 1
        print(f"{path}: ok in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
