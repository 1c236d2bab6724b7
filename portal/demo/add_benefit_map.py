"""Give the demo's home-care plan (hjemmetjenesten.json) its benefit map.

Run from the repository's root: `python portal/demo/add_benefit_map.py`.
Safe to run again: the file's map links (and their history) are replaced by
the links below, which name their ends by title, so they follow the file."""

import json
from pathlib import Path

FILE = Path(__file__).with_name("hjemmetjenesten.json")
WHEN = "2026-11-30T14:50:40+00:00"

# (kind of the other end, its title or activity key, benefit, assumption);
# kind "goal" is benefit → goal, the others change → benefit.
LINKS = [
    (
        "measure",
        "SMS med tidsvindu dagen før",
        "Færre telefoner om besøkstider",
        "Brukerne leser SMS-en og stoler på tidsvinduet",
    ),
    (
        "measure",
        "Svar på SMS for å avlyse besøk",
        "Færre bomturer",
        "Brukerne svarer når de ikke skal være hjemme",
    ),
    ("measure", "Svar på SMS for å avlyse besøk", "Spart kjøretid ved færre bomturer", ""),
    ("measure", "Automatisk varsel ved forsinkelse", "Tryggere brukere og pårørende", ""),
    (
        "measure",
        "Pårørende kan få kopi av meldingene",
        "Tryggere brukere og pårørende",
        "Brukeren samtykker til at pårørende får kopi",
    ),
    ("touchpoint", "SMS ved forsinkelse", "Færre telefoner til koordinatorene", ""),
    (
        "activity",
        "technology",
        "Mindre tid på å koordinere besøk",
        "Fagsystemet sender besøkstidene uten manuelt arbeid",
    ),
    (
        "activity",
        "processes",
        "Flere besøk til avtalt tid",
        "Ruteplanen holdes oppdatert gjennom dagen",
    ),
    ("goal", "Mindre tid i telefonen", "Færre telefoner om besøkstider", ""),
    ("goal", "Mindre tid i telefonen", "Færre telefoner til koordinatorene", ""),
    ("goal", "Mindre tid i telefonen", "Mindre tid på å koordinere besøk", ""),
    ("goal", "Færre bomturer", "Færre bomturer", ""),
    ("goal", "Færre bomturer", "Spart kjøretid ved færre bomturer", ""),
    (
        "goal",
        "Brukerne vet når hjelpen kommer",
        "Tryggere brukere og pårørende",
        "Meldingene kommer på brukerens eget språk",
    ),
    ("goal", "Brukerne vet når hjelpen kommer", "Flere besøk til avtalt tid", ""),
]
MODELS = {"measure": "projects.measure", "touchpoint": "projects.touchpoint"}
MODELS |= {"activity": "projects.activity", "goal": "projects.goal"}
ENDS = ("measure", "activity", "touchpoint", "goal")


def main() -> None:
    data = json.loads(FILE.read_text())
    objects = [
        o
        for o in data["objects"]
        if o["model"] not in ("benefits.maplink", "benefits.historicalmaplink")
    ]

    def pk_of(model: str, name: str, value: str) -> int:
        return next(o["pk"] for o in objects if o["model"] == model and o["fields"][name] == value)

    plan = next(o["pk"] for o in objects if o["model"] == "benefits.benefitplan")
    links, recorded = [], []
    for n, (kind, name, benefit, assumption) in enumerate(LINKS, start=1):
        other = pk_of(MODELS[kind], "key" if kind == "activity" else "title", name)
        fields = {
            "plan": plan,
            "benefit": pk_of("benefits.benefit", "title", benefit),
            "assumption": assumption,
            **{end: other if end == kind else None for end in ENDS},
        }
        links.append({"model": "benefits.maplink", "pk": n, "fields": {**fields, "version": 1}})
        history = {"id": n, "history_date": WHEN, "history_type": "+"}
        history |= {"history_user": None, "history_change_reason": None}
        recorded.append(
            {"model": "benefits.historicalmaplink", "pk": n, "fields": {**fields, **history}}
        )
    # As an export orders them: every model's rows, then every model's history.
    first = next(i for i, o in enumerate(objects) if ".historical" in o["model"])
    data["objects"] = objects[:first] + links + objects[first:] + recorded
    FILE.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main()
