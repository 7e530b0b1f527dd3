import SparkifyTables

/// Tables the Parquet tests write and read back.
enum ParquetTestTables {
    /// One column of every type, `rows` rows, every `nullEvery`-th row NULL (0: no NULLs).
    static func everyType(rows: Int, nullEvery: Int = 3) -> Table {
        let fields = [
            Field("b", .boolean), Field("i", .int), Field("l", .bigint), Field("d", .double),
            Field("s", .string), Field("day", .date), Field("ts", .timestamp),
            Field("dec9", .decimal(precision: 9, scale: 2)), Field("dec18", .decimal(precision: 18, scale: 4)),
            Field("dec38", .decimal(precision: 38, scale: 10)), Field("tags", .array(.string)),
        ]
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
        let words = ["apple", "Äpfel", "日本語", "", "zebra", "naïve café", "🎵 song"]
        for r in 0..<rows {
            if nullEvery > 0 && r % nullEvery == nullEvery - 1 {
                for k in builders.indices { builders[k].appendNull() }
                continue
            }
            let sign: Int64 = r % 2 == 0 ? 1 : -1
            builders[0].append(r % 5 == 0)
            builders[1].append(Int32(truncatingIfNeeded: sign * Int64(r) * 7919))
            builders[2].append(sign * Int64(r) * 1_000_000_007)
            builders[3].append(Double(sign) * Double(r) / 8.0)
            builders[4].append(words[r % words.count] + (r % 4 == 0 ? "" : String(r % 50)))
            builders[5].append(Int32(r % 40_000) - 10_000)
            builders[6].append(1_541_106_106_796_000 + sign * Int64(r) * 1_234_567)
            builders[7].append(Value.decimal((sign < 0 ? "-" : "") + "\(r % 10_000_000).\(String(format2: r % 100))"))
            builders[8].append(Value.decimal((sign < 0 ? "-" : "") + "\(Int64(r) * 98_765_431).\(String(format4: r % 10_000))"))
            builders[9].append(Value.decimal((sign < 0 ? "-" : "") + "1234567890123456789\(r % 10).\(String(format4: r % 10_000))000000"))
            builders[10].append(Value.json("[\"t\(r % 3)\"]"))
        }
        return Table(schema: Schema(fields), columns: builders.map { $0.build() }, rowCount: rows)
    }
}

extension ParquetTestTables {
    /// Low-cardinality columns of every dictionary-encodable type, with NULLs.
    static func repetitive(rows: Int) -> Table {
        let fields = [Field("month", .int), Field("ts", .timestamp), Field("price", .double), Field("amount", .decimal(precision: 12, scale: 2)),
                      Field("day", .date), Field("level", .string), Field("big", .decimal(precision: 30, scale: 3))]
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
        for i in 0..<rows {
            if i % 11 == 0 {
                for k in builders.indices { builders[k].appendNull() }
                continue
            }
            builders[0].append(Int32(i % 12 + 1))
            builders[1].append(Int64(i % 5) * 3_600_000_000 - 7)
            builders[2].append([0.99, -0.0, 1.5, 0.0, -2.25][i % 5])
            builders[3].append(Value.decimal(["-1.25", "3.00", "1000000.99"][i % 3]))
            builders[4].append(Int32(17_000 + i % 9))
            builders[5].append(["free", "paid"][i % 2])
            builders[6].append(Value.decimal(["-12345678901234567890.125", "0.000"][i % 2]))
        }
        return Table(schema: Schema(fields), columns: builders.map { $0.build() }, rowCount: rows)
    }
}

extension String {
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    init(format4 v: Int) { self = String(repeating: "0", count: 4 - String(v).count) + String(v) }
}
