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
