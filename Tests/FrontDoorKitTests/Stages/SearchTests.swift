import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Derive: text analysis")
struct TextAnalyzerTests {
    /// The ASCII fast path must give exactly what the Unicode path gives.
    @Test(arguments: [
        "Women's Health & Care: 24/7 support, COVID-19 tests.", "  ", "", "don't STOP-me_now\tA1b2 c3!",
        "x\u{01}y\u{7F}z", "The NHS's 'virtual wards' (2023) -- £ not here", "end'",
    ])
    func asciiTokensMatchTheUnicodePath(text: String) {
        let unicode = TextAnalyzer.unicodeTokens(TextAnalyzer(), text)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(TextAnalyzer.asciiTokens(text) == unicode)
        } else {
            #expect(TextAnalyzer.asciiTokens(text) == nil)
        }
        #expect(TextAnalyzer().tokens(text) == unicode)
    }

    let analyzer = TextAnalyzer()

    @Test func foldsCaseAndDiacritics() {
        #expect(analyzer.fold("Nāri CAFÉ ﬁne") == "nari cafe fine")
        #expect(analyzer.terms("Nāri") == analyzer.terms("nari"))
    }

    @Test func apostrophesDisappear() {
        #expect(analyzer.terms("women's") == ["women"])
        #expect(analyzer.terms("womens") == ["women"])
        #expect(analyzer.terms("women\u{2019}s") == ["women"])
        #expect(analyzer.terms("women") == ["women"])
    }

    @Test(arguments: [("paediatric", "pediatric"), ("gynaecology", "gynecology"), ("organisation", "organization"),
                      ("haematology", "hematology"), ("tumours", "tumors"), ("centre", "center"), ("anaesthetist", "anesthetist"),
                      ("optimised", "optimized"), ("behaviour", "behavior")])
    func britishAndAmericanSpellingsMeet(_ british: String, _ american: String) {
        #expect(analyzer.terms(british) == analyzer.terms(american))
        #expect(!analyzer.terms(british).isEmpty)
    }

    @Test func stopWordsAreDroppedAndTokensSplitOnPunctuation() {
        #expect(analyzer.terms("The trials of the NHS-led test-bed") == ["trial", "nhs", "led", "test", "bed"])
        #expect(analyzer.terms("covid-19 中文") == ["covid", "19", "中文"])
    }

    @Test func typoDistanceCountsASwapAsOneEdit() {
        func distance(_ a: String, _ b: String, _ limit: Int = 2) -> Int { TypoDistance.between(Array(a.utf16), Array(b.utf16), limit: limit) }
        #expect(distance("health", "helth") == 1)
        #expect(distance("mental", "mentla") == 1)
        #expect(distance("clinic", "clinic") == 0)
        #expect(distance("abcdef", "uvwxyz", 1) == 2)
    }
}

@Suite("Derive: ranking on the bundled Birmingham content")
struct BundledSearchTests {
    static let searcher: Searcher? = {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content").path
        guard let directory = try? SiteBuilder().check(content: content).directory else { return nil }
        return Searcher(index: SearchIndex.build(from: directory))
    }()

    /// The examples of issue 3, each with the profile it must find first.
    @Test(arguments: [
        ("maternity app", "example-nari-health"),
        ("Nari", "example-nari-health"),
        ("nāri health", "example-nari-health"),
        ("UHB", "university-hospitals-birmingham"),
        ("mentall helth", "mental-health"),
        ("clinical trials Birmingham", "institute-of-translational-medicine"),
        ("menopause", "example-menopause-app"),
        ("BHP evaluation", "bhp-evaluation-service"),
        ("abhi", "abhi"),
        ("psychiatry", "mental-health"),
        ("hospital at home", "virtual-wards"),
    ])
    func exampleFindsItsTargetFirst(_ query: String, _ target: String) throws {
        let searcher = try #require(Self.searcher)
        #expect(searcher.search(query).results.first?.slug == target, "\(searcher.search(query).results.prefix(3).map(\.slug))")
    }

    @Test func americanSpellingFindsWomensHealthFirst() throws {
        let searcher = try #require(Self.searcher)
        let index = searcher.index
        for query in ["gynecology", "gynaecology", "pediatric women"] {
            let first = try #require(searcher.search(query).results.first, "\(query)")
            let document = try #require(index.documents.first { $0.slug == first.slug })
            #expect(document.slug == "womens-health" || document.areas.contains("womens-health"), "\(query): \(first.slug)")
        }
    }

    @Test func synonymsFindProfilesThatNeverSayTheWord() throws {
        let searcher = try #require(Self.searcher)
        // "obstetrics" is a synonym of women's health; the maternity company never writes it.
        let body = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content/companies/example-maternity-monitor.md").path, encoding: .utf8)
        #expect(!body.lowercased().contains("obstetric"))
        #expect(searcher.search("obstetrics").results.map(\.slug).contains("example-maternity-monitor"))
    }

    @Test func exactMatchesOutrankTypoMatches() throws {
        let searcher = try #require(Self.searcher)
        let exact = searcher.search("health").results.first?.score ?? 0
        let typo = searcher.search("helth").results.first?.score ?? 0
        #expect(typo > 0)
        #expect(typo < exact)
    }

    @Test func filtersNarrowAndCountTheOtherFacets() throws {
        let searcher = try #require(Self.searcher)
        let all = searcher.search("health")
        let trusts = searcher.search("health", filters: .init(type: "trust"))
        #expect(trusts.total > 0 && trusts.total < all.total)
        #expect(trusts.results.allSatisfy { $0.type == "trust" })
        // The type facet ignores the type filter itself, so the other types stay visible with counts.
        #expect(trusts.facets["type"]?.first { $0.value == "company" }?.count == all.facets["type"]?.first { $0.value == "company" }?.count)
        #expect(trusts.facets["type"]?.first { $0.value == "trust" }?.count == trusts.total)
        let offering = searcher.search("", filters: .init(capability: "clinical-trials"))
        #expect(offering.total > 0)
        #expect(offering.results.map(\.slug) == offering.results.map(\.slug).sorted())
    }

    @Test func severalValuesOfOneFilterCombineWithOrAndFiltersWithAnd() throws {
        let searcher = try #require(Self.searcher)
        let all = searcher.search("health", limit: 500)
        let trusts = searcher.search("health", filters: .init(type: "trust"), limit: 500)
        let companies = searcher.search("health", filters: .init(type: "company"), limit: 500)
        let either = searcher.search("health", filters: .init(types: ["trust", "company", "trust", ""]), limit: 500)
        #expect(trusts.total > 0 && companies.total > 0)
        // OR within a filter: every trust and every company, ranked as without the filter.
        #expect(either.total == trusts.total + companies.total)
        #expect(either.results.map(\.slug) == all.results.filter { ["trust", "company"].contains($0.type) }.map(\.slug))
        // A single value in the list is the same as the single-value filter.
        #expect(searcher.search("health", filters: .init(types: ["trust"]), limit: 500).results == trusts.results)
        // Each type's count is what choosing it alone would give, whatever else is chosen in the filter.
        #expect(either.facets["type"]?.first { $0.value == "trust" }?.count == trusts.total)
        #expect(either.facets["type"]?.first { $0.value == "company" }?.count == companies.total)
        // AND across filters: an area narrows the two types together.
        let area = try #require(either.facets["area"]?.first { $0.count > 0 && $0.count < either.total }?.value)
        let both = searcher.search("health", filters: .init(types: ["trust", "company"], areas: [area]), limit: 500)
        let areaOnly = searcher.search("health", filters: .init(area: area), limit: 500)
        #expect(both.total > 0)
        #expect(Set(both.results.map(\.slug)) == Set(either.results.map(\.slug)).intersection(areaOnly.results.map(\.slug)))
        // Two areas: results with either of them.
        let other = try #require(all.facets["area"]?.first { $0.value != area && $0.count > 0 }?.value)
        let twoAreas = searcher.search("health", filters: .init(areas: [area, other]), limit: 500)
        let otherOnly = searcher.search("health", filters: .init(area: other), limit: 500)
        #expect(Set(twoAreas.results.map(\.slug)) == Set(areaOnly.results.map(\.slug)).union(otherOnly.results.map(\.slug)))
        // An unknown value matches nothing; beside a known one it takes nothing away.
        #expect(searcher.search("health", filters: .init(areas: ["no-such-area"])).total == 0)
        #expect(searcher.search("health", filters: .init(areas: [area, "no-such-area"]), limit: 500).results == areaOnly.results)
    }

    @Test func tiesBreakBySlugAndResultsAreStable() throws {
        let searcher = try #require(Self.searcher)
        let first = searcher.search("birmingham", limit: 100).results
        #expect(first == searcher.search("birmingham", limit: 100).results)
        for (a, b) in zip(first, first.dropFirst()) {
            #expect(a.score > b.score || (a.score == b.score && a.slug < b.slug))
        }
    }
}

@Suite("Derive: split search index")
struct SearchShardTests {
    @Test func shardsReadBackAsTheSameIndex() throws {
        let searcher = try #require(BundledSearchTests.searcher)
        let index = searcher.index
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fd-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = SearchIndexShards.files(index)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        #expect(files.contains { $0.path == SearchIndexShards.manifestPath })
        #expect(files.filter { $0.path.hasPrefix("search/docs/") }.count == (index.documents.count + SearchIndexShards.chunkSize - 1) / SearchIndexShards.chunkSize)
        let read = try SearchIndexJSON.read(siteDirectory: root.path)
        #expect(read == index)
        #expect(Searcher(index: read).search("maternity app").results == searcher.search("maternity app").results)
    }

    @Test func shardsHandedOverInGroupsAreTheWholeIndex() throws {
        let index = try #require(BundledSearchTests.searcher).index
        let whole = SearchIndexShards.files(index)
        var groups: [[OutputFile]] = []
        SearchIndexShards.files(index, group: 3) { groups.append($0) }
        #expect(groups.count > 2, "the bundled index makes more than a few files")
        #expect(groups.dropFirst().dropLast().allSatisfy { $0.count == 3 }, "\(groups.map(\.count))")
        #expect(groups.joined().sorted { $0.path < $1.path } == whole)
    }

    @Test func shardFileNamesAreHexAndEveryTermLivesInItsLongestPrefixShard() throws {
        #expect(SearchIndexShards.fileName("he") == "6865")
        #expect(SearchIndexShards.fileName("中文") == "e4b8ade69687")
        let index = try #require(BundledSearchTests.searcher).index
        let shards = SearchIndexShards.shards(index)
        #expect(shards.values.reduce(0) { $0 + $1.count } == index.terms.count)
        for (prefix, terms) in shards {
            for term in terms {
                let longest = shards.keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count }
                #expect(longest == prefix, "\(term) is in \(prefix), but the longest matching shard is \(longest ?? "none")")
            }
        }
    }
}

/// Small indexes keep each profile's terms from the first pass for the second; large ones
/// read the texts again. The index must be the same either way.
@Suite("Derive: search index with terms kept or read again")
struct SearchIndexKeptTermsTests {
    @Test func keptTermsMakeTheSameIndexAsReadingAgain() throws {
        let words = ["care", "caring", "Paediatric", "pediatric", "the", "of", "Nāri", "alpha", "Alpha", "ward", "wards", "x", "2024"]
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text(_ most: Int) -> String { (0..<next(most + 1)).map { _ in words[next(words.count)] }.joined(separator: " ") }
        let profiles = DirectoryResortTests.profiles.map { profile -> Profile in
            var profile = profile
            profile.title += " " + text(3)
            profile.body = text(40) + "\n\n## " + text(4) + "\n\n" + text(30)
            profile.aliases = (0..<next(3)).map { _ in text(2) }
            profile.tags = (0..<next(3)).map { _ in text(2) }
            return profile
        }
        let directory = Directory(profiles: profiles, config: ProfileFactory.config)
        let kept = SearchIndex.build(from: directory, analyzer: TextAnalyzer(), keepingTermsUpTo: .max)
        let readAgain = SearchIndex.build(from: directory, analyzer: TextAnalyzer(), keepingTermsUpTo: 0)
        #expect(kept.documents.count == profiles.count)
        #expect(kept.terms.values.contains { $0.entries.contains { $0.position > 0 } }, "some term sits past a title's first place")
        #expect(kept == readAgain)
        #expect(SearchIndexJSON.encode(kept) == SearchIndexJSON.encode(readAgain))
    }
}

/// The index writes its numbers' digits itself; they must be what `number` (and so
/// `Double.description`) writes.
@Suite("Derive: search index numbers")
struct SearchIndexNumberTests {
    @Test func thousandthsAndIntegersAreWrittenAsDoublesAreDescribed() {
        var values = Array(-3_000...3_000) + [999_999, 1_000_000, 123_456_789, 999_999_999_999, 1_000_000_000_000, -999_999_999_999]
        var seed: UInt64 = 5
        for _ in 0..<20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int(truncatingIfNeeded: seed >> 20) % 2_000_000_000_000)
        }
        for value in values {
            var fast = JSONText(), slow = JSONText()
            fast.thousandths(value)
            slow.number(Double(value) / 1000)
            #expect(fast.bytes == slow.bytes, "\(value): \(String(decoding: fast.bytes, as: UTF8.self)) vs \(String(decoding: slow.bytes, as: UTF8.self))")
            var integer = JSONText()
            integer.integer(value)
            #expect(String(decoding: integer.bytes, as: UTF8.self) == String(value))
        }
        var extremes = JSONText()
        extremes.integer(Int.min)
        extremes.raw(",")
        extremes.integer(Int.max)
        #expect(String(decoding: extremes.bytes, as: UTF8.self) == "\(Int.min),\(Int.max)")
    }
}
