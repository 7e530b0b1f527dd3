/// Words and names the song catalog is made from.
///
/// Everything here is plain data; which entry is used is decided by the seeded generator.
enum MusicCorpus {
    static let adjectives = [
        "Black", "Blue", "Broken", "Cold", "Crimson", "Dark", "Electric", "Empty", "Golden", "Hollow",
        "Silent", "Wild", "Velvet", "Young", "Lost", "Little", "Modern", "Neon", "Pale", "Red",
        "Secret", "Silver", "Strange", "Sweet", "Burning", "Crystal", "Digital", "Distant", "Frozen",
        "Gentle", "Happy", "Holy", "Lonely", "Lucky", "Magic", "Midnight", "Northern", "Paper",
        "Quiet", "Royal", "Sacred", "Savage", "Smoking", "Solar", "Sonic", "Stone", "Sunny", "Tender",
    ]

    static let nouns = [
        "Angel", "Arrow", "Bird", "Bone", "Brother", "Candle", "City", "Cloud", "Crow", "Dancer",
        "Dog", "Dream", "Echo", "Engine", "Fire", "Flower", "Ghost", "Heart", "Horse", "Island",
        "Jungle", "King", "Blade", "Lion", "Machine", "Mirror", "Monkey", "Moon", "Mountain", "Ocean",
        "Pilot", "Queen", "Rain", "River", "Rocket", "Rose", "Saint", "Shadow", "Sister", "Sky",
        "Snake", "Soldier", "Star", "Storm", "Stranger", "Sun", "Tiger", "Train", "Wave", "Wolf",
    ]

    static let personFirstNames = [
        "Adam", "Alicia", "Amy", "Ben", "Billy", "Bob", "Carla", "Chris", "Dan", "Dave", "Diana",
        "Eddie", "Ella", "Frank", "Gary", "Grace", "Jack", "James", "Jane", "Joe", "John", "Julia",
        "Kate", "Kevin", "Laura", "Lily", "Marc", "Maria", "Mark", "Mary", "Mike", "Nina", "Nick",
        "Paul", "Pete", "Rick", "Rita", "Sam", "Sarah", "Steve", "Tom", "Tony", "Will",
    ]

    static let personLastNames = [
        "Adams", "Allen", "Baker", "Bell", "Brown", "Carter", "Clark", "Cole", "Davis", "Evans",
        "Fisher", "Ford", "Green", "Hall", "Harris", "Hill", "Jackson", "James", "Johnson", "Jones",
        "King", "Lee", "Lewis", "Martin", "Miller", "Moore", "Morris", "Nelson", "Parker", "Reed",
        "Roberts", "Scott", "Smith", "Stone", "Taylor", "Turner", "Walker", "Ward", "White", "Young",
    ]

    static let titleWords = [
        "Love", "Night", "Day", "Heart", "Time", "World", "Life", "Dream", "Girl", "Boy", "Home",
        "Light", "Fire", "Rain", "Summer", "Winter", "Road", "Song", "Dance", "Baby", "Tonight",
        "Forever", "Again", "Away", "Down", "Rock", "Blues", "Soul", "Fever", "Paradise", "Freedom",
        "Money", "Sunshine", "Memories", "Angel", "Tears", "Kiss", "Eyes", "Hands", "Shadows",
        "Goodbye", "Hello", "Yesterday", "Tomorrow", "Heaven", "Hell", "Stars", "Ocean", "Wind",
    ]

    static let titlePatterns = [
        "{A} {N}", "{W}", "{W} {W}", "The {N}", "{W} Of {W}", "My {W}", "{W} In The {W}",
        "Don't {V} Me", "{V} Me {W}", "{W} ({A} Mix)", "{W} (Album Version)", "{A} {W}",
        "I {V} You", "{W} & {W}", "{W}, {W}", "{N} / {N}", "Live At The {N}", "{W} Is {A}",
    ]

    static let verbs = [
        "Love", "Leave", "Hold", "Call", "Kiss", "Need", "Want", "Tell", "Save", "Take", "Give", "Miss",
    ]

    /// Artist names with non-ASCII letters (written as `\u` escapes or raw UTF-8).
    static let internationalArtists = [
        "Beyonc\u{E9}", "Sigur R\u{F3}s", "Bj\u{F6}rk", "Mot\u{F6}rhead", "M\u{F6}tley Cr\u{FC}e",
        "Jos\u{E9} Gonz\u{E1}lez", "C\u{E9}line Dion", "Fran\u{E7}oise Hardy", "Die \u{C4}rzte",
        "Z\u{E9} Ramalho", "\u{C9}dith Piaf", "Ra\u{FA}l Seixas", "Caf\u{E9} Tacuba",
        "H\u{E9}l\u{E8}ne S\u{E9}gara", "Jo\u{E3}o Gilberto", "Mag\u{F3}", "Bl\u{FC}mchen",
        "\u{5742}\u{672C}\u{9F8D}\u{4E00}", "\u{041C}\u{0443}\u{043C}\u{0438}\u{0439} \u{0422}\u{0440}\u{043E}\u{043B}\u{043B}\u{044C}",
        "\u{1F3B5} Emoji Band",
    ]

    /// Song titles with non-ASCII letters, some outside the Basic Multilingual Plane
    /// (UTF-16 surrogate pairs when escaped).
    static let internationalTitles = [
        "D\u{E9}j\u{E0} Vu", "Se\u{F1}orita", "F\u{FC}r Elise", "J\u{F3}ga", "Hopp\u{ED}polla",
        "La Cr\u{E9}ature", "\u{C7}a Plane Pour Moi", "Na\u{EF}ve", "\u{1D11E} Prelude In G",
        "Moonlight \u{1F319}", "\u{00BF}Qui\u{E9}n Ser\u{E1}?", "S\u{E3}o Paulo", "\u{2018}Til Tuesday",
        "\u{65E5}\u{672C}\u{306E}\u{6B4C}", "Caf\u{E9} Del Mar", "\u{1F525} Fire Inside",
    ]

    /// Names as they look after UTF-8 was decoded as Latin-1 and encoded again; real data has
    /// these and readers must keep them byte for byte.
    static let doubleEncodedArtists = [
        "Beyonc\u{C3}\u{A9}", "Sigur R\u{C3}\u{B3}s", "Mot\u{C3}\u{B6}rhead", "Caf\u{C3}\u{A9} Tacuba",
        "Bj\u{C3}\u{B6}rk", "Jos\u{C3}\u{A9} Feliciano",
    ]

    /// Artist home towns with coordinates in 1e-5 degrees (latitude, longitude).
    static let artistPlaces: [(name: String, latitude: Int, longitude: Int)] = [
        ("Memphis, TN", 3_514_968, -9_004_892), ("California - LA", 3_405_223, -11_824_368),
        ("New York, NY", 4_071_455, -7_400_712), ("London, England", 5_150_735, -12_776),
        ("Chicago, IL", 4_188_415, -8_763_241), ("Detroit, MI", 4_233_168, -8_304_792),
        ("Seattle, WA", 4_760_621, -12_233_207), ("Austin, TX", 3_026_715, -9_774_306),
        ("Nashville, TN", 3_616_783, -8_677_816), ("Atlanta, GA", 3_374_831, -8_439_111),
        ("Manchester, England", 5_347_945, -224_881), ("Paris, France", 4_885_693, 235_173),
        ("Berlin, Germany", 5_251_607, 1_337_699), ("Stockholm, Sweden", 5_933_020, 1_806_490),
        ("Reykjavik, Iceland", 6_414_659, -2_194_209), ("Kingston, Jamaica", 1_799_395, -7_678_930),
        ("Toronto, Ontario, Canada", 4_364_856, -7_938_533), ("Sydney, Australia", -3_386_963, 15_120_695),
        ("Rio de Janeiro, Brazil", -2_290_663, -4_317_355), ("Tokyo, Japan", 3_567_042, 13_976_003),
        ("Glasgow, Scotland", 5_585_720, -424_439), ("Dublin, Ireland", 5_334_410, -626_651),
        ("New Orleans, LA", 2_995_369, -9_007_771), ("Minneapolis, MN", 4_497_903, -9_326_493),
        ("Noci (BA)", -1_344_200, -4_199_520), ("Houston, TX", 2_976_019, -9_536_968),
        ("Brooklyn, NY", 4_065_507, -7_394_888), ("Los Angeles, CA", 3_405_349, -11_824_532),
        ("Philadelphia, PA", 3_995_227, -7_516_222), ("Bristol, England", 5_145_392, -258_405),
    ]
}
