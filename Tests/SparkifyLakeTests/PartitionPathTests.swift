import SparkifyLake
import Testing

/// Folder names as Spark 4.3 wrote them (`df.write.partitionBy("s")`).
struct PartitionPathTests {
    @Test func escapesWhatSparkEscapes() {
        #expect(PartitionPath.escape("a/b") == "a%2Fb")
        #expect(PartitionPath.escape("100%") == "100%25")
        #expect(PartitionPath.escape(" x\"#%'*:=?{[]^}<>|,&+~@$!é..") == " x%22%23%25%27%2A%3A%3D%3F%7B%5B%5D%5E}<>|,&+~@$!é..")
        #expect(PartitionPath.escape("2018-11-01 21:01:46.796") == "2018-11-01 21%3A01%3A46.796")
        #expect(PartitionPath.escape("tab\there\u{7F}") == "tab%09here%7F")
        #expect(PartitionPath.escape("plain") == "plain")
    }

    @Test func unescapeIsTheInverseAndLeavesStrayPercents() {
        for text in ["a/b", "100%", " x\"#%'*:=?{[]^}<>|,&+~@$!é..", "../../etc", "\u{1}\u{1F}"] {
            #expect(PartitionPath.unescape(PartitionPath.escape(text)) == text)
        }
        #expect(PartitionPath.unescape("%41") == "A")
        #expect(PartitionPath.unescape("%2f") == "/")
        #expect(PartitionPath.unescape("%zz") == "%zz")
        #expect(PartitionPath.unescape("a%") == "a%")
        #expect(PartitionPath.unescape("a%4") == "a%4")
    }

    @Test func nullAndEmptyBecomeTheDefaultPartition() {
        #expect(PartitionPath.folderName(column: "s", value: nil) == "s=__HIVE_DEFAULT_PARTITION__")
        #expect(PartitionPath.folderName(column: "s", value: "") == "s=__HIVE_DEFAULT_PARTITION__")
        #expect(PartitionPath.folderName(column: "a=b", value: "x") == "a%3Db=x")
        #expect(PartitionPath.relativeFolder(columns: ["year", "month"], values: ["2018", "11"]) == "year=2018/month=11")
    }

    @Test func noValueLeavesItsFolder() {
        for value in ["..", "../..", "/", "../../../tmp/evil", "a/../../b", ".", "~"] {
            let folder = PartitionPath.folderName(column: "k", value: value)
            #expect(!folder.contains("/"))
            #expect(folder.hasPrefix("k="))
        }
    }

    @Test func parsesFolderNames() {
        #expect(PartitionPath.parseFolderName("year=2018")! == ("year", "2018"))
        #expect(PartitionPath.parseFolderName("a%3Db=x%2Fy")! == ("a=b", "x%2Fy"))
        #expect(PartitionPath.parseFolderName("noequals") == nil)
        #expect(PartitionPath.parseFolderName("=x") == nil)
    }
}
