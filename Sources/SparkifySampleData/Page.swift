/// A page of the service, with the HTTP method and status the log records for it.
enum Page: UInt8, CaseIterable, Sendable {
    case nextSong, home, login, logout, settings, saveSettings, help, about, upgrade
    case submitUpgrade, downgrade, submitDowngrade, error, cancel, cancellationConfirmation

    /// The name in the log's `page` field.
    var name: String {
        switch self {
        case .nextSong: "NextSong"
        case .home: "Home"
        case .login: "Login"
        case .logout: "Logout"
        case .settings: "Settings"
        case .saveSettings: "Save Settings"
        case .help: "Help"
        case .about: "About"
        case .upgrade: "Upgrade"
        case .submitUpgrade: "Submit Upgrade"
        case .downgrade: "Downgrade"
        case .submitDowngrade: "Submit Downgrade"
        case .error: "Error"
        case .cancel: "Cancel"
        case .cancellationConfirmation: "Cancellation Confirmation"
        }
    }

    /// GET for pages that show something, PUT for actions.
    var method: String {
        switch self {
        case .nextSong, .login, .logout, .saveSettings, .submitUpgrade, .submitDowngrade, .cancel: "PUT"
        default: "GET"
        }
    }

    /// 200, 307 for actions that redirect, 404 for the error page.
    var status: Int {
        switch self {
        case .login, .logout, .saveSettings, .submitUpgrade, .submitDowngrade, .cancel: 307
        case .error: 404
        default: 200
        }
    }
}

/// The `auth` field of a log line.
enum Authentication: UInt8, Sendable {
    case loggedIn, loggedOut, cancelled

    var name: String {
        switch self {
        case .loggedIn: "Logged In"
        case .loggedOut: "Logged Out"
        case .cancelled: "Cancelled"
        }
    }
}

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
