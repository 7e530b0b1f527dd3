/// A command that cannot do what was asked: a clear message for the user.
struct REPLError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
