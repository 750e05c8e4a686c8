/// One validated content file: an organisation, an area or a partnership.
///
/// All types share one struct because they share one slug namespace and most keys;
/// keys that a type does not have stay empty.
///
/// The keys are held in one shared box, copied only when a copy is changed, and read through
/// it as if they were the struct's own (`profile.title`): a profile is passed around and
/// looked up by slug on every page that links to it, and copying its 37 keys (a retain and a
/// release for each string and list) was 6% of a 10,000-profile build's CPU samples; without
/// the copies the build's user time fell by a sixth.
@dynamicMemberLookup
public struct Profile: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var type: ProfileType
        public var slug: String
        /// Path of the source file as reported in diagnostics.
        public var sourcePath: String
        public var title: String
        public var summary: String
        /// Where the summary's value starts in the file, for the readability warning.
        public var summaryPosition: SourcePosition = .start

        // Organisations, areas and partnerships
        public var areas: [String] = []
        public var offers: [String] = []
        public var seeks: [String] = []
        public var partners: [String] = []
        public var members: [String] = []
        public var parties: [String] = []
        public var related: [String] = []
        public var synonyms: [String] = []
        public var tags: [String] = []
        public var aliases: [String] = []
        public var priorities: [String] = []
        public var location: Location?
        public var website: String?
        public var email: String?
        public var updated: String?
        public var draft = false
        public var logo: String?

        // Type-specific keys
        /// `kind` of an institution, trust or partnership.
        public var kind: String?
        public var ukprn: String?
        public var ods: String?
        public var stage: String?
        public var founded: Int?
        public var companiesHouse: String?
        public var maturity: String?
        public var evidenceTier: String?
        public var signed: String?
        public var status: String?

        /// The Markdown body and the line in the file where it starts.
        public var body: String = ""
        public var bodyLine: Int = 1
        /// The body as HTML, when the parse stage kept it; the render stage makes it otherwise.
        public var bodyHTML: String?
        /// Links and images in the body, for link checking.
        public var links: [RenderedMarkdown.Link] = []
        /// Where each reference key's values sit in the file, for link-stage diagnostics.
        public var referencePositions: [String: [SourcePosition]] = [:]
    }

    /// Copied only when shared and changed (`isKnownUniquelyReferenced`), so never changed
    /// while another profile can see it.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(type: ProfileType, slug: String, sourcePath: String, title: String, summary: String) {
        storage = Storage(Fields(type: type, slug: slug, sourcePath: sourcePath, title: title, summary: summary))
    }

    public subscript<Value>(dynamicMember key: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: key] }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields[keyPath: key]
        }
    }

    public static func == (lhs: Profile, rhs: Profile) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The site-relative URL path, without the base path: `companies/slug/`.
    public var path: String { Self.path(self.type, self.slug) }

    /// The site path of the page of a profile of this type and slug.
    public static func path(_ type: ProfileType, _ slug: String) -> String { "\(type.folder)/\(slug)/" }
}

public struct Location: Sendable, Hashable {
    public var city: String?
    public var region: String?
    public var postcode: String?

    public init(city: String? = nil, region: String? = nil, postcode: String? = nil) {
        self.city = city
        self.region = region
        self.postcode = postcode
    }
}
