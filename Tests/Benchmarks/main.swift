import Foundation
import ServiceKit

// The load generator runs on the machine it measures: it schedules its work like the services do, on the event loops.
ServiceMain.runConcurrencyOnEventLoops()
exit(await BenchMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
