/// A profile file after parsing: typed by its folder, front matter as a positioned tree,
/// body as safe HTML. Not yet checked against the content model.
public struct ParsedDocument: Sendable, Hashable {
    public var type: ProfileType
    /// The file name without `.md`; checked in validation.
    public var slug: String
    public var sourcePath: String
    public var frontMatter: [YAMLEntry]
    public var body: String
    public var bodyLine: Int
    /// Links and heading ids of the body; its `html` only when `bodyHTML` is kept.
    public var markdown: RenderedMarkdown
    /// The body's HTML, when the parser keeps it (`DocumentParser.keepsBodyHTML`).
    public var bodyHTML: String?
}
