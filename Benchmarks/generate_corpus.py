#!/usr/bin/env python3
"""Deterministic synthetic FrontDoor content tree for benchmarks.

    generate_corpus.py N OUTDIR [--seed S]

Writes OUTDIR/content/ following /work/shared/spec/content-model.md:
site.yml, 40 areas, and N profiles (organisations and partnerships; areas are
not counted in N): about 85% companies, 3% institutions, 3% trusts, 4%
networks, 5% partnerships. The same N and seed give byte-identical output
(own PRNG, sorted iteration, no clock, no hash-order dependence).

The vocabulary grows with N like a real corpus: every company, institution
and place has a coined name, and product names come from a pool of coined
words of size ~40 * N^0.6 drawn with a Zipf-like skew; the prose around them
comes from a fixed healthtech vocabulary.
"""
import os
import shutil
import sys

# ---------------------------------------------------------------- PRNG

MASK = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast, identical on every Python version."""

    def __init__(self, seed):
        self.state = seed & MASK

    def u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.u64() % n

    def rand(self):
        return (self.u64() >> 11) / float(1 << 53)

    def randint(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def chance(self, p):
        return self.rand() < p

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def sample(self, seq, k):
        pool = list(seq)
        k = min(k, len(pool))
        for i in range(k):
            j = i + self.below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def zipf_index(self, n, s=1.0):
        """Index in [0, n) with probability roughly proportional to 1/(i+1)^s (inverse CDF of a
        continuous approximation; good enough for skewed word use)."""
        u = self.rand()
        if s == 1.0:
            # CDF of 1/x on [1, n+1] is ln(x)/ln(n+1)
            x = (n + 1) ** u
        else:
            a = 1.0 - s
            x = (1 + u * ((n + 1) ** a - 1)) ** (1 / a)
        return min(n - 1, max(0, int(x) - 1))


def fork(rng, salt):
    return Rng(rng.u64() ^ (salt * 0xD1B54A32D192ED03 & MASK))


# ---------------------------------------------------------------- fixed vocabularies

CAPABILITIES = [
    ("clinical-trials", "Clinical trials"), ("evaluation", "Evaluation"),
    ("patient-insight", "Patient insight"), ("test-bed", "Test bed"),
    ("data-access", "Data access"), ("funding", "Funding"),
    ("regulatory-advice", "Regulatory advice"), ("procurement", "Procurement"),
    ("mentoring", "Mentoring"), ("workspace", "Workspace"), ("training", "Training"),
    ("manufacturing", "Manufacturing"), ("events", "Events and networking"),
    ("health-economics", "Health economics"), ("clinical-validation", "Clinical validation"),
    ("usability-testing", "Usability testing"),
]
CAP_SLUGS = [c[0] for c in CAPABILITIES]
CAP_LABEL = dict(CAPABILITIES)

# region -> [(city, postcode area)]
REGIONS = [
    ("West Midlands", [("Birmingham", "B"), ("Coventry", "CV"), ("Wolverhampton", "WV"),
                       ("Solihull", "B"), ("Walsall", "WS"), ("Worcester", "WR")]),
    ("East Midlands", [("Nottingham", "NG"), ("Leicester", "LE"), ("Derby", "DE")]),
    ("London", [("London", "EC"), ("London", "SE"), ("London", "N"), ("London", "W")]),
    ("North West", [("Manchester", "M"), ("Liverpool", "L"), ("Preston", "PR")]),
    ("Yorkshire and the Humber", [("Leeds", "LS"), ("Sheffield", "S"), ("York", "YO")]),
    ("North East", [("Newcastle upon Tyne", "NE"), ("Sunderland", "SR")]),
    ("East of England", [("Cambridge", "CB"), ("Norwich", "NR")]),
    ("South East", [("Oxford", "OX"), ("Brighton", "BN"), ("Reading", "RG")]),
    ("South West", [("Bristol", "BS"), ("Exeter", "EX"), ("Plymouth", "PL")]),
    ("Scotland", [("Glasgow", "G"), ("Edinburgh", "EH"), ("Dundee", "DD")]),
    ("Wales", [("Cardiff", "CF"), ("Swansea", "SA")]),
    ("Northern Ireland", [("Belfast", "BT")]),
    ("National", [("London", "WC"), ("Leeds", "LS")]),
]
# Most organisations are in the home region, as in a regional directory.
REGION_WEIGHTS = [40, 6, 10, 6, 5, 3, 4, 5, 4, 3, 2, 1, 7]

# slug, title, summary, synonyms, related
AREAS = [
    ("womens-health", "Women's health", "Care, research and technology for women's health, from pregnancy to menopause.",
     ["gynaecology", "maternity", "femtech", "menopause", "fertility", "endometriosis"], ["maternity-care", "mental-health"]),
    ("maternity-care", "Maternity care", "Safer pregnancy, birth and the first weeks after birth.",
     ["pregnancy", "obstetrics", "midwifery", "antenatal", "postnatal"], ["womens-health", "paediatrics"]),
    ("mental-health", "Mental health", "Earlier intervention and better support for mental health and wellbeing.",
     ["psychiatry", "wellbeing", "anxiety", "depression", "talking therapies"], ["dementia", "addiction"]),
    ("dementia", "Dementia", "Earlier diagnosis, better care and support for people living with dementia.",
     ["alzheimers", "memory loss", "cognitive decline"], ["frailty", "neurology"]),
    ("neurology", "Neurology", "Diagnosis and treatment of conditions of the brain and nervous system.",
     ["epilepsy", "stroke", "parkinsons", "multiple sclerosis", "migraine"], ["dementia", "rehabilitation"]),
    ("cardiology", "Cardiology", "Prevention, diagnosis and treatment of heart and circulatory disease.",
     ["heart disease", "cardiovascular", "heart failure", "arrhythmia", "hypertension"], ["remote-monitoring", "diagnostics"]),
    ("respiratory", "Respiratory", "Care for lung conditions such as asthma and COPD.",
     ["asthma", "copd", "lung disease", "pulmonology", "breathlessness"], ["virtual-wards", "remote-monitoring"]),
    ("oncology", "Oncology", "Earlier detection and better treatment of cancer.",
     ["cancer", "tumour", "chemotherapy", "radiotherapy", "screening"], ["genomics", "diagnostics"]),
    ("diabetes", "Diabetes", "Prevention and management of type 1 and type 2 diabetes.",
     ["glucose", "insulin", "metabolic", "endocrinology"], ["obesity", "remote-monitoring"]),
    ("obesity", "Obesity and weight", "Healthy weight, nutrition and weight management services.",
     ["weight management", "nutrition", "bariatric", "diet"], ["diabetes", "prevention"]),
    ("musculoskeletal", "Musculoskeletal", "Care for bones, joints and muscles, from back pain to arthritis.",
     ["msk", "orthopaedics", "physiotherapy", "arthritis", "back pain"], ["rehabilitation", "sports-medicine"]),
    ("rehabilitation", "Rehabilitation", "Helping people recover function after illness or injury.",
     ["recovery", "physical therapy", "occupational therapy"], ["musculoskeletal", "neurology"]),
    ("sports-medicine", "Sports medicine", "Injury prevention, performance and recovery for active people.",
     ["sports injury", "exercise medicine", "athletes"], ["musculoskeletal"]),
    ("frailty", "Frailty and ageing", "Keeping older people well and independent at home.",
     ["ageing", "elderly care", "falls", "older people", "geriatrics"], ["dementia", "social-care"]),
    ("social-care", "Social care", "Technology and services for care homes and care at home.",
     ["care homes", "domiciliary care", "carers", "assistive technology"], ["frailty", "virtual-wards"]),
    ("virtual-wards", "Virtual wards", "Hospital-level care delivered at home with remote monitoring.",
     ["hospital at home", "remote care", "step-down care"], ["remote-monitoring", "respiratory"]),
    ("remote-monitoring", "Remote monitoring", "Wearables and connected devices that track health at home.",
     ["telemonitoring", "wearables", "connected devices", "telehealth"], ["virtual-wards", "digital-health"]),
    ("digital-health", "Digital health", "Apps, platforms and software that support health and care.",
     ["ehealth", "mhealth", "health apps", "digital therapeutics"], ["artificial-intelligence", "interoperability"]),
    ("artificial-intelligence", "Artificial intelligence", "Machine learning and AI for clinical and operational decisions.",
     ["ai", "machine learning", "deep learning", "predictive analytics", "computer vision"], ["imaging", "data-science"]),
    ("data-science", "Health data science", "Using health data safely to improve care and research.",
     ["analytics", "real world evidence", "population data", "big data"], ["artificial-intelligence", "population-health"]),
    ("interoperability", "Interoperability", "Systems that share records and data across health and care.",
     ["fhir", "hl7", "electronic health records", "integration"], ["digital-health"]),
    ("cybersecurity", "Cyber security", "Keeping health systems, devices and data secure.",
     ["information security", "data protection", "privacy"], ["interoperability"]),
    ("imaging", "Medical imaging", "Radiology, pathology imaging and image analysis.",
     ["radiology", "mri", "ultrasound", "x-ray", "digital pathology"], ["artificial-intelligence", "diagnostics"]),
    ("diagnostics", "Diagnostics", "Tests and devices that find disease sooner and more accurately.",
     ["point of care testing", "in vitro diagnostics", "biomarkers", "pathology"], ["imaging", "genomics"]),
    ("genomics", "Genomics", "Genetic testing and precision medicine.",
     ["genetics", "precision medicine", "sequencing", "personalised medicine"], ["oncology", "rare-diseases"]),
    ("rare-diseases", "Rare diseases", "Diagnosis and treatment for people with rare conditions.",
     ["orphan diseases", "rare conditions"], ["genomics", "paediatrics"]),
    ("paediatrics", "Children's health", "Care and research for babies, children and young people.",
     ["paediatric", "child health", "neonatal", "young people"], ["maternity-care", "rare-diseases"]),
    ("medical-devices", "Medical devices", "Design, testing and manufacture of medical devices.",
     ["medtech", "devices", "implants", "surgical instruments"], ["surgery", "diagnostics"]),
    ("surgery", "Surgery and recovery", "Safer surgery and faster recovery afterwards.",
     ["perioperative", "surgical", "enhanced recovery", "anaesthesia"], ["medical-devices", "rehabilitation"]),
    ("pharmaceuticals", "Medicines", "Discovery, development and safe use of medicines.",
     ["pharma", "drug discovery", "pharmacy", "medicines optimisation"], ["translational-medicine"]),
    ("translational-medicine", "Translational medicine", "Turning laboratory discoveries into treatments for patients.",
     ["bench to bedside", "experimental medicine", "early phase trials"], ["pharmaceuticals", "genomics"]),
    ("infection", "Infection and immunity", "Preventing, detecting and treating infectious disease.",
     ["infectious disease", "antimicrobial resistance", "vaccines", "sepsis", "immunology"], ["diagnostics"]),
    ("population-health", "Population health", "Improving the health of whole communities and reducing inequalities.",
     ["public health", "prevention", "epidemiology"], ["health-inequalities", "data-science"]),
    ("health-inequalities", "Health inequalities", "Fair access to care and outcomes for every community.",
     ["health equity", "deprivation", "underserved communities", "inclusion health"], ["population-health"]),
    ("prevention", "Prevention", "Helping people stay well and avoid illness.",
     ["healthy living", "lifestyle", "smoking cessation", "physical activity"], ["population-health", "obesity"]),
    ("addiction", "Addiction", "Support and treatment for alcohol, drug and gambling harm.",
     ["substance misuse", "alcohol", "drug use", "recovery services"], ["mental-health"]),
    ("primary-care", "Primary care", "General practice, community pharmacy and care close to home.",
     ["general practice", "gp", "community care"], ["population-health", "digital-health"]),
    ("urgent-care", "Urgent and emergency care", "Faster, safer urgent and emergency care.",
     ["emergency medicine", "a and e", "ambulance", "trauma"], ["virtual-wards", "surgery"]),
    ("hospital-operations", "Hospital operations", "Flow, scheduling, logistics and workforce in hospitals.",
     ["patient flow", "scheduling", "workforce", "logistics", "bed management"], ["artificial-intelligence"]),
    ("sustainability", "Sustainable healthcare", "Reducing the environmental impact of health and care.",
     ["net zero", "green nhs", "carbon reduction"], ["hospital-operations"]),
]
AREA_SLUGS = [a[0] for a in AREAS]

STAGES = ["startup", "startup", "startup", "sme", "sme", "sme", "scale-up", "multinational"]
MATURITY = ["discovery", "advanced", "ready"]
TIERS = ["a", "b", "c"]
INST_KINDS = ["university", "medical-school", "research-institute", "other"]
TRUST_KINDS = ["acute", "mental-health", "community", "specialist", "integrated-care-system", "other"]
PART_KINDS = ["mou", "collaboration", "contract", "other"]

COMPANY_SUFFIX = ["Health", "Labs", "Diagnostics", "Medical", "Bio", "Care", "Analytics", "Therapeutics",
                  "Digital", "Health Technologies", "MedTech", "Systems", "Sciences", "Devices", "AI"]
COMPANY_LEGAL = ["Ltd", "Ltd", "Ltd", "", "Limited", "plc"]
PLACE_SUFFIX = ["ford", "bury", "ton", "ham", "wick", "field", "ley", "worth", "bridge", "stead", "mouth", "thorpe"]
INST_PATTERNS = ["University of {p}", "{p} University", "{p} Medical School", "{p} Institute of {f}",
                 "{p} Centre for {f}", "{c} Research Institute"]
FIELDS = ["Health Research", "Applied Health", "Digital Medicine", "Biomedical Engineering", "Clinical Sciences",
          "Population Health", "Translational Research", "Healthcare Technology", "Life Sciences"]
TRUST_PATTERNS = ["{p} Hospitals NHS Foundation Trust", "{p} Community Health NHS Trust",
                  "{p} Mental Health NHS Foundation Trust", "{p} and {q} Integrated Care System",
                  "{p} Children's Hospital NHS Trust", "{p} Teaching Hospitals NHS Trust"]
NETWORK_PATTERNS = ["{p} Digital Health Network", "{c} MedTech Hub", "{p} Health Innovation Partnership",
                    "{p} Life Sciences Cluster", "{c} Founders Network", "{p} Clinical Research Network",
                    "{p} Patient Voice Forum", "{c} HealthTech Accelerator"]

FIRST = ["Amira", "Ben", "Chloe", "Daniel", "Ela", "Farah", "George", "Hannah", "Imran", "Jas", "Kate", "Liam",
         "Maya", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Yusuf", "Zara",
         "Aisha", "Callum", "Deepa", "Esther", "Femi", "Grace", "Harpreet", "Ivan", "Joanna", "Kwame", "Leah"]
LAST = ["Ahmed", "Baker", "Chen", "Davies", "Evans", "Fletcher", "Gill", "Hughes", "Iqbal", "Jones", "Khan",
        "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quayle", "Roberts", "Singh", "Taylor", "Usman", "Vaughan",
        "Walker", "Xu", "Young", "Zielinski", "Bennett", "Campbell", "Dhillon", "Edwards", "Francis", "Green"]

# Prose vocabulary (fixed): nouns, verbs, settings, outcomes.
CONDITIONS = ["asthma", "COPD", "heart failure", "type 2 diabetes", "depression", "anxiety", "dementia", "stroke",
              "sepsis", "endometriosis", "menopause symptoms", "back pain", "osteoarthritis", "falls", "frailty",
              "long COVID", "breast cancer", "prostate cancer", "lung cancer", "epilepsy", "psychosis",
              "eating disorders", "obesity", "hypertension", "atrial fibrillation", "chronic kidney disease",
              "pre-eclampsia", "gestational diabetes", "ADHD", "autism", "migraine", "insomnia", "tinnitus",
              "cataracts", "glaucoma", "skin cancer", "eczema", "psoriasis", "rheumatoid arthritis", "osteoporosis"]
TECH = ["app", "platform", "wearable", "sensor", "dashboard", "algorithm", "chatbot", "patch", "test kit",
        "decision support tool", "remote monitoring service", "imaging software", "booking system", "smart inhaler",
        "digital therapy", "triage tool", "risk model", "patient portal", "analytics service", "point-of-care test",
        "virtual clinic", "rehabilitation programme", "care coordination platform", "medication reminder"]
SETTINGS = ["general practice", "acute hospitals", "community services", "care homes", "mental health services",
            "pharmacies", "outpatient clinics", "emergency departments", "maternity units", "the home",
            "workplaces", "schools", "ambulance services", "hospices"]
OUTCOMES = ["fewer hospital admissions", "shorter waiting lists", "earlier diagnosis", "faster discharge",
            "better adherence to treatment", "lower costs per patient", "more time for clinicians",
            "improved quality of life", "fewer missed appointments", "safer prescribing",
            "reduced health inequalities", "higher patient satisfaction", "fewer falls", "better sleep",
            "lower carbon emissions", "quicker access to specialist advice"]
USERS = ["patients", "clinicians", "nurses", "GPs", "carers", "pharmacists", "physiotherapists", "midwives",
         "commissioners", "care home staff", "researchers", "paramedics", "health visitors"]
VERBS = ["helps", "enables", "supports", "allows", "lets"]
ADJ = ["secure", "simple", "clinically validated", "evidence-based", "accessible", "low-cost", "scalable",
       "NHS-ready", "award-winning", "patient-centred", "interoperable", "personalised", "real-time"]
EVIDENCE = ["a randomised controlled trial", "a service evaluation", "a pilot in two trusts",
            "a real-world evidence study", "a usability study", "a health economic model",
            "an observational cohort study", "a feasibility study"]
TAGS = ["AI", "machine learning", "wearables", "apps", "remote monitoring", "NHS", "social care", "NICE ESF",
        "DTAC", "CE marked", "UKCA", "ISO 13485", "SaMD", "FHIR", "open source", "patient safety", "net zero",
        "self-management", "prevention", "screening", "triage", "telehealth", "clinical decision support",
        "digital pathway", "point of care", "population health management", "behaviour change"]
HEADINGS_ABOUT = ["About us", "Who we are", "Our story", "Overview", "Background"]
HEADINGS_OFFER = ["What we offer", "Products and services", "Our products", "Services", "What we do"]
HEADINGS_EVID = ["Evidence", "Evidence and outcomes", "Results so far", "Track record"]
HEADINGS_WORK = ["Working with us", "Partnering", "Get involved", "How to engage", "Contact"]

# Coined-word syllables.
ONSETS = ["b", "br", "c", "cl", "cr", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr",
          "qu", "r", "s", "sc", "st", "t", "tr", "v", "w", "z", "th", "sh", "ph", "ch", "bl", "sp"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "io", "y", "ou", "ee"]
CODAS = ["", "", "", "n", "r", "l", "x", "m", "s", "th", "nd", "rn", "v", "k", "ck", "sk", "nt"]
ENDINGS = ["", "", "", "", "a", "ia", "on", "is", "ex", "o", "us"]


def coined_words(rng, count, min_len, taken, max_len=11):
    out = []
    while len(out) < count:
        syl = 2 + (1 if rng.chance(0.45) else 0)
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syl - 1))
        last = rng.choice(VOWELS)
        w += rng.choice(ONSETS) + last + rng.choice(CODAS)
        if len(last) == 1 and w[-1] not in "aeiouy":
            w += rng.choice(ENDINGS)
        if len(w) < min_len or len(w) > max_len or w in taken:
            continue
        taken.add(w)
        out.append(w)
    return out


def an(word):
    return ("an " if word[0].lower() in "aeiou" else "a ") + word


def slugify(text):
    s = []
    for ch in text.lower().replace("'", ""):
        s.append(ch if ("a" <= ch <= "z" or "0" <= ch <= "9") else "-")
    slug = "-".join(part for part in "".join(s).split("-") if part)
    return slug[:80].rstrip("-")


def yaml_str(text):
    """Quote only when needed; the corpus never needs escapes beyond double quotes."""
    plain_ok = (text and not text[0] in "-?:,[]{}#&*!|>'\"%@`0123456789 " and ": " not in text
                and " #" not in text and not text.endswith(":") and text.lower() not in
                ("yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"))
    if plain_ok:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(key, items, indent=""):
    lines = [f"{indent}{key}:"]
    lines += [f"{indent}  - {yaml_str(i)}" for i in items]
    return lines


# ---------------------------------------------------------------- generation

class Corpus:
    def __init__(self, n, seed):
        self.n = n
        self.rng = Rng(seed * 1000003 + n)
        taken = set()
        r = fork(self.rng, 1)
        n_part = max(2, round(n * 0.05))
        n_inst = max(2, round(n * 0.03))
        n_trust = max(2, round(n * 0.03))
        n_net = max(2, round(n * 0.04))
        n_comp = n - n_part - n_inst - n_trust - n_net
        self.counts = dict(institutions=n_inst, trusts=n_trust, networks=n_net, companies=n_comp,
                           partnerships=n_part)
        # Vocabulary pools that grow with N.
        self.brand_words = coined_words(r, n_comp + n_net + 10, 6, taken)
        n_places = n_inst + n_trust + n_net + 20
        self.place_stems = coined_words(r, n_places, 4, taken, 7)
        self.product_words = coined_words(r, int(40 * n ** 0.6) + 20, 5, taken, 10)
        self.used_slugs = set(AREA_SLUGS)
        self.orgs = []          # dicts with folder, slug, title, ...

    def unique_slug(self, title):
        base = slugify(title)
        slug, i = base, 2
        while slug in self.used_slugs:
            slug = f"{base[:76]}-{i}"
            i += 1
        self.used_slugs.add(slug)
        return slug

    def place(self, i):
        stem = self.place_stems[i % len(self.place_stems)]
        return (stem + PLACE_SUFFIX[i % len(PLACE_SUFFIX)]).capitalize()

    def product(self, r):
        return self.product_words[r.zipf_index(len(self.product_words), 0.9)].capitalize()

    def location(self, r):
        idx = self.weighted(r, REGION_WEIGHTS)
        region, cities = REGIONS[idx]
        city, area = r.choice(cities)
        loc = {"city": city, "region": region}
        if r.chance(0.7):
            district = r.randint(1, 29)
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            loc["postcode"] = f"{area}{district} {r.randint(1, 9)}{r.choice(letters)}{r.choice(letters)}"
        return loc

    @staticmethod
    def weighted(r, weights):
        t = r.below(sum(weights))
        for i, w in enumerate(weights):
            if t < w:
                return i
            t -= w
        return len(weights) - 1

    def pick_areas(self, r, k):
        first = r.zipf_index(len(AREAS), 0.6)
        chosen = [AREA_SLUGS[first]]
        related = AREAS[first][4]
        while len(chosen) < k:
            cand = r.choice(related) if (related and r.chance(0.5)) else r.choice(AREA_SLUGS)
            if cand not in chosen:
                chosen.append(cand)
        return chosen

    # ---- names

    def make_names(self):
        r = fork(self.rng, 2)
        bi = 0
        pi = 0
        for folder, count in (("institutions", self.counts["institutions"]), ("trusts", self.counts["trusts"]),
                              ("networks", self.counts["networks"]), ("companies", self.counts["companies"])):
            for _ in range(count):
                if folder == "companies":
                    brand = self.brand_words[bi].capitalize()
                    bi += 1
                    legal = r.choice(COMPANY_LEGAL)
                    title = f"{brand} {r.choice(COMPANY_SUFFIX)}" + (f" {legal}" if legal else "")
                elif folder == "institutions":
                    p = self.place(pi)
                    pi += 1
                    title = r.choice(INST_PATTERNS).format(p=p, f=r.choice(FIELDS), c=p)
                elif folder == "trusts":
                    p, q = self.place(pi), self.place(pi + 1)
                    pi += 2
                    title = r.choice(TRUST_PATTERNS).format(p=p, q=q)
                else:
                    p = self.place(pi)
                    pi += 1
                    c = self.brand_words[bi].capitalize()
                    bi += 1
                    title = r.choice(NETWORK_PATTERNS).format(p=p, c=c)
                self.orgs.append({"folder": folder, "title": title, "slug": self.unique_slug(title)})
        self.org_slugs = [o["slug"] for o in self.orgs]
        self.company_slugs = [o["slug"] for o in self.orgs if o["folder"] == "companies"]
        self.non_company_slugs = [o["slug"] for o in self.orgs if o["folder"] != "companies"]
        self.by_slug = {o["slug"]: o for o in self.orgs}

    # ---- bodies

    def sentence(self, r, o, kind=None):
        if kind is None:
            kind = r.below(8)
        prod = o["products"][r.below(len(o["products"]))]
        if kind == 0:
            return (f"{prod} {r.choice(VERBS)} {r.choice(USERS)} in {r.choice(SETTINGS)} to manage "
                    f"{r.choice(CONDITIONS)}, with {r.choice(OUTCOMES)} as the main goal.")
        if kind == 1:
            u1, u2 = r.sample(USERS, 2)
            return (f"We work with {u1} and {u2} to design {an(r.choice(ADJ))} "
                    f"{r.choice(TECH)} for {r.choice(CONDITIONS)}.")
        if kind == 2:
            o1, o2 = r.sample(OUTCOMES, 2)
            return f"Our {r.choice(TECH)} has been tested in {r.choice(EVIDENCE)} and showed {o1} and {o2}."
        if kind == 3:
            return (f"The team combines clinical, engineering and design experience, led by "
                    f"{r.choice(FIRST)} {r.choice(LAST)} and {r.choice(FIRST)} {r.choice(LAST)}.")
        if kind == 4:
            return (f"{prod} connects to existing systems in {r.choice(SETTINGS)}, so {r.choice(USERS)} "
                    f"do not need another login.")
        if kind == 5:
            return (f"Since {o.get('founded', 2015)} we have focused on {r.choice(CONDITIONS)} and "
                    f"{r.choice(CONDITIONS)}, where {r.choice(OUTCOMES)} count most.")
        if kind == 6:
            return (f"We are looking for partners in {r.choice(SETTINGS)} who want {r.choice(OUTCOMES)} "
                    f"and are ready to run a {r.choice(['pilot', 'trial', 'evaluation', 'proof of concept'])}.")
        return (f"{an(r.choice(ADJ)).capitalize()} {r.choice(TECH)} that {r.choice(VERBS)} {r.choice(USERS)} to spot "
                f"{r.choice(CONDITIONS)} earlier.")

    def paragraph(self, r, o, k):
        return " ".join(self.sentence(r, o, kind) for kind in r.sample(range(8), k))

    def org_body(self, r, o):
        out = [f"## {r.choice(HEADINGS_ABOUT)}", "", self.paragraph(r, o, r.randint(3, 4)), "",
               f"## {r.choice(HEADINGS_OFFER)}", ""]
        for p in o["products"]:
            out.append(f"- **{p}**: {an(r.choice(ADJ))} {r.choice(TECH)} for {r.choice(CONDITIONS)} "
                       f"in {r.choice(SETTINGS)}.")
        if o["offers"]:
            out.append(f"- Support for partners: {', '.join(CAP_LABEL[c].lower() for c in o['offers'])}.")
        out += ["", f"## {r.choice(HEADINGS_EVID)}", "", self.paragraph(r, o, r.randint(1, 2)), "",
                "| Product | Setting | Status |", "|---|---|---|"]
        for p in o["products"]:
            out.append(f"| {p} | {r.choice(SETTINGS).capitalize()} | "
                       f"{r.choice(['live', 'pilot', 'in development', 'evaluated', 'procured by the NHS'])} |")
        area = o["areas"][0]
        out += ["", f"## {r.choice(HEADINGS_WORK)}", "",
                f"{self.sentence(r, o)} Read more about our work in [{dict((a[0], a[1]) for a in AREAS)[area].lower()}]"
                f"(/areas/{area}/)"]
        if o.get("partners"):
            pslug = o["partners"][0]
            p = self.by_slug[pslug]
            out[-1] += f" and with [{p['title']}](/{p['folder']}/{pslug}/)"
        out[-1] += "."
        if o.get("website"):
            out += ["", f"Visit [our website]({o['website']}) or see the "
                        f"[NHS innovation guidance](https://www.nhs.uk/) for how we meet NHS standards."]
        out += ["", "- [ ] Looking for " + (CAP_LABEL[o["seeks"][0]].lower() if o.get("seeks") else "new partners"),
                "- [x] " + r.choice(["DTAC submitted", "ISO 27001 certified", "Registered with the MHRA",
                                     "Cyber Essentials Plus", "DSPT published"])]
        return "\n".join(out) + "\n"

    # ---- profiles

    def fill_orgs(self):
        r = fork(self.rng, 3)
        drafts = set()
        for o in self.orgs:
            folder = o["folder"]
            o["areas"] = self.pick_areas(r, r.randint(1, 3))
            o["products"] = [self.product(r) + r.choice(["", "", " Pro", " Connect", " Care", " Insight"])
                             for _ in range(r.randint(2, 4))]
            o["products"] = list(dict.fromkeys(o["products"]))
            if folder == "companies":
                o["seeks"] = r.sample(CAP_SLUGS[:8], r.randint(1, 3))
                o["offers"] = r.sample(CAP_SLUGS, r.randint(0, 2))
                o["founded"] = r.randint(1995, 2026)
                if r.chance(0.005):
                    drafts.add(o["slug"])
            else:
                o["offers"] = r.sample(CAP_SLUGS, r.randint(1, 5))
                o["seeks"] = r.sample(CAP_SLUGS, r.randint(0, 1))
        self.drafts = drafts
        published = [s for s in self.org_slugs if s not in drafts]
        published_non_company = [s for s in self.non_company_slugs if s not in drafts]
        for o in self.orgs:
            k = r.randint(0, 3)
            partners = []
            for _ in range(k):
                pool = published_non_company if r.chance(0.6) else published
                cand = r.choice(pool)
                if cand != o["slug"] and cand not in partners:
                    partners.append(cand)
            o["partners"] = partners
            if o["folder"] == "networks":
                members = []
                for _ in range(r.randint(3, 12)):
                    cand = r.choice(published)
                    if cand != o["slug"] and cand not in members:
                        members.append(cand)
                o["members"] = members

    def org_text(self, o, r):
        folder = o["folder"]
        title = o["title"]
        main = o["products"][0]
        cond = r.choice(CONDITIONS)
        if folder == "companies":
            summary = (f"{title} makes {main}, {an(r.choice(ADJ))} {r.choice(TECH)} that {r.choice(VERBS)} "
                       f"{r.choice(USERS)} to manage {cond} in {r.choice(SETTINGS)}.")
        elif folder == "institutions":
            summary = (f"Research and teaching in {', '.join(a.replace('-', ' ') for a in o['areas'])}, "
                       f"with a track record in {cond} and {r.choice(CONDITIONS)}.")
        elif folder == "trusts":
            summary = (f"An NHS organisation providing care in {r.choice(SETTINGS)} and hosting pilots of new "
                       f"technology for {cond}.")
        else:
            u1, u2 = r.sample(USERS, 2)
            summary = (f"A network that brings {u1}, companies and {u2} together "
                       f"around {cond} and {r.choice(CONDITIONS)}.")
        lines = ["---", f"title: {yaml_str(title)}", f"summary: {yaml_str(summary[:300])}"]
        if folder == "companies":
            lines += [f"stage: {r.choice(STAGES)}", f"founded: {o['founded']}",
                      f'companies_house: "{self.companies_house(r)}"',
                      f"maturity: {r.choice(MATURITY)}", f"evidence_tier: {r.choice(TIERS)}"]
        elif folder == "institutions":
            lines += [f"kind: {r.choice(INST_KINDS)}", f'ukprn: "1{r.randint(0, 9999999):07d}"']
        elif folder == "trusts":
            letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
            ods = "R" + "".join(r.choice(letters + "0123456789") for _ in range(r.randint(2, 4)))
            lines += [f"kind: {r.choice(TRUST_KINDS)}", f"ods: {ods}"]
        lines += yaml_list("areas", o["areas"])
        if o["offers"]:
            lines += yaml_list("offers", o["offers"])
        if o["seeks"]:
            lines += yaml_list("seeks", o["seeks"])
        loc = self.location(r)
        lines += ["location:", f"  city: {yaml_str(loc['city'])}", f"  region: {yaml_str(loc['region'])}"]
        if "postcode" in loc:
            lines.append(f"  postcode: {loc['postcode']}")
        domain = o["slug"][:40].rstrip("-")
        if r.chance(0.85):
            o["website"] = f"https://{domain}.example.com/"
            lines.append(f"website: {o['website']}")
        if r.chance(0.6):
            lines.append(f"email: {r.choice(['hello', 'info', 'partnerships', 'contact'])}@{domain}.example.com")
        tags = list(dict.fromkeys(r.sample(TAGS, r.randint(1, 4)) + [f"{main.split()[0].lower()} {r.choice(['app', 'platform', 'device', 'service'])}"]))
        lines += yaml_list("tags", tags)
        words = [w for w in title.replace("'", "").split() if w[0].isupper() and w not in ("NHS", "Ltd", "plc")]
        aliases = []
        if len(words) >= 3:
            aliases.append("".join(w[0] for w in words).upper())
        if r.chance(0.3):
            aliases.append(main.split()[0])
        if aliases:
            lines += yaml_list("aliases", list(dict.fromkeys(aliases)))
        if o["partners"]:
            lines += yaml_list("partners", o["partners"])
        if o.get("members"):
            lines += yaml_list("members", o["members"])
        lines.append(f"updated: {r.randint(2023, 2026)}-{r.randint(1, 10):02d}-{r.randint(1, 28):02d}")
        if o["slug"] in self.drafts:
            lines.append("draft: true")
        if r.chance(0.08):
            lines.append(f"logo: logos/logo-{r.below(8)}.svg")
        lines.append("---")
        return "\n".join(lines) + "\n" + self.org_body(r, o)

    def companies_house(self, r):
        if r.chance(0.15):
            return r.choice(["SC", "NI", "OC"]) + f"{r.randint(0, 999999):06d}"
        return f"{r.randint(0, 99999999):08d}"

    def partnership_text(self, i, r):
        published = [s for s in self.org_slugs if s not in self.drafts]
        k = r.randint(2, 4)
        parties = []
        # at least one non-company party, as in real MoUs
        parties.append(r.choice([s for s in self.non_company_slugs if s not in self.drafts]))
        while len(parties) < k:
            c = r.choice(published)
            if c not in parties:
                parties.append(c)
        names = [self.by_slug[p]["title"] for p in parties]
        kind = r.choice(PART_KINDS)
        word = {"mou": "MoU", "collaboration": "collaboration", "contract": "contract", "other": "agreement"}[kind]
        areas = self.pick_areas(r, r.randint(1, 2))
        area_title = dict((a[0], a[1]) for a in AREAS)[areas[0]]
        short = [n.replace(" NHS Foundation Trust", "").replace(" NHS Trust", "").replace(" Ltd", "")
                 .replace(" Limited", "").replace(" plc", "") for n in names]
        title = f"{short[0]} and {short[1]} {area_title.lower()} {word}"
        if len(title) > 120:
            title = title[:117].rstrip() + "..."
        slug = self.unique_slug(f"{short[0]} {short[1]} {word}")
        summary = (f"{an(word).capitalize()} between {' and '.join(short[:2])}"
                   f"{' and others' if len(parties) > 2 else ''} to work together on {area_title.lower()}, "
                   f"focusing on {r.choice(CONDITIONS)} and {r.choice(OUTCOMES)}.")[:300]
        signed = f"{r.randint(2012, 2026)}-{r.randint(1, 10):02d}-{r.randint(1, 28):02d}"
        lines = ["---", f"title: {yaml_str(title)}", f"summary: {yaml_str(summary)}"]
        lines += yaml_list("parties", parties)
        lines += [f"signed: {signed}", f"kind: {kind}", f"status: {'ended' if r.chance(0.2) else 'active'}"]
        lines += yaml_list("areas", areas)
        lines += yaml_list("priorities", [o.capitalize() for o in r.sample(OUTCOMES, r.randint(1, 3))])
        if r.chance(0.5):
            lines.append(f"website: https://{slug[:40].rstrip('-')}.example.org/")
        lines.append("---")
        o = {"products": [self.product(r) for _ in range(2)], "founded": int(signed[:4])}
        body = ["## Aims", "", f"The parties agree to work together on {area_title.lower()}. " + self.paragraph(r, o, 2), "",
                "## Priorities", ""]
        body += [f"- {r.choice(OUTCOMES).capitalize()} for {r.choice(USERS)}" for _ in range(3)]
        body += ["", "## Parties", "", "| Party | Role |", "|---|---|"]
        for p, n in zip(parties, names):
            body.append(f"| [{n}](/{self.by_slug[p]['folder']}/{p}/) | "
                        f"{r.choice(['lead', 'evaluation partner', 'clinical partner', 'industry partner', 'funder'])} |")
        body += ["", "## Progress", "", self.paragraph(r, o, r.randint(2, 3)), ""]
        return slug, "\n".join(lines) + "\n" + "\n".join(body)

    def area_text(self, a):
        slug, title, summary, synonyms, related = a
        lines = ["---", f"title: {yaml_str(title)}", f"summary: {yaml_str(summary)}"]
        lines += yaml_list("synonyms", synonyms)
        lines += yaml_list("related", related)
        lines.append("---")
        body = (f"{title} brings together companies, universities and NHS organisations working on "
                f"{', '.join(synonyms[:3])}.\n\nProfiles list this area when it is central to what they do.\n")
        return "\n".join(lines) + "\n" + body

    def site_yml(self):
        lines = ["title: Synthetic HealthTech Front Door",
                 f"description: A generated directory of {self.n} health and care organisations for benchmarks.",
                 "base_url: https://bench.example.org/", "language: en-GB", "capabilities:"]
        lines += [f"  {s}: {yaml_str(l)}" for s, l in CAPABILITIES]
        lines.append("regions:")
        lines += [f"  - {yaml_str(reg)}" for reg, _ in REGIONS]
        return "\n".join(lines) + "\n"

    def write(self, outdir):
        content = os.path.join(outdir, "content")
        if os.path.exists(content):
            shutil.rmtree(content)
        for folder in ("areas", "institutions", "trusts", "networks", "companies", "partnerships", "assets/logos"):
            os.makedirs(os.path.join(content, folder))

        def put(rel, text):
            with open(os.path.join(content, rel), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)

        put("site.yml", self.site_yml())
        for a in AREAS:
            put(f"areas/{a[0]}.md", self.area_text(a))
        for i in range(8):
            hue = i * 45
            put(f"assets/logos/logo-{i}.svg",
                f'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
                f'<circle cx="32" cy="32" r="28" fill="hsl({hue},60%,45%)"/></svg>\n')
        self.make_names()
        self.fill_orgs()
        r = fork(self.rng, 4)
        for o in self.orgs:
            put(f"{o['folder']}/{o['slug']}.md", self.org_text(o, fork(r, 7)))
        r = fork(self.rng, 5)
        for i in range(self.counts["partnerships"]):
            slug, text = self.partnership_text(i, fork(r, 11))
            put(f"partnerships/{slug}.md", text)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    seed = 42
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
        args = [a for a in args if a != str(seed)]
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 10:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        print("N must be at least 10", file=sys.stderr)
        return 2
    n = int(args[0])
    corpus = Corpus(n, seed)
    corpus.write(args[1])
    c = corpus.counts
    print(f"wrote {n} profiles + {len(AREAS)} areas into {os.path.join(args[1], 'content')}: "
          f"{c['companies']} companies, {c['institutions']} institutions, {c['trusts']} trusts, "
          f"{c['networks']} networks, {c['partnerships']} partnerships; "
          f"{len(corpus.product_words)} product words, {len(corpus.brand_words)} brand words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
