#if canImport(Glibc)
import Glibc
#endif
import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct PathTests {
    /// song_data/A/B/C/TR*.json and log_data/2018/11/*.json, as in the bucket.
    func lake() -> TempDirectory {
        let dir = TempDirectory()
        dir.write("song_data/A/B/C/TRABC1.json", "{\"song_id\":\"S1\",\"year\":1}")
        dir.write("song_data/A/B/D/TRABD1.json", "{\"song_id\":\"S2\",\"year\":2}")
        dir.write("song_data/A/A/A/TRAAA1.json", "{\"song_id\":\"S0\",\"year\":0}")
        dir.write("song_data/B/A/A/TRBAA1.json", "{\"song_id\":\"S3\",\"year\":3}")
        dir.write("log_data/2018/11/2018-11-02-events.json", "{\"ts\":2}\n")
        dir.write("log_data/2018/11/2018-11-01-events.json", "{\"ts\":1}\n")
        dir.write("log_data/2018/11/_SUCCESS", "")
        dir.write("log_data/2018/11/.hidden.json", "{\"ts\":99}\n")
        return dir
    }

    @Test func globsReachExactlyTheirDepthInSortedOrder() throws {
        let dir = lake()
        let result = try readJSON(dir.path + "/song_data/*/*/*/*.json")
        #expect(result.table.values("song_id") == [.string("S0"), .string("S1"), .string("S2"), .string("S3")])
        #expect(result.files.map { $0.hasPrefix(dir.path) } == [true, true, true, true])
        #expect(result.fileRowStarts == [0, 1, 2, 3])
        #expect(result.file(ofRow: 2) == dir.path + "/song_data/A/B/D/TRABD1.json")
        #expect(throws: JSONReadError.self) { try readJSON(dir.path + "/song_data/*/*.json") }
    }

    @Test func globForms() throws {
        let dir = lake()
        let base = dir.path + "/song_data/"
        #expect(try readJSON(base + "A/?/[CD]/*.json").table.rowCount == 2)
        #expect(try readJSON(base + "A/B/[^C]/*.json").table.values("song_id") == [.string("S2")])
        #expect(try readJSON(base + "A/B/[!C]/*.json").table.values("song_id") == [.string("S2")])
        #expect(try readJSON(base + "{A/B/C,B/A/A}/*.json").table.rowCount == 2)
        #expect(try readJSON(base + "**/*.json").table.rowCount == 4)
        #expect(try readJSON(base + "A/**/TRA*.json").table.rowCount == 3)
        #expect(try readJSON(dir.path + "/log_data/2018/11/2018-11-0[1-2]-events.json").table.values("ts") == [.bigint(1), .bigint(2)])
    }

    @Test func folderReadsDirectFilesSkippingHiddenOnes() throws {
        let dir = lake()
        let result = try readJSON(dir.path + "/log_data/2018/11")
        #expect(result.table.values("ts") == [.bigint(1), .bigint(2)])
        #expect(result.files.count == 2)
    }

    @Test func recursiveLookupReadsNestedFiles() throws {
        let dir = lake()
        #expect(throws: JSONReadError.self) { try readJSON(dir.path + "/song_data") }
        let result = try readJSON(dir.path + "/song_data", ["recursiveFileLookup": "true"])
        #expect(result.table.rowCount == 4)
        let logs = try readJSON(dir.path + "/log_data", ["recursiveFileLookup": "true"])
        #expect(logs.table.values("ts") == [.bigint(1), .bigint(2)])
    }

    @Test func hiddenNamesFollowSpark() {
        #expect(FileLister.isHidden("_SUCCESS"))
        #expect(FileLister.isHidden(".part.crc"))
        #expect(FileLister.isHidden("x.json._COPYING_"))
        #expect(!FileLister.isHidden("_metadata"))
        #expect(!FileLister.isHidden("_a=1"))
        #expect(!FileLister.isHidden("part-0.json"))
    }

    @Test func errorsAreClear() throws {
        let dir = lake()
        dir.makeFolder("empty")
        func kind(_ path: String, _ options: [String: String] = [:]) -> JSONReadError.Kind? {
            do { _ = try readJSON(path, options); return nil } catch let error as JSONReadError { return error.kind } catch { return nil }
        }
        #expect(kind(dir.path + "/missing.json") == .pathNotFound)
        #expect(kind(dir.path + "/empty") == .noFiles)
        #expect(kind(dir.path + "/song_data/*/*/*/*.csv") == .noFiles)
        #expect(kind(dir.path + "/nowhere/*.json") == .noFiles)
        #expect(kind(dir.path + "/log_data/2018/11/_SUCCESS") == .noFiles)
        #expect(kind(dir.path + "/song_data/{A,B") == .invalidGlob)
        #expect(kind(dir.path + "/song_data/[A") == .invalidGlob)
        #expect(kind(dir.path + "/log_data/2018/11/2018-11-01-events.json/") == .pathNotFound)
        #expect(kind(dir.path + "/log_data/2018/11/2018-11-01-events.json/x.json") == .pathNotFound)
    }

    @Test func unreadableFileIsAnError() throws {
        let dir = TempDirectory()
        dir.write("d/a.json", "{\"a\":1}\n")
        symlink(dir.path + "/d/gone.json", dir.path + "/d/b.json")
        do {
            _ = try readJSON(dir.path + "/d")
            Issue.record("no error")
        } catch let error as JSONReadError {
            #expect(error.kind == .unreadable)
            #expect(error.file == dir.path + "/d/b.json")
        }
        if geteuid() != 0 {
            let path = dir.write("e/a.json", "{\"a\":1}\n")
            chmod(path, 0)
            #expect(throws: JSONReadError.self) { try readJSON(path) }
        }
    }

    @Test func braceExpansion() throws {
        #expect(try GlobPattern.expandBraces("a/{b,c{d,e}}/f") == ["a/b/f", "a/cd/f", "a/ce/f"])
        #expect(try GlobPattern.expandBraces("plain") == ["plain"])
        #expect(try GlobPattern(component: "*.js?n").matches("x.json"))
        #expect(try !GlobPattern(component: "*.json").matches("x.json.gz"))
        #expect(try GlobPattern(component: "\\*").matches("*"))
    }
}
