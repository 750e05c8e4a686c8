import Foundation
import Testing
@testable import FrontDoorKit

/// Internal link checking: the href/src scanner, resolving links as a browser does, the
/// positions and HTML form of Markdown links, and the diagnostics of a check.
@Suite("Render: link checking")
struct LinkCheckTests {
    // MARK: The scanner

    @Test func scannerFindsHrefAndSrcInBothQuoteStylesAndUnquoted() {
        let html = """
        <!doctype html><html><head><link rel="stylesheet" href="/s.css"><script src='/a.js' defer></script></head>
        <body><a class=x href=/plain/>x</a><A HREF = "/upper/">y</A><img alt="i" src = '/i.png' /><a/href="/slash/">z</a>
        <a href="">empty</a><p>text with href="/not-a-tag/" and src=/nor-this/ in it</p>
        """
        #expect(InternalLinkChecker.links(in: html) == ["/s.css", "/a.js", "/plain/", "/upper/", "/i.png", "/slash/", ""])
    }

    @Test func scannerIgnoresOtherAttributesThatEndInHrefOrSrc() {
        let html = """
        <a data-href="/data/" href="/real/" xlink:href="/xlink/" hreflang="en"><img srcset="/a.png 1x, /b.png 2x" data-src="/lazy.png" src="/img.png">
        <svg><use xlink:href="#icon"></use></svg><a title='href="/in-a-value/"' href='/after/'>t</a>
        """
        #expect(InternalLinkChecker.links(in: html) == ["/real/", "/img.png", "/after/"])
    }

    @Test func scannerDecodesEntities() {
        let html = """
        <a href="/search/?q=a&amp;type=company">1</a><a href='/it&#39;s/'>2</a><a href="/x&#x2F;y&quot;">3</a>
        <a href="/legacy?a=1&amp=2&ampx=3&lt">4</a><a href="&unknown; &">5</a>
        """
        #expect(InternalLinkChecker.links(in: html) == ["/search/?q=a&type=company", "/it's/", "/x/y\"", "/legacy?a=1&amp=2&ampx=3<", "&unknown; &"])
    }

    @Test func scannerSkipsCommentsScriptsStylesAndEndTags() {
        let html = """
        <!-- <a href="/commented/"> --><!DOCTYPE html><?xml x href="/pi/"?>
        <script>var s = '<a href="/in-script/">'; if (a < b) {}</script><style>a[href="/in-style/"]{}</style>
        <SCRIPT src="/js.js"></SCRIPT ><a href="/after-script/"></a href="/end-tag/"><a href="/unterminated
        """
        #expect(InternalLinkChecker.links(in: html) == ["/js.js", "/after-script/", "/unterminated"])
    }

    @Test func scannerReadsDataLikeStrings() {
        let html = #"<a href="/one/">é</a><img src="/caf%C3%A9.png">"#
        #expect(InternalLinkChecker.links(in: Data(html.utf8)) == ["/one/", "/caf%C3%A9.png"])
        #expect(InternalLinkChecker.links(in: "") == [])
        #expect(InternalLinkChecker.links(in: "<a href=") == [])
        #expect(InternalLinkChecker.links(in: "<") == [])
    }

    // MARK: Resolving

    static let outputs: Set<String> = [
        "index.html", "404.html", "companies/index.html", "companies/acme/index.html", "search/index.html",
        "sitemap.xml", "partnerships/feed.xml", "assets/logos/Lab logo #2.svg", "static/style.1234abcd.css",
    ]
    let checker = InternalLinkChecker(baseURL: "https://example.org/fd/", outputPaths: Self.outputs)
    let page = "companies/acme/index.html"

    @Test(arguments: [
        "/fd/", "/fd", "/fd/companies/", "/fd/companies", "/fd/companies/acme/", "/fd/companies/acme", "/fd/companies/acme/index.html",
        "/fd/search/?q=a#results", "/fd/sitemap.xml", "/fd/partnerships/feed.xml", "/fd/assets/logos/Lab%20logo%20%232.svg",
        "/fd/static/style.1234abcd.css", "./", ".", "../", "..", "../../", "../acme/", "../../search/", "../../sitemap.xml",
        "index.html", "?q=x", "", "#top", "https://example.org/fd/companies/acme/", "HTTP://EXAMPLE.ORG/fd/", "//example.org/fd/",
        "https://example.org/fd", "/fd/x/../companies/", "/fd/%63ompanies/", " /fd/companies/ ", "/fd/./companies/acme/",
        "/fd/companies/acme/.", "/fd/static/style.1234abcd.css?v=1",
    ])
    func linksThatResolve(_ href: String) {
        let target = checker.target(of: href, onPage: page)
        #expect(checker.resolves(target), "\(href) -> \(target)")
    }

    @Test(arguments: [
        ("/fd/companies/nope/", "companies/nope", true), ("/fd/sitemap.xml/", "sitemap.xml", true),
        ("../nope/", "companies/nope", true), ("nope", "companies/acme/nope", false), ("../../../up/", nil, true),
        ("https://example.org/fd/nope", "nope", false), ("//example.org/fd/nope/", "nope", true),
        ("/fd/companies//acme/", "companies//acme", true), ("/fd/companies/acme/index.htm", "companies/acme/index.htm", false),
        ("/fd/assets/logos/Lab logo #2.svg", "assets/logos/Lab logo ", false), ("/fd/.well-known/x", ".well-known/x", false),
        ("/fd/companies/acme.", "companies/acme.", false), ("/fd//companies/", "/companies", true),
    ] as [(String, String?, Bool)])
    func linksThatDoNot(_ href: String, _ path: String?, _ isFolder: Bool) {
        let target = checker.target(of: href, onPage: page)
        #expect(!checker.resolves(target), "\(href) -> \(target)")
        if let path {
            #expect(target == .site(path: path, isFolder: isFolder))
        } else if href.hasPrefix("..") {
            #expect(target == .aboveRoot)
        }
    }

    @Test(arguments: [
        "https://example.com/fd/nope/", "https://example.org:8443/fd/nope/", "https://example.org/elsewhere/", "/elsewhere/",
        "/fd-other/x", "mailto:x@example.org", "tel:+441210000000", "data:image/png;base64,AAAA", "javascript:void(0)",
        "#nope", "?nope", "ftp://example.org/fd/nope", "//cdn.example.net/x.js", "/fd/../outside/", "/fd/%2e%2e/%2E%2E/x",
    ])
    func linksThatAreNotChecked(_ href: String) {
        #expect(checker.target(of: href, onPage: page) == .unchecked)
    }

    @Test func theSiteRootIsTheHostWhenThereIsNoBasePath() {
        let root = InternalLinkChecker(baseURL: "https://example.org", outputPaths: Self.outputs)
        #expect(root.basePath == "/")
        #expect(root.resolves(root.target(of: "/companies/acme/", onPage: "index.html")))
        #expect(root.resolves(root.target(of: "https://example.org", onPage: "404.html")))
        #expect(root.target(of: "/companies/nope/", onPage: "index.html") == .site(path: "companies/nope", isFolder: true))
        #expect(root.target(of: "../x", onPage: "index.html") == .aboveRoot)
    }

    // MARK: Markdown links

    @Test func markdownLinksKnowTheirLineColumnAndHTMLForm() {
        let body = """
        Intro [a](/one/) and, later, [b](../two/ "title").
        Café — [c](/trois/) ![i](/img.png)

        - item [d][ref]
          | x | y |

        | é | ü |
        |---|---|
        | é | [e](/cinq/) |

        See <https://example.org/fd/x/> and www.example.org and https://example.org/fd/y/ and x@example.org.
        Again https://example.org/fd/y/ and [f](<a b>) and [g](/a&amp;b'c?d="e"#f) and [h](/%7Ex/).
        ![alt [not rendered](/inner/)](/pic.png)

        [ref]: /refdef/
        """
        let rendered = MarkdownRenderer(basePath: "/fd/").render(body)
        let found = rendered.links.map { "\($0.line):\($0.column) \($0.url)" }
        #expect(found == [
            "1:7 /one/", "1:30 ../two/", "2:8 /trois/", "2:21 /img.png", "4:8 /refdef/", "9:7 /cinq/",
            "11:5 https://example.org/fd/x/", "11:37 http://www.example.org", "11:57 https://example.org/fd/y/",
            "11:87 mailto:x@example.org", "12:7 https://example.org/fd/y/", "12:37 a b", "12:52 /a&b'c?d=\"e\"#f", "12:80 /%7Ex/",
            "13:1 /pic.png",
        ])
        #expect(rendered.links.map(\.isImage) == [false, false, false, true, false, false, false, false, false, false, false, false, false, false, true])
        // The href of each link is exactly what the page holds, in the same order.
        #expect(rendered.links.map(\.href) == InternalLinkChecker.links(in: rendered.html))
        #expect(rendered.links.map(\.href).contains("/fd/a&b'c?d=%22e%22#f"))
        #expect(rendered.links.map(\.href).contains("a%20b"))
    }

    @Test func hrefsOfAwkwardURLsMatchTheHTML() {
        let urls = ["/ünï/", "/a b/", "/x%20y/", "/[brackets]/", "/{braces}|pipe^caret`tick\\back/", "/tab\there/", "/\"quoted\"/",
                    "?q=a&b=c", "/~tilde/$dollar/@at/*star/(paren)/", "mailto:x@example.org?subject=Hi%20there"]
        let body = urls.map { "[x](<\($0)>)" }.joined(separator: " ") + "\n"
        let rendered = MarkdownRenderer(basePath: "/fd/").render(body)
        #expect(rendered.links.count == urls.count)
        #expect(rendered.links.map(\.href) == InternalLinkChecker.links(in: rendered.html))
    }

    // MARK: Checking

    @Test func everyBrokenLinkIsReportedBodyLinksAtTheirPlaceTemplateLinksOnce() throws {
        var company = ProfileFactory.make(.company, "acme", areas: ["health"])
        company.bodyLine = 7
        company.links = MarkdownRenderer(basePath: "/fd/").render("[ok](/companies/acme/) [bad](/companies/acmee/)\n\n[up](../../../x/)\n").links
        let area = ProfileFactory.make(.area, "health")
        let directory = Directory(profiles: [company, area], config: ProfileFactory.config, includeDrafts: false)
        let layout = #"<a href="/fd/">home</a> <a href="/fd/missing/">missing</a> <link href="https://example.org/fd/also-missing">"#
        let pages = [
            OutputFile(path: "companies/acme/index.html",
                       text: layout + #"<a href="/fd/companies/acme/">ok</a><a href="/fd/companies/acme/">ok</a> <a href="/fd/companies/acmee/">bad</a><a href="../../../x/">up</a>"#),
            OutputFile(path: "areas/health/index.html", text: layout + #"<a href="/fd/companies/acmee/">from a template</a>"#),
            OutputFile(path: "index.html", text: layout),
            OutputFile(path: "sitemap.xml", text: #"<url href="/fd/not-a-page-so-not-scanned/"/>"#),
        ]
        let checker = InternalLinkChecker(baseURL: ProfileFactory.config.baseURL,
                                          outputPaths: Set(pages.map(\.path) + ["companies/index.html", "areas/index.html"]))
        let diagnostics = checker.check(directory, pages: pages, templatesPath: "themes/plain")
        #expect(diagnostics.map(\.formatted) == [
            "content/companies/acme.md:7:24: error: [broken-link] broken link `/companies/acmee/`: the site has no page or file `/companies/acmee/` (did you mean `/companies/acme/`?)",
            "content/companies/acme.md:9:1: error: [broken-link] broken link `../../../x/`: it leads above the site's root",
            "themes/plain:1:1: error: [broken-link] broken link `/fd/companies/acmee/` made by the templates on 1 page, first `areas/health/index.html`: the site has no page or file `/companies/acmee/` (did you mean `/fd/companies/acme/`?)",
            "themes/plain:1:1: error: [broken-link] broken link `/fd/missing/` made by the templates on 3 pages, first `areas/health/index.html`: the site has no page or file `/missing/`",
            "themes/plain:1:1: error: [broken-link] broken link `https://example.org/fd/also-missing` made by the templates on 3 pages, first `areas/health/index.html`: the site has no page or file `/also-missing`",
        ])
        #expect(checker.brokenLinks(inPage: "companies/acme/index.html", html: pages[0].data).map(\.href)
                == ["/fd/missing/", "https://example.org/fd/also-missing", "/fd/companies/acmee/", "../../../x/"])
    }
}
