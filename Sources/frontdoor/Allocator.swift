import CMimalloc

/// The allocator the executable runs on (see `CMimalloc` in Package.swift). Naming one of
/// mimalloc's functions here also keeps a linker that drops unused libraries from dropping it.
enum Allocator {
    static var name: String {
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }
}
