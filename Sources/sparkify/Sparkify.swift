import ArgumentParser

@main
struct Sparkify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparkify",
        abstract: "A terminal notebook for the Sparkify data-lake ETL.",
        discussion: "Without a subcommand, opens the notebook REPL: sparkify [NOTEBOOK] [--data DIR].",
        subcommands: [ReplCommand.self, LoadCommand.self, GenerateCommand.self, SQLCommand.self, RunCommand.self, ReplayCommand.self, ExportCommand.self],
        defaultSubcommand: ReplCommand.self
    )
}
