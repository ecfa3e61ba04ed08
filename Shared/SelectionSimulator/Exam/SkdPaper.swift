import ExamScoringRules
import Foundation
import RecruitmentEvents

/// The simulator's SKD paper (DOMAIN §2): an answer key whose correct options and TKP weights vary from item to item,
/// and answer sheets built to score exactly the sub-scores an applicant's plan says, so that a result recorded by
/// answer sheet is as predictable as one recorded by sub-scores.
enum SkdPaper {
    /// The five options of every item.
    static let options: [SkdOption] = [.a, .b, .c, .d, .e]

    /// The correct option of TWK item `item` (0-based).
    static func twkKey(_ item: Int) -> SkdOption { options[(item * 3 + 1) % 5] }

    /// The correct option of TIU item `item` (0-based).
    static func tiuKey(_ item: Int) -> SkdOption { options[(item * 2 + 3) % 5] }

    /// The weight (1-5) of the option at `position` (0 = A) of TKP item `item`: 5, 4, 3, 2, 1 rotated by the item.
    static func tkpWeight(item: Int, position: Int) -> Int { 5 - (position + item) % 5 }

    /// The option of TKP item `item` that weighs `weight` (1-5).
    static func tkpOption(item: Int, weight: Int) -> SkdOption {
        options[((5 - weight) - item % 5 + 5) % 5]
    }

    /// The answer key (30 TWK, 35 TIU, 45 TKP items).
    static var answerKey: SkdAnswerKey {
        SkdAnswerKey(
            twk: (0..<SkdLayout.twkItems).map(twkKey),
            tiu: (0..<SkdLayout.tiuItems).map(tiuKey),
            tkp: (0..<SkdLayout.tkpItems).map { item in
                Dictionary(uniqueKeysWithValues: options.enumerated().map { position, option in
                    (option.rawValue, tkpWeight(item: item, position: position))
                })
            })
    }

    /// The key as the `answerKey` of `POST /v1/exam-packages`.
    static var answerKeyJSON: [String: Any] {
        let key = answerKey
        return [
            "twk": key.twk.map(\.rawValue),
            "tiu": key.tiu.map(\.rawValue),
            "tkp": key.tkp,
        ]
    }

    /// 45 TKP item weights (0 = blank, else 1-5) that sum to `total` (0-225), spread as evenly as possible.
    static func tkpWeights(total: Int) -> [Int] {
        let total = min(max(total, 0), SkdLayout.maximumTkp)
        let base = total / SkdLayout.tkpItems
        let extra = total % SkdLayout.tkpItems
        return (0..<SkdLayout.tkpItems).map { $0 < extra ? base + 1 : base }
    }

    /// A sheet that scores TWK `twk`, TIU `tiu` (multiples of 5 within range) and TKP `tkp` (0-225) against
    /// ``answerKey``: the first twk/5 TWK items right and the others wrong or blank in turn, likewise TIU, and the TKP
    /// options chosen by ``tkpWeights(total:)``.
    static func sheet(twk: Int, tiu: Int, tkp: Int) -> SkdAnswerSheet {
        func part(items: Int, correct: Int, key: (Int) -> SkdOption) -> [SkdOption?] {
            (0..<items).map { item in
                let right = key(item)
                if item < correct { return right }
                return item % 2 == 0 ? options[(options.firstIndex(of: right)! + 1) % 5] : nil
            }
        }
        let step = SkdLayout.pointsPerCorrectAnswer
        return SkdAnswerSheet(
            twk: part(items: SkdLayout.twkItems, correct: twk / step, key: twkKey),
            tiu: part(items: SkdLayout.tiuItems, correct: tiu / step, key: tiuKey),
            tkp: tkpWeights(total: tkp).enumerated().map { item, weight in
                weight == 0 ? nil : tkpOption(item: item, weight: weight)
            })
    }

    /// The `answerSheet` of `POST /v1/participants/{n}/skd-result` for package `packageId` (blanks as `null`).
    static func sheetJSON(packageId: String, twk: Int, tiu: Int, tkp: Int) -> [String: Any] {
        let sheet = sheet(twk: twk, tiu: tiu, tkp: tkp)
        func answers(_ part: [SkdOption?]) -> [Any] { part.map { $0.map { $0.rawValue as Any } ?? NSNull() } }
        return ["packageId": packageId, "twk": answers(sheet.twk), "tiu": answers(sheet.tiu), "tkp": answers(sheet.tkp)]
    }
}
