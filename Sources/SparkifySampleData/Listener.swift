/// A registered user of the service. Name, gender, place and browser stay the same all month;
/// the level may switch between free and paid.
struct Listener: Sendable {
    let userID: Int
    let firstName: String
    let lastName: String
    /// "F" or "M".
    let gender: String
    let location: String
    /// An index into `PeopleCorpus.browsers`.
    let browser: Int
    /// When the account was made, in Unix milliseconds (before November 2018).
    let registration: Int
    /// The level on November 1.
    let startsPaid: Bool
    /// Days of November (0-based) from which the level flips, in order; at most two.
    let levelSwitchDays: [Int]
    /// The day of November (0-based) from which the listener cancels the account, if ever.
    let cancelDay: Int?
    /// How much the listener uses the service, relative to others.
    let activity: Double

    /// `count` listeners drawn from `seed`.
    static func population(count: Int, seed: UInt64) -> [Listener] {
        var random = RandomSource.derived(seed: seed, stream: 0, purpose: 2)
        let browsers = WeightedSampler(weights: PeopleCorpus.browsers.map(\.weight))
        let registrationStart = 1_527_811_200_000  // 2018-06-01T00:00:00Z
        let registrationEnd = 1_541_030_400_000  // 2018-11-01T00:00:00Z
        var listeners = [Listener]()
        listeners.reserveCapacity(count)
        for index in 0..<count {
            let female = random.chance(0.5)
            let firstName = female
                ? random.pick(PeopleCorpus.femaleFirstNames) : random.pick(PeopleCorpus.maleFirstNames)
            let startsPaid = random.chance(0.3)
            var switchDays = [Int]()
            let switchRoll = random.unit()
            if switchRoll < 0.25 {
                let first = random.int(in: 0...26)
                switchDays.append(first)
                if switchRoll < 0.05 {
                    switchDays.append(random.int(in: first + 1...28))
                }
            }
            // Heavy-tailed: a few listeners account for a large share of the plays.
            let activity = (startsPaid ? 2.0 : 1.0) / (0.05 + random.unit())
            listeners.append(Listener(
                userID: index + 2, firstName: firstName,
                lastName: random.pick(PeopleCorpus.lastNames), gender: female ? "F" : "M",
                location: random.pick(PeopleCorpus.locations), browser: browsers.draw(&random),
                registration: random.int(in: registrationStart...(registrationEnd - 1)),
                startsPaid: startsPaid, levelSwitchDays: switchDays,
                cancelDay: count >= 20 && random.chance(0.03) ? random.int(in: 5...29) : nil,
                activity: activity))
        }
        return listeners
    }
}
