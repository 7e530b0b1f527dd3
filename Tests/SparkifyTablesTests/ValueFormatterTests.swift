import Testing
import SparkifyTables

@Suite struct ValueFormatterTests {
    @Test(arguments: [
        (100.0, "100.0"), (0.001, "0.001"), (1e-4, "1.0E-4"), (1540919166796.0, "1.540919166796E12"),
        (261.92934, "261.92934"), (1e7, "1.0E7"), (9999999.0, "9999999.0"), (-2.5, "-2.5"),
        (0.0, "0.0"), (1.0 / 3.0, "0.3333333333333333"), (123456789.125, "1.23456789125E8"),
    ])
    func doublesPrintLikeJava(value: Double, text: String) {
        #expect(ValueFormatter.double(value) == text)
    }

    @Test func specialDoubles() {
        #expect(ValueFormatter.double(.nan) == "NaN")
        #expect(ValueFormatter.double(-.infinity) == "-Infinity")
    }

    @Test func timestampsTrimTrailingFractionZeros() {
        #expect(ValueFormatter.timestamp(1_541_105_830_796_000) == "2018-11-01 20:57:10.796")
        #expect(ValueFormatter.timestamp(1_541_105_830_000_000) == "2018-11-01 20:57:10")
        #expect(ValueFormatter.timestamp(-1) == "1969-12-31 23:59:59.999999")
        #expect(ValueFormatter.timestamp(0, offsetSeconds: -8 * 3600) == "1969-12-31 16:00:00")
    }

    @Test func datesRoundTripThroughCivilDays() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilDate.civil(fromDays: days)
            #expect(CivilDate.days(year: y, month: m, day: d) == days)
        }
        #expect(ValueFormatter.date(17836) == "2018-11-01")
    }
}
