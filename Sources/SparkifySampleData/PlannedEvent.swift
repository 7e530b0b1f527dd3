/// One line of the event log before formatting, in 20 bytes.
struct PlannedEvent: Sendable {
    /// Milliseconds since midnight of the file's day.
    var offset: Int32
    var sessionID: Int32
    var listener: Int32
    /// Index into the catalog's songs, then its tracks elsewhere; -1 for pages without a song.
    var track: Int32
    var itemInSession: UInt16
    var page: Page
    /// Bits 0–1: `Authentication`; bit 2: paid level.
    var flags: UInt8

    var authentication: Authentication { Authentication(rawValue: flags & 3) ?? .loggedIn }
    var isPaid: Bool { flags & 4 != 0 }
}
