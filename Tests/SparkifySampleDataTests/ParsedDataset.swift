import Foundation

/// The shared dataset's log events and songs parsed once (JSONSerialization is slow in debug
/// builds). Immutable after creation, so sharing it between tests is safe.
final class ParsedDataset: @unchecked Sendable {
    static let shared = Result { try ParsedDataset(GeneratedDataset.shared.get()) }

    /// Every line of every log file, in file order, with its file.
    let events: [(path: String, line: [UInt8], event: [String: Any])]
    let songs: [[String: Any]]

    init(_ dataset: GeneratedDataset) throws {
        events = try dataset.logLines().map { ($0.path, $0.line, try JSONTestSupport.object($0.line)) }
        songs = try dataset.songs()
    }
}
