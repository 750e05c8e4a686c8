import Foundation

/// Partials whose output is the same on every page of a section (a profile type's pages, or
/// the pages of no section), so each is rendered once per section and written as fixed text
/// (`RenderedPartials.library`). The bundled header and footer qualify: they read only the
/// site's values, the asset paths and the navigation, whose current item is the section.
/// Rendered on every page they were an eighth of all template lookups.
///
/// A partial qualifies when reading its text shows that nothing else can reach it:
/// - every name it reads is `site.<key>` or `assets.<key>`, or, inside `{{#nav}}`, a nav
///   item's own `url`, `title` or `current` (a name a nav item lacks would be looked up on
///   the page), or the position in the list (`first()`, `last()`...);
/// - it includes no partial, defines no block, changes no delimiters;
/// - no template includes it indented on a line of its own, where Mustache would indent
///   each of its lines (`{{> partials/header}}` starts its line in the bundled layout).
/// Anything else is rendered on every page, as before; either way the bytes are the same.
enum SectionPartials {
    /// The names (`partials/header`) of the partials in `templates` (name -> text) that qualify.
    static func find(in templates: [String: String]) -> [String] {
        // `{{>*name}}` includes whichever partial a value names, anywhere, indented or not.
        let dynamicPartials = templates.values.contains { $0.range(of: #"\{\{>\s*\*"#, options: .regularExpression) != nil }
        guard !dynamicPartials else { return [] }
        return templates.keys.sorted().filter { name in
            name.hasPrefix("partials/") && readsOnlySectionValues(templates[name]!)
                && !templates.values.contains { includesIndented(name, in: $0) }
        }
    }

    /// Whether every tag of `text` is one `find` allows (see the type's comment).
    static func readsOnlySectionValues(_ text: String) -> Bool {
        var rest = Substring(text)
        var sections: [(name: String, isNav: Bool)] = []
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let triple = rest.hasPrefix("{")
            guard let close = rest.range(of: triple ? "}}}" : "}}") else { return false }
            var tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            let sigil = triple ? "{" : tag.first.map(String.init) ?? ""
            if "{&#^/!%><$=".contains(sigil), !sigil.isEmpty { tag = tag.dropFirst() }
            switch sigil {
            case "!", "%": continue  // a comment; a pragma (the content type) applies on every page alike
            case ">", "<", "$", "=": return false
            default: break
            }
            let (name, transforms) = parse(tag.trimmingCharacters(in: .whitespaces))
            let inNav = sections.contains { $0.isNav }
            switch sigil {
            case "/":
                guard sections.last?.name == String(tag.trimmingCharacters(in: .whitespaces)) else { return false }
                sections.removeLast()
            case "#", "^":
                // `{{#nav}}` puts each item on the stack; other sections here hold a Bool or a
                // string, which names are not looked up in, so they keep the scope they are in.
                let isNav = sigil == "#" && name == "nav" && transforms.isEmpty
                let allowed = isNav || (name == "nav" && transforms.allSatisfy { $0 == "empty" || $0 == "count" })
                    || isAllowed(name, transforms: transforms, inNav: inNav)
                guard allowed else { return false }
                sections.append((String(tag.trimmingCharacters(in: .whitespaces)), isNav))
            default:
                guard isAllowed(name, transforms: transforms, inNav: inNav) else { return false }
            }
        }
        return sections.isEmpty
    }

    /// `empty(first(nav))` -> (`nav`, [`empty`, `first`]); `site.title` -> (`site.title`, []).
    private static func parse(_ tag: String) -> (name: String, transforms: [String]) {
        guard let paren = tag.firstIndex(of: "(") else { return (tag, []) }
        let parts = tag.split(separator: "(", omittingEmptySubsequences: false)
        let name = parts.last.map { $0.replacingOccurrences(of: ")", with: "") } ?? ""
        return (name, tag[..<paren].isEmpty ? [] : parts.dropLast().map(String.init))
    }

    private static func isAllowed(_ name: String, transforms: [String], inNav: Bool) -> Bool {
        if name.isEmpty { return !transforms.isEmpty }  // `last()`: the position in the list, if any
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0] == "site" || parts[0] == "assets", !parts.contains("") { return true }
        return inNav && parts.count == 1 && ["url", "title", "current"].contains(String(parts[0]))
    }

    /// Whether `template` includes `partial` as a standalone tag after spaces or tabs.
    static func includesIndented(_ partial: String, in template: String) -> Bool {
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.count < line.count, trimmed.hasPrefix("{{>") else { continue }
            let name = trimmed.dropFirst(3).prefix { $0 != "}" }.trimmingCharacters(in: .whitespaces)
            if name == partial { return true }
        }
        return false
    }
}
