public import Logging

extension ServiceConfiguration {
    /// Installs the structured log handler process-wide and returns the service's root logger.
    public func bootstrapLogging() -> Logger {
        let level = logLevel
        let format = logFormat
        LoggingSystem.bootstrap { label in
            StructuredLogHandler(label: label, level: level, format: format)
        }
        var logger = Logger(label: serviceName)
        logger[metadataKey: "service"] = .string(serviceName)
        return logger
    }
}
