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
    public var markdown: RenderedMarkdown
}
