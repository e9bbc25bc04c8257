"""Data as a page carries it in attributes and scripts: compact, stable JSON."""

from __future__ import annotations

import json
from typing import Any


def compact_json(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
