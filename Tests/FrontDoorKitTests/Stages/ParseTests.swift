import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Parse: front matter")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithFileLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# Body\n\ntext\n")
        #expect(split.yaml == "title: A\nsummary: B")
        #expect(split.yamlLine == 2)
        #expect(split.body == "# Body\n\ntext")
        #expect(split.bodyLine == 5)
    }

    @Test func acceptsTrailingSpacesOnFences() throws {
        let split = try FrontMatter.split("---  \ntitle: A\n--- \nbody")
        #expect(split.yaml == "title: A")
        #expect(split.body == "body")
    }

    @Test func missingAndUnclosed() {
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split("title: A\n---\n") }
        #expect(throws: FrontMatter.Failure.unclosed) { try FrontMatter.split("---\ntitle: A\n") }
    }
}

@Suite("Parse: YAML with positions")
struct YAMLReaderTests {
    @Test func valuesCarryFileLines() throws {
        let tree = try YAMLReader.read("title: A\nareas:\n  - one\n  - two\n", firstLine: 2)
        guard case .map(let entries, _) = tree else { Issue.record("not a map"); return }
        #expect(entries.map(\.key) == ["title", "areas"])
        #expect(entries[0].keyPosition == SourcePosition(line: 2, column: 1))
        guard case .list(let items, _) = entries[1].value else { Issue.record("not a list"); return }
        #expect(items.map(\.position.line) == [4, 5])
        #expect(items[1].position.column == 5)
    }

    @Test func scalarsKeepTheirResolvedTag() throws {
        let tree = try YAMLReader.read("a: true\nb: 2021\nc: \"2021\"\nd:\n", firstLine: 1)
        guard case .map(let entries, _) = tree else { Issue.record("not a map"); return }
        let tags = entries.map { entry -> String in
            if case .scalar(_, let tag, _) = entry.value { return tag }
            return "?"
        }
        #expect(tags == ["bool", "int", "str", "null"])
    }

    @Test func syntaxErrorReportsTheFileLine() {
        do {
            _ = try YAMLReader.read("title: A\nsummary: [unclosed\nareas: x\n", firstLine: 2)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.position.line >= 3)
            #expect(!error.tooComplex)
        }
    }

    @Test func aliasBombIsRefusedQuickly() {
        // Each level doubles: 2^20 values if expanded.
        var yaml = "a0: &a0 [x, x]\n"
        for level in 1...20 { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        do {
            _ = try YAMLReader.read(yaml, firstLine: 2)
            Issue.record("expected the alias expansion to be refused")
        } catch {
            #expect(error.tooComplex)
        }
    }
}

@Suite("Parse: Markdown")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(basePath: "/frontdoor/")

    @Test func rendersGitHubExtensions() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.org\n\n- [x] done\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func rawHTMLNeverPassesThrough() {
        let html = renderer.render("<script>alert(1)</script>\n\nText <b onmouseover=x>bold</b>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onmouseover"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html,hi", "file:///etc/passwd", "ftp://example.org/"])
    func unsafeSchemesAreDropped(_ url: String) {
        let rendered = renderer.render("[x](\(url)) and ![i](\(url))\n")
        #expect(!rendered.html.lowercased().contains(url.lowercased()))
        #expect(rendered.droppedLinks.count == 2)
        #expect(rendered.droppedLinks.first?.line == 1)
    }

    @Test func safeLinksAreKeptAndRootRelativeOnesMovedUnderTheBasePath() {
        let rendered = renderer.render("[a](https://a.example/) [b](mailto:x@example.org) [c](/trusts/uhb/) [d](../x/) [e](#top)\n")
        #expect(rendered.droppedLinks.isEmpty)
        #expect(rendered.html.contains("href=\"/frontdoor/trusts/uhb/\""))
        #expect(rendered.html.contains("href=\"../x/\""))
        #expect(rendered.html.contains("href=\"mailto:x@example.org\""))
        #expect(rendered.links.map(\.url) == ["https://a.example/", "mailto:x@example.org", "/trusts/uhb/", "../x/", "#top"])
    }

    @Test func headingsGetStableUniqueIDsAndStartAtH2() {
        let rendered = renderer.render("# Top\n\n## Expertise\n\n## Expertise\n\n### Nāri & co\n")
        #expect(rendered.headingIDs == ["top", "expertise", "expertise-2", "nari-and-co"])
        #expect(rendered.html.contains("<h2 id=\"top\">Top</h2>"))
        #expect(rendered.html.contains("<h2 id=\"expertise-2\">"))
        #expect(rendered.html.contains("<h3 id=\"nari-and-co\">"))
        #expect(!rendered.html.contains("<h1"))
    }

    @Test func headingLikeTextInCodeIsNotTouched() {
        let rendered = renderer.render("```\n<h2>not a heading</h2>\n```\n\n## Real\n")
        #expect(rendered.html.contains("&lt;h2&gt;not a heading"))
        #expect(rendered.html.contains("<h2 id=\"real\">Real</h2>"))
    }
}

@Suite("Parse: documents")
struct DocumentParserTests {
    let parser = DocumentParser(markdown: MarkdownRenderer())

    func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(relativePath: path, displayPath: "content/" + path, data: Data(text.utf8))
    }

    @Test func typeAndSlugComeFromThePath() throws {
        let (document, problems) = parser.parse(file("companies/acme-ltd.md", "---\ntitle: Acme\n---\nHello\n"))
        #expect(problems.isEmpty)
        let parsed = try #require(document)
        #expect(parsed.type == .company)
        #expect(parsed.slug == "acme-ltd")
        #expect(parsed.bodyLine == 4)
        #expect(parsed.markdown.html == "<p>Hello</p>\n")
    }

    @Test func byteOrderMarkAndWindowsLineEndsAreAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\r\ntitle: Acme\r\n---\r\nHello\r\n".utf8))
        let (document, problems) = parser.parse(SourceFile(relativePath: "companies/a.md", displayPath: "a.md", data: data))
        #expect(problems.isEmpty)
        #expect(document?.frontMatter.first?.key == "title")
    }

    @Test func invalidUTF8NamesTheLine() {
        var data = Data("---\ntitle: A\n".utf8)
        data.append(contentsOf: [0x73, 0xFF, 0x0A])
        let (_, problems) = parser.parse(SourceFile(relativePath: "companies/a.md", displayPath: "a.md", data: data))
        #expect(problems.map(\.code) == ["not-utf8"])
        #expect(problems.first?.line == 3)
    }

    @Test func frontMatterThatIsAListIsRejected() {
        let (_, problems) = parser.parse(file("areas/x.md", "---\n- a\n- b\n---\n"))
        #expect(problems.map(\.code) == ["not-a-mapping"])
        #expect(problems.first?.line == 2)
    }
}

@Suite("Parse: Markdown on many threads at once")
struct ParallelMarkdownTests {
    /// cmark-gfm's parsers share a global table of special characters; parsing on many
    /// threads once dropped `~~strikethrough~~` from some pages of a build.
    @Test func everyBodyGetsItsExtensionsWhenParsedInParallel() {
        let renderer = MarkdownRenderer()
        let bodies = (0..<3000).map { "Item \($0): ~~planned~~ pilot\n\n| a | b |\n|---|---|\n| 1 | 2 |\n" }
        let pages = bodies.parallelMap { renderer.render($0).html }
        #expect(pages.allSatisfy { $0.contains("<del>planned</del>") && $0.contains("<table>") })
    }
}
