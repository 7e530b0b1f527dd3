/// Every repeated piece of a log line, escaped once, in one byte arena.
///
/// A line is assembled as (fragments in brackets):
/// `{"artist":`[artist]`,"auth":"Logged In",`[firstName…itemInSession:]n[,"lastName"…"length":]
/// [length]`,"level":"free",`[location…"method":"][GET","page":"Home",][registration…sessionId:]
/// n`,"song":`[title][,"status":200,"ts":]n`,"userAgent":`[agent…userId…}\n]
struct LogFragments: Sendable {
    /// Where each kind of fragment starts in the arena.
    struct Layout: Sendable {
        var null = 0
        var authentications = 0
        var levels = 0
        var pages = 0
        var loggedOut = 0
        var artists = 0
        var titles = 0
        var lengths = 0
        var listeners = 0
    }

    /// Fragments per listener (and for logged-out events).
    static let perListener = 5

    let bytes: [UInt8]
    let offsets: [Int]
    let layout: Layout

    init(catalog: SongCatalog, listeners: [Listener]) {
        var arena = ByteArena()
        var layout = Layout()
        layout.null = arena.append("null")
        layout.authentications = arena.count
        for authentication in [Authentication.loggedIn, .loggedOut, .cancelled] {
            arena.append(#","auth":""# + authentication.name + #"","#)
        }
        layout.levels = arena.append(#","level":"free","#)
        arena.append(#","level":"paid","#)
        layout.pages = arena.count
        for page in Page.allCases {
            arena.append(Array(page.method.utf8) + Array(#"","page":"#.utf8) + Self.quoted(page.name, escaped: false) + [UInt8(ascii: ",")])
            arena.append(#","status":\#(page.status),"ts":"#)
        }
        layout.loggedOut = arena.count
        arena.append(#""firstName":null,"gender":null,"itemInSession":"#)
        arena.append(#","lastName":null,"length":"#)
        arena.append(#""location":null,"method":""#)
        arena.append(#""registration":null,"sessionId":"#)
        arena.append("null,\"userId\":\"\"}\n")

        let tracks = catalog.songs + catalog.elsewhere
        layout.artists = arena.count
        for track in tracks { arena.append(Self.quoted(track.artistName, escaped: track.escapedInLog)) }
        layout.titles = arena.count
        for track in tracks { arena.append(Self.quoted(track.title, escaped: track.escapedInLog)) }
        layout.lengths = arena.count
        let number = OutputBuffer(capacity: 32)
        for track in tracks {
            number.removeAll()
            number.appendFixedPoint5(track.duration)
            arena.append(number.bytes)
        }

        layout.listeners = arena.count
        let agents = PeopleCorpus.browsers.map {
            Self.quoted("\"" + $0.userAgent + "\"", escaped: false)
        }
        for listener in listeners {
            let escapedName = listener.userID % 4 == 0
            arena.append(Array(#""firstName":"#.utf8) + Self.quoted(listener.firstName, escaped: escapedName)
                + Array(#","gender":"\#(listener.gender)","itemInSession":"#.utf8))
            arena.append(Array(#","lastName":"#.utf8) + Self.quoted(listener.lastName, escaped: escapedName)
                + Array(#","length":"#.utf8))
            arena.append(Array(#""location":"#.utf8) + Self.quoted(listener.location, escaped: false)
                + Array(#","method":""#.utf8))
            arena.append(#""registration":\#(listener.registration).0,"sessionId":"#)
            arena.append(agents[listener.browser] + Array(#","userId":"\#(listener.userID)"}"#.utf8) + [0x0A])
        }
        bytes = arena.bytes
        offsets = arena.offsets
        self.layout = layout
    }

    /// A log-style string literal: `/` as `\/`, non-ASCII raw unless `escaped`.
    private static func quoted(_ text: String, escaped: Bool) -> [UInt8] {
        JSONText.quoted(text, escapeSlash: true, nonASCII: escaped ? .escaped : .raw)
    }
}
