import EventStore
import Foundation
import Logging
import ServiceLifecycle
import TransparencyLog

/// Signs the transparency log's checkpoints: every interval when the log grew, and at once when asked
/// (announcement publishing calls ``signNow()`` after its transaction commits). A background service.
struct CheckpointSigner: Service {
    let store: TransparencyLogStore
    let settings: TransparencyLogSettings
    let eventStore: EventStore
    let logger: Logger

    func run() async throws {
        // The whole loop ends at graceful shutdown, a signing that waits for an absent database included (its
        // transaction rolls back; the next start signs).
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: self.settings.checkpointInterval)
                _ = await self.signIfGrown()
            }
        }
    }

    /// Signs a checkpoint of the log as it is now, unless the latest checkpoint already covers it. Best effort:
    /// failures are logged (an inconsistency as a critical alert) and the periodic run tries again.
    @discardableResult
    func signNow() async -> StoredCheckpoint? {
        await signIfGrown()
    }

    /// Signs a checkpoint of the current size (also the empty log's first), answering it; throws when refused.
    func sign() async throws -> TransparencyLogStore.SigningOutcome {
        try await store.signCheckpoint(signer: settings.signer, origin: settings.origin, eventStore: eventStore)
    }

    private func signIfGrown() async -> StoredCheckpoint? {
        do {
            let latest = try await store.latestCheckpoint()
            if let latest, try await store.treeSize() == latest.treeSize { return latest }
            return try await sign().checkpoint
        } catch {
            logger.error("transparency log checkpoint not signed", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
