"""Give the home-care demo plan what the co-financing report reads: an
accountable owner, plus-minus assessments of its quality benefits, a benefit
owned by another organisation and a realised amount. Re-runnable: it sets
the same values every time.

    python portal/demo/cofinancing.py
"""

import json
from pathlib import Path

DEMO = Path(__file__).parent
PATH = DEMO / "hjemmetjenesten.json"
# Fields every file's rows carry since the plan names owners and assessments.
DEFAULTS = {
    "benefits.benefitplan": {"accountable": None, "accountable_name": "", "accountable_role": ""},
    "benefits.benefit": {
        "external_owner_name": "",
        "external_owner_org": "",
        "assessment": None,
        "assessment_reason": "",
    },
}
PLAN = 1
EXTERNAL = "Færre henvendelser til legevakten"
ASSESSMENTS = {
    "Tryggere brukere og pårørende": (
        2,
        "Brukerne vet når hjelpen kommer; pårørende slipper å ringe for å sjekke.",
    ),
    "Flere besøk til avtalt tid": (1, "Forutsigbare besøk, men bare for dem som har SMS."),
}


# Ids in use in every demo file: the demo loads them into one database, where
# a new row must not take an id another file's row has.
TAKEN: dict[str, int] = {}


def _put(objects: list, model: str, fields: dict, *, key: tuple) -> dict:
    """The row of `model` whose `key` fields match `fields`, given `fields`
    (added with an id no demo file uses when there is none)."""
    row = next(
        (
            o
            for o in objects
            if o["model"] == model and all(o["fields"].get(k) == fields[k] for k in key)
        ),
        None,
    )
    if row is None:
        pk = max([TAKEN.get(model, 0)] + [o["pk"] for o in objects if o["model"] == model]) + 1
        TAKEN[model] = pk
        row = {"model": model, "pk": pk}
        objects.append(row)
    row["fields"] = fields
    return row


def update(data: dict) -> dict:
    objects = data["objects"]
    plan = next(o for o in objects if o["model"] == "benefits.benefitplan" and o["pk"] == PLAN)
    plan["fields"].update(
        accountable=None,
        accountable_name="Hanne Lie",
        accountable_role="Enhetsleder hjemmetjenesten",
    )
    for o in objects:
        if o["model"] == "benefits.benefit":
            score, reason = ASSESSMENTS.get(o["fields"]["title"], (None, ""))
            o["fields"].update(assessment=score, assessment_reason=reason)
    fields = {
        "alternative_use": "",
        "assessment": None,
        "assessment_reason": "",
        "description": "Færre kvelds- og nattehenvendelser når besøkene holder tiden.",
        "external_owner_name": "Per Hansen",
        "external_owner_org": "Interkommunal legevakt",
        "gainer": "other_public",
        "kind": "other",
        "measures": [],
        "no_indicator_reason": "Følges opp i legevaktens årsrapport.",
        "owner": None,
        "plan": PLAN,
        "position": 14,
        "quality_unit": "",
        "source": None,
        "title": EXTERNAL,
        "use_decided_by": "",
        "version": 1,
    }
    benefit = _put(objects, "benefits.benefit", fields, key=("title",))
    for year in range(2026, 2036):
        fields = {
            "a": "150000.00",
            "a_high": "200000.00",
            "a_low": "100000.00",
            "b": None,
            "b_high": None,
            "b_low": None,
            "basis": "direct",
            "benefit": benefit["pk"],
            "version": 1,
            "year": year,
        }
        _put(objects, "benefits.benefitvalue", fields, key=("benefit", "year"))
    fields = {
        "amount": "120000.00",
        "benefit": benefit["pk"],
        "note": "Tall fra legevaktens rapport for første halvår, regnet om til helt år.",
        "version": 1,
        "year": 2026,
    }
    _put(objects, "benefits.realisation", fields, key=("benefit", "year"))
    return data


def with_defaults(data: dict) -> dict:
    for o in data["objects"]:
        model = o["model"].replace(".historical", ".")  # recorded rows carry them too
        for key, value in DEFAULTS.get(model, {}).items():
            o["fields"].setdefault(key, value)
    return data


def in_export_order(data: dict) -> dict:
    """Rows by model as an export writes them (the file's own order, realised
    amounts the last of the live rows, before the recorded history), then by id."""
    order: dict[str, int] = {}
    for o in data["objects"]:
        order.setdefault(o["model"], len(order))
    if "benefits.realisation" in order:
        live = [m for m in order if ".historical" not in m and m != "benefits.realisation"]
        order["benefits.realisation"] = max(order[m] for m in live) + 0.5
    data["objects"].sort(key=lambda o: (order[o["model"]], o["pk"]))
    return data


def write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    for path in sorted(DEMO.glob("*.json")):
        for o in json.loads(path.read_text())["objects"]:
            TAKEN[o["model"]] = max(TAKEN.get(o["model"], 0), o["pk"])
    for path in sorted(DEMO.glob("*.json")):
        data = with_defaults(json.loads(path.read_text()))
        if path == PATH:
            data = in_export_order(update(data))
        write(path, data)
