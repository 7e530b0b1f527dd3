import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct InferenceTests {
    func load(_ text: String, _ options: [String: String] = [:]) throws -> JSONReadResult {
        let dir = TempDirectory()
        return try readJSON(dir.write("a.json", text), options)
    }

    @Test func fieldsAreSortedByUTF16CodeUnits() throws {
        let result = try load("{\"é\":1,\"a\":1,\"_x\":1,\"B\":1,\"1\":1}\n")
        #expect(result.table.schema.names == ["1", "B", "_x", "a", "é"])
    }

    @Test func scalarTypes() throws {
        let result = try load("{\"i\":1,\"d\":1.5,\"e\":1e3,\"b\":true,\"s\":\"x\",\"n\":null}\n")
        #expect(result.table.schemaText == "b boolean, d double, e double, i bigint, n string, s string")
        #expect(result.table.row(0) == [.boolean(true), .double(1.5), .double(1000), .bigint(1), .null, .string("x")])
    }

    @Test func integersBeyond64BitsAreDecimalsKeptExactly() throws {
        let result = try load("{\"h\":123456789012345678901234}\n{\"h\":-9}\n{\"m\":9223372036854775807}\n{\"m\":-9223372036854775808}\n")
        #expect(result.table.schemaText == "h decimal(24,0), m bigint")
        #expect(result.table.values("h").prefix(2) == [.decimal("123456789012345678901234"), .decimal("-9")])
        #expect(result.table.values("m").suffix(2) == [.bigint(Int64.max), .bigint(Int64.min)])
        let wide = try load("{\"h\":\(String(repeating: "9", count: 39))}\n")
        #expect(wide.table.schemaText == "h double")
    }

    @Test func primitivesAsStringKeepsTheJSONTextOfEveryScalar() throws {
        let result = try load("""
        {"i":1,"d":148.03546,"e":1.0E7,"b":true,"s":"x","n":null,"a":[1,2.50],"o":{"k":-0}}
        {"i":12345678901234567890123,"d":2,"e":-0.0,"b":false,"s":"y","n":null,"a":[],"o":{"k":7}}
        """, ["primitivesAsString": "true"])
        #expect(result.table.schemaText == "a array<string>, b string, d string, e string, i string, n string, o struct<k:string>, s string")
        #expect(result.table.values("d") == [.string("148.03546"), .string("2")])
        #expect(result.table.values("e") == [.string("1.0E7"), .string("-0.0")])
        #expect(result.table.values("i") == [.string("1"), .string("12345678901234567890123")])
        #expect(result.table.values("b") == [.string("true"), .string("false")])
    }

    @Test func wideningAcrossRecords() throws {
        let result = try load("""
        {"a":1,"b":1,"c":1,"d":true,"e":12345678901234567890123,"f":1.5}
        {"a":2.5,"b":"x","c":true,"d":false,"e":7,"f":99999999999999999999999}
        """)
        #expect(result.table.schemaText == "a double, b string, c string, d boolean, e decimal(23,0), f double")
        #expect(result.table.values("a") == [.double(1), .double(2.5)])
        #expect(result.table.values("b") == [.string("1"), .string("x")])
        #expect(result.table.values("c") == [.string("1"), .string("true")])
        #expect(result.table.values("e") == [.decimal("12345678901234567890123"), .decimal("7")])
        #expect(result.table.values("f") == [.double(1.5), .double(1e23)])
    }

    @Test func wideningToStringKeepsTheRawTextExactly() throws {
        let result = try load("""
        {"v":2.50}
        {"v":1E+2}
        {"v":{"x" : 1}}
        {"v":[1, 2]}
        {"v":-0}
        {"v":"s"}
        """)
        #expect(result.table.schemaText == "v string")
        #expect(result.table.values("v") == [.string("2.50"), .string("1E+2"), .string("{\"x\" : 1}"), .string("[1, 2]"), .string("-0"), .string("s")])
    }

    @Test func nestedValuesKeepTheirTextAndSparkType() throws {
        let result = try load("""
        {"o":{"z":1,"a":{"q":[1,2.5]}},"l":[{"k":"v"},{"k2":true}],"e":[],"n":[null]}
        {"o":{"z":null,"m":"t"},"l":[]}
        """)
        let o = DataType.structure([
            Field("a", .structure([Field("q", .array(.double))])), Field("m", .string), Field("z", .bigint),
        ])
        let l = DataType.array(.structure([Field("k", .string), Field("k2", .boolean)]))
        #expect(result.table.schema.fields.map(\.type) == [.array(.string), l, .array(.string), o])
        #expect(result.table.values("o") == [.json("{\"z\":1,\"a\":{\"q\":[1,2.5]}}"), .json("{\"z\":null,\"m\":\"t\"}")])
        #expect(result.table.values("l")[1] == .json("[]"))
        #expect(result.table.schema.treeString.contains(" |    |-- element: struct (containsNull = true)"))
    }

    @Test func nullOnlyAndEmptyValuesBecomeString() throws {
        let result = try load("{\"a\":null,\"b\":\"\",\"c\":[]}\n{\"a\":null}\n")
        #expect(result.table.schemaText == "a string, b string, c array<string>")
        #expect(result.table.values("b") == [.string(""), .null])
    }

    @Test func emptyStringMergesWithOtherTypesAsSparkDoes() throws {
        // "" infers as NULL type, so it takes the other records' type.
        let result = try load("{\"n\":\"\",\"s\":\"\"}\n{\"n\":5,\"s\":\"x\"}\n")
        #expect(result.table.schemaText == "n bigint, s string")
        #expect(result.table.values("s") == [.string(""), .string("x")])
        #expect(result.table.values("n") == [.null, .bigint(5)])
        #expect(result.malformedCount == 1)
    }

    @Test func emptyStructFieldsDisappear() throws {
        let result = try load("{\"a\":{},\"b\":1,\"\":2}\n")
        #expect(result.table.schemaText == "b bigint")
    }

    @Test func nonFiniteNumbersAreDoubles() throws {
        let result = try load("{\"v\":NaN}\n{\"v\":-Infinity}\n{\"v\":1}\n")
        #expect(result.table.schemaText == "v double")
        let values = result.table.values("v")
        if case let .double(d) = values[0] { #expect(d.isNaN) } else { Issue.record("not a double") }
        #expect(values[1] == .double(-.infinity))
    }

    @Test func repeatedKeyKeepsTheFirstValue() throws {
        let result = try load("{\"a\":1,\"a\":2}\n")
        #expect(result.table.values("a") == [.bigint(1)])
    }

    @Test func singleQuotesAreAllowedByDefault() throws {
        let result = try load("{'a':'x'}\n")
        #expect(result.table.values("a") == [.string("x")])
    }

    @Test func logDataSchemaMatchesSpark() throws {
        let line = #"{"artist":"Harmonia","auth":"Logged In","firstName":"Ryan","gender":"M","itemInSession":0,"lastName":"Smith","length":655.77751,"level":"free","location":"San Jose-Sunnyvale-Santa Clara, CA","method":"PUT","page":"NextSong","registration":1541016707796.0,"sessionId":583,"song":"Sehr kosmisch","status":200,"ts":1542241826796,"userAgent":"\"Mozilla\/5.0 (X11; Linux x86_64) AppleWebKit\/537.36 (KHTML, like Gecko) Ubuntu Chromium\/36.0.1985.125 Chrome\/36.0.1985.125 Safari\/537.36\"","userId":"26"}"#
        let loggedOut = #"{"artist":null,"auth":"Logged Out","firstName":null,"gender":null,"itemInSession":0,"lastName":null,"length":null,"level":"free","location":null,"method":"GET","page":"Home","registration":null,"sessionId":52,"song":null,"status":200,"ts":1541207073796,"userAgent":null,"userId":""}"#
        let result = try load(loggedOut + "\n" + line + "\n")
        #expect(result.table.schemaText == "artist string, auth string, firstName string, gender string, itemInSession bigint, lastName string, length double, level string, location string, method string, page string, registration double, sessionId bigint, song string, status bigint, ts bigint, userAgent string, userId string")
        #expect(result.table.values("userId") == [.string(""), .string("26")])
        #expect(result.table.values("registration")[1] == .double(1541016707796))
        #expect(result.table.values("userAgent")[1] == .string("\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36\""))
        #expect(result.malformedCount == 0)
    }

    @Test func songDataSchemaMatchesSpark() throws {
        let song = #"{"num_songs": 1, "artist_id": "ARJIE2Y1187B994AB7", "artist_latitude": null, "artist_longitude": null, "artist_location": "", "artist_name": "Line Renaud", "song_id": "SOUPIRU12A6D4FA1E1", "title": "Der Kleine Dompfaff", "duration": 152.92036, "year": 0}"#
        let other = #"{"num_songs": 1, "artist_id": "AR1", "artist_latitude": 35.14968, "artist_longitude": -90.04892, "artist_location": "Memphis, TN", "artist_name": "X", "song_id": "SO1", "title": "T", "duration": 100.5, "year": 1999}"#
        let result = try load(song + "\n" + other)
        #expect(result.table.schemaText == "artist_id string, artist_latitude double, artist_location string, artist_longitude double, artist_name string, duration double, num_songs bigint, song_id string, title string, year bigint")
        #expect(result.table.values("artist_location") == [.string(""), .string("Memphis, TN")])
    }

    @Test func keysWithEscapesMatchTheirDecodedName() throws {
        let result = try load(#"""
        {"ab":1,"a\\":"x","q\"k":true}
        {"a\u0062":2,"a\\":"y","q\"k":false}
        {"a":3,"ab":4}
        """#)
        #expect(result.table.schema.names == ["a", "a\\", "ab", "q\"k"])
        #expect(result.table.values("ab") == [.bigint(1), .bigint(2), .bigint(4)])
        #expect(result.table.values("a\\") == [.string("x"), .string("y"), .null])
        #expect(result.table.values("q\"k") == [.boolean(true), .boolean(false), .null])
    }
}
