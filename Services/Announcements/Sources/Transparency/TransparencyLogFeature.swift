import Hummingbird
import ServiceKit

/// The transparency log as the service wires it: settings, the PostgreSQL store, the checkpoint signer (a
/// background service) and the public routes.
struct TransparencyLogFeature: Sendable {
    static var configurationKeys: [ConfigurationKey] { TransparencyLogSettings.Key.all }

    let settings: TransparencyLogSettings
    let store: TransparencyLogStore
    let signer: CheckpointSigner

    init(context: ServiceContext) throws {
        settings = try TransparencyLogSettings(reader: context.reader)
        store = TransparencyLogStore(postgres: context.postgres, logger: context.logger)
        signer = CheckpointSigner(store: store, settings: settings, eventStore: context.eventStore,
                                  logger: context.logger)
    }

    /// The log as announcement publishing uses it: append on the caller's transaction, then sign at once.
    var announcementLog: AnnouncementLog {
        let store = store
        let signer = signer
        return AnnouncementLog(
            append: { entries, connection in
                try await store.append(entries.map { LogRecordInput(id: $0.id, kind: $0.kind, record: $0.record) },
                                       on: connection).map { Int64($0.leafIndex) }
            },
            checkpoint: { await signer.signNow() })
    }

    func register(on router: Router<ServiceRequestContext>) {
        TransparencyLogRoutes(store: store, settings: settings).register(on: router)
    }
}
