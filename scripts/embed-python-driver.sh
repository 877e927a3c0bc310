#!/bin/sh
# Embeds scripts/python-driver.py in Sources/JournalKit/Cells/PythonDriver.swift.
set -e
cd "$(dirname "$0")/.."
{
  echo '// Generated from scripts/python-driver.py; CellPythonEngineTests checks the two are identical.'
  echo '// Regenerate with scripts/embed-python-driver.sh after editing the script.'
  echo ''
  echo '/// The Python program that runs cells for `PythonEngine` (see scripts/python-driver.py).'
  echo 'enum PythonDriver {'
  echo '  static let source = #"""'
  cat scripts/python-driver.py
  echo '"""#'
  echo '}'
} > Sources/JournalKit/Cells/PythonDriver.swift
