import SparkifyJSON
import SparkifyTables

extension SQLSession {
    /// `spark.sql.sources.partitionColumnTypeInference.enabled`: partition columns typed from
    /// their folder values (true unless set), else strings.
    public static let partitionTypeInferenceKey = "spark.sql.sources.partitionColumnTypeInference.enabled"

    /// Reads files for ``json.`path` `` and `CREATE TEMP VIEW v USING json OPTIONS (path ...)`,
    /// telling `onNotice` about malformed records.
    func readFiles(format: String, path: String, options: [String: String], at position: SourcePosition, cancellation: CancellationToken) throws -> FileScan {
        switch format {
        case "json":
            var readerOptions = options
            readerOptions.removeValue(forKey: "path")
            let parsed: JSONReadOptions
            do {
                parsed = try JSONReadOptions(options: readerOptions)
            } catch {
                throw SQLError(.analysis, "\(error)", errorClass: "INVALID_OPTIONS", at: position)
            }
            let result: JSONReadResult
            do {
                result = try JSONReader.read(path, options: parsed, cancellation: cancellation, progress: onProgress)
            } catch let error as JSONReadError {
                throw SQLError(error.kind == .malformed ? .execution : .io, "\(error)", errorClass: SQLSession.errorClass(of: error), at: position)
            }
            if result.malformedCount > 0, let onNotice {
                let places = result.malformedSamples.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
                onNotice("\(result.malformedCount) malformed \(result.malformedCount == 1 ? "record" : "records") in \(path) (\(parsed.mode)); first at \(places)")
            }
            return FileScan(table: result.table, files: result.files, fileRowStarts: result.fileRowStarts)
        case "parquet":
            let inference = setting(SQLSession.partitionTypeInferenceKey)?.lowercased() != "false"
            let lake = try ParquetLakeScan(path: path, typeInference: inference, timeZone: timeZone, at: position)
            return FileScan(table: Table.empty(lake.schema), files: lake.files, fileRowStarts: lake.fileRowStarts, lake: lake)
        default:
            throw SQLError(.unsupported, "Reading \(format) files is not supported by sparkify yet (json and parquet are).", errorClass: "UNSUPPORTED_DATA_SOURCE", at: position)
        }
    }

    /// Spark's error class for a failed read.
    static func errorClass(of error: JSONReadError) -> String {
        switch error.kind {
        case .pathNotFound, .noFiles: return "PATH_NOT_FOUND"
        case .malformed: return "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION"
        case .invalidOption: return "INVALID_OPTIONS"
        case .invalidGlob: return "INVALID_PATH"
        case .unreadable, .corruptCompression, .tooLarge: return "FAILED_READ_FILE"
        }
    }
}
