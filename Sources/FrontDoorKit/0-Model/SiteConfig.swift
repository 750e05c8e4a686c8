/// `content/site.yml`, validated.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    public var baseURL: String {
        didSet { basePath = Self.basePath(of: baseURL) }
    }
    public var language: String
    /// Capability slug to label, in the order the file gives them.
    public var capabilities: [(slug: String, label: String)]
    public var regions: [String]?

    public init(
        title: String, description: String, baseURL: String, language: String = "en-GB",
        capabilities: [(slug: String, label: String)], regions: [String]? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.basePath = Self.basePath(of: baseURL)
        self.language = language
        self.capabilities = capabilities
        self.regions = regions
    }

    public func capabilityLabel(_ slug: String) -> String {
        capabilities.first(where: { $0.slug == slug })?.label ?? slug
    }

    /// The path part of `base_url`, always starting and ending with `/`: every link is built
    /// on it, so it is worked out once, not for each link.
    public private(set) var basePath: String

    private static func basePath(of baseURL: String) -> String {
        guard let url = SafeURL.parseAbsolute(baseURL) else { return "/" }
        var path = url.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// `base_url` with a trailing slash, for absolute links in the sitemap, feeds and canonical tags.
    public var origin: String { baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

    public static func == (lhs: SiteConfig, rhs: SiteConfig) -> Bool {
        lhs.title == rhs.title && lhs.description == rhs.description && lhs.baseURL == rhs.baseURL
            && lhs.language == rhs.language && lhs.regions == rhs.regions
            && lhs.capabilities.map(\.slug) == rhs.capabilities.map(\.slug)
            && lhs.capabilities.map(\.label) == rhs.capabilities.map(\.label)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(baseURL)
        hasher.combine(title)
    }
}
