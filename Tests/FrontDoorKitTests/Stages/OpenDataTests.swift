import Foundation
import Testing
@testable import FrontDoorKit

/// The open-data exports (issue 7): Open Referral HSDS 3.0 files, directory.json and
/// directory.csv. Schema validation against the official HSDS schemas is in
/// tests/editor/test_open_data.py.
@Suite("Derive: open data")
struct OpenDataTests {
    typealias Support = SiteTestSupport

    static let directory: Directory = {
        var company = ProfileFactory.make(.company, "awkward", title: "Smith, Jones & \"Partners\"", areas: ["womens-health"],
                                          offers: ["evaluation"], seeks: ["clinical-trials"], partners: ["trust-a"], region: "West Midlands")
        company.summary = "=HYPERLINK(\"https://evil.example\")\nSecond line, with a comma"
        company.companiesHouse = "SC123456"
        company.founded = 2020
        var trust = ProfileFactory.make(.trust, "trust-a", title: "Trust A", areas: ["womens-health", "respiratory"],
                                        offers: ["clinical-trials", "test-bed"], region: "West Midlands")
        trust.ods = "RRK"
        trust.location?.postcode = "B15 2TH"
        var university = ProfileFactory.make(.institution, "uni", title: "University", areas: ["respiratory"])
        university.ukprn = "10000001"
        return Directory(profiles: [
            ProfileFactory.make(.area, "womens-health", title: "Women's health"),
            ProfileFactory.make(.area, "respiratory", title: "Respiratory"),
            company, trust, university,
            ProfileFactory.make(.network, "net", title: "Network", areas: ["respiratory"], members: ["uni"]),
            ProfileFactory.make(.partnership, "mou", title: "An MoU", parties: ["trust-a", "uni"], signed: "2025-06-01"),
        ], config: ProfileFactory.config)
    }()

    // MARK: SHA-1 and UUID version 5

    @Test func sha1MatchesKnownDigests() {
        func hex(_ text: String) -> String { hex(Array(text.utf8)) }
        func hex(_ bytes: [UInt8]) -> String { SHA1.hash(bytes).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // 56 bytes: the padding spills into a second block.
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(hex(Array((0..<768).map { UInt8($0 % 256) })) == "ac2a264c8ec1f4232a40854e8239bc3a697ab1d2")
    }

    @Test func uuid5MatchesPythonsUUIDModule() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") and friends.
        #expect(UUIDv5.string(namespace: UUIDv5.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(UUIDv5.string(namespace: UUIDv5.dnsNamespace, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        #expect(UUIDv5.string(namespace: UUIDv5.urlNamespace, name: "https://example.org/") == "527dda32-a0de-5105-a042-cb475b5f7d11")
    }

    @Test func hsdsIdsFollowTheDocumentedScheme() {
        // uuid5(UUID("bd4feb0e-9a43-4d00-9953-a926d3f58bc6"), "organization/example-femtech"): pins the
        // namespace, so an id published once never changes under a later release.
        #expect(HSDSIdentifiers.organization("example-femtech") == "a352c799-d8d9-51bf-8f55-f054ef8553f9")
        let ids = [HSDSIdentifiers.organization("trust-a"), HSDSIdentifiers.service(organization: "trust-a", capability: "test-bed"),
                   HSDSIdentifiers.taxonomyTerm("trust-a"), HSDSIdentifiers.location("trust-a"), HSDSIdentifiers.address("trust-a"),
                   HSDSIdentifiers.organizationIdentifier("trust-a", scheme: "GB-NHS"), HSDSIdentifiers.taxonomy,
                   HSDSIdentifiers.attribute(owner: "organization/trust-a", area: "respiratory")]
        #expect(Set(ids).count == ids.count, "every kind of record has its own id")
        for id in ids {
            #expect(id.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil, "\(id)")
        }
    }

    // MARK: HSDS

    static func json(_ file: OutputFile) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any], "\(file.path) is not a JSON object")
    }

    @Test func hsdsMapsOrganisationsServicesAndAreas() throws {
        let files = Dictionary(uniqueKeysWithValues: HSDSExport.files(Self.directory).map { ($0.path, $0) })
        let trustID = HSDSIdentifiers.organization("trust-a")
        let trust = try Self.json(try #require(files["openreferral/organizations/\(trustID).json"]))
        #expect(trust["name"] as? String == "Trust A")
        #expect(trust["description"] as? String == "Summary of trust-a.")
        let identifiers = try #require(trust["organization_identifiers"] as? [[String: Any]])
        #expect(identifiers.map { $0["identifier_scheme"] as? String } == ["GB-NHS"])
        #expect(identifiers.first?["identifier"] as? String == "RRK")
        let services = try #require(trust["services"] as? [[String: Any]])
        #expect(services.map { $0["name"] as? String } == ["Clinical trials", "Test bed"])
        #expect(services.first?["description"] as? String == "Trust A offers clinical trials to companies and other organisations.")
        let attributes = try #require(services.first?["attributes"] as? [[String: Any]])
        #expect(attributes.map { $0["taxonomy_term_id"] as? String } == [HSDSIdentifiers.taxonomyTerm("womens-health"), HSDSIdentifiers.taxonomyTerm("respiratory")])
        let address = try #require(((trust["locations"] as? [[String: Any]])?.first?["addresses"] as? [[String: Any]])?.first)
        #expect(address["city"] as? String == "Birmingham")
        #expect(address["postal_code"] as? String == "B15 2TH")
        #expect(address["country"] as? String == "GB")

        // Each service has its own file, with its organisation.
        let serviceID = HSDSIdentifiers.service(organization: "trust-a", capability: "test-bed")
        let service = try Self.json(try #require(files["openreferral/services/\(serviceID).json"]))
        #expect((service["organization"] as? [String: Any])?["id"] as? String == trustID)
        #expect(service["status"] as? String == "active")

        // Lists are one page with everything; partnerships and areas are not organisations.
        let list = try Self.json(try #require(files["openreferral/organizations.json"]))
        #expect(list["total_items"] as? Int == 4 && list["size"] as? Int == 4 && list["total_pages"] as? Int == 1)
        #expect(list["first_page"] as? Bool == true && list["last_page"] as? Bool == true && list["empty"] as? Bool == false)
        #expect((try Self.json(try #require(files["openreferral/services.json"])))["total_items"] as? Int == 3)
        #expect((try Self.json(try #require(files["openreferral/taxonomy_terms.json"])))["total_items"] as? Int == 2)
        let company = try Self.json(try #require(files["openreferral/organizations/\(HSDSIdentifiers.organization("awkward")).json"]))
        #expect((company["organization_identifiers"] as? [[String: Any]])?.first?["identifier_scheme"] as? String == "GB-COH")
        #expect(company["year_incorporated"] as? Int == 2020)
        let index = try Self.json(try #require(files["openreferral/index.json"]))
        #expect(index["version"] as? String == "3.0")
    }

    @Test func batchesMakeTheSameFilesAsOnePass() {
        var batched: [OutputFile] = []
        var calls = 0
        OpenDataExport.files(Self.directory, batch: 1) { files in
            batched += files
            calls += 1
        }
        #expect(calls == Self.directory.organisations.count + 2,
                "the lists' starts, one call per organisation, then the rest of the lists and their ends")
        let pieces = batched.filter { $0.piece != .whole }
        #expect(Set(pieces.map(\.path)) == ["openreferral/organizations.json", "openreferral/services.json", "directory.json", "directory.csv"])
        #expect(pieces.filter { $0.piece == .next }.count == 4 * Self.directory.organisations.count, "each list grows a piece per batch")
        batched = OutputFile.joiningPieces(batched)
        let onePass = HSDSExport.files(Self.directory) + [DirectoryJSON.file(Self.directory), DirectoryCSV.file(Self.directory)]
        #expect(Dictionary(uniqueKeysWithValues: batched.map { ($0.path, $0.data) })
                == Dictionary(uniqueKeysWithValues: onePass.map { ($0.path, $0.data) }))
    }

    @Test func exportsAreTheSameBytesEveryTime() {
        let first = OpenDataExport.files(Self.directory), second = OpenDataExport.files(Self.directory)
        #expect(first == second)
        #expect(Set(first.map(\.path)).count == first.count, "no path is written twice")
    }

    // MARK: directory.csv

    @Test func csvFieldsAreQuotedAndGuarded() {
        #expect(DirectoryCSV.field("plain") == "plain")
        #expect(DirectoryCSV.field("a, b") == "\"a, b\"")
        #expect(DirectoryCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DirectoryCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(DirectoryCSV.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(DirectoryCSV.field("=1+1") == "'=1+1")
        #expect(DirectoryCSV.field("+44 121") == "'+44 121")
        #expect(DirectoryCSV.field("-2") == "'-2")
        #expect(DirectoryCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(DirectoryCSV.field("\tx") == "'\tx")
        #expect(DirectoryCSV.field("=A1,B1") == "\"'=A1,B1\"")
        #expect(DirectoryCSV.field("a-b=c") == "a-b=c", "only a leading character is a formula")
        #expect(DirectoryCSV.field("") == "")
    }

    /// A strict RFC 4180 reader, to read the file back.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(character)
            }
        }
        return rows
    }

    @Test func csvHasABOMCRLFAndRoundTrips() throws {
        let file = DirectoryCSV.file(Self.directory)
        let bytes = [UInt8](file.data)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bytes.suffix(2) == [13, 10])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = Self.parseCSV(text)
        #expect(rows.first == DirectoryCSV.columns)
        #expect(rows.count == 1 + Self.directory.organisations.count)
        #expect(rows.allSatisfy { $0.count == DirectoryCSV.columns.count })
        let column = Dictionary(uniqueKeysWithValues: DirectoryCSV.columns.enumerated().map { ($1, $0) })
        let awkward = try #require(rows.first { $0[0] == "awkward" })
        #expect(awkward[column["title"]!] == "Smith, Jones & \"Partners\"")
        #expect(awkward[column["summary"]!] == "'=HYPERLINK(\"https://evil.example\")\nSecond line, with a comma")
        #expect(awkward[column["url"]!] == "https://example.org/fd/companies/awkward/")
        #expect(awkward[column["areas"]!] == "Women's health")
        #expect(awkward[column["offers"]!] == "Evaluation")
        #expect(awkward[column["seeks"]!] == "Clinical trials")
        #expect(awkward[column["companies_house"]!] == "SC123456")
        #expect(awkward[column["partners"]!] == "trust-a")
        let trust = try #require(rows.first { $0[0] == "trust-a" })
        #expect(trust[column["partners"]!] == "awkward", "partners are shown both ways")
        #expect(trust[column["areas"]!] == "Women's health; Respiratory")
        // Every line break outside a quoted field is CRLF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    // MARK: directory.json

    @Test func directoryJSONRoundTripsAndHasEveryProfile() throws {
        let file = DirectoryJSON.file(Self.directory)
        let json = try Self.json(file)
        #expect(json["format"] as? String == "frontdoor-directory")
        #expect(json["version"] as? Int == 1)
        #expect(json["generated_from"] as? String == "https://example.org/fd/")
        let areas = try #require(json["areas"] as? [[String: Any]])
        let organisations = try #require(json["organisations"] as? [[String: Any]])
        let partnerships = try #require(json["partnerships"] as? [[String: Any]])
        let slugs = (areas + organisations + partnerships).compactMap { $0["slug"] as? String }
        #expect(Set(slugs) == Set(Self.directory.bySlug.slugs))
        #expect(slugs.count == Self.directory.count)
        let trust = try #require(organisations.first { $0["slug"] as? String == "trust-a" })
        #expect(trust["partners"] as? [String] == ["awkward"])
        #expect(trust["partners_listed"] as? [String] == [])
        #expect(trust["partnerships"] as? [String] == ["mou"])
        #expect(trust["ods"] as? String == "RRK")
        let university = try #require(organisations.first { $0["slug"] as? String == "uni" })
        #expect(university["member_of"] as? [String] == ["net"])
        let mou = try #require(partnerships.first)
        #expect(mou["kind"] as? String == "mou" && mou["status"] as? String == "active", "defaults are filled in")
        #expect((json["capabilities"] as? [[String: Any]])?.count == 3)
        // Re-encoding what was read gives the same data (sorted keys, nothing lost).
        let again = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        #expect(NSDictionary(dictionary: try Self.json(OutputFile(path: "again", data: again))).isEqual(to: json))
    }

    // MARK: A whole build

    @Test func aBuildWritesEveryOpenDataFileAndTheIdsAreStable() throws {
        let workspace = try Support.Workspace("open-data")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        try Support.buildOK(content: content, output: workspace.path("one"))
        try Support.buildOK(content: content, output: workspace.path("two"))
        let one = try Support.snapshot(workspace.path("one")), two = try Support.snapshot(workspace.path("two"))

        let organisations = ["example-university", "example-hospitals", "example-health-network", "example-femtech"]
        var expected = ["directory.json", "directory.csv", "openreferral/index.json", "openreferral/organizations.json",
                        "openreferral/services.json", "openreferral/taxonomy_terms.json", "openreferral/taxonomies.json",
                        "openreferral/taxonomies/\(HSDSIdentifiers.taxonomy).json"]
        expected += organisations.map { "openreferral/organizations/\(HSDSIdentifiers.organization($0)).json" }
        expected += ["mental-health", "womens-health"].map { "openreferral/taxonomy_terms/\(HSDSIdentifiers.taxonomyTerm($0)).json" }
        for path in expected {
            #expect(one.files[path] != nil, "the build did not write \(path)")
        }
        let openData = one.paths.filter { $0.hasPrefix("openreferral/") || $0.hasPrefix("directory.") }
        #expect(!openData.isEmpty)
        for path in openData {
            #expect(one.files[path] == two.files[path], "\(path) differs between two builds of the same content")
        }

        let list = try Self.json(OutputFile(path: "list", data: try #require(one.files["openreferral/organizations.json"])))
        let ids = try #require(list["contents"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(Set(ids) == Set(organisations.map(HSDSIdentifiers.organization)))
        let services = try Self.json(OutputFile(path: "services", data: try #require(one.files["openreferral/services.json"])))
        for service in try #require(services["contents"] as? [[String: Any]]) {
            let id = try #require(service["id"] as? String)
            #expect(one.files["openreferral/services/\(id).json"] != nil, "no file for service \(id)")
        }
        let csv = try #require(one.files["directory.csv"])
        #expect(Self.parseCSV(String(decoding: csv.dropFirst(3), as: UTF8.self)).count == 1 + organisations.count)
    }
}
