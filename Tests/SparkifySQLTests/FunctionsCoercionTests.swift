import Testing
import SparkifyTables
@testable import SparkifySQL

/// Spark 4's ANSI coercion rules (AnsiTypeCoercion.scala, DecimalPrecision.scala).
@Suite struct FunctionsCoercionTests {
    @Test func commonTypeWidensNumbersAndDatetimes() {
        #expect(SparkTypeCoercion.commonType(.int, .bigint) == .bigint)
        #expect(SparkTypeCoercion.commonType(.bigint, .double) == .double)
        #expect(SparkTypeCoercion.commonType(.null, .date) == .date)
        #expect(SparkTypeCoercion.commonType(.date, .timestamp) == .timestamp)
        #expect(SparkTypeCoercion.commonType(.decimal(precision: 5, scale: 2), .int) == .decimal(precision: 12, scale: 2))
        #expect(SparkTypeCoercion.commonType(.decimal(precision: 20, scale: 2), .int) == .decimal(precision: 20, scale: 2))
        #expect(SparkTypeCoercion.commonType(.decimal(precision: 5, scale: 2), .double) == .double)
        #expect(SparkTypeCoercion.commonType(.decimal(precision: 5, scale: 2), .decimal(precision: 10, scale: 4)) == .decimal(precision: 10, scale: 4))
        #expect(SparkTypeCoercion.commonType(.decimal(precision: 5, scale: 4), .decimal(precision: 10, scale: 0)) == .decimal(precision: 14, scale: 4))
        #expect(SparkTypeCoercion.commonType(.array(.int), .array(.bigint)) == .array(.bigint))
    }

    @Test func stringsPromoteAgainstOtherTypes() {
        #expect(SparkTypeCoercion.commonType(.string, .int) == .bigint)
        #expect(SparkTypeCoercion.commonType(.double, .string) == .double)
        #expect(SparkTypeCoercion.commonType(.string, .decimal(precision: 3, scale: 1)) == .double)
        #expect(SparkTypeCoercion.commonType(.string, .date) == .date)
        #expect(SparkTypeCoercion.commonType(.string, .timestamp) == .timestamp)
        #expect(SparkTypeCoercion.commonType(.string, .boolean) == .boolean)
        #expect(SparkTypeCoercion.commonType(.string, .null) == .string)
    }

    @Test func incompatibleTypesHaveNoCommonType() {
        #expect(SparkTypeCoercion.commonType(.boolean, .int) == nil)
        #expect(SparkTypeCoercion.commonType(.date, .int) == nil)
        #expect(SparkTypeCoercion.commonType(.array(.int), .int) == nil)
        #expect(SparkTypeCoercion.commonType([.int, .string, .boolean]) == nil)
        #expect(SparkTypeCoercion.commonType([.null, .int, .double]) == .double)
    }

    @Test func implicitCastsFollowAnsiStoreAssignment() {
        #expect(SparkTypeCoercion.implicitCast(.string, to: .type(.int)) == .int)
        #expect(SparkTypeCoercion.implicitCast(.int, to: .type(.string)) == .string)
        #expect(SparkTypeCoercion.implicitCast(.bigint, to: .type(.int)) == .int)
        #expect(SparkTypeCoercion.implicitCast(.date, to: .type(.timestamp)) == .timestamp)
        #expect(SparkTypeCoercion.implicitCast(.timestamp, to: .type(.date)) == .date)
        #expect(SparkTypeCoercion.implicitCast(.int, to: .type(.timestamp)) == nil)
        #expect(SparkTypeCoercion.implicitCast(.boolean, to: .type(.int)) == nil)
        #expect(SparkTypeCoercion.implicitCast(.double, to: .integral) == nil)
        #expect(SparkTypeCoercion.implicitCast(.string, to: .numeric) == .double)
        #expect(SparkTypeCoercion.implicitCast(.int, to: .anyDecimal) == .decimal(precision: 10, scale: 0))
    }

    @Test func castsAllowedUnderAnsi() {
        #expect(SparkTypeCoercion.canCast(.string, .int))
        #expect(SparkTypeCoercion.canCast(.int, .timestamp))
        #expect(SparkTypeCoercion.canCast(.timestamp, .bigint))
        #expect(SparkTypeCoercion.canCast(.double, .boolean))
        #expect(!SparkTypeCoercion.canCast(.date, .int))
        #expect(!SparkTypeCoercion.canCast(.int, .date))
        #expect(!SparkTypeCoercion.canCast(.boolean, .timestamp))
        #expect(!SparkTypeCoercion.canCast(.timestamp, .boolean))
        #expect(CastKernel.canCast(.date, .int, mode: .legacy))
    }

    @Test func arithmeticResultTypes() throws {
        func result(_ name: String, _ a: DataType, _ b: DataType) throws -> DataType {
            try #require(ScalarFunctionRegistry.lookup(name)).resolve(argumentTypes: [a, b]).resultType
        }
        #expect(try result("+", .int, .int) == .int)
        #expect(try result("+", .int, .bigint) == .bigint)
        #expect(try result("/", .int, .int) == .double)
        #expect(try result("div", .double, .int) == .bigint)
        #expect(try result("%", .bigint, .int) == .bigint)
        #expect(try result("*", .decimal(precision: 5, scale: 2), .int) == .decimal(precision: 16, scale: 2))
        #expect(try result("/", .decimal(precision: 10, scale: 2), .decimal(precision: 5, scale: 1)) == .decimal(precision: 17, scale: 8))
        #expect(try result("+", .decimal(precision: 38, scale: 10), .decimal(precision: 38, scale: 10)) == .decimal(precision: 38, scale: 9))
        #expect(try result("+", .date, .int) == .date)
        #expect(try result("+", .string, .int) == .bigint)
        #expect(throws: SQLError.self) { try result("+", .boolean, .int) }
        #expect(throws: SQLError.self) { try result("+", .string, .string) }
    }

    @Test func resolutionErrorsNameTheFunction() throws {
        let hour = try #require(ScalarFunctionRegistry.lookup("HOUR"))
        do {
            _ = try hour.resolve(argumentTypes: [.int])
            Issue.record("hour(int) resolved")
        } catch let error as SQLError {
            #expect(error.errorClass == "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
            #expect(error.message.contains("hour(INT)"))
            #expect(error.message.contains("\"TIMESTAMP\""))
        }
        let substring = try #require(ScalarFunctionRegistry.lookup("substring"))
        do {
            _ = try substring.resolve(argumentTypes: [.string])
            Issue.record("substring(string) resolved")
        } catch let error as SQLError {
            #expect(error.errorClass == "WRONG_NUM_ARGS.WITHOUT_SUGGESTION")
            #expect(error.message.contains("`substring`"))
        }
        #expect(try substring.resolve(argumentTypes: [.string, .string]).argumentTypes == [.string, .int])
        #expect(try ScalarFunctionRegistry.lookup("concat")!.resolve(argumentTypes: [.int, .string]).argumentTypes == [.string, .string])
        #expect(ScalarFunctionRegistry.lookup("no_such_function") == nil)
    }
}

@Suite struct FunctionsRegistryTests {
    /// Every function the notebook's SQL relies on is registered, under any case.
    @Test func everyPlannedFunctionIsRegistered() {
        let expected = """
        + - * / % div mod pmod try_add try_subtract try_multiply try_divide try_mod negative positive
        = == <> != < <= > >= <=> and or not isnull isnotnull in between like ilike rlike regexp regexp_like ||
        coalesce nullif nvl nvl2 ifnull if greatest least
        from_unixtime to_timestamp try_to_timestamp timestamp_millis timestamp_seconds timestamp_micros unix_timestamp
        to_date date_format hour minute second dayofmonth day dayofweek weekday dayofyear weekofyear month quarter year
        date_add date_sub datediff current_date current_timestamp now date_trunc trunc last_day add_months make_date
        from_utc_timestamp to_utc_timestamp date_part extract unix_seconds unix_millis unix_micros
        lower upper trim ltrim rtrim btrim length char_length character_length substring substr concat concat_ws split
        instr locate position replace lpad rpad regexp_extract regexp_replace initcap reverse repeat left right md5 sha1
        round bround floor ceil ceiling abs sqrt pow power exp ln log log10 log2 sign signum isnan nanvl
        monotonically_increasing_id input_file_name spark_partition_id size element_at array_contains typeof
        int bigint double string boolean date timestamp hash sha md5
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for name in expected {
            #expect(ScalarFunctionRegistry.lookup(name) != nil, "\(name) is not registered")
            #expect(ScalarFunctionRegistry.lookup(name.uppercased()) != nil, "\(name.uppercased()) is not found")
        }
        print("registered: \(ScalarFunctionRegistry.names.count) names")
    }
}
