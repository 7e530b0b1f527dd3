/// The catalog and settings of a session at one moment, to put back later.
///
/// The notebook takes one before each cell and restores it when a statement of the cell fails
/// or is cancelled, so a cell of several statements changes all of its tables or none.
/// Tables are copy-on-write, so a snapshot costs no copying of rows.
public struct SQLSessionSnapshot: Sendable {
    let catalog: Catalog
    let settings: [String: String]
}

extension SQLSession {
    /// The catalog and settings as they are now.
    public func snapshot() -> SQLSessionSnapshot {
        SQLSessionSnapshot(catalog: catalog, settings: settings)
    }

    /// Puts back the catalog and settings of `snapshot`, undoing every statement run since.
    public func restore(_ snapshot: SQLSessionSnapshot) {
        catalog = snapshot.catalog
        settings = snapshot.settings
    }
}
