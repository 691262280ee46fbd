import ArgumentParser
import Winnow

@main
struct WinnowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Recover clean, structured articles from polluted web pages.",
        version: WinnowInfo.version,
        subcommands: [
            Clean.self, Run.self, Dedup.self, Stats.self, Serve.self, Generate.self, Config.self, Worker.self,
        ])
}
