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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps the new site in with one atomic system call.
        .target(name: "CFileSwap"),
        .target(
            name: "FrontDoorKit",
            dependencies: [
                "CCmarkGFM",
                "CFileSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "frontdoor",
            dependencies: [
                "FrontDoorKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release MatchBenchmark`: matching at national scale against a brute-force peer.
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: ["FrontDoorKit"],
            path: "Benchmarks/MatchBenchmark"
        ),
        .testTarget(
            name: "FrontDoorKitTests",
            dependencies: ["FrontDoorKit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
