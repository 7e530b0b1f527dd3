import Testing
import SparkifyTables

@Suite struct SchemaTests {
    @Test func printsLikeSparkPrintSchema() {
        let schema = Schema([
            Field("artist", .string),
            Field("itemInSession", .bigint),
            Field("length", .double),
            Field("tags", .array(.string)),
            Field("loc", .structure([Field("lat", .double), Field("n", .int)])),
        ])
        #expect(schema.treeString == """
        root
         |-- artist: string (nullable = true)
         |-- itemInSession: long (nullable = true)
         |-- length: double (nullable = true)
         |-- tags: array (nullable = true)
         |    |-- element: string (containsNull = true)
         |-- loc: struct (nullable = true)
         |    |-- lat: double (nullable = true)
         |    |-- n: integer (nullable = true)

        """)
    }

    @Test func simpleStringsNameTypesAsSQLDoes() {
        #expect(DataType.structure([Field("a", .bigint), Field("b", .array(.decimal(precision: 20, scale: 0)))]).simpleString
            == "struct<a:bigint,b:array<decimal(20,0)>>")
    }

    @Test func lookupIsCaseInsensitive() {
        let schema = Schema([Field("userId", .string), Field("ts", .bigint)])
        #expect(schema.index(of: "USERID") == 0)
        #expect(schema.index(of: "ts") == 1)
        #expect(schema.index(of: "nope") == nil)
    }
}
