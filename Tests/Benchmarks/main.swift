import Foundation

exit(await BenchMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
