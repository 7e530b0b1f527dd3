import ArgumentParser
import Dispatch
import SparkifySampleData

/// `sparkify generate DIR`: writes a synthetic dataset shaped like the Sparkify bucket.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic Sparkify dataset (song_data/ and log_data/) into a folder.",
        discussion: """
            The files have exactly the raw format of the Sparkify bucket: one JSON object per \
            song file under song_data/A/B/C/, and one JSON Lines file per day of November 2018 \
            under log_data/2018/11/. The same options always write the same bytes.
            """
    )

    @Argument(help: "The folder to write into (created if missing).")
    var directory: String

    @Option(help: "Number of song files to write.")
    var songs: Int = SampleDataOptions.defaultSongs

    @Option(help: "Number of log events (lines), spread over 30 days.")
    var events: Int = SampleDataOptions.defaultEvents

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = SampleDataOptions.defaultSeed

    @Flag(help: "If the folder is not empty, replace its song_data/ and log_data/.")
    var force = false

    func validate() throws {
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    private var options: SampleDataOptions {
        SampleDataOptions(songs: songs, events: events, seed: seed)
    }

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let summary = try SampleDataGenerator(options: options).write(to: directory, replacingExisting: force)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let megabytes = Double(summary.bytes) / 1_000_000
        print("Wrote \(count(summary.songFiles, "song file")) (\(count(summary.artists, "artist"))) and "
            + "\(count(summary.logFiles, "log file")) (\(count(summary.events, "event")), "
            + "\(count(summary.listeners, "user"))) to \(directory): \(format(megabytes)) MB in \(format(seconds)) s.")
        if summary.nextSongEvents > 0 {
            let share = Double(summary.catalogPlays) / Double(summary.nextSongEvents) * 100
            print("\(summary.catalogPlays) of \(summary.nextSongEvents) NextSong events "
                + "(\(format(share))%) play a song in song_data.")
        }
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
