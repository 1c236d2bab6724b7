"""Demo content of the three steps for the demo portfolio (seed_demo). Safe to
run again: rows are found by their title and never duplicated."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from .flow.services import activities_seed
from .models import (
    Activity,
    DesignPrinciple,
    Experiment,
    GateDecision,
    Goal,
    IdentifiedBenefit,
    JourneyStage,
    Lesson,
    Measure,
    Project,
    ProjectFlow,
    Stakeholder,
    Supplier,
    SupplierDialogue,
    Touchpoint,
    TrialEntry,
    UserProfile,
)

HOME_CARE = "Digital innbyggerdialog i hjemmetjenesten"
NIGHT_CARE = "Sensorbasert nattilsyn på sykehjem"
BUILDING = "Veiviser for byggesøknader"
SCHOOL_BUS = "Felles planlegging av skoleskyss"
LOAN = "Digital søknad om startlån"
DRONES = "Droneinspeksjon av kommunale tak"
WATER = "Smart vannmåling"

ALL_YES = {key: True for key, _label in ProjectFlow.CRITERIA}

FLOWS = {
    HOME_CARE: {
        "hypothesis_project": "brukerne av hjemmetjenesten og pårørende får beskjed på SMS "
        "om besøkstid og endringer",
        "hypothesis_value": "færre telefoner til tjenesten, færre bomturer og tryggere brukere",
        "hypothesis_measures": "telefonhenvendelsene går ned 30 % og bomturene halveres "
        "innen seks måneder",
        **ALL_YES,
        "partner": True,
        "partner_note": "Pårørendeforeningen og to hjemmetjenestesoner vil være med.",
        "isolated_note": "SMS sendes fra en egen tjeneste; fagsystemet endres ikke.",
        "uncertain": False,
        "uncertain_note": "Kravene er ganske klare; usikkerheten er hvordan brukerne tar det imot.",
        "mode1_effect": "low",
        "bimodal_maturity": "low",
        "implementation_status": "Varslene er i drift i sone nord og sør. Sone øst og vest "
        "starter etter sommeren.",
        "remaining_here": "Opplæring av nattevaktene; rutine for når varsel ikke kan sendes.",
        "remaining_elsewhere": "Leverandøren av fagsystemet må levere sanntidsendringer i "
        "ruteplanen (avtalt til 1. kvartal).",
        "operation": "Løsningseier i hjemmetjenesten eier tjenesten. IT-driften har "
        "SMS-plattformen; feil meldes i den vanlige brukerstøtten.",
    },
    NIGHT_CARE: {
        "hypothesis_project": "sensorer varsler nattevakten ved fall og uro",
        "hypothesis_value": "bedre søvn for beboerne og raskere hjelp ved fall",
        "hypothesis_measures": "antall nattlige runder halveres uten flere fall uten tilsyn",
        **ALL_YES,
        "mode1_effect": "low",
        "bimodal_maturity": "high",
        "implementation_status": "I drift på alle tre sykehjem.",
        "operation": "Sykehjemsleder er løsningseier; leverandøren har driftsavtale med "
        "responstid på fire timer.",
    },
    BUILDING: {
        "hypothesis_project": "innbyggere får en veiviser som sier om tiltaket er søknadspliktig",
        "hypothesis_value": "færre unødvendige henvendelser og bedre søknader",
        "hypothesis_measures": "",
        "isolated": True,
        "quick": True,
        "external_value": True,
        "innovation": False,
        "innovation_note": "Flere kommuner har lignende veivisere.",
    },
    SCHOOL_BUS: {
        "hypothesis_project": "skoler, fylkeskommunen og transportøren planlegger skyssen "
        "i samme verktøy",
        "hypothesis_value": "færre feil i skyssen ved skolestart",
        "hypothesis_measures": "ingen elever står uten skyss første skoleuke",
        **ALL_YES,
        "mode1_effect": "high",
        "bimodal_maturity": "low",
    },
    LOAN: {
        "hypothesis_project": "søknaden om startlån fylles ut med data fra offentlige registre",
        "hypothesis_value": "raskere saksbehandling og færre mangelfulle søknader",
        "hypothesis_measures": "saksbehandlingstiden går fra seks til to uker",
        **ALL_YES,
        "mode1_effect": "low",
        "bimodal_maturity": "high",
    },
    DRONES: {
        "hypothesis_project": "droner inspiserer takene på kommunale bygg",
        "hypothesis_value": "billigere og tryggere inspeksjoner",
        "hypothesis_measures": "inspeksjonskostnaden per tak halveres",
        "isolated": True,
        "quick": False,
        "quick_note": "Tillatelser for flyging over skoler tar lang tid.",
        "mode1_effect": "low",
        "bimodal_maturity": "low",
    },
    WATER: {
        "hypothesis_project": "digitale vannmålere i ledningsnettet",
        "hypothesis_value": "",
        "hypothesis_measures": "",
    },
}

# step -> decisions (decision, comment); every project with a later step passed the earlier gates
GATES = {
    HOME_CARE: [
        ("hypothesis", "iterate", "Test SMS-varselet på en sone til før vi går videre."),
        ("hypothesis", "go_on", "Eksperimentene viser klar effekt. Gå videre til mål."),
        ("goals", "go_on", "Målene er gode og målbare. Løsningseier pekes ut i steg 3."),
    ],
    NIGHT_CARE: [
        ("hypothesis", "go_on", "Godt grunnlag fra piloten på Solbakken."),
        ("goals", "go_on", "Målene er forankret i ledergruppen."),
        ("deliver", "go_on", "Løsningen er i drift; gevinstene følges opp av løsningseier."),
    ],
    SCHOOL_BUS: [
        ("hypothesis", "go_on", "Vi går videre, men følg med på risikoen hos transportøren.")
    ],
    LOAN: [("hypothesis", "go_on", "Klar gevinst for søkerne. Gå videre.")],
    DRONES: [
        (
            "hypothesis",
            "stop",
            "Regelverket for flyging over skoler gjør løsningen for kostbar "
            "nå. Vi tar det opp igjen om to år.",
        ),
    ],
}

EXPERIMENTS = {
    HOME_CARE: [
        (
            date(2026, 2, 2),
            "SMS om besøkstid dagen før",
            "Manuelt sendte SMS-er fra et regneark til 40 brukere i sone nord",
            "Antall telefoner om besøkstid",
            "Telefonene om besøkstid gikk ned fra 62 til 31 på to uker.",
            "Brukerne vil ha tidsvindu, ikke klokkeslett.",
            "persevere",
        ),
        (
            date(2026, 3, 9),
            "Varsel ved forsinkelse",
            "Ansatte trykker «forsinket» i en enkel app",
            "Bomturer og klager",
            "Bomturene gikk ned 40 %.",
            "Varselet må sendes automatisk; ansatte glemmer å trykke.",
            "pivot",
        ),
    ],
    BUILDING: [
        (
            date(2026, 9, 15),
            "Papirprototyp av veiviseren",
            "Fem spørsmål på papir ved servicetorget",
            "Om innbyggerne kommer til riktig svar",
            "8 av 10 kom til riktig svar.",
            "Ordet «tiltak» forstås ikke; bruk «det du vil bygge».",
            "persevere",
        ),
    ],
    DRONES: [
        (
            date(2025, 11, 3),
            "Testflyging over rådhuset",
            "Innleid drone med operatør",
            "Tid og kostnad per tak",
            "Inspeksjonen tok 20 minutter mot to timer.",
            "Tillatelser er flaskehalsen, ikke teknikken.",
            "stop",
        ),
    ],
}

GOALS = {
    HOME_CARE: [
        (
            "user",
            "Brukerne vet når hjelpen kommer",
            "Brukere og pårørende får tidsvindu for besøket og beskjed ved endringer.",
            "9 av 10 brukere sier i undersøkelsen at de vet når hjelpen kommer.",
        ),
        (
            "service",
            "Færre bomturer",
            "Ansatte kommer ikke til tomme hus.",
            "Bomturene går fra 4 % til under 2 % av besøkene.",
        ),
        (
            "organisation",
            "Mindre tid i telefonen",
            "Koordinatorene bruker tiden på planlegging, ikke på å svare på spørsmål om besøkstid.",
            "30 % færre telefoner om besøkstid.",
        ),
    ],
    NIGHT_CARE: [
        (
            "user",
            "Beboerne sover bedre",
            "Færre forstyrrelser om natten.",
            "Færre vekkinger registrert i journalen.",
        ),
        (
            "service",
            "Raskere hjelp ved fall",
            "Nattevakten varsles straks.",
            "Responstid under tre minutter.",
        ),
        (
            "organisation",
            "Bedre bruk av nattevaktene",
            "Runder bare der det trengs.",
            "Halvparten så mange faste runder.",
        ),
    ],
    SCHOOL_BUS: [
        ("user", "Alle elever har skyss første skoledag", "", "Ingen avvik første skoleuke."),
        (
            "service",
            "Én kilde til skyssdata",
            "Skolene, fylket og transportøren ser de samme dataene.",
            "",
        ),
    ],
    LOAN: [
        ("user", "Søkerne får svar raskere", "", "Svar innen to uker."),
        (
            "organisation",
            "Mindre etterspørring av dokumentasjon",
            "",
            "Halvparten så mange brev om mangler.",
        ),
    ],
}

PRINCIPLES = {
    HOME_CARE: [
        (
            "Digitalt førstevalg, men ikke bare digitalt",
            "Brukere uten mobil får beskjed på telefon som før.",
        ),
        ("Brukerens språk", "Meldingene skrives i klart språk og testes med brukerne."),
        ("Personvern først", "SMS-ene inneholder ingen helseopplysninger."),
    ],
    NIGHT_CARE: [("Beboerens verdighet", "Ingen kamera; bare bevegelsessensorer.")],
    SCHOOL_BUS: [("Én gang", "Data registreres ett sted og deles.")],
    LOAN: [("Gjenbruk data", "Vi spør ikke om det det offentlige allerede vet.")],
}

BENEFITS = {
    HOME_CARE: [
        ("Spart kjøretid ved færre bomturer", "time_saved", "Ca. 900 timer i året."),
        ("Færre telefoner til koordinatorene", "time_saved", "Ca. 2 500 samtaler i året."),
        ("Tryggere brukere og pårørende", "quality", "Målt i brukerundersøkelsen."),
    ],
    NIGHT_CARE: [
        ("Færre nattlige runder", "time_saved", "Frigjør tid til beboere som er våkne."),
        ("Færre fallskader", "costs_avoided", "Færre innleggelser etter fall."),
    ],
    SCHOOL_BUS: [("Færre ekstraturer med drosje", "costs_avoided", "")],
    LOAN: [("Kortere saksbehandlingstid", "time_saved", "")],
}

ACTIVITY_STATUS = {
    HOME_CARE: {
        "solution_owner": ("done", "ola", date(2026, 6, 1), "Ola Hansen er pekt ut."),
        "supplier_dialogue": ("done", "kari", date(2026, 6, 15), "Tre møter med leverandørene."),
        "plan": ("done", "kari", date(2026, 6, 30), ""),
        "touchpoints": ("in_progress", "kari", date(2026, 9, 1), "SMS ferdig; nettside gjenstår."),
        "processes": ("in_progress", "ola", date(2026, 10, 1), "Ny rutine for forsinkelser."),
        "technology": ("in_progress", "ola", date(2026, 11, 1), ""),
        "competence": ("not_started", "ola", date(2026, 11, 15), ""),
        "journey": ("done", "kari", date(2026, 8, 1), ""),
        "benefits": ("in_progress", "ola", date(2026, 12, 1), "Gevinstplanen er påbegynt."),
        "trial": ("in_progress", "kari", date(2027, 2, 1), "Pilot i sone nord og sør."),
        "report": ("not_started", "ola", date(2027, 6, 1), ""),
    },
    NIGHT_CARE: {key: ("done", "ola", None, "") for key, _label in Activity.KEYS},
}

SUPPLIERS = {
    HOME_CARE: [
        (
            "Meldingstjenesten AS",
            "SMS-plattform og maler",
            "supplier",
            "it",
            4,
            "Foreslår selv forbedringer i malene.",
            5,
            "Svarer samme dag.",
        ),
        (
            "Omsorgssystemer AS",
            "Fagsystemet for hjemmetjenesten",
            "shared",
            "it",
            2,
            "Lite interessert i endringer utenfor veikartet.",
            3,
            "Leverer, men sent.",
        ),
        ("Tjenestedesign Vest", "Brukerinnsikt og testing", "shared", "business", 4, "", 4, ""),
    ],
    NIGHT_CARE: [
        ("Trygg Natt AS", "Sensorer og varslingsplattform", "supplier", "it", 3, "", 4, "")
    ],
}

DIALOGUES = {
    HOME_CARE: [
        (
            "Meldingstjenesten AS",
            date(2026, 6, 3),
            "Gjennomgang av API og personvern.",
            "Databehandleravtale signeres.",
        ),
        (
            "Omsorgssystemer AS",
            date(2026, 6, 10),
            "Behovet for sanntidsendringer i ruteplanen.",
            "Tilbud innen 1. september.",
        ),
        (
            "Omsorgssystemer AS",
            date(2026, 9, 2),
            "Tilbudet er mottatt; leveranse i 1. kvartal.",
            "Avklare pris med innkjøp.",
        ),
    ],
}

TOUCHPOINTS = {
    HOME_CARE: [
        ("SMS med tidsvindu", "digital", "Sendes kl. 18 dagen før besøket.", "in_use"),
        (
            "SMS ved forsinkelse",
            "digital",
            "Sendes automatisk ved mer enn 30 min forsinkelse.",
            "in_development",
        ),
        (
            "Telefon til koordinator",
            "interpersonal",
            "For dem uten mobil og ved spørsmål.",
            "in_use",
        ),
        ("Informasjonsbrev", "physical", "Forklarer ordningen ved oppstart.", "in_use"),
    ],
}

JOURNEYS = {
    HOME_CARE: {
        "today": [
            ("Får vedtak om hjemmetjeneste", "Bruker", "Brev", "Vedtaksbrev", ""),
            ("Venter på besøk", "Bruker og pårørende", "Ingen", "", "Vet ikke når hjelpen kommer."),
            ("Ringer tjenesten", "Pårørende", "Telefon", "Koordinator", "Lang ventetid."),
            ("Får besøk", "Ansatt", "Hjemme", "Besøket", "Bomtur når bruker ikke er hjemme."),
        ],
        "future": [
            ("Får vedtak og informasjonsbrev", "Bruker", "Brev", "Informasjonsbrev", ""),
            ("Får SMS med tidsvindu", "Bruker og pårørende", "SMS", "SMS med tidsvindu", ""),
            ("Får varsel ved forsinkelse", "Bruker", "SMS", "SMS ved forsinkelse", ""),
            ("Får besøk som avtalt", "Ansatt", "Hjemme", "Besøket", ""),
        ],
    },
}

TRIALS = {
    HOME_CARE: [
        (
            date(2026, 9, 14),
            "Oppstart i sone nord med 120 brukere",
            "Kan pårørende få meldingen i stedet for brukeren?",
            "Noen eldre synes SMS er stressende.",
            "«Endelig vet jeg når de kommer.»",
        ),
        (
            date(2026, 10, 12),
            "Sone sør startet",
            "",
            "Feil telefonnummer hos 6 brukere.",
            "Koordinatorene merker færre telefoner allerede første uke.",
        ),
    ],
}

LESSONS = {
    HOME_CARE: [
        (
            "Test med ekte brukere tidlig",
            "Papirprototypen avslørte at klokkeslett skaper stress; tidsvindu fungerer bedre.",
        ),
        (
            "Involver fagsystemleverandøren fra start",
            "Sanntidsendringer tok lengre tid enn planlagt.",
        ),
    ],
    NIGHT_CARE: [
        ("Nattevaktene må eie løsningen", "Bruken tok av da de selv valgte varslingsnivåene.")
    ],
}

STAKEHOLDERS = {
    HOME_CARE: [
        ("Brukere av hjemmetjenesten", "Innbyggere", 5, 2, "Forutsigbarhet", "Intervjuer og test"),
        ("Pårørende", "Pårørendeforeningen", 5, 3, "Vite at hjelpen kommer", "Referansegruppe"),
        ("Koordinatorene", "Hjemmetjenesten", 4, 4, "Færre telefoner", "Med i teamet"),
        (
            "Kommunalsjef helse og omsorg",
            "Ledelsen",
            3,
            5,
            "Gevinster og budsjett",
            "Oppdragseier; månedlig status",
        ),
        ("Personvernombudet", "Kommunen", 2, 4, "Lovlig behandling", "Vurdering før pilot"),
        ("Omsorgssystemer AS", "Leverandør", 2, 3, "Forutsigbare bestillinger", "Leverandørdialog"),
    ],
    NIGHT_CARE: [
        ("Beboere", "Sykehjemmene", 5, 1, "Søvn og trygghet", "Pårørendemøter"),
        ("Nattevakter", "Sykehjemmene", 5, 3, "Riktige varsler", "Med i teamet"),
    ],
    BUILDING: [
        ("Innbyggere som vil bygge", "Innbyggere", 5, 2, "Raskt svar", "Test på servicetorget"),
        ("Byggesaksbehandlere", "Plan og bygg", 4, 4, "Bedre søknader", "Arbeidsmøter"),
    ],
    SCHOOL_BUS: [("Transportøren", "Leverandør", 3, 4, "Riktige lister i tide", "Felles møter")],
}

PROFILES = {
    HOME_CARE: [
        {
            "title": "Ruth, 84, bor alene",
            "description": "Får hjelp morgen og kveld. Har mobiltelefon, bruker SMS.",
            "jobs": "Planlegge dagen; vite når hun kan gå på butikken.",
            "pains": "Venter hjemme i timevis; vet ikke om hjelpen kommer.",
            "gains": "Kan gå ut når hun vet tidsvinduet.",
            "needs": "Korte, tydelige meldinger.",
            "quotes": "«Jeg tør ikke gå ut med søpla, tenk om de kommer akkurat da.»",
        },
        {
            "title": "Jonas, sønn og pårørende",
            "description": "Bor i en annen by, følger opp moren sin.",
            "jobs": "Vite at moren får hjelpen hun trenger.",
            "pains": "Må ringe tjenesten for å få vite noe.",
            "gains": "Får samme SMS som moren.",
            "needs": "Beskjed ved endringer.",
            "quotes": "«Jeg vil bare vite at noen kommer.»",
        },
    ],
    NIGHT_CARE: [{"title": "Nattevakt på sykehjem", "pains": "Runder som vekker beboerne."}],
    BUILDING: [
        {
            "title": "Førstegangsbygger",
            "description": "Vil bygge en garasje.",
            "pains": "Forstår ikke regelverket.",
        }
    ],
}

MEASURES = {
    HOME_CARE: [
        ("SMS med tidsvindu dagen før", "Automatisk utsendelse fra ruteplanen.", 5, 2, "done"),
        (
            "Automatisk varsel ved forsinkelse",
            "Krever sanntidsdata fra fagsystemet.",
            5,
            4,
            "in_progress",
        ),
        (
            "Pårørende kan få kopi av meldingene",
            "Samtykke registreres ved oppstart.",
            4,
            2,
            "planned",
        ),
        ("Svar på SMS for å avlyse besøk", "Toveis SMS.", 3, 4, "proposed"),
        ("Egen app for brukerne", "", 2, 5, "dropped"),
        ("Informasjonsbrev på flere språk", "", 2, 1, "proposed"),
    ],
    NIGHT_CARE: [("Sensorer på alle rom", "", 5, 3, "done")],
}


def _save_flow(project: Project, fields: dict) -> None:
    flow, created = ProjectFlow.objects.get_or_create(project=project, defaults=fields)
    if not created and not flow.hypothesis_project:
        for name, value in fields.items():
            setattr(flow, name, value)
        flow.save()


def seed(*, projects: dict[str, Project], users: dict[str, AbstractBaseUser]) -> None:
    """Fill the steps of the demo projects (keyed by title)."""
    for title, fields in FLOWS.items():
        if title in projects:
            _save_flow(projects[title], fields)
    for title, project in projects.items():
        owner = next(
            (m.user for m in project.memberships.all() if m.role == "commissioning_owner"),
            users["lena"],
        )
        for step, decision, comment in GATES.get(title, []):
            GateDecision.objects.get_or_create(
                project=project,
                step=step,
                decision=decision,
                defaults={"comment": comment, "decided_by": owner},
            )
        for d, what, prototype, measure, result, learning, decision in EXPERIMENTS.get(title, []):
            Experiment.objects.get_or_create(
                project=project,
                title=what,
                defaults={
                    "date": d,
                    "prototype": prototype,
                    "measure": measure,
                    "result": result,
                    "learning": learning,
                    "decision": decision,
                },
            )
        goals = {}
        for level, goal_title, description, success in GOALS.get(title, []):
            goals[goal_title], _ = Goal.objects.get_or_create(
                project=project,
                title=goal_title,
                defaults={"level": level, "description": description, "success": success},
            )
        for principle, description in PRINCIPLES.get(title, []):
            DesignPrinciple.objects.get_or_create(
                project=project, title=principle, defaults={"description": description}
            )
        for n, (benefit, kind, description) in enumerate(BENEFITS.get(title, [])):
            IdentifiedBenefit.objects.get_or_create(
                project=project,
                title=benefit,
                defaults={"kind": kind, "description": description, "position": n},
            )
        if project.step in ("deliver", "operation"):
            activities_seed(project=project)
            for key, (status, who, due, notes) in ACTIVITY_STATUS.get(title, {}).items():
                Activity.objects.filter(project=project, key=key, status="not_started").update(
                    status=status, responsible=users[who], due_date=due, notes=notes
                )
        suppliers = {}
        for name, delivers, resp, area, pro, pro_note, rea, rea_note in SUPPLIERS.get(title, []):
            suppliers[name], _ = Supplier.objects.get_or_create(
                project=project,
                name=name,
                defaults={
                    "delivers": delivers,
                    "responsibility": resp,
                    "area": area,
                    "proactive": pro,
                    "proactive_note": pro_note,
                    "reactive": rea,
                    "reactive_note": rea_note,
                },
            )
        for name, d, summary, next_step in DIALOGUES.get(title, []):
            SupplierDialogue.objects.get_or_create(
                project=project,
                supplier=suppliers[name],
                date=d,
                defaults={"summary": summary, "next_step": next_step},
            )
        for tp_title, kind, description, status in TOUCHPOINTS.get(title, []):
            Touchpoint.objects.get_or_create(
                project=project,
                title=tp_title,
                defaults={"kind": kind, "description": description, "status": status},
            )
        for journey, stages in JOURNEYS.get(title, {}).items():
            for position, (stage, actor, channel, touchpoints, pains) in enumerate(stages):
                JourneyStage.objects.get_or_create(
                    project=project,
                    journey=journey,
                    title=stage,
                    defaults={
                        "position": position,
                        "actor": actor,
                        "channel": channel,
                        "touchpoints": touchpoints,
                        "pain_points": pains,
                    },
                )
        for d, what, questions, concerns, positive in TRIALS.get(title, []):
            TrialEntry.objects.get_or_create(
                project=project,
                title=what,
                defaults={
                    "date": d,
                    "questions": questions,
                    "concerns": concerns,
                    "positive": positive,
                },
            )
        for lesson, description in LESSONS.get(title, []):
            Lesson.objects.get_or_create(
                project=project, title=lesson, defaults={"description": description}
            )
        for name, role, interest, influence, needs, involvement in STAKEHOLDERS.get(title, []):
            Stakeholder.objects.get_or_create(
                project=project,
                name=name,
                defaults={
                    "role": role,
                    "interest": interest,
                    "influence": influence,
                    "needs": needs,
                    "involvement": involvement,
                },
            )
        for profile in PROFILES.get(title, []):
            UserProfile.objects.get_or_create(
                project=project,
                title=profile["title"],
                defaults={k: v for k, v in profile.items() if k != "title"},
            )
        goal_list = list(goals.values())
        for n, (measure, description, benefit, effort, status) in enumerate(
            MEASURES.get(title, [])
        ):
            Measure.objects.get_or_create(
                project=project,
                title=measure,
                defaults={
                    "description": description,
                    "benefit": benefit,
                    "effort": effort,
                    "status": status,
                    "goal": goal_list[n % len(goal_list)] if goal_list else None,
                },
            )
