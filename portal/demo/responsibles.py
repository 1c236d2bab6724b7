"""Re-runnable: give the demo's measures, experiments and goals their
responsible person (field added after the demo files were written).

Every such row, and its recorded history, gets the field; the rows named in
ASSIGNED get the person, in the row and in its latest history record, so the
demo's history agrees with its rows. Run from the repository's root:

    python portal/demo/responsibles.py
"""

import json
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
MODELS = ("measure", "experiment", "goal")

# File → (model, pk) → username: work the members carry in the demo.
ASSIGNED = {
    "hjemmetjenesten.json": {
        ("experiment", 1): "kari",
        ("experiment", 2): "kari",
        ("goal", 1): "ola",
        ("goal", 2): "kari",
        ("goal", 3): "ola",
        ("measure", 2): "ola",
        ("measure", 3): "kari",
        ("measure", 8): "kari",
    },
    "startlan.json": {("goal", 9): "ola", ("goal", 10): "kari"},
}


def update(path: Path) -> None:
    envelope = json.loads(path.read_text(encoding="utf-8"))
    assigned = ASSIGNED.get(path.name, {})
    latest = {}  # (model, pk) → its latest history record
    for obj in envelope["objects"]:
        app, name = obj["model"].split(".")
        if app != "projects":
            continue
        if name in MODELS:
            who = assigned.get((name, obj["pk"]))
            obj["fields"]["responsible"] = [who] if who else None
        elif name.removeprefix("historical") in MODELS and name.startswith("historical"):
            obj["fields"].setdefault("responsible", None)
            key = (name.removeprefix("historical"), obj["fields"]["id"])
            if key not in latest or obj["pk"] > latest[key]["pk"]:
                latest[key] = obj
    for key, who in assigned.items():
        if key in latest:
            latest[key]["fields"]["responsible"] = [who]
    text = json.dumps(envelope, indent=1, sort_keys=True, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for path in sorted(DEMO_DIR.glob("*.json")):
        update(path)
