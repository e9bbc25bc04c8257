"""Runs the plain `test_*` functions of tests/logic inside Pyodide, where pytest is not available."""

import importlib
import json
import sys
import traceback
from pathlib import Path


def run_all(tests_root: str) -> str:
    sys.path.insert(0, tests_root)
    passed, failed = [], []
    for path in sorted(Path(tests_root, "logic").glob("test_*.py")):
        module = importlib.import_module(f"logic.{path.stem}")
        for name in sorted(vars(module)):
            test = getattr(module, name)
            if name.startswith("test_") and callable(test):
                label = f"{path.name}::{name}"
                try:
                    test()
                except Exception:
                    failed.append({"test": label, "error": traceback.format_exc(limit=3)})
                else:
                    passed.append(label)
    return json.dumps({"platform": sys.platform, "python": sys.version.split()[0],
                       "passed": passed, "failed": failed,
                       "outside": sorted(set(getattr(sys.modules.get("harness"), "OUTSIDE", [])))})
