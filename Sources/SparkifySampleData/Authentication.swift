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
