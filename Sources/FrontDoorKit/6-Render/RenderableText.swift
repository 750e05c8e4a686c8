import Mustache

/// Text handed to the templates renders as itself. swift-mustache writes a value that is not
/// `MustacheCustomRenderable` by casting it to an optional and describing it
/// (`String(describing:)`), two dynamic casts and a copy for every `{{value}}` of every page;
/// as a renderable the string is taken as it is. Output unchanged: both give the string,
/// then escaped (or not, for `{{{value}}}`) as before; sections and transforms do not use it
/// (a string is never null, so `{{#value}}` and `{{^value}}` behave as they did).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
