import Foundation
import SparkifyJSON
import SparkifySampleData
import SparkifyTables
import Testing

/// The reader infers, from generated data, exactly the schemas Spark infers from the real bucket.
@Suite struct InferenceOnGeneratedDataTests {
    static let logSchema = """
        root
         |-- artist: string (nullable = true)
         |-- auth: string (nullable = true)
         |-- firstName: string (nullable = true)
         |-- gender: string (nullable = true)
         |-- itemInSession: long (nullable = true)
         |-- lastName: string (nullable = true)
         |-- length: double (nullable = true)
         |-- level: string (nullable = true)
         |-- location: string (nullable = true)
         |-- method: string (nullable = true)
         |-- page: string (nullable = true)
         |-- registration: double (nullable = true)
         |-- sessionId: long (nullable = true)
         |-- song: string (nullable = true)
         |-- status: long (nullable = true)
         |-- ts: long (nullable = true)
         |-- userAgent: string (nullable = true)
         |-- userId: string (nullable = true)

        """

    static let songSchema = """
        root
         |-- artist_id: string (nullable = true)
         |-- artist_latitude: double (nullable = true)
         |-- artist_location: string (nullable = true)
         |-- artist_longitude: double (nullable = true)
         |-- artist_name: string (nullable = true)
         |-- duration: double (nullable = true)
         |-- num_songs: long (nullable = true)
         |-- song_id: string (nullable = true)
         |-- title: string (nullable = true)
         |-- year: long (nullable = true)

        """

    @Test(arguments: [UInt64(1), 42, 2026])
    func generatedDataReadsWithSparksSchemas(seed: UInt64) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sparkify-infer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let summary = try SampleDataGenerator(options: SampleDataOptions(songs: 300, events: 5_000, seed: seed)).write(to: root)

        let events = try JSONReader.read(root + "/log_data/*/*/*.json")
        #expect(events.table.schema.treeString == Self.logSchema)
        #expect(events.table.rowCount == summary.events)
        #expect(events.malformedCount == 0)

        let songs = try JSONReader.read(root + "/song_data", options: try JSONReadOptions(options: ["recursiveFileLookup": "true"]))
        #expect(songs.table.schema.treeString == Self.songSchema)
        #expect(songs.table.rowCount == summary.songFiles)
        #expect(songs.malformedCount == 0)

        // Logged-out events keep "" as their user id, not NULL.
        let userIds = try #require(events.table.column(named: "userId"))
        let auth = try #require(events.table.column(named: "auth"))
        let loggedOut = (0..<events.table.rowCount).filter { auth.value(at: $0) == .string("Logged Out") }
        #expect(!loggedOut.isEmpty)
        #expect(loggedOut.allSatisfy { userIds.value(at: $0) == .string("") })
    }
}
