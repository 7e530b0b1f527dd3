import Testing
import SparkifyTables

@Suite struct ColumnTests {
    @Test func builderTracksNulls() {
        var b = ColumnBuilder(type: .string)
        b.append("a")
        b.appendNull()
        b.append("")
        let c = b.build()
        #expect(c.allValues == [.string("a"), .null, .string("")])
        #expect(c.nullCount == 1)
    }

    @Test func columnWithoutNullsHasNoBitmap() {
        var b = ColumnBuilder(type: .bigint)
        for i in 0..<100 { b.append(Int64(i)) }
        #expect(b.build().validity == nil)
    }

    @Test func gatherReordersAndMissingIndexGivesNull() {
        var b = ColumnBuilder(type: .bigint)
        for v: Int64 in [10, 20, 30] { b.append(v) }
        b.appendNull()
        let c = b.build()
        #expect(c.gather([2, 0, 3]).allValues == [.bigint(30), .bigint(10), .null])
        #expect(c.gather([1, -1]).allValues == [.bigint(20), .null])
    }

    @Test func appendConcatenatesValuesAndValidityAcrossWordBoundaries() {
        var a = ColumnBuilder(type: .string)
        for i in 0..<70 { a.append("x\(i)") }
        var b = ColumnBuilder(type: .string)
        b.appendNull()
        b.append("tail")
        var c = a.build()
        c.append(b.build())
        #expect(c.count == 72)
        #expect(c.value(at: 69) == .string("x69"))
        #expect(c.value(at: 70) == .null)
        #expect(c.value(at: 71) == .string("tail"))
        #expect(c.nullCount == 1)
    }

    @Test func stringsShareOneArena() {
        let arena = StringArena(["Hello", "", "wörld"])
        #expect(arena.count == 3)
        #expect(arena.bytes.count == 11)
        #expect(arena[2] == "wörld")
    }

    @Test func timestampColumnsBoxAsTimestamps() {
        let c = Column(type: .timestamp, values: .int64([1_541_105_830_796_000]))
        #expect(c.value(at: 0) == .timestamp(1_541_105_830_796_000))
    }
}
