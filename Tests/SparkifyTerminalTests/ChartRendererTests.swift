import Testing
import SparkifyTables
import SparkifyTerminal

/// The text charts: golden snapshots of each kind at three widths in Unicode and ASCII, and
/// the properties a reader relies on (widths, proportions, ranking, notes).
@Suite struct ChartRendererTests {
    static let widths = [40, 80, 120]

    static func render(_ data: ChartData, _ kind: ChartKind, width: Int, charset: ChartCharset, top: Int? = nil, title: String? = nil) -> String {
        ChartRenderer(spec: ChartSpec(kind: kind, title: title, top: top, width: width, charset: charset)).render(data)
    }

    @Test(arguments: ChartKind.allCases, ChartCharset.allCases)
    func snapshotsAtEachWidth(kind: ChartKind, charset: ChartCharset) {
        for width in Self.widths {
            var text = ""
            for (name, data) in ChartFixtures.all {
                text += "=== \(name)\n" + Self.render(data, kind, width: width, charset: charset) + "\n"
            }
            assertSnapshot(text, named: "chart-\(kind.rawValue)-\(charset.rawValue)-width\(width)")
        }
    }

    @Test(arguments: ChartKind.allCases, ChartCharset.allCases)
    func everyLineFitsTheWidth(kind: ChartKind, charset: ChartCharset) {
        for width in [20, 33, 40, 57, 80, 120, 200] {
            for (name, data) in ChartFixtures.all {
                let text = Self.render(data, kind, width: width, charset: charset)
                for line in text.split(separator: "\n") {
                    #expect(Self.cells(String(line)) <= width, "\(kind) \(name) at \(width): \(line)")
                }
                if charset == .ascii {
                    let nonASCII = ChartFixtures.all.flatMap(\.data.labels).contains { !$0.allSatisfy(\.isASCII) }
                    // Only the data's own labels may hold non-ASCII text.
                    let drawn = text.unicodeScalars.filter { !$0.isASCII }
                    if !nonASCII { #expect(drawn.isEmpty) }
                    #expect(!text.contains("█") && !text.contains("│") && !text.contains("…"), "\(kind) \(name) drew Unicode in ASCII")
                }
            }
        }
    }

    @Test func horizontalBarsAreProportionalToEighthsAndRanked() {
        let data = ChartData(labels: ["a", "b", "c"], values: [10, 40, 25], labelName: "k", valueName: "v")
        let lines = Self.render(data, .hbar, width: 60, charset: .unicode).split(separator: "\n").map(String.init)
        // Title, header, then b (largest), c, a.
        #expect(lines[2].hasPrefix("b ") && lines[3].hasPrefix("c ") && lines[4].hasPrefix("a "))
        let eighths = lines[2...4].map(Self.eighths)
        let full = eighths[0]
        #expect(full > 0)
        #expect(abs(Double(eighths[1]) - Double(full) * 25 / 40) <= 1)
        #expect(abs(Double(eighths[2]) - Double(full) * 10 / 40) <= 1)
        #expect(lines[2].hasSuffix(" 40") && lines[3].hasSuffix(" 25") && lines[4].hasSuffix(" 10"))
    }

    @Test func verticalBarsReachTheirHeightInEighths() throws {
        let data = ChartData(labels: ["x", "y"], values: [8, 3], labelName: "k", valueName: "v")
        let text = ChartRenderer(spec: ChartSpec(kind: .bar, width: 40, charset: .unicode, height: 4)).render(data)
        let lines = text.split(separator: "\n").map(String.init)
        // 8 fills 4 rows; 3 is 12 eighths: one and a half rows.
        let column = { (index: Int) in lines.compactMap { line -> Character? in
            let characters = Array(line)
            return index < characters.count ? characters[index] : nil
        } }
        let baseline = try #require(lines.firstIndex { $0.contains("┼") })
        let x = try #require(Array(lines[baseline]).firstIndex(of: "┼")) + 1
        #expect(column(x).filter { $0 == "█" }.count == 4)
        // The second bar starts after the first bar's blank gap.
        let above = Array(lines[baseline - 1])
        let second = try #require(above.indices.first { $0 > x && above[$0] == "█" && above[$0 - 1] == " " })
        let y = column(second)
        #expect(y.filter { $0 == "█" }.count == 1 && y.contains("▄"))
    }

    @Test func topLimitsRankedBarsAndSharesSumTheRest() {
        let hbar = Self.render(ChartFixtures.browsers, .hbar, width: 80, charset: .ascii, top: 3)
        #expect(hbar.contains("Chrome") && hbar.contains("Safari") && !hbar.contains("Edge"))
        #expect(hbar.contains("6 more not shown (9 in all; --top N shows more)."))
        let share = Self.render(ChartFixtures.browsers, .share, width: 80, charset: .ascii, top: 3)
        // Three parts: a stacked bar with the two largest and "other (5)".
        #expect(share.contains("Chrome") && share.contains("Firefox") && share.contains("other (5)") && !share.contains("Safari"))
        #expect(share.contains("Left out: 1 NULL value, 1 negative value (a share cannot be negative)."))
        #expect(share.contains("6523 plays in all"))
    }

    @Test func stackedSharesFillTheWidthExactly() {
        for width in [20, 41, 80, 119] {
            let text = Self.render(ChartFixtures.levels, .share, width: width, charset: .unicode)
            let bar = text.split(separator: "\n")[1]
            #expect(bar.count == width)
            #expect(bar.allSatisfy { $0 == "█" || $0 == "▓" })
        }
        let text = Self.render(ChartFixtures.levels, .share, width: 80, charset: .unicode)
        #expect(text.contains("█ free  50.2%  3266\n▓ paid  49.8%  3237\n6503 plays in all\n"))
    }

    @Test func emptyAndNullResultsSaySo() {
        for kind in ChartKind.allCases {
            #expect(Self.render(ChartFixtures.empty, kind, width: 80, charset: .unicode) == "n by name\n(no rows: nothing to chart)\n")
            #expect(Self.render(ChartFixtures.allNull, kind, width: 80, charset: .unicode, title: "T") == "T\n(every value of n is NULL: nothing to chart)\n")
        }
        #expect(Self.render(ChartFixtures.allZero, .share, width: 80, charset: .unicode).contains("every value of n is zero"))
    }

    @Test func chartDataComesFromATableAndAddsUpRepeatedLabels() throws {
        let schema = Schema([Field("os", .string), Field("browser", .string), Field("plays", .bigint), Field("share", .decimal(precision: 5, scale: 1))])
        var builders = schema.fields.map { ColumnBuilder(type: $0.type) }
        let rows: [[Value]] = [
            [.string("Windows"), .string("Chrome"), .bigint(10), .decimal("1.5")],
            [.string("macOS"), .string("Safari"), .bigint(4), .null],
            [.string("Windows"), .string("Firefox"), .bigint(3), .decimal("2.0")],
            [.null, .string("Chrome"), .null, .decimal("-0.5")],
        ]
        for row in rows { for (i, value) in row.enumerated() { builders[i].append(value) } }
        let table = Table(schema: schema, columns: builders.map { $0.build() })
        let byOS = try ChartData(table: table, labelColumn: "os", valueColumn: "plays")
        #expect(byOS.labels == ["Windows", "macOS", "NULL"])
        #expect(byOS.values == [13, 4, nil])
        #expect(byOS.labelName == "os" && byOS.valueName == "plays")
        let shares = try ChartData(table: table, labelColumn: "BROWSER", valueColumn: "share")
        #expect(shares.values == [1.0, nil, 2.0])
        #expect(throws: ChartError.self) { try ChartData(table: table) }
        do {
            _ = try ChartData(table: table)
        } catch {
            #expect(error.description.contains("The values column browser holds string, not numbers"))
        }
        do {
            _ = try ChartData(table: table, labelColumn: "os", valueColumn: "nope")
        } catch {
            #expect(error.description == "No column nope to chart; the columns are os, browser, plays, share.")
        }
    }

    @Test func extremeValuesNeitherTrapNorOverflowTheWidth() {
        let data = ChartData(labels: ["max", "min", "inf", "nan", "tiny", "huge"],
                             values: [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, .nan, 1e-300, 1e300],
                             labelName: "k", valueName: "v")
        #expect(data.values[2] == nil && data.values[3] == nil)
        for kind in ChartKind.allCases {
            for charset in ChartCharset.allCases {
                let text = Self.render(data, kind, width: 60, charset: charset)
                for line in text.split(separator: "\n") { #expect(Self.cells(String(line)) <= 60, "\(kind): \(line)") }
                _ = SVGChartWriter(spec: ChartSpec(kind: kind)).svg(data)
            }
        }
        let shares = ChartData(labels: ["a", "b"], values: [.greatestFiniteMagnitude, .greatestFiniteMagnitude], labelName: "k", valueName: "v")
        #expect(Self.render(shares, .share, width: 40, charset: .ascii).split(separator: "\n").count >= 2)
    }

    @Test func aHugeTableIsRefusedWithAHint() {
        let rows = ChartData.maximumRows + 1
        let table = Table(schema: Schema([Field("k", .int), Field("v", .int)]),
                          columns: [Column(type: .int, values: .int32(Array(repeating: 1, count: rows)), validity: nil),
                                    Column(type: .int, values: .int32(Array(repeating: 2, count: rows)), validity: nil)])
        #expect(throws: ChartError("The result has \(rows) rows; a chart takes at most \(ChartData.maximumRows). Chart an aggregate of it (GROUP BY ...) or add a LIMIT.")) {
            try ChartData(table: table)
        }
    }

    @Test func chartingTheLargestTableAllowedIsQuick() throws {
        let rows = ChartData.maximumRows
        let table = Table(schema: Schema([Field("k", .int), Field("v", .bigint)]),
                          columns: [Column(type: .int, values: .int32((0..<rows).map { Int32($0 % 5000) }), validity: nil),
                                    Column(type: .bigint, values: .int64((0..<rows).map { Int64($0 % 97) }), validity: nil)])
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let data = try ChartData(table: table)
            #expect(data.count == 5000)
            for kind in ChartKind.allCases { _ = Self.render(data, kind, width: 120, charset: .unicode) }
        }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func labelsStayOnOneLineAndEscapeSequencesAreDropped() {
        let data = ChartData(labels: ["two\nlines", "tab\there", "\u{1B}[31mred\u{1B}[0m"], values: [3, 2, 1], labelName: "k", valueName: "v")
        for kind in ChartKind.allCases {
            let text = Self.render(data, kind, width: 80, charset: .unicode, title: "a\ntitle")
            #expect(!text.contains("\u{1B}") && !text.contains("\t"))
            #expect(text.contains("two\\nlines") && text.contains("tab\\there") && text.contains("[31mred[0m"))
            #expect(text.hasPrefix("a\\ntitle\n"))
        }
    }

    @Test func charsetFollowsTheLocale() {
        #expect(ChartCharset.fromLocale(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
        #expect(ChartCharset.fromLocale(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(ChartCharset.fromLocale(environment: ["LC_CTYPE": "de_DE.utf8"]) == .unicode)
        #expect(ChartCharset.fromLocale(environment: [:]) == .ascii)
        #expect(ChartCharset.fromLocale(environment: ["LANG": "POSIX"]) == .ascii)
    }

    /// Display cells of a line (wide characters take two).
    static func cells(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    /// Eighths of bar drawn on a line.
    static func eighths(_ line: String) -> Int {
        let partial: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8]
        return line.reduce(0) { $0 + (partial[$1] ?? 0) }
    }
}
