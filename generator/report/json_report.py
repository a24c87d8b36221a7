"""One JSON object: the summary and every diagnostic."""

from __future__ import annotations

import json

from generator.result import Outcome


def render(result: Outcome) -> str:
    payload = {
        "summary": result.summary.to_dict(),
        "diagnostics": [item.to_dict() for item in result.diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
