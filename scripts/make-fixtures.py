#!/usr/bin/env python3
"""Regenerates every committed test fixture that comes from real NumPy / PyTorch / CPython.

Run by hand, never by CI:  python3 scripts/make-fixtures.py
Needs NumPy 2.x and CPU PyTorch (pip install numpy 'torch==2.13.0+cpu').
Each generator lives in scripts/fixtures/*.py and writes under Tests/*/Fixtures/.
"""
import pathlib
import runpy
import sys

here = pathlib.Path(__file__).resolve().parent
generators = sorted((here / "fixtures").glob("*.py"))
only = set(sys.argv[1:])
for gen in generators:
    if only and gen.stem not in only:
        continue
    print(f"== {gen.name}", flush=True)
    runpy.run_path(str(gen), run_name="__main__")
