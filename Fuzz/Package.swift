// swift-tools-version:5.4
// Fuzz harnesses (libFuzzer + AddressSanitizer). A separate package at tools 5.4 because
// newer tools rename executable entry points and the fuzzer's `LLVMFuzzerTestOneInput`
// no longer links (shared/research/reliability.md §4). Build and run: `bash Fuzz/run.sh`.
import PackageDescription

let targets = ["FuzzCleaner", "FuzzJSON", "FuzzInput", "FuzzSignature"]

let package = Package(
    name: "WinnowFuzz",
    platforms: [.macOS("14.0")],
    dependencies: [
        .package(name: "winnow", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.0.0"),
    ],
    targets: targets.map { name in
        .executableTarget(name: name, dependencies: [.product(name: "Winnow", package: "winnow")])
    } + [
        // The HTTP handlers of `winnow serve`, in process.
        .executableTarget(
            name: "FuzzServer",
            dependencies: [
                .product(name: "WinnowServer", package: "winnow"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ])
    ]
)
