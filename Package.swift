// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares: Swift 6 mode plus the upcoming features STYLE.md asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "winnow",
    products: [
        .executable(name: "winnow", targets: ["WinnowCLI"]),
        .library(name: "Winnow", targets: ["Winnow"]),
        .library(name: "WinnowServer", targets: ["WinnowServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // The HTTP server (`winnow serve`). No default traits: they pull in swift-configuration
        // and full Foundation, which the binary must not link.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: gzip input (WET, JSONL.gz) and output shards.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // ISA-L from Debian's libisal-dev: fast gzip level 1 for the output shards.
        .systemLibrary(name: "CIsal", path: "Sources/CIsal"),
        // Core library: every stage, no Foundation.
        .target(name: "Winnow", dependencies: ["CZlib", "CIsal"], swiftSettings: strictSettings),
        // HTTP API and web inspector over the library: `buildApplication` apart from `@main`.
        .target(
            name: "WinnowServer",
            dependencies: [
                "Winnow", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // Command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "WinnowCLI",
            dependencies: [
                "Winnow", "WinnowServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support: fixture lookup, the shared-data locator, the coverage checker.
        .target(name: "WinnowTesting", dependencies: ["Winnow"], swiftSettings: strictSettings),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow", "WinnowTesting"], swiftSettings: strictSettings),
        .testTarget(name: "WinnowCLITests", dependencies: ["Winnow", "WinnowTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "WinnowServerTests",
            dependencies: [
                "WinnowServer", "WinnowTesting", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // Throughput benchmark (release build): `swift run -c release winnow-bench`.
        .executableTarget(
            name: "winnow-bench",
            dependencies: ["Winnow"],
            path: "Benchmarks/WinnowBenchmarks",
            swiftSettings: strictSettings
        ),
    ]
)
