import ExamScoringRules
import Foundation
import RecruitmentEvents
@testable import SelectionSimulator
import Testing

/// The simulator's SKD paper: a valid key, and sheets that score exactly the planned sub-scores (DOMAIN §2).
@Suite struct ExamPaperTests {
    @Test func theAnswerKeyIsValidAndVaried() throws {
        let key = try SkdPaper.answerKey.validated()
        #expect(Set(key.twk).count == 5)
        #expect(Set(key.tiu).count == 5)
        #expect(Set(key.tkp).count == 5, "TKP weights rotate from item to item")
        for item in 0..<SkdLayout.tkpItems {
            #expect(Set(key.tkp[item].values) == Set(1...5))
            for weight in 1...5 {
                #expect(key.tkp[item][SkdPaper.tkpOption(item: item, weight: weight).rawValue] == weight)
            }
        }
    }

    @Test func tkpWeightsSumToTheTotal() {
        for total in 0...SkdLayout.maximumTkp {
            let weights = SkdPaper.tkpWeights(total: total)
            #expect(weights.count == SkdLayout.tkpItems)
            #expect(weights.reduce(0, +) == total)
            #expect(weights.allSatisfy { (0...5).contains($0) })
        }
    }

    @Test func sheetsScoreExactlyThePlannedSubScores() throws {
        let key = SkdPaper.answerKey
        for twk in stride(from: 0, through: 150, by: 5) {
            for tiu in stride(from: 0, through: 175, by: 25) {
                for tkp in [0, 1, 44, 45, 46, 120, 166, 199, 224, 225] {
                    let scores = try key.score(SkdPaper.sheet(twk: twk, tiu: tiu, tkp: tkp))
                    #expect(scores == SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp))
                }
            }
        }
        for tiu in stride(from: 0, through: 175, by: 5) {
            #expect(try key.score(SkdPaper.sheet(twk: 65, tiu: tiu, tkp: 170)).tiu == tiu)
        }
    }

    @Test func theSheetTravelsWithBlanksAsNull() throws {
        let json = SkdPaper.sheetJSON(packageId: "p-1", twk: 100, tiu: 100, tkp: 10)
        #expect(json["packageId"] as? String == "p-1")
        let tkp = try #require(json["tkp"] as? [Any])
        #expect(tkp.count == 45)
        #expect(tkp.filter { $0 is NSNull }.count == 35, "ten items weigh 1, the others are blank")
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(!data.isEmpty)
    }
}
