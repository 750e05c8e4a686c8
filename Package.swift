// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FrontDoor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "frontdoor", targets: ["frontdoor"]),
        .library(name: "FrontDoorKit", targets: ["FrontDoorKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // swift-mustache 2.1.1 with a faster lookup for dictionary contexts: see Vendor/README.md.
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libssl-dev (OpenSSL's libcrypto): SHA-256 for the render keys. Used rather
        // than swift-crypto, which would compile BoringSSL into every build, the fuzzer's too.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Debian's libmimalloc-dev: the allocator of the frontdoor executable (not of the library,
        // the tests or the fuzzer). A build makes and frees millions of small strings,
        // dictionaries and arrays on both cores; glibc's malloc and free were about an eighth of
        // the build's CPU time.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps the new site in with one atomic system call.
        .target(name: "CFileSwap"),
        // Extended attributes: where a page file records the render key it was made under.
        .target(name: "CFileAttributes"),
        .target(
            name: "FrontDoorKit",
            dependencies: [
                "CCmarkGFM",
                "CFileSwap",
                "CFileAttributes",
                "CLibCrypto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `frontdoor serve`: the preview server around the pipeline. Kept apart so that the
        // pipeline library does not depend on a server stack.
        .target(
            name: "FrontDoorPreview",
            dependencies: [
                "FrontDoorKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "frontdoor",
            dependencies: [
                "CMimalloc",
                "FrontDoorKit",
                "FrontDoorPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release MatchBenchmark`: matching at national scale against a brute-force peer.
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: ["FrontDoorKit"],
            path: "Benchmarks/MatchBenchmark"
        ),
        // `scripts/fuzz SECONDS`: libFuzzer on the loader (front matter and Markdown together).
        // A plain build makes a replayer of saved inputs; scripts/fuzz rebuilds it with
        // `-sanitize=fuzzer,address` in a scratch folder of its own.
        .executableTarget(
            name: "FrontDoorFuzz",
            dependencies: ["FrontDoorKit"]
        ),
        .testTarget(
            name: "FrontDoorPreviewTests",
            dependencies: ["FrontDoorPreview"]
        ),
        .testTarget(
            name: "FrontDoorKitTests",
            dependencies: ["FrontDoorKit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
