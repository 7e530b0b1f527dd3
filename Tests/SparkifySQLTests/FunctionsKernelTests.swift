import Testing
import SparkifyTables
@testable import SparkifySQL

/// Column-level behaviour the logic file cannot show: NULL rows inside columns, lazy branches,
/// distinct-value caching, row positions.
@Suite struct FunctionsKernelTests {
    let context = EvaluationContext()

    func column(_ values: [Value], _ type: DataType) -> Column {
        var builder = ColumnBuilder(type: type)
        for v in values { builder.append(v) }
        return builder.build()
    }

    @Test func caseWhenEvaluatesBranchesOnlyOnTheirRows() throws {
        // CASE WHEN x = 0 THEN NULL ELSE 10 / x END never divides by zero.
        let x = column([.int(0), .int(5), .null, .int(2)], .int)
        let rowCount = x.count
        let condition: RowSubsetEvaluator = { rows in
            let input = rows.map { x.gather($0) } ?? x
            return .column(try ScalarFunctionRegistry.call("=", [.column(input), .constant(.int(0), .int)], rowCount: input.count, context: context))
        }
        var seen: [[Int]?] = []
        let otherwise: RowSubsetEvaluator = { rows in
            seen.append(rows)
            let input = rows.map { x.gather($0) } ?? x
            return .column(try ScalarFunctionRegistry.call("/", [.constant(.int(10), .int), .column(input)], rowCount: input.count, context: context))
        }
        let thenNull: RowSubsetEvaluator = { _ in .constant(.null, .double) }
        let result = try ConditionalKernels.caseWhen(branches: [(condition, thenNull)], otherwise: otherwise, resultType: .double, rowCount: rowCount)
        #expect(result.allValues == [.null, .double(2), .null, .double(5)])
        #expect(seen.count == 1 && seen[0] == [1, 2, 3])
        // Evaluated eagerly, the same division fails.
        #expect(throws: SQLError.self) {
            try ScalarFunctionRegistry.call("/", [.constant(.int(10), .int), .column(x)], rowCount: rowCount, context: context)
        }
    }

    @Test func coalesceStopsEvaluatingOnceRowsAreFilled() throws {
        let a = column([.int(1), .null, .null], .int)
        var asked: [[Int]?] = []
        let second: RowSubsetEvaluator = { rows in
            asked.append(rows)
            return .column(ScalarOperand.broadcast(.int(7), type: .int, count: rows?.count ?? 3))
        }
        let third: RowSubsetEvaluator = { _ in
            Issue.record("third argument evaluated")
            return .constant(.null, .int)
        }
        let result = try ConditionalKernels.coalesce([ConditionalKernels.subsetEvaluator(.column(a), rowCount: 3), second, third], resultType: .int, rowCount: 3)
        #expect(result.allValues == [.int(1), .int(7), .int(7)])
        #expect(asked == [[1, 2]])
    }

    @Test func nullRowsPropagateThroughKernels() throws {
        let ts = column([.timestamp(1_541_030_400_000_000), .null, .timestamp(-1)], .timestamp)
        let hours = try ScalarFunctionRegistry.call("hour", [.column(ts)], rowCount: 3, context: context)
        #expect(hours.allValues == [.int(0), .null, .int(23)])
        let text = column([.string("Ab"), .null, .string("")], .string)
        #expect(try ScalarFunctionRegistry.call("upper", [.column(text)], rowCount: 3, context: context).allValues == [.string("AB"), .null, .string("")])
        #expect(try ScalarFunctionRegistry.call("length", [.column(text)], rowCount: 3, context: context).allValues == [.int(2), .null, .int(0)])
        // Division by zero in a NULL row is not an error.
        let divisor = column([.int(2), .null, .int(4)], .int)
        let quotient = try ScalarFunctionRegistry.call("div", [.constant(.int(8), .int), .column(divisor)], rowCount: 3, context: context)
        #expect(quotient.allValues == [.bigint(4), .null, .bigint(2)])
        let flags = column([.boolean(true), .null, .boolean(false)], .boolean)
        let both = try ScalarFunctionRegistry.call("and", [.column(flags), .constant(.boolean(false), .boolean)], rowCount: 3, context: context)
        #expect(both.allValues == [.boolean(false), .boolean(false), .boolean(false)])
        let either = try ScalarFunctionRegistry.call("or", [.column(flags), .constant(.boolean(false), .boolean)], rowCount: 3, context: context)
        #expect(either.allValues == [.boolean(true), .null, .boolean(false)])
    }

    @Test func regexRunsOncePerDistinctValue() throws {
        var builder = ColumnBuilder(type: .string)
        let agents = ["Mozilla/5.0 (Windows NT 10.0)", "Mozilla/5.0 (Macintosh)", "curl/7.1"]
        for i in 0..<3000 { if i % 7 == 0 { builder.appendNull() } else { builder.append(agents[i % 3]) } }
        let column = builder.build()
        let distinct = DistinctStrings(ScalarOperand.column(column).stringView(), validity: column.validity, rowCount: column.count)
        #expect(distinct.firstRows.count == 3)
        let matches = try ScalarFunctionRegistry.call("rlike", [.column(column), .constant(.string("Windows|Mac"), .string)], rowCount: column.count, context: context)
        for i in 0..<column.count {
            if i % 7 == 0 { #expect(matches.isNull(i)) } else { #expect(matches.value(at: i) == .boolean(i % 3 != 2)) }
        }
        let extracted = try ScalarFunctionRegistry.call("regexp_extract", [.column(column), .constant(.string("\\(([A-Za-z]+)"), .string), .constant(.int(1), .int)], rowCount: column.count, context: context)
        #expect(extracted.value(at: 1) == .string("Macintosh"))
        #expect(extracted.value(at: 2) == .string(""))
        #expect(extracted.value(at: 3) == .string("Windows"))
    }

    @Test func likeMatchesAgainstManyShapes() throws {
        let cases: [(String, String, Bool)] = [
            ("abc", "abc", true), ("abc", "ab", false), ("abc", "a%", true), ("abc", "%c", true),
            ("abc", "%b%", true), ("abc", "a%c", true), ("abc", "a%b%c", true), ("abc", "a%%c", true),
            ("ac", "a_c", false), ("abbbc", "a%bc", true), ("abcabd", "%abd", true), ("", "%", true),
            ("", "_", false), ("日本語", "日_語", true), ("日本語", "___", true), ("a\nb", "a_b", true),
            ("mississippi", "m%iss%pi", true), ("mississippi", "m%iss%px", false),
        ]
        for (text, pattern, expected) in cases {
            let compiled = try LikePattern(pattern)
            var copy = text
            #expect(copy.withUTF8 { compiled.matches($0) } == expected, "\(text) LIKE \(pattern)")
        }
    }

    @Test func monotonicallyIncreasingIdUsesPartitionAndRowPosition() throws {
        var context = EvaluationContext()
        context.rowSource = RowSourceInfo(partitionIndex: 2, firstRowIndex: 10)
        let ids = try ScalarFunctionRegistry.call("monotonically_increasing_id", [], rowCount: 3, context: context)
        let base = Int64(2) << 33 + 10
        #expect(ids.allValues == [.bigint(base), .bigint(base + 1), .bigint(base + 2)])
        context.rowSource = RowSourceInfo(fileName: "song_data/A/A/A/x.json")
        let files = try ScalarFunctionRegistry.call("input_file_name", [], rowCount: 2, context: context)
        #expect(files.allValues == [.string("song_data/A/A/A/x.json"), .string("song_data/A/A/A/x.json")])
    }

    @Test func constantArgumentsFoldToConstants() throws {
        let upper = try #require(ScalarFunctionRegistry.lookup("upper"))
        let folded = try upper.evaluateOperand([.constant(.string("a"), .string)], rowCount: 1000, context: context)
        #expect(folded.constantValue == .string("A"))
        let now = try #require(ScalarFunctionRegistry.lookup("current_timestamp"))
        #expect(!now.isDeterministic)
        #expect(try #require(ScalarFunctionRegistry.lookup("coalesce")).isConditional)
    }
}

@Suite struct FunctionsShortCircuitTests {
    @Test func andSkipsRowsTheLeftSideDecides() throws {
        let context = EvaluationContext()
        // x <> 0 AND 10 / x > 1, with x = [0, 5, NULL, 20]
        let x = Column(type: .int, values: .int32([0, 5, 0, 20]), validity: {
            var v = Validity(count: 4, allValid: true)
            v.set(2, valid: false)
            return v
        }())
        let left = try ScalarFunctionRegistry.call("<>", [.column(x), .constant(.int(0), .int)], rowCount: 4, context: context)
        var asked: [[Int]?] = []
        let right: RowSubsetEvaluator = { rows in
            asked.append(rows)
            let input = rows.map { x.gather($0) } ?? x
            let quotient = try ScalarFunctionRegistry.call("/", [.constant(.int(10), .int), .column(input)], rowCount: input.count, context: context)
            return .column(try ScalarFunctionRegistry.call(">", [.column(quotient), .constant(.double(1), .double)], rowCount: input.count, context: context))
        }
        let result = try LogicKernels.shortCircuit(.column(left), right, rowCount: 4)
        #expect(result.allValues == [.boolean(false), .boolean(true), .null, .boolean(false)])
        #expect(asked == [[1, 2, 3]])
        let either = try LogicKernels.shortCircuit(.column(left), { _ in .constant(.boolean(false), .boolean) }, or: true, rowCount: 4)
        #expect(either.allValues == [.boolean(false), .boolean(true), .null, .boolean(true)])
    }
}

/// Column kernels agree with row-at-a-time evaluation on varied data (day caches, offsets).
@Suite struct FunctionsColumnAgreementTests {
    @Test func formattingAColumnMatchesFormattingEachRow() throws {
        var context = EvaluationContext()
        context.timeZone = try SessionTimeZone.named("America/Los_Angeles")
        var generator = SystemRandomNumberGenerator()
        var micros: [Int64] = []
        var t: Int64 = -86_400_000_000 * 3
        for _ in 0..<2000 {
            t += Int64.random(in: 0...7_200_000_000, using: &generator) / 1000 * (Bool.random(using: &generator) ? 1000 : 1)
            micros.append(t)
            if Bool.random(using: &generator) { micros.append(t) }
        }
        micros.append(1_520_762_400_000_000)  // the spring-forward instant
        micros.append(-1)
        let column = Column(type: .timestamp, values: .int64(micros))
        let count = micros.count
        let standard = try ScalarFunctionRegistry.call("date_format", [.column(column), .constant(.string("yyyy-MM-dd HH:mm:ss"), .string)], rowCount: count, context: context)
        let custom = try ScalarFunctionRegistry.call("date_format", [.column(column), .constant(.string("EEE d MMM yy h:mm:ss.SSSSSS a XXX"), .string)], rowCount: count, context: context)
        let asText = try CastKernel.cast(column, to: .string, context: context)
        for i in 0..<count {
            let offset = context.timeZone.offset(atMicros: micros[i])
            #expect(asText.value(at: i) == .string(ValueFormatter.timestamp(micros[i], offsetSeconds: offset)))
            let seconds = micros[i] - ((micros[i] % 1_000_000) + 1_000_000) % 1_000_000
            #expect(standard.value(at: i) == .string(ValueFormatter.timestamp(seconds, offsetSeconds: offset)))
            let single = try ScalarFunctionRegistry.call("date_format", [.constant(.timestamp(micros[i]), .timestamp), .constant(.string("EEE d MMM yy h:mm:ss.SSSSSS a XXX"), .string)], rowCount: 1, context: context)
            #expect(custom.value(at: i) == single.value(at: 0))
        }
    }
}
