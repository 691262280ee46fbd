import ArgumentParser
import Winnow

/// `winnow config --default`: the documented default configuration file.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the configuration file format with its defaults.")

    @Flag(help: "Print the default configuration (every key, documented).")
    var `default` = false

    func run() throws {
        guard self.default else { throw ValidationError("say what to print: --default") }
        FileIO.printRaw(ConfigFile.defaultText, toStandardError: false)
    }
}
