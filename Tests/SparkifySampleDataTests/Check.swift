import Testing

/// Like `#expect` for checks inside loops over thousands of lines: costs nothing when the
/// condition holds (the macro is slow in debug builds) and records an issue when it does not.
func check(
    _ condition: Bool, _ message: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !condition {
        Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation)
    }
}
