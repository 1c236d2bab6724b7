"""Give the demo files what progress against the target path needs: the
plans' tolerance, and measurements that put one indicator on track, one on
watch and one in deviation. Safe to run again: nothing is added twice.

    .venv/bin/python portal/demo/progress_demo.py
"""

import json
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
PLAN_MODELS = ("benefits.benefitplan", "benefits.historicalbenefitplan")
# file, indicator pk, date, value, recorded by
MEASUREMENTS = [
    # 78 → 92 from February 2026 to June 2028: 3.6 % of 10.1 % expected, watch.
    ("hjemmetjenesten", 2, "2026-05-01", "78.50", "ola"),
    # 14 → 6 from 2025 to the end of 2027: 25 % of 41.6 % expected, deviation.
    ("nattilsyn", 3, "2026-04-01", "12.00", "siri"),
]


def main() -> None:
    files = {
        path.stem: (path, json.loads(path.read_text(encoding="utf-8")))
        for path in DEMO_DIR.glob("*.json")
    }
    top = max(
        (
            o["pk"]
            for _p, data in files.values()
            for o in data["objects"]
            if o["model"] == "benefits.measurement"
        ),
        default=0,
    )
    for name, indicator, day, value, by in MEASUREMENTS:
        objects = files[name][1]["objects"]
        if any(
            o["model"] == "benefits.measurement"
            and o["fields"]["indicator"] == indicator
            and o["fields"]["date"] == day
            for o in objects
        ):
            continue
        top += 1
        fields = {
            "date": day,
            "indicator": indicator,
            "note": "",
            "recorded_by": [by],
            "value": value,
            "version": 1,
        }
        last = max(i for i, o in enumerate(objects) if o["model"] == "benefits.measurement")
        objects.insert(last + 1, {"fields": fields, "model": "benefits.measurement", "pk": top})
    for path, data in files.values():
        for row in data["objects"]:
            if row["model"] in PLAN_MODELS:
                row["fields"].setdefault("progress_tolerance", "10.00")
        path.write_text(
            json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
