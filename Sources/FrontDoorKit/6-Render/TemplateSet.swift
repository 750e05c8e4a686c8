import Mustache

/// The Mustache templates compiled once: `layout`, `partials/*`, `pages/*`.
public struct TemplateSet: Sendable {
    /// Pages the renderer needs; each is `templates/pages/<name>.mustache`.
    public static let requiredPages = ["home", "list", "organisation", "area", "partnership", "not-found"]

    let library: MustacheLibrary

    /// Compiles every template, reporting each one that does not parse.
    public static func compile(_ source: TemplateSource, displayRoot: String) -> (TemplateSet?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, text) in source.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(path: "\(displayRoot)/\(name).mustache",
                    at: SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber),
                    .error, .templateSyntax, "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(path: "\(displayRoot)/\(name).mustache", .error, .templateSyntax, "template does not parse: \(error)"))
            }
        }
        for page in requiredPages where source.templates["pages/" + page] == nil {
            diagnostics.append(Diagnostic(path: "\(displayRoot)/pages/\(page).mustache", .error, .templateMissing,
                "template is missing; the site needs pages/\(page).mustache"))
        }
        return diagnostics.hasErrors ? (nil, diagnostics) : (TemplateSet(library: library), diagnostics)
    }

    func render(_ page: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: "pages/" + page) ?? ""
    }
}
