import Testing
@testable import FrontDoorKit

@Test func slugRules() {
    #expect(Slug.isValid("womens-health"))
}
