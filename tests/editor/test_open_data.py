"""The open-data exports, read as other systems read them (issue 7).

(a) Every Open Referral HSDS 3.0 file validates against the official JSON Schemas in
    ../shared/openreferral-hsds-3.0/ (references between the schema files resolved with a
    `referencing.Registry`), and every organisation in content/ is exported with its
    official identifiers.
(b) directory.csv, read with Python's csv module, has one row per organisation, and awkward
    values (commas, quotes, a line break, a leading `=`) come back as written, with the `'`
    guard against spreadsheet formulas.
(c) directory.json parses and holds every published profile.
"""
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_build import ROOT, build, spec_example

HSDS = ROOT.parent / "shared" / "openreferral-hsds-3.0"
# The spec's example tree, or the repository's copy of it when ../shared is not here.
EXAMPLE = spec_example()
# The schemas' own address (the openreferral/specification repository, branch 3.0): the
# OpenAPI file refers to the schemas by it, so the local copies are registered under it.
SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ORGANISATION_FOLDERS = ("institutions", "trusts", "networks", "companies")
IDENTIFIER_KEYS = {"ods": "GB-NHS", "ukprn": "GB-UKPRN", "companies_house": "GB-COH"}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text[4:text.index("\n---", 4)]) or {}


def published(content: Path, folders) -> dict:
    """Slug -> front matter of every non-draft profile in the given folders."""
    profiles = {}
    for folder in folders:
        for path in sorted((content / folder).glob("*.md")):
            data = front_matter(path)
            if not data.get("draft", False):
                profiles[path.stem] = data
    return profiles


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(ROOT / "content", tmp_path_factory.mktemp("open-data") / "site")


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


# (a) Open Referral HSDS 3.0


@pytest.fixture(scope="module")
def hsds():
    """Validators for each HSDS record type and list page, from the official schemas."""
    if not (HSDS / "organization.json").is_file():
        pytest.skip(f"HSDS schema check skipped: the official Open Referral HSDS 3.0 schemas are not at {HSDS} "
                    "(copy the schema/ folder of openreferral/specification, branch 3.0, there)")
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in sorted(HSDS.glob("*.json")) + sorted((HSDS / "compiled").glob("*.json")):
        relative = path.relative_to(HSDS).as_posix()
        # The schema files declare no dialect; the OpenAPI file names 2020-12 for all of them.
        resources.append((SCHEMA_BASE + relative, DRAFT202012.create_resource(load(path))))
    registry = referencing.Registry().with_resources(resources)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER

    def validator(uri):
        return jsonschema.Draft202012Validator({"$ref": uri}, registry=registry, format_checker=checker)

    def response(path):
        pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses/200/content/application~1json/schema"
        return validator(SCHEMA_BASE + "openapi.json#" + pointer)

    return {
        # The record schemas, their `$ref`s to each other resolved through the registry...
        "organization": validator(SCHEMA_BASE + "organization.json"),
        "service": validator(SCHEMA_BASE + "service.json"),
        "taxonomy_term": validator(SCHEMA_BASE + "taxonomy_term.json"),
        "taxonomy": validator(SCHEMA_BASE + "taxonomy.json"),
        # ...and the API's responses as the OpenAPI file defines them: the compiled (fully
        # nested) records, and the list pages (its Page schema with typed contents).
        "/organizations/{id}": response("/organizations/{id}"),
        "/services/{id}": response("/services/{id}"),
        "/organizations": response("/organizations"),
        "/services": response("/services"),
        "/taxonomy_terms": response("/taxonomy_terms"),
        "/taxonomies": response("/taxonomies"),
        "/": response("/"),
    }


def canonical(path: Path):
    """The file's JSON, after checking its bytes are the canonical form: keys sorted, no
    spaces, UTF-8 as is, `<` escaped (so the same content always gives the same bytes)."""
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c"), \
        f"{path.name} is not in sorted-key canonical form"
    return data


def check(validator, instance, label):
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    assert not errors, f"{label}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_every_hsds_file_validates_against_the_official_schemas(site, hsds):
    root = site / "openreferral"
    checked = 0
    for name, schemas in [("organizations", ["organization", "/organizations/{id}"]),
                          ("services", ["service", "/services/{id}"]),
                          ("taxonomy_terms", ["taxonomy_term"]),
                          ("taxonomies", ["taxonomy"])]:
        listing = canonical(root / f"{name}.json")
        check(hsds["/" + name], listing, f"{name}.json")
        # The list's page fields, as the OpenAPI Page schema describes them: here one page with everything.
        assert listing["total_items"] == listing["size"] == len(listing["contents"])
        assert (listing["page_number"], listing["total_pages"], listing["first_page"], listing["last_page"]) == (1, 1, True, True)
        assert listing["empty"] == (not listing["contents"])
        files = sorted((root / name).glob("*.json"))
        assert sorted(f"{item['id']}.json" for item in listing["contents"]) == [path.name for path in files], \
            f"{name}.json lists exactly the records of {name}/"
        for path in files:
            record = canonical(path)
            assert record["id"] == path.stem
            for schema in schemas:
                check(hsds[schema], record, f"{name}/{path.name} against {schema}")
            checked += 1
        checked += 1
    index = load(root / "index.json")
    check(hsds["/"], index, "index.json")
    assert index["version"] == "3.0"
    assert {endpoint["path"] for endpoint in index["endpoints"]} >= {
        "/organizations", "/organizations/{id}", "/services", "/services/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}", "/taxonomies"}
    print(f"validated {checked + 1} HSDS files against the official schemas")
    assert checked > 30


def test_every_organisation_is_exported_with_its_identifiers(site):
    organisations = published(ROOT / "content", ORGANISATION_FOLDERS)
    capabilities = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))["capabilities"]
    root = site / "openreferral"
    records = {}
    for path in (root / "organizations").glob("*.json"):
        record = load(path)
        records[record["uri"].rstrip("/").rsplit("/", 1)[-1]] = record
    assert set(records) == set(organisations)
    for slug, data in organisations.items():
        record = records[slug]
        assert record["name"] == data["title"]
        assert record["description"] == data["summary"]
        expected = {(IDENTIFIER_KEYS[key], str(data[key])) for key in IDENTIFIER_KEYS if key in data}
        got = {(item["identifier_scheme"], item["identifier"]) for item in record["organization_identifiers"]}
        assert got == expected, slug
        for item in record["organization_identifiers"]:
            assert item["organization_id"] == record["id"] and item["identifier_type"]
        offers = list(dict.fromkeys(data.get("offers", [])))
        assert [service["name"] for service in record["services"]] == [capabilities[offer] for offer in offers], slug
        for service in record["services"]:
            assert service["organization_id"] == record["id"] and service["status"] == "active"
            assert {a["taxonomy_term"]["code"] for a in service["attributes"]} == set(data["areas"])
        if "location" in data and data["location"].get("city"):
            address = record["locations"][0]["addresses"][0]
            assert address["city"] == data["location"]["city"] and address["country"] == "GB"


def test_ids_are_the_same_in_a_second_build(site, tmp_path):
    again = build(ROOT / "content", tmp_path / "again")
    for name in ("organizations", "services", "taxonomy_terms", "taxonomies"):
        assert (again / "openreferral" / f"{name}.json").read_bytes() == (site / "openreferral" / f"{name}.json").read_bytes()
    assert (again / "directory.json").read_bytes() == (site / "directory.json").read_bytes()
    assert (again / "directory.csv").read_bytes() == (site / "directory.csv").read_bytes()


# (b) directory.csv

AWKWARD_TITLE = '=Smith, "Jones" & Co'
AWKWARD_SUMMARY = 'Makes apps, trackers and "smart" inhalers.\n-Second line: @home, +more.\n'


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("open-data-awkward")
    content = work / "content"
    shutil.copytree(EXAMPLE, content)
    company = content / "companies" / "example-femtech.md"
    text = company.read_text(encoding="utf-8")
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[title] = "title: " + json.dumps(AWKWARD_TITLE)
    # A YAML block scalar: the summary keeps its line breaks.
    lines[summary] = "summary: |\n" + "\n".join("  " + line for line in AWKWARD_SUMMARY.rstrip("\n").split("\n"))
    company.write_text("\n".join(lines), encoding="utf-8")
    assert front_matter(company)["summary"] == AWKWARD_SUMMARY
    return build(content, work / "site"), content


def read_csv(path: Path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "directory.csv starts with a UTF-8 byte-order mark"
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return raw, list(csv.DictReader(handle, strict=True))


def test_csv_round_trips_awkward_values(awkward_site):
    site, content = awkward_site
    raw, rows = read_csv(site / "directory.csv")
    organisations = published(content, ORGANISATION_FOLDERS)
    assert sorted(row["slug"] for row in rows) == sorted(organisations)
    # Records end in CRLF; a bare LF appears only inside the quoted summary.
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == len(rows) + 1
    femtech = next(row for row in rows if row["slug"] == "example-femtech")
    assert femtech["title"] == "'" + AWKWARD_TITLE, "a leading = is guarded with '"
    assert femtech["summary"] == AWKWARD_SUMMARY, "commas, quotes and line breaks survive; only a leading character is guarded"
    assert femtech["url"] == "https://example.org/frontdoor/companies/example-femtech/"
    assert femtech["type"] == "company" and femtech["companies_house"] == "12345678"
    assert femtech["seeks"] == "Clinical trials; Evaluation"
    assert femtech["areas"] == "Women's health"
    for row in rows:
        for column, value in row.items():
            assert not value or value[0] not in "=+-@\t\r", f"{row['slug']}.{column} could run as a formula: {value!r}"


def test_csv_of_the_bundled_content(site):
    _, rows = read_csv(site / "directory.csv")
    organisations = published(ROOT / "content", ORGANISATION_FOLDERS)
    assert len(rows) == len(organisations)
    by_slug = {row["slug"]: row for row in rows}
    for slug, data in organisations.items():
        row = by_slug[slug]
        assert row["title"].lstrip("'") == data["title"]
        for key in ("ods", "ukprn", "companies_house"):
            assert row[key] == str(data.get(key, ""))
        assert row["url"].endswith(f"/{slug}/")


# (c) directory.json


def test_directory_json_has_every_profile(site):
    data = canonical(site / "directory.json")
    assert (data["format"], data["version"]) == ("frontdoor-directory", 1)
    assert data["generated_from"] == "https://frontdoor.example.org/"
    expected = published(ROOT / "content", ORGANISATION_FOLDERS + ("areas", "partnerships"))
    got = [profile["slug"] for key in ("areas", "organisations", "partnerships") for profile in data[key]]
    assert sorted(got) == sorted(expected)
    assert data["counts"]["organisations"] == len(data["organisations"])
    for profile in data["organisations"]:
        source = expected[profile["slug"]]
        assert profile["title"] == source["title"] and profile["summary"] == source["summary"]
        assert profile["areas"] == source["areas"]
        assert set(source.get("partners", [])) <= set(profile["partners"])
    site_yml = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))
    assert [(c["slug"], c["label"]) for c in data["capabilities"]] == list(site_yml["capabilities"].items())
    assert data["regions"] == site_yml.get("regions")


def test_directory_json_keeps_awkward_text(awkward_site):
    site, _ = awkward_site
    data = load(site / "directory.json")
    femtech = next(p for p in data["organisations"] if p["slug"] == "example-femtech")
    assert femtech["title"] == AWKWARD_TITLE, "JSON is not a spreadsheet: no formula guard"
    assert femtech["summary"] == AWKWARD_SUMMARY
