"""`frontdoor schema`: the JSON Schema (draft 2020-12) editors get for front matter.

The schema is generated from ContentSchema, the same table `frontdoor check` validates with,
so the two must agree. These tests hold them to it:

- the output is a valid draft 2020-12 schema, for all types and for each `--type`;
- it accepts the front matter of every profile in content/ and in the spec's example tree;
- it rejects, one case each, every spec error it can express, and `frontdoor check` on a copy
  of the example tree holding the same file reports that error;
- spellings `frontdoor check` accepts without a word (a number as a title, an unquoted
  Companies House number, a lower-case postcode, an empty optional key...) pass the schema too.

The example tree is ../shared/spec/example/content. In a clone without ../shared, the tests use
the repository's copy of it (Tests/FrontDoorKitTests/Fixtures/diagnostics/valid/content); when
both are here, a test checks that the copy still matches the spec's tree file for file.

Unknown keys and repeated references are warnings for `frontdoor check` (a typo such as
`sumary` must not stop a build). The schema still rejects them (`additionalProperties: false`,
`uniqueItems`), because an editor should flag them, and yaml-language-server reports an
additional property as a warning, not an error. So "rejected by the schema" is matched by
"an error or a warning from `frontdoor check`", and for these two an exit of 1 with `--strict`.

How front matter is loaded here: the way an editor's YAML language server reads it, with the
YAML 1.2 core schema (yaml-language-server's default). `true`/`false` are booleans, plain
numbers are numbers, `~`/`null`/empty is null, and everything else is a string -- dates such as
`2026-10-01` included. PyYAML speaks YAML 1.1, which would turn dates into datetime.date (and
`yes`/`no` into booleans, `012` into octal), so EditorLoader swaps in the YAML 1.2 core
resolvers. `frontdoor check` reads every scalar as the text written, so for it too a date is
text, and the schema types dates as strings.

Rejections are tested without format assertion: every rule the schema relies on is a `type`,
`pattern`, `enum`, length or count, which every validator applies, whereas editors differ on
whether `format` ("email", "date", "uri") is enforced. Acceptance is tested with the format
checker on, so that a `format` annotation never rejects a valid profile.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from site_build import EXAMPLE_COPY, SPEC_EXAMPLE, spec_example

FRONTDOOR_BIN = os.environ.get("FRONTDOOR_BIN")
if not FRONTDOOR_BIN:
    pytest.skip(
        "FRONTDOOR_BIN is not set: build frontdoor and point FRONTDOOR_BIN at it "
        "(scripts/browser-tests does both)",
        allow_module_level=True,
    )

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "content"
EXAMPLE = spec_example()  # ../shared/spec/example/content, or the repository's copy of it

FOLDERS = {
    "institution": "institutions",
    "trust": "trusts",
    "network": "networks",
    "company": "companies",
    "partnership": "partnerships",
    "area": "areas",
}
TYPE_OF_FOLDER = {folder: name for name, folder in FOLDERS.items()}

# The keys of each type in shared/spec/content-model.md, written out independently of the code.
ORGANISATION_KEYS = {"title", "summary", "areas", "offers", "seeks", "location", "website", "email",
                     "tags", "aliases", "partners", "updated", "draft", "logo"}
SPEC_KEYS = {
    "institution": ORGANISATION_KEYS | {"kind", "ukprn"},
    "trust": ORGANISATION_KEYS | {"ods", "kind"},
    "network": ORGANISATION_KEYS | {"members"},
    "company": ORGANISATION_KEYS | {"stage", "founded", "companies_house", "maturity", "evidence_tier"},
    "partnership": {"title", "summary", "parties", "signed", "kind", "status", "areas", "priorities",
                    "website", "draft"},
    "area": {"title", "summary", "synonyms", "related"},
}
SPEC_REQUIRED = {
    "institution": {"title", "summary", "areas"},
    "trust": {"title", "summary", "areas"},
    "network": {"title", "summary", "areas"},
    "company": {"title", "summary", "areas"},
    "partnership": {"title", "summary", "parties", "signed"},
    "area": {"title", "summary"},
}

# One profile of each type in the example tree: the file the cases below change.
EXAMPLE_FILE = {
    "institution": "institutions/example-university.md",
    "trust": "trusts/example-hospitals.md",
    "network": "networks/example-health-network.md",
    "company": "companies/example-femtech.md",
    "partnership": "partnerships/example-mou.md",
    "area": "areas/womens-health.md",
}


# --- reading front matter as an editor does -------------------------------------------------

class EditorLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""

    yaml_implicit_resolvers = {}


EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # YAML 1.2: 012 is twelve, not octal


def _core_float(loader, node):
    text = loader.construct_scalar(node).lower().replace(".inf", "inf").replace(".nan", "nan")
    return float(text)


EditorLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
EditorLoader.add_constructor("tag:yaml.org,2002:float", _core_float)


def test_editor_loader_reads_yaml_1_2_core_types():
    loaded = yaml.load(
        "d: 2026-10-01\nb: true\ny: yes\nn: 2021\nz: 012\nq: \"12345678\"\ne:\nf: 1.5\n", Loader=EditorLoader)
    assert loaded == {"d": "2026-10-01", "b": True, "y": "yes", "n": 2021, "z": 12, "q": "12345678",
                      "e": None, "f": 1.5}


def split_front_matter(text):
    """The YAML between a first line `---` and the next `---` line, as FrontMatter.split does."""
    lines = text.split("\n")
    assert lines and lines[0].rstrip(" \t\r") == "---", "no front matter"
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t\r") == "---":
            return "\n".join(lines[1:index])
    raise AssertionError("front matter does not close")


def front_matter(text):
    data = yaml.load(split_front_matter(text), Loader=EditorLoader)
    assert isinstance(data, dict)
    return data


# --- running frontdoor ----------------------------------------------------------------------

def frontdoor(*args, cwd=None):
    return subprocess.run([FRONTDOOR_BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def schema_output(*args):
    result = frontdoor("schema", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def all_schemas():
    return schema_output()


@pytest.fixture(scope="module")
def schemas():
    return {name: schema_output("--type", name) for name in FOLDERS}


def errors(schema, instance, formats=False):
    """Schema violations, as readable strings (empty when the instance is accepted)."""
    kwargs = {"format_checker": Draft202012Validator.FORMAT_CHECKER} if formats else {}
    validator = Draft202012Validator(schema, **kwargs)
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))]


# Warnings about prose, which no schema can judge: left out of "check reports nothing".
PROSE_WARNINGS = {"hard-to-read"}


def check(content_dir, *extra):
    """`frontdoor check --format json` run from the tree's parent: (exit status, diagnostics)."""
    result = frontdoor("check", "--content", content_dir.name, "--format", "json", *extra, cwd=content_dir.parent)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout or "[]")


def check_clean(content_dir):
    """Asserts `frontdoor check` finds no error and no warning a schema could express."""
    status, diagnostics = check(content_dir)
    reported = [d for d in diagnostics if d["code"] not in PROSE_WARNINGS]
    assert (status, reported) == (0, []), reported
    assert all(d["severity"] == "warning" for d in diagnostics)


# --- the schema is a schema -------------------------------------------------------------------

def test_all_types_output_holds_one_valid_schema_per_type(all_schemas, schemas):
    assert set(all_schemas) == set(FOLDERS)
    for name, schema in all_schemas.items():
        Draft202012Validator.check_schema(schema)
        assert schema == schemas[name], f"`frontdoor schema` and `--type {name}` differ"


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_type_schema_is_valid_draft_2020_12(name, schemas):
    schema = schemas[name]
    Draft202012Validator.check_schema(schema)  # includes: every pattern is a valid regex
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    # the keys and required keys of the spec's tables, no more, no fewer
    assert set(schema["properties"]) == SPEC_KEYS[name]
    assert set(schema["required"]) == SPEC_REQUIRED[name]
    for key, prop in schema["properties"].items():
        assert prop.get("description"), f"{name}.{key} has no description for hover text"


@pytest.mark.parametrize("name", ["companies", "Trusts", "area"])
def test_type_accepts_folder_names_and_any_case(name, schemas):
    singular = name.lower() if name.lower() in FOLDERS else TYPE_OF_FOLDER[name.lower()]
    assert schema_output("--type", name) == schemas[singular]


def test_unknown_type_is_a_usage_error():
    result = frontdoor("schema", "--type", "hospital")
    assert result.returncode == 2
    assert "hospital" in result.stderr
    assert result.stdout == ""


# --- it accepts every real profile ----------------------------------------------------------

def profile_files(root):
    return sorted(path for folder in FOLDERS.values() for path in (root / folder).glob("*.md"))


REAL_PROFILES = [pytest.param(path, id=f"{tree.name}:{path.parent.name}/{path.name}")
                 for tree in (BUNDLED, EXAMPLE) if tree.is_dir()
                 for path in profile_files(tree)]


def test_both_trees_are_there_and_check_clean():
    for tree in (BUNDLED, EXAMPLE):
        assert len(profile_files(tree)) >= 6, f"no profiles under {tree}"
        check_clean(tree)


def test_the_repository_copy_of_the_example_tree_matches_the_spec():
    """The fallback used without ../shared is the spec's tree, byte for byte."""
    if not SPEC_EXAMPLE.is_dir():
        pytest.skip(f"the spec's example tree is not at {SPEC_EXAMPLE}: nothing to compare "
                    f"{EXAMPLE_COPY.relative_to(ROOT)} with")

    def files(tree):
        return {path.relative_to(tree).as_posix(): path.read_bytes() for path in tree.rglob("*") if path.is_file()}

    spec, copy = files(SPEC_EXAMPLE), files(EXAMPLE_COPY)
    assert sorted(copy) == sorted(spec)
    assert [name for name in spec if spec[name] != copy[name]] == []


@pytest.mark.parametrize("path", REAL_PROFILES)
def test_schema_accepts_real_profile(path, schemas):
    schema = schemas[TYPE_OF_FOLDER[path.parent.name]]
    assert errors(schema, front_matter(path.read_text(encoding="utf-8")), formats=True) == []


# --- editing one file of the example tree ---------------------------------------------------

def set_key(text, key, fragment):
    """Replaces the top-level `key:` entry (with its indented lines) by `key:<fragment>`, or
    adds it at the end of the front matter; a fragment of None removes the key."""
    lines = text.split("\n")
    close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    start = next((i for i in range(1, close) if lines[i].startswith(key + ":")), None)
    if start is None:
        assert fragment is not None, f"`{key}` is not in the file"
        start = end = close
    else:
        end = start + 1
        while end < close and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
            end += 1
    new = [] if fragment is None else (key + ":" + fragment).split("\n")
    return "\n".join(lines[:start] + new + lines[end:])


@dataclass
class Case:
    id: str
    type: str
    edits: dict  # key -> YAML after "key:" (None removes the key)
    code: str  # the diagnostic `frontdoor check` must report
    severity: str = "error"
    extra_files: dict = field(default_factory=dict)  # path under content/ -> text

    def text(self):
        text = (EXAMPLE / EXAMPLE_FILE[self.type]).read_text(encoding="utf-8")
        for key, fragment in self.edits.items():
            text = set_key(text, key, fragment)
        return text

    def key(self):
        return next(iter(self.edits))


def tree_with(tmp_path, case):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    (content / EXAMPLE_FILE[case.type]).write_text(case.text(), encoding="utf-8")
    for relative, text in case.extra_files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    return content


THIS_YEAR = datetime.date.today().year
LONG_SUMMARY = " " + "x" * 301
LONG_TITLE = " " + "T" * 121

REJECTED = [
    # a required key missing
    Case("missing-title", "company", {"title": None}, "missing-key"),
    Case("missing-summary", "area", {"summary": None}, "missing-key"),
    Case("missing-areas", "trust", {"areas": None}, "missing-key"),
    Case("missing-parties", "partnership", {"parties": None}, "missing-key"),
    Case("missing-signed", "partnership", {"signed": None}, "missing-key"),
    Case("empty-required-title", "network", {"title": ""}, "missing-key"),
    # a value of the wrong type
    Case("areas-not-a-list", "company", {"areas": " womens-health"}, "wrong-type"),
    Case("tags-not-a-list", "company", {"tags": " menopause app"}, "wrong-type"),
    Case("title-a-list", "institution", {"title": "\n  - Example\n  - University"}, "wrong-type"),
    Case("summary-a-map", "area", {"summary": "\n  text: hello"}, "wrong-type"),
    Case("draft-not-bool", "company", {"draft": " maybe"}, "wrong-type"),
    Case("draft-quoted", "company", {"draft": ' "true"'}, "wrong-type"),
    Case("location-not-a-map", "trust", {"location": " Birmingham"}, "wrong-type"),
    Case("empty-list-item", "area", {"synonyms": "\n  - gynaecology\n  -"}, "wrong-type"),
    Case("null-city", "trust", {"location": "\n  city:\n  region: West Midlands"}, "wrong-type"),
    # an unknown key: a warning
    Case("unknown-key", "company", {"sumary": " A typo of summary."}, "unknown-key", "warning"),
    Case("unknown-location-key", "trust", {"location": "\n  city: Birmingham\n  county: West Midlands"},
         "unknown-key", "warning"),
    Case("key-of-another-type", "trust", {"founded": " 1990"}, "unknown-key", "warning"),
    # lengths
    Case("summary-over-300", "company", {"summary": LONG_SUMMARY}, "too-long"),
    Case("title-over-120", "network", {"title": LONG_TITLE}, "too-long"),
    Case("title-blank", "company", {"title": ' "   "'}, "too-short"),
    # formats
    Case("url-without-scheme", "institution", {"website": " www.example.org"}, "invalid-url"),
    Case("url-ftp", "institution", {"website": " ftp://files.example.org/"}, "invalid-url"),
    Case("url-host-without-dot", "partnership", {"website": " https://intranet/"}, "invalid-url"),
    Case("url-with-space", "institution", {"website": " https://example.org/a b"}, "invalid-url"),
    Case("email-without-at", "company", {"email": " hello.femtech.example.com"}, "invalid-email"),
    Case("email-without-dot", "company", {"email": " hello@femtech"}, "invalid-email"),
    Case("email-with-space", "company", {"email": ' "hello there@femtech.example.com"'}, "invalid-email"),
    Case("postcode-partial", "trust", {"location": "\n  city: Birmingham\n  postcode: B15"}, "invalid-postcode"),
    Case("postcode-nonsense", "company", {"location": "\n  city: Birmingham\n  postcode: 15B 2TH"},
         "invalid-postcode"),
    Case("ods-too-short", "trust", {"ods": " RR"}, "invalid-ods"),
    Case("ods-lower-case", "trust", {"ods": " rrk"}, "invalid-ods"),
    Case("ods-too-long", "trust", {"ods": " RRK123"}, "invalid-ods"),
    Case("ukprn-not-starting-1", "institution", {"ukprn": ' "20000001"'}, "invalid-ukprn"),
    Case("ukprn-seven-digits", "institution", {"ukprn": ' "1000001"'}, "invalid-ukprn"),
    Case("ukprn-unquoted-not-starting-1", "institution", {"ukprn": " 20000001"}, "invalid-ukprn"),
    Case("companies-house-seven-digits", "company", {"companies_house": ' "1234567"'}, "invalid-companies-house"),
    Case("companies-house-bad-prefix", "company", {"companies_house": " S1234567"}, "invalid-companies-house"),
    Case("companies-house-unquoted-nine-digits", "company", {"companies_house": " 123456789"},
         "invalid-companies-house"),
    Case("date-day-31-in-30-day-month", "company", {"updated": " 2026-09-31"}, "invalid-date"),
    Case("date-feb-29-not-leap", "company", {"updated": " 2026-02-29"}, "invalid-date"),
    Case("date-feb-29-century", "company", {"updated": " 1900-02-29"}, "invalid-date"),
    Case("date-month-13", "partnership", {"signed": " 2025-13-01"}, "invalid-date"),
    Case("date-one-digit-month", "partnership", {"signed": " 2025-6-12"}, "invalid-date"),
    Case("date-british-order", "partnership", {"signed": " 12/06/2025"}, "invalid-date"),
    Case("year-before-1800", "company", {"founded": " 1799"}, "invalid-year"),
    Case("year-next-year", "company", {"founded": f" {THIS_YEAR + 1}"}, "invalid-year"),
    Case("year-in-words", "company", {"founded": " twenty twenty"}, "invalid-year"),
    Case("year-quoted-too-late", "company", {"founded": f' "{THIS_YEAR + 1}"'}, "invalid-year"),
    # choices
    Case("stage", "company", {"stage": " start-up"}, "invalid-choice"),
    Case("maturity", "company", {"maturity": " mature"}, "invalid-choice"),
    Case("evidence-tier", "company", {"evidence_tier": " d"}, "invalid-choice"),
    Case("evidence-tier-upper-case", "company", {"evidence_tier": " B"}, "invalid-choice"),
    Case("institution-kind", "institution", {"kind": " college"}, "invalid-choice"),
    Case("trust-kind", "trust", {"kind": " hospital"}, "invalid-choice"),
    Case("partnership-kind", "partnership", {"kind": " memorandum"}, "invalid-choice"),
    Case("partnership-status", "partnership", {"status": " finished"}, "invalid-choice"),
    # references the schema can judge without the tree
    Case("areas-empty", "company", {"areas": " []"}, "too-few-items"),
    Case("one-party", "partnership", {"parties": "\n  - example-university"}, "too-few-items"),
    Case("area-not-a-slug", "company", {"areas": "\n  - Womens Health"}, "unknown-area"),
    Case("repeated-area", "company", {"areas": "\n  - womens-health\n  - womens-health"},
         "repeated-reference", "warning"),
    Case("logo-absolute", "company", {"logo": " /etc/logo.svg"}, "missing-logo"),
    Case("logo-up-a-folder", "company", {"logo": " logos/../../secret.svg"}, "missing-logo",
         extra_files={"assets/logos/femtech.svg": "<svg/>"}),
]


def test_rejected_case_ids_are_unique():
    ids = [case.id for case in REJECTED]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", REJECTED, ids=lambda case: case.id)
def test_schema_rejects_and_check_reports(case, schemas, tmp_path):
    schema = schemas[case.type]
    data = front_matter(case.text())
    problems = errors(schema, data)
    assert problems, f"the {case.type} schema accepts {case.edits}"
    key = case.key()
    assert any(key in problem for problem in problems), f"no schema error names `{key}`: {problems}"

    content = tree_with(tmp_path, case)
    status, diagnostics = check(content)
    path = f"content/{EXAMPLE_FILE[case.type]}"
    found = [(d["severity"], d["code"]) for d in diagnostics if d["path"] == path]
    assert (case.severity, case.code) in found, f"check reported {found} for {path}, not a {case.severity} [{case.code}]"
    if case.severity == "error":
        assert status == 1
    else:
        assert status == 0, diagnostics
        assert all(d["severity"] == "warning" for d in diagnostics), diagnostics
        assert check(content, "--strict")[0] == 1


# --- what check accepts, the schema accepts -------------------------------------------------

ACCEPTED = [
    Case("number-as-title", "company", {"title": " 2021"}, ""),
    Case("number-in-tags", "company", {"tags": "\n  - 3d printing\n  - 5"}, ""),
    Case("unquoted-companies-house", "company", {"companies_house": " 12345678"}, ""),
    Case("letters-companies-house", "company", {"companies_house": " SC123456"}, ""),
    Case("unquoted-ukprn", "institution", {"ukprn": " 10000001"}, ""),
    Case("quoted-year", "company", {"founded": ' "2021"'}, ""),
    Case("first-year", "company", {"founded": " 1800"}, ""),
    Case("this-year", "company", {"founded": f" {THIS_YEAR}"}, ""),
    Case("leap-day", "company", {"updated": " 2024-02-29"}, ""),
    Case("leap-day-2000", "partnership", {"signed": " 2000-02-29"}, ""),
    Case("quoted-date", "partnership", {"signed": ' "2025-06-12"'}, ""),
    Case("lower-case-postcode", "trust", {"location": "\n  city: Birmingham\n  region: West Midlands\n  postcode: b15 2th"}, ""),
    Case("postcode-without-space", "trust", {"location": "\n  city: Birmingham\n  postcode: B152TH"}, ""),
    Case("numeric-ods", "trust", {"ods": " 12345"}, ""),
    Case("url-upper-case-scheme", "institution", {"website": " HTTPS://University.Example.org/path?q=1#top"}, ""),
    Case("url-with-port", "institution", {"website": " http://localhost:8080/"}, ""),
    Case("email-plus-subdomain", "company", {"email": " first.last+enquiries@mail.femtech.example.co.uk"}, ""),
    Case("empty-optional-keys", "company", {"website": "", "tags": "", "location": "", "founded": " ~",
                                           "stage": " null", "draft": ""}, ""),
    Case("draft-true", "network", {"draft": " true"}, ""),
    Case("logo-present", "company", {"logo": " logos/femtech.svg"}, "",
         extra_files={"assets/logos/femtech.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}),
    Case("summary-exactly-300", "area", {"summary": " " + "x" * 300}, ""),
    Case("title-exactly-120", "trust", {"title": " " + "T" * 120}, ""),
    Case("accented-title", "company", {"title": " Nāri Health & Co."}, ""),
]


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda case: case.id)
def test_what_check_accepts_the_schema_accepts(case, schemas, tmp_path):
    check_clean(tree_with(tmp_path, case))
    assert errors(schemas[case.type], front_matter(case.text()), formats=True) == []


# Spellings YAML 1.1 (frontdoor) and YAML 1.2 (editors) read differently. `frontdoor check`
# accepts them; an editor sees other values, and the schema flags them, which steers editors to
# the spelling both read alike: `true`/`false`, and quotes around numbers with leading zeros.
DIFFERENT_IN_YAML_1_2 = [
    Case("draft-yes", "company", {"draft": " yes"}, ""),
    Case("companies-house-leading-zero", "company", {"companies_house": " 01234567"}, ""),
]


@pytest.mark.parametrize("case", DIFFERENT_IN_YAML_1_2, ids=lambda case: case.id)
def test_yaml_1_1_spellings_pass_check_but_are_flagged_in_editors(case, schemas, tmp_path):
    check_clean(tree_with(tmp_path, case))
    problems = errors(schemas[case.type], front_matter(case.text()))
    assert problems and all(problem.startswith(case.key()) for problem in problems), problems
