public import Foundation

/// Access to the third-party evaluation data in `../shared/data` (never copied into the
/// repository: its licence does not allow shipping it).
///
/// The directory is `$WINNOW_SHARED_DATA` if set, else `../shared/data` next to the
/// repository. Tests that need it are disabled, with a comment saying so, when it is absent.
public enum SharedData {
    public static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["WINNOW_SHARED_DATA"] {
            return URL(fileURLWithPath: path)
        }
        return Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path)
    }

    /// The clean Chinese news set (data/README.md §a): the directory holding
    /// `articles.jsonl.gz` whose name starts with `cctv`, found by listing.
    public static var newsArticles: String { cctvFile("articles.jsonl.gz") }

    /// The raw CCTV pages with gold title and body (data/README.md §b), found the same way.
    public static var newsPages: String { cctvFile("pages.jsonl.gz") }

    private static func cctvFile(_ file: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let dir = names.sorted().first { name in
            name.hasPrefix("cctv")
                && FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + "/" + file).path)
        }
        return (dir ?? "missing-cctv-set") + "/" + file
    }

    /// The three social-media sets with real emoji (data/README.md §c).
    public static let weiboPosts = [
        "clue-emotion2020-weibo/posts.jsonl", "covid19-weibo-emotion/posts.jsonl.gz", "cold-emoji-subset/posts.jsonl",
    ]

    /// The JSON objects of a `.jsonl` or `.jsonl.gz` file under the data directory.
    public static func records(_ relativePath: String) throws -> [[String: Any]] {
        let url = directory.appendingPathComponent(relativePath)
        var data = try Data(contentsOf: url)
        if relativePath.hasSuffix(".gz") { data = try gunzip(data) }
        var out: [[String: Any]] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { out.append(object) }
        }
        return out
    }

    private static func gunzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }
}

/// Locations of the repository and its test fixtures.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `Tests/Fixtures/<relativePath>`.
    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }
}

/// The shared example pages in `../shared/examples` (not copied into the repository).
public enum SharedExamples {
    public static var directory: URL {
        SharedData.directory.deletingLastPathComponent().appendingPathComponent("examples")
    }

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("farm-page.txt").path)
    }
}
