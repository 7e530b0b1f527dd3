import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import SparkifyTerminal

/// The SVG charts: well-formed XML whatever the labels hold, and a shape per bar.
@Suite struct SVGChartWriterTests {
    /// Counts elements by name while checking the document parses.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var texts: [String] = []
        private var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current) }
        }
    }

    static func parse(_ svg: String) -> ElementCounter? {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return parser.parse() ? counter : nil
    }

    @Test(arguments: ChartKind.allCases)
    func everyFixtureIsWellFormed(kind: ChartKind) throws {
        for (name, data) in ChartFixtures.all {
            let svg = SVGChartWriter(spec: ChartSpec(kind: kind, title: "<\(name)> & \"co\"")).svg(data)
            let parsed = try #require(Self.parse(svg), "\(kind) \(name) is not well-formed XML:\n\(svg)")
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(parsed.texts.first == "<\(name)> & \"co\"")
        }
    }

    @Test func labelsWithMarkupAreEscapedAndEachBarIsARectangle() throws {
        let data = ChartData(labels: ["Tom & Jerry", "<script>", "it's \"quoted\"", "bell\u{07}"], values: [3, 2, 1, 0.5],
                             labelName: "name", valueName: "n")
        for kind in [ChartKind.bar, .hbar] {
            let svg = SVGChartWriter(spec: ChartSpec(kind: kind)).svg(data)
            #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("Tom &amp; Jerry"))
            let parsed = try #require(Self.parse(svg))
            // The background and one rectangle per bar.
            #expect(parsed.counts["rect"] == 1 + data.count)
            #expect(parsed.texts.contains("Tom & Jerry") || parsed.texts.contains { $0.hasPrefix("Tom & Jerry") })
        }
    }

    @Test func sharesAreAStackedBarWithALegendOrRankedBars() throws {
        let stacked = try #require(Self.parse(SVGChartWriter(spec: ChartSpec(kind: .share)).svg(ChartFixtures.levels)))
        // Background, two segments, two legend swatches.
        #expect(stacked.counts["rect"] == 5)
        #expect(stacked.texts.contains("free  50.2%  (3266)"))
        let ranked = try #require(Self.parse(SVGChartWriter(spec: ChartSpec(kind: .share)).svg(ChartFixtures.browsers)))
        // Background and the seven positive parts.
        #expect(ranked.counts["rect"] == 8)
        #expect(ranked.texts.contains("47.5%  3098"))
    }

    @Test func theSameDataGivesTheSameDocument() {
        let writer = SVGChartWriter(spec: ChartSpec(kind: .bar, title: "Plays"))
        #expect(writer.svg(ChartFixtures.hours) == writer.svg(ChartFixtures.hours))
        assertSnapshot(writer.svg(ChartFixtures.negatives), named: "chart-svg-bar-negatives")
    }
}
