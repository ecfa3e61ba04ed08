import ExamScoring
import ServiceKit

await ServiceMain.main(ExamScoringService.self)
