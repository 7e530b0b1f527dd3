import SparkifyLake
import SparkifyTables
import Testing

/// Every expected type here was recorded from Spark 4.3 reading a folder `k=<raw>`.
struct PartitionTypeInferenceTests {
    @Test(arguments: [
        ("1", DataType.int), ("-1", .int), ("+1", .int), ("007", .int),
        ("2147483648", .bigint),
        ("9223372036854775808", .decimal(precision: 19, scale: 0)),
        ("1e3", .decimal(precision: 4, scale: 0)), ("1E3", .decimal(precision: 4, scale: 0)),
        ("1.0E20", .decimal(precision: 21, scale: 0)),
        ("12345678901234567890123456789012345678901", .double),
        ("1.5", .double), ("1.5e-3", .double), ("NaN", .double), ("Infinity", .double), ("-Infinity", .double),
        ("1d", .double), ("1f", .double), (" 1", .double),
        ("0x10", .string),
        ("2018-11-01", .date), ("2018-1-1", .string), ("2018-02-30", .string),
        ("2018-11-01 21%3A01%3A46", .timestamp), ("2018-11-01 21%3A01%3A46.7", .timestamp),
        ("2018-11-01 21%3A01%3A46.79", .string), ("2018-11-01 21%3A01%3A46.796", .string),
        ("2018-11-01T21%3A01%3A46", .string), ("2018-11-01 21%3A01", .string),
        ("abc", .string), ("a%2Fb", .string), ("true", .string),
        ("__HIVE_DEFAULT_PARTITION__", .null),
    ])
    func infersOneValue(raw: String, expected: DataType) {
        #expect(PartitionTypeInference.inferType(ofRaw: raw) == expected)
    }

    @Test(arguments: [
        (["1", "2147483648"], DataType.bigint),
        (["1", "1.5"], .double),
        (["2147483648", "1.5"], .string),
        (["1.5", "1e3"], .string),
        (["1", "2018-11-01"], .string),
        (["2018-11-01", "2018-11-01 00%3A00%3A00"], .timestamp),
        (["1", "abc"], .string),
        (["1", "__HIVE_DEFAULT_PARTITION__"], .int),
        (["1", "12345678901234567890"], .decimal(precision: 20, scale: 0)),
        (["__HIVE_DEFAULT_PARTITION__"], .null),
    ])
    func widensAcrossFolders(raws: [String], expected: DataType) {
        #expect(PartitionTypeInference.columnType(ofRaws: raws) == expected)
    }
}
