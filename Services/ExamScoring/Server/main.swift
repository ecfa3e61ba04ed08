import ExamScoring
import ServiceKit

ServiceMain.runConcurrencyOnEventLoops()
await ServiceMain.main(ExamScoringService.self)
