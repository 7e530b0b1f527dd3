import SparkifySQL

/// "Did you mean ...?" for names typed by a user.
enum NameSuggestion {
    /// `; did you mean x?` with the closest of `candidates`, or the empty string.
    static func hint(_ name: String, among candidates: [String]) -> String {
        NameSuggestions.closest(to: name, among: candidates).map { "; did you mean \($0)?" } ?? ""
    }
}
