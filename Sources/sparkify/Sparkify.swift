import ArgumentParser

@main
struct Sparkify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparkify",
        abstract: "A terminal notebook for the Sparkify data-lake ETL.",
        subcommands: [LoadCommand.self, GenerateCommand.self, SQLCommand.self, RunCommand.self]
    )
}
