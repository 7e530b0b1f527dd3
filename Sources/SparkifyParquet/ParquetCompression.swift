/// The compression codec of a Parquet file's pages.
public enum ParquetCompression: String, Sendable, CaseIterable {
    case none, snappy, gzip, zstd

    /// The part Spark puts in a data file's name before `.parquet`: `.snappy`, `.gz`,
    /// `.zstd`, or nothing for uncompressed files (`part-00000-….c000.snappy.parquet`).
    public var fileNameSuffix: String {
        switch self {
        case .none: return ""
        case .snappy: return ".snappy"
        case .gzip: return ".gz"
        case .zstd: return ".zstd"
        }
    }

    /// Parses Spark's names for `spark.sql.parquet.compression.codec` (case-insensitive):
    /// `none`/`uncompressed`, `snappy`, `gzip`, `zstd`.
    public init?(sparkName: String) {
        switch sparkName.lowercased() {
        case "none", "uncompressed": self = .none
        case "snappy": self = .snappy
        case "gzip": self = .gzip
        case "zstd": self = .zstd
        default: return nil
        }
    }

    /// The `CompressionCodec` number in parquet.thrift.
    var thriftCodec: Int32 {
        switch self {
        case .none: return 0
        case .snappy: return 1
        case .gzip: return 2
        case .zstd: return 6
        }
    }

    init?(thriftCodec: Int32) {
        switch thriftCodec {
        case 0: self = .none
        case 1: self = .snappy
        case 2: self = .gzip
        case 6: self = .zstd
        default: return nil
        }
    }

    static func codecName(_ thriftCodec: Int32) -> String {
        switch thriftCodec {
        case 3: return "LZO"
        case 4: return "BROTLI"
        case 5: return "LZ4 (Hadoop)"
        case 7: return "LZ4_RAW"
        default: return ParquetCompression(thriftCodec: thriftCodec)?.rawValue ?? "codec \(thriftCodec)"
        }
    }
}

/// How `ParquetFileWriter` lays out a file.
public struct ParquetWriteOptions: Sendable {
    /// The page codec; Spark's default is snappy.
    public var compression: ParquetCompression
    /// At most this many rows per row group (a row group is also cut near `rowGroupBytes`).
    public var rowGroupRows: Int
    /// Target in-memory bytes of a row group (parquet-mr's block size is 128 MB).
    public var rowGroupBytes: Int
    /// Target size of a data page's values before compression.
    public var pageBytes: Int
    /// At most this many rows per data page (parquet-mr's page row count limit).
    public var pageRows: Int
    /// Whether string columns are dictionary-encoded while their dictionary stays small.
    public var dictionary: Bool
    /// A column chunk's dictionary larger than this (PLAIN bytes) falls back to PLAIN.
    public var dictionaryPageBytes: Int

    public init(compression: ParquetCompression = .snappy, rowGroupRows: Int = 1_048_576,
                rowGroupBytes: Int = 128 << 20, pageBytes: Int = 1 << 20, pageRows: Int = 20_000,
                dictionary: Bool = true, dictionaryPageBytes: Int = 1 << 20) {
        self.compression = compression
        self.rowGroupRows = max(1, rowGroupRows)
        self.rowGroupBytes = max(1, rowGroupBytes)
        self.pageBytes = max(1, pageBytes)
        self.pageRows = max(1, pageRows)
        self.dictionary = dictionary
        self.dictionaryPageBytes = max(1, dictionaryPageBytes)
    }
}

/// What `ParquetFileWriter.write` wrote.
public struct ParquetWriteSummary: Sendable, Equatable {
    /// The file's size.
    public var bytes: Int
    public var rows: Int
    public var rowGroups: Int
}
