import Foundation
import Synchronization
import Testing
import SparkifyTerminal

@Suite struct ProgressBarTests {
    @Test func theLineShowsABarWhenUnitsAreKnownAndTheTimeOtherwise() {
        #expect(ProgressBar.line(label: "staging_events", done: 3, total: 4, seconds: 1.54)
            == "staging_events [██████████████████░░░░░░] 75% 3/4 1.5s")
        #expect(ProgressBar.line(label: "SELECT", done: 0, total: 0, seconds: 2) == "SELECT … 2.0s  (Ctrl-C cancels)")
        #expect(ProgressBar.line(label: "x", done: 9, total: 4, seconds: 0).contains("[████████████████████████]"))
    }

    @Test func workUnderASecondDrawsNothing() {
        let written = Mutex("")
        let bar = ProgressBar(label: "quick", enabled: true) { text in written.withLock { $0 += text } }
        bar.update(done: 1, total: 2)
        bar.finish()
        #expect(written.withLock { $0 }.isEmpty)
    }

    @Test func slowWorkDrawsAndFinishingErasesTheLine() throws {
        let written = Mutex("")
        let bar = ProgressBar(label: "slow", enabled: true) { text in written.withLock { $0 += text } }
        bar.update(done: 1, total: 2)
        let deadline = Date().addingTimeInterval(10)
        while written.withLock({ $0.isEmpty }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        bar.finish()
        let text = written.withLock { $0 }
        #expect(text.contains("slow [████████████░░░░░░░░░░░░] 50% 1/2"))
        #expect(text.hasSuffix("\r\u{1B}[2K"))
    }
}
