/// Names, places and browsers of the service's listeners.
enum PeopleCorpus {
    static let femaleFirstNames = [
        "Kaylee", "Sylvie", "Lily", "Chloe", "Tegan", "Aleena", "Jacqueline", "Kate", "Ava", "Layla",
        "Rylan", "Jizelle", "Celeste", "Anabelle", "Katherine", "Sara", "Emily",
        "Madison", "Hannah", "Olivia", "Isabella", "Sophia", "Zo\u{EB}", "Ren\u{E9}e", "Ang\u{E9}lica",
    ]

    static let maleFirstNames = [
        "Walter", "Ryan", "Jayden", "Kevin", "Jacob", "Tucker", "Lucas", "Matthew", "Theodore",
        "Wyatt", "Aiden", "Brayden", "Colm", "Connar", "Dustin", "Elijah", "Jordan", "Liam", "Noah",
        "Mason", "Logan", "Carlos", "Samuel", "Joseph", "Jos\u{E9}", "Andr\u{E9}", "Bj\u{F6}rn",
    ]

    static let lastNames = [
        "Frye", "Summers", "Cruz", "Smith", "Fox", "Koch", "Levine", "Lynch", "Williams", "Garrison",
        "Jones", "Harrell", "Henry", "Clark", "Morrison", "Robinson", "Garcia", "Kirby", "Graves",
        "Owens", "Harris", "Santiago", "Miller", "Jackson", "Johnson", "Brown", "Davis", "Wilson",
        "Moore", "Taylor", "Anderson", "Thomas", "Hernandez", "Martin", "Lee", "Walker", "Hall",
        "Allen", "Young", "King", "Wright", "Lopez", "Hill", "Scott", "Green", "Adams", "Baker",
        "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips", "Campbell",
        "M\u{FC}ller", "Nu\u{F1}ez", "O'Brien",
    ]

    /// US metropolitan areas as the log writes them.
    static let locations = [
        "San Francisco-Oakland-Hayward, CA", "Phoenix-Mesa-Scottsdale, AZ",
        "Washington-Arlington-Alexandria, DC-VA-MD-WV", "San Jose-Sunnyvale-Santa Clara, CA",
        "New Orleans-Metairie, LA", "New York-Newark-Jersey City, NY-NJ-PA",
        "Los Angeles-Long Beach-Anaheim, CA", "Chicago-Naperville-Elgin, IL-IN-WI",
        "Atlanta-Sandy Springs-Roswell, GA", "Lansing-East Lansing, MI", "Tampa-St. Petersburg-Clearwater, FL",
        "Houston-The Woodlands-Sugar Land, TX", "Dallas-Fort Worth-Arlington, TX",
        "Seattle-Tacoma-Bellevue, WA", "Boston-Cambridge-Newton, MA-NH", "Portland-South Portland, ME",
        "Portland-Vancouver-Hillsboro, OR-WA", "Denver-Aurora-Lakewood, CO", "Detroit-Warren-Dearborn, MI",
        "Minneapolis-St. Paul-Bloomington, MN-WI", "Miami-Fort Lauderdale-West Palm Beach, FL",
        "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "Birmingham-Hoover, AL", "Tucson, AZ",
        "Sacramento--Roseville--Arden-Arcade, CA", "Red Bluff, CA", "Janesville-Beloit, WI",
        "Winston-Salem, NC", "Elkhart-Goshen, IN",
        "Marinette, WI-MI", "Myrtle Beach-Conway-North Myrtle Beach, SC-NC", "Nashville-Davidson--Murfreesboro--Franklin, TN",
        "Salinas, CA", "Columbia, SC", "Augusta-Richmond County, GA-SC", "Santa Maria-Santa Barbara, CA",
    ]

    /// A browser as it reports itself, and how common it is among listeners.
    struct Browser: Sendable {
        let userAgent: String
        let weight: Double
    }

    /// User agents of 2018-era browsers on Windows, macOS, Linux, iPhone and iPad.
    static let browsers: [Browser] = [
        Browser(userAgent: "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36", weight: 9),
        Browser(userAgent: "Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36", weight: 6),
        Browser(userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.77 Safari/537.36", weight: 7),
        Browser(userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36", weight: 8),
        Browser(userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.77.4 (KHTML, like Gecko) Version/7.0.5 Safari/537.77.4", weight: 6),
        Browser(userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.0 Safari/605.1.15", weight: 4),
        Browser(userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36", weight: 4),
        Browser(userAgent: "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0", weight: 6),
        Browser(userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0", weight: 3),
        Browser(userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:31.0) Gecko/20100101 Firefox/31.0", weight: 2),
        Browser(userAgent: "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", weight: 4),
        Browser(userAgent: "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)", weight: 2),
        Browser(userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/64.0.3282.140 Safari/537.36 Edge/17.17134", weight: 3),
        Browser(userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53", weight: 5),
        Browser(userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 12_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.0 Mobile/15E148 Safari/604.1", weight: 3),
        Browser(userAgent: "Mozilla/5.0 (iPad; CPU OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53", weight: 3),
    ]
}
