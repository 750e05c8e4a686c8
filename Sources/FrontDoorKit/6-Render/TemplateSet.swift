import Foundation
import Mustache

/// The Mustache templates compiled once: `layout`, `partials/*`, `pages/*`.
public struct TemplateSet: Sendable {
    /// Pages the renderer needs; each is `templates/pages/<name>.mustache`.
    public static let requiredPages = ["home", "list", "organisation", "area", "partnership", "not-found"]

    let library: MustacheLibrary
    /// The ids the templates write (`declaredIDs(in:)`), which body headings keep clear of.
    public let declaredIDs: Set<String>
    /// Partials rendered once per section rather than on every page (`SectionPartials`).
    let sectionPartials: [String]
    /// The templates' text and FrontDoor's own binary, digested: part of every page's
    /// `RenderKey`, so a change to either renders every page again.
    let digest: [UInt8]

    /// Compiles every template, reporting each one that does not parse.
    public static func compile(_ source: TemplateSource, displayRoot: String) -> (TemplateSet?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        HTMLEscaping.registered
        for (name, text) in source.templates.sorted(by: { $0.key < $1.key }) {
            do {
                // Every template, not only pages: swift-mustache renders each partial (the layout
                // too) with its default HTML escaping unless the partial names a content type.
                // On a line of its own, which Mustache drops whole, so the output is unchanged
                // whatever the template's first line holds; error lines are shifted back below.
                try library.register(HTMLEscaping.pragma + "\n" + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(path: "\(displayRoot)/\(name).mustache",
                    at: SourcePosition(line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber),
                    .error, .templateSyntax, "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(path: "\(displayRoot)/\(name).mustache", .error, .templateSyntax, "template does not parse: \(error)"))
            }
        }
        for page in requiredPages where source.templates["pages/" + page] == nil {
            diagnostics.append(Diagnostic(path: "\(displayRoot)/pages/\(page).mustache", .error, .templateMissing,
                "template is missing; the site needs pages/\(page).mustache"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(library: library, declaredIDs: declaredIDs(in: source), sectionPartials: SectionPartials.find(in: source.templates),
                            digest: digest(of: source)),
                diagnostics)
    }

    /// Every literal `id="..."` the templates write, so body headings can keep clear of them.
    public static func declaredIDs(in source: TemplateSource) -> Set<String> {
        var ids: Set<String> = []
        let pattern = try! NSRegularExpression(pattern: #"\bid="([A-Za-z0-9_-]+)""#)
        for text in source.templates.values {
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                if let idRange = Range(match.range(at: 1), in: text) { ids.insert(String(text[idRange])) }
            }
        }
        return ids
    }

    func has(_ page: String) -> Bool {
        library.getTemplate(named: "pages/" + page) != nil
    }

    func render(_ page: String, _ values: PageValues) -> String {
        render(page, values.values, library: values.library)
    }

    /// `library`: these templates with some partials already rendered (`withFixed`), which
    /// gives the same bytes as the templates themselves, so the key does not depend on it.
    /// While a build renders a page job, a page whose key the previous output has is taken
    /// from there (`PageRender`).
    func render(_ page: String, _ context: [String: Any], library: MustacheLibrary? = nil) -> String {
        if let pageRender = PageRender.current,
           let text = pageRender.reuse(RenderKey.of(page: page, values: context, templates: digest)) {
            return text
        }
        return (library ?? self.library).render(context, withTemplate: "pages/" + page) ?? ""
    }

    /// Every template's name and text, and the running binary (its size, time and inode: a
    /// new FrontDoor may render the same values differently). Reading the process's own
    /// executable is not reading content.
    static func digest(of source: TemplateSource) -> [UInt8] {
        var bytes = Array("frontdoor render key 1\n".utf8)
        var status = stat()
        if stat("/proc/self/exe", &status) == 0 || stat(Bundle.main.executablePath ?? "", &status) == 0 {
            let identity = "\(status.st_size) \(status.modificationTime.tv_sec).\(status.modificationTime.tv_nsec) \(status.st_ino) \(status.st_dev)\n"
            bytes += identity.utf8
        } else {
            // An unknown binary: a key no other run makes, so nothing is taken from before.
            bytes += UUID().uuidString.utf8
        }
        for (name, text) in source.templates.sorted(by: { $0.key < $1.key }) {
            for part in [name, text] {
                withUnsafeBytes(of: UInt64(part.utf8.count).littleEndian) { bytes += $0 }
                bytes += part.utf8
            }
        }
        return RenderKey.sha256(bytes)
    }

    /// The library with each of `sectionPartials` replaced by its output for `context`, as
    /// text: the delimiters are switched (on a line of its own, which Mustache drops) to a
    /// pair the output does not hold, so nothing in it reads as a tag. A partial whose output
    /// holds that pair is left as it is.
    func withFixed(sectionPartialsFor context: [String: Any]) -> MustacheLibrary {
        var fixed = library
        for name in sectionPartials {
            guard let html = library.render(context, withTemplate: name), !html.contains(Self.fixedDelimiter) else { continue }
            try? fixed.register("{{=\(Self.fixedDelimiter)( )\(Self.fixedDelimiter)=}}\n" + html, named: name)
        }
        return fixed
    }

    private static let fixedDelimiter = "\u{1}"

    func hasPartial(_ name: String) -> Bool {
        library.getTemplate(named: "partials/" + name) != nil
    }

    func renderPartial(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: "partials/" + name) ?? ""
    }
}

/// A page's values, and the templates to render it with: those of its section, with the
/// partials that are the same on every page of the section already rendered (nil: as compiled).
struct PageValues {
    var values: [String: Any]
    var library: MustacheLibrary?
}
