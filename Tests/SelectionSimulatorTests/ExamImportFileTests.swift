import ExamScoringRules
import Foundation
import RecruitmentEvents
@testable import SelectionSimulator
import Testing

/// The CAT files the simulator imports, and the one it breaks for the all-or-nothing probe.
@Suite struct ExamImportFileTests {
    static let file = SkdImportFile(rows: [
        .init(participantNumber: "2600000001", twk: 90, tiu: 110, tkp: 175),
        .init(participantNumber: "2600000002", twk: 70, tiu: 85, tkp: 170),
        .init(participantNumber: "2600000003", twk: 60, tiu: 100, tkp: 180),
    ])

    @Test func theServiceParserReadsTheFile() throws {
        let parsed = try SkdScoreImport.parse(Data(Self.file.bytes))
        #expect(parsed.rows.map(\.participantNumber) == Self.file.rows.map(\.participantNumber))
        #expect(parsed.rows.map(\.outcome) == Self.file.rows.map {
            .scored(SkdScores(twk: $0.twk, tiu: $0.tiu, tkp: $0.tkp, total: $0.twk + $0.tiu + $0.tkp))
        })
        #expect(Self.file.text.hasPrefix("nomor_peserta;twk;tiu;tkp;total;keterangan\r\n"))
    }

    @Test func oneBadRowIsNamedAlone() throws {
        let (bad, field) = try #require(Self.file.withOneBadRow(unknownNumber: "2699999999"))
        #expect(field == "rows[2].twk")
        #expect(bad.rows.count == 3)
        do {
            _ = try SkdScoreImport.parse(Data(bad.bytes))
            Issue.record("the bad file parsed")
        } catch {
            #expect(error.issues.map(\.field) == ["rows[2].twk"])
        }
    }

    @Test func aSingleRowFileGetsAnUnknownParticipant() throws {
        let single = SkdImportFile(rows: [Self.file.rows[0]])
        let (bad, field) = try #require(single.withOneBadRow(unknownNumber: "2699999999"))
        #expect(field == "rows[2].nomor_peserta")
        #expect(bad.rows.last?.participantNumber == "2699999999")
        #expect(throws: Never.self) { try SkdScoreImport.parse(Data(bad.bytes)) }
        #expect(SkdImportFile(rows: []).withOneBadRow(unknownNumber: "2699999999") == nil)
    }

    @Test func actsGoSessionBySessionWithTheFileInTheMiddle() {
        func candidate(_ index: Int, _ session: String, _ via: SkdIntake) -> SkdRecording.Candidate {
            .init(applicant: index, applicationId: "a\(index)", participantNumber: "260000000\(index)",
                  sessionId: session, fate: .scored(twk: 100, tiu: 100, tkp: 170, via: via))
        }
        let candidates = [
            candidate(1, "s2", .subScores), candidate(2, "s1", .importFile), candidate(3, "s1", .answerSheet),
            candidate(4, "s1", .importFile), candidate(5, "s1", .subScores),
            .init(applicant: 6, applicationId: "a6", participantNumber: "2600000006", sessionId: "s1", fate: .absent),
        ]
        let acts = SkdRecording.acts(candidates, sessions: ["s1", "s2"])
        let shape = acts.map { act -> String in
            switch act {
            case .single(let candidate): "\(candidate.applicant)"
            case .importFile(let file, let candidates): "file\(candidates.map(\.applicant))x\(file.rows.count)"
            }
        }
        #expect(shape == ["3", "file[2, 4]x2", "5", "6", "1"])
        #expect(acts.reduce(0) { $0 + $1.size } == candidates.count)
    }

    @Test func thePacerSpreadsActsOverThePace() {
        let start = ContinuousClock.now
        let pacer = ResultPacer(pace: .seconds(10), acts: 4, start: start)
        #expect(pacer.due(0) == start)
        #expect(pacer.due(2) == start + .seconds(5))
        let fast = ResultPacer(pace: .zero, acts: 4, start: start)
        #expect(fast.due(3) == start)
    }

    @Test func progressIsSaidAtEveryTenth() {
        let lines = LineLog()
        let meter = ProgressMeter(total: 20, label: "SKD results", say: { lines.append($0) })
        for _ in 0..<20 { meter.advance() }
        meter.advance(by: 0)
        #expect(lines.all.count == 10)
        #expect(lines.all.first == "SKD results: 10% (2 of 20)")
        #expect(lines.all.last == "SKD results: 100% (20 of 20)")
    }
}

/// Collected progress lines.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
