import SparkifyTables

/// How a leaf column of a file becomes a sparkify column: the physical type read and the
/// conversion into sparkify's storage.
struct ParquetLeaf: Sendable {
    enum Conversion: Sendable, Equatable {
        case boolean
        /// INT32 as is (int, date, int8/int16/uint8/uint16).
        case int32
        /// UINT_32 → bigint.
        case uint32
        /// INT64 as is (bigint, timestamp in microseconds).
        case int64
        /// INT64 UINT_64 → decimal(20,0) text, as Spark reads it.
        case uint64
        /// INT64 timestamps in milliseconds or nanoseconds → microseconds.
        case timestampMillis, timestampNanos
        /// INT96 (nanoseconds of the day, Julian day), Spark's default timestamp → microseconds.
        case int96
        case float, double
        /// BYTE_ARRAY bytes as a string.
        case bytes
        /// An unscaled integer (INT32, INT64, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY) → decimal text.
        case decimal(scale: Int)
    }

    var name: String
    var type: DataType
    var physical: ParquetPhysicalType
    var conversion: Conversion
    var optional: Bool
    /// Bytes per value of a FIXED_LEN_BYTE_ARRAY.
    var typeLength: Int
}

extension ParquetLeaf {
    /// Maps a flat schema element to a sparkify type, or fails with why it cannot.
    init(_ e: ParquetSchemaElement) throws {
        guard let physical = e.type else { throw ParquetDecodeFailure("column \(e.name) has no physical type") }
        let decimal: (precision: Int, scale: Int)? = {
            if case let .decimal(scale, precision) = e.logicalType { return (Int(precision), Int(scale)) }
            if e.convertedType == ParquetConvertedType.decimal, let p = e.precision { return (Int(p), Int(e.scale ?? 0)) }
            return nil
        }()
        let logical = e.logicalType
        let converted = e.convertedType
        name = e.name
        self.physical = physical
        optional = e.repetition != .required
        typeLength = Int(e.typeLength ?? 0)
        if let decimal {
            guard decimal.precision >= 1 && decimal.precision <= 38 && decimal.scale >= 0 && decimal.scale <= decimal.precision else {
                throw ParquetDecodeFailure("column \(e.name) is DECIMAL(\(decimal.precision),\(decimal.scale)), beyond decimal(38)")
            }
            guard physical != .boolean && physical != .float && physical != .double && physical != .int96 else {
                throw ParquetDecodeFailure("column \(e.name) is a DECIMAL stored as \(physical.name)")
            }
            if physical == .fixedLenByteArray && !(1...16).contains(typeLength) {
                throw ParquetDecodeFailure("column \(e.name) is a DECIMAL of \(typeLength) bytes")
            }
            type = .decimal(precision: decimal.precision, scale: decimal.scale)
            conversion = .decimal(scale: decimal.scale)
            return
        }
        switch physical {
        case .boolean:
            (type, conversion) = (.boolean, .boolean)
        case .int32:
            if logical == .date || converted == ParquetConvertedType.date {
                (type, conversion) = (.date, .int32)
            } else if case .integer(32, false) = logical {
                (type, conversion) = (.bigint, .uint32)
            } else if converted == ParquetConvertedType.uint32 {
                (type, conversion) = (.bigint, .uint32)
            } else if case .time = logical {
                throw ParquetDecodeFailure("column \(e.name) has the TIME type, which sparkify does not support")
            } else if converted == ParquetConvertedType.timeMillis {
                throw ParquetDecodeFailure("column \(e.name) has the TIME type, which sparkify does not support")
            } else {
                (type, conversion) = (.int, .int32)
            }
        case .int64:
            if case let .timestamp(_, unit) = logical {
                type = .timestamp
                switch unit {
                case .millis: conversion = .timestampMillis
                case .micros: conversion = .int64
                case .nanos: conversion = .timestampNanos
                }
            } else if converted == ParquetConvertedType.timestampMillis {
                (type, conversion) = (.timestamp, .timestampMillis)
            } else if converted == ParquetConvertedType.timestampMicros {
                (type, conversion) = (.timestamp, .int64)
            } else if case .integer(64, false) = logical {
                (type, conversion) = (.decimal(precision: 20, scale: 0), .uint64)
            } else if converted == ParquetConvertedType.uint64 {
                (type, conversion) = (.decimal(precision: 20, scale: 0), .uint64)
            } else if case .time = logical {
                throw ParquetDecodeFailure("column \(e.name) has the TIME type, which sparkify does not support")
            } else if converted == ParquetConvertedType.timeMicros {
                throw ParquetDecodeFailure("column \(e.name) has the TIME type, which sparkify does not support")
            } else {
                (type, conversion) = (.bigint, .int64)
            }
        case .int96:
            (type, conversion) = (.timestamp, .int96)
        case .float:
            (type, conversion) = (.double, .float)
        case .double:
            (type, conversion) = (.double, .double)
        case .byteArray:
            // STRING/UTF8, ENUM, JSON and plain binary all become strings (sparkify has no
            // binary type; bytes are kept as they are).
            (type, conversion) = (.string, .bytes)
        case .fixedLenByteArray:
            throw ParquetDecodeFailure("column \(e.name) is a FIXED_LEN_BYTE_ARRAY that is not a DECIMAL (UUID, FLOAT16, INTERVAL), which sparkify does not support")
        }
    }
}
