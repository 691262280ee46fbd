import Testing
import Winnow

/// The configuration file: defaults documented, typos caught with their line.
@Suite struct ConfigFileTests {
    @Test func theDocumentedDefaultsAreTheDefaults() throws {
        let file = try ConfigFile(parsing: ConfigFile.defaultText, path: "default.toml")
        var fromFile = RunConfiguration(inputs: [], outputDirectory: "x", jobs: 3)
        file.apply(to: &fromFile)
        let builtIn = RunConfiguration(inputs: [], outputDirectory: "x", jobs: 3)
        #expect(fromFile.textField == builtIn.textField)
        #expect(fromFile.idField == builtIn.idField)
        #expect(fromFile.maxRecordBytes == builtIn.maxRecordBytes)
        #expect(fromFile.batchRecords == builtIn.batchRecords)
        #expect(fromFile.jobs == 3, "jobs = 0 means all cores: the caller's default stays")
    }

    @Test func valuesAreRead() throws {
        let text = """
            [input]
            text_field = "body"   # a comment
            max_record_bytes = 1_048_576
            [run]
            jobs = 4
            """
        let file = try ConfigFile(parsing: text, path: "c.toml")
        #expect(file.textField == "body")
        #expect(file.maxRecordBytes == 1_048_576)
        #expect(file.jobs == 4)
    }

    @Test(arguments: [
        ("[input]\ntext_feild = \"x\"", "c.toml:2: unknown key 'text_feild' in [input]; see 'winnow config --default'"),
        ("[inputs]", "c.toml:1: unknown section '[inputs]'; known sections: [input], [run], [signals], [filters]"),
        ("[run]\njobs = many", "c.toml:2: expected an integer, got 'many'"),
        ("[input]\ntext_field = body", "c.toml:2: expected a string in double quotes, got 'body'"),
        ("[input]\nmax_record_bytes = 10", "c.toml:2: must be at least 1024, got 10"),
        ("[run]\njobs", "c.toml:2: expected 'key = value'"),
    ])
    func problemsNameTheLine(text: String, message: String) {
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile(parsing: text, path: "c.toml") }
        do {
            _ = try ConfigFile(parsing: text, path: "c.toml")
        } catch {
            #expect(error.description == message)
        }
    }
}
