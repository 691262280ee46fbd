import ArgumentParser
import Winnow

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Recover clean, structured articles from polluted web pages.",
        version: WinnowInfo.version,
        subcommands: [Clean.self, Run.self, Dedup.self, Stats.self, Generate.self, Config.self])
}
