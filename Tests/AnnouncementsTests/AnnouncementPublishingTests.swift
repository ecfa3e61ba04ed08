import Crypto
import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
import TransparencyLog
@testable import Announcements

/// Drafting and publishing official announcements against the real PostgreSQL and the real transparency log.
@Suite struct AnnouncementPublishingTests {
    let fixture = SelectionFixture()
    let announcer = UUID()

    func store(_ log: TransparencyLogHarness) -> AnnouncementStore {
        let results = PublicResultsStore(postgres: log.client, logger: TestPostgres.logger)
        let signer = log.signer
        let logStore = log.store
        return AnnouncementStore(
            postgres: log.client, eventStore: log.eventStore,
            drafter: AnnouncementDrafter(store: results, postgres: log.client, logger: TestPostgres.logger),
            log: AnnouncementLog(
                append: { entries, connection in
                    try await logStore.append(
                        entries.map { LogRecordInput(id: $0.id, kind: $0.kind, record: $0.record) }, on: connection
                    ).map { Int64($0.leafIndex) }
                },
                checkpoint: { await signer.signNow() }),
            publicURL: "https://pengumuman.example", logger: TestPostgres.logger)
    }

    /// Three applications of the fixture's formation decided MS, MS, TMS and published (initial round).
    func publishedAdministration(_ log: TransparencyLogHarness) async throws -> [UUID] {
        let (events, apps) = try fixture.intake(["R-001", "R-002", "R-003"])
        _ = try await fixture.apply(events + [
            try fixture.decoded(fixture.decision(apps[0], .ms, countersigned: false), at: fixture.at(100)),
            try fixture.decoded(fixture.decision(apps[1], .ms, countersigned: false), at: fixture.at(100)),
            try fixture.decoded(fixture.decision(apps[2], .tms, countersigned: false), at: fixture.at(100)),
            try fixture.decoded(fixture.publication(.initial), at: fixture.at(200)),
        ], to: PublicSelectionProjection.projection, on: log.client)
        return apps
    }

    func request(_ kind: AnnouncementKind = .administrativeResults, number: String = "800/1/BKPSDM/2024",
                 formation: UUID? = nil, text: String? = nil, corrects: UUID? = nil) -> AnnouncementDraftRequest
    {
        AnnouncementDraftRequest(
            kind: kind, periodId: nil, formationId: formation, stage: nil, number: number,
            title: "Pengumuman Hasil Seleksi Administrasi", dated: CalendarDate("2024-09-20"), text: text,
            correctsAnnouncementId: corrects)
    }

    func problem(_ body: () async throws -> Void) async -> Problem? {
        do {
            try await body()
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            Issue.record("expected a problem, got \(error)")
            return nil
        }
    }

    @Test func publishingLogsTheAnnouncementAndEveryRowVerifiably() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await publishedAdministration(log)
            let store = store(log)
            let draft = try await store.createDraft(request(formation: fixture.formation), by: announcer)
            #expect(draft.rowCount == 3)
            #expect(draft.summary["ms"] == .integer(2) && draft.summary["tms"] == .integer(1))
            #expect(draft.rows.first?["registrationNumber"] == .string("R-001"))

            let published = try await store.publish(draft.draftId, by: announcer, correlationId: "test")
            #expect(published.sequence == 1)
            #expect(published.leafIndex == 0)
            #expect(published.rowCount == 3)

            // The draft is gone; publishing it again finds nothing.
            #expect(await problem { _ = try await store.publish(draft.draftId, by: announcer, correlationId: nil) }?
                .statusCode == 404)

            // Every row is a log record; each verifies against a signed checkpoint.
            let checkpoint = try #require(try await log.store.latestCheckpoint())
            #expect(checkpoint.treeSize == 4)
            _ = try log.verifierKey.verify(checkpoint.signedNote)
            let detail = try await store.announcement(published.announcementId, rowsAfter: -1, limit: 10)
            #expect(detail.rows.count == 3)
            #expect(detail.record["number"] == .string("800/1/BKPSDM/2024"))
            for row in detail.rows + [] {
                let logged = try #require(try await log.store.record(id: row.recordId))
                #expect(logged.leafIndex == Int(row.leafIndex))
                let commitment = try RecordCommitment(
                    record: try JSONParser.parse(logged.canonicalJSON), salt: logged.salt)
                #expect(commitment.leafHash == logged.leafHash)
                let proof = try await log.store.inclusionProof(leafIndex: logged.leafIndex, treeSize: checkpoint.treeSize)
                try MerkleVerifier.verifyInclusion(
                    leafHash: commitment.leafHash, leafIndex: logged.leafIndex, treeSize: checkpoint.treeSize,
                    proof: proof, root: checkpoint.rootHash)
                #expect(try JSONParser.parse(logged.canonicalJSON)["row"] == row.row)
            }

            // The event names the record and its hash.
            let stream = try await log.eventStore.loadStream("announcement-\(published.announcementId.eventKey)")
            let event = try #require(try stream.first?.decode(as: AnnouncementPublishedV1.self))
            #expect(event.logIndex == 0)
            #expect(event.body.mediaType == .json)
            #expect(event.body.url.absoluteString
                == "https://pengumuman.example/v1/log/records/\(published.announcementId.eventKey)")
            let announcementRecord = try #require(try await log.store.record(id: published.announcementId))
            #expect(event.body.sha256 == SHA256.hash(data: Array(announcementRecord.canonicalJSON.utf8)).lowercaseHex)
            #expect(!announcementRecord.canonicalJSON.contains(fixture.decision(UUID(), .ms, countersigned: false)
                .applicantId.eventKey))

            // Published means immutable, even for someone with SQL access.
            await #expect(throws: (any Error).self) {
                try await log.execute("UPDATE announcements SET title = 'diubah'")
            }
            await #expect(throws: (any Error).self) { try await log.execute("DELETE FROM announcement_rows") }
        }
    }

    @Test func aDraftWhoseResultsChangedMustBeRefreshedBeforePublishing() async throws {
        try await TransparencyLogHarness.run { log in
            let apps = try await publishedAdministration(log)
            let store = store(log)
            let draft = try await store.createDraft(request(formation: fixture.formation), by: announcer)

            var resolved = ObjectionResolvedV1.example
            resolved.objectionId = UUID()
            resolved.applicationId = apps[2]
            resolved.outcome = .upheld
            resolved.resultingOutcome = .ms
            _ = try await fixture.apply([
                try fixture.decoded(resolved, at: fixture.at(300)),
                try fixture.decoded(fixture.publication(.afterObjection), at: fixture.at(400)),
            ], to: PublicSelectionProjection.projection, on: log.client)

            let stale = await problem { _ = try await store.publish(draft.draftId, by: announcer, correlationId: nil) }
            #expect(stale?.statusCode == 409)
            #expect(try await log.store.treeSize() == 0, "nothing logged")
            let refreshed = try await store.refreshDraft(draft.draftId)
            #expect(refreshed.summary["ms"] == .integer(3))
            let published = try await store.publish(draft.draftId, by: announcer, correlationId: nil)
            #expect(published.rowCount == 3)
        }
    }

    @Test func numbersAreUniqueAndCorrectionsNameAPublishedAnnouncement() async throws {
        try await TransparencyLogHarness.run { log in
            let store = store(log)
            let text = "Jadwal verifikasi diperpanjang."
            let first = try await store.publish(
                try await store.createDraft(request(.general, number: "800/9", text: text), by: announcer).draftId,
                by: announcer, correlationId: nil)
            #expect(first.rowCount == 0 && first.sequence == 1)

            let sameNumber = try await store.createDraft(request(.general, number: "800/9", text: text), by: announcer)
            let taken = await problem { _ = try await store.publish(sameNumber.draftId, by: announcer, correlationId: nil) }
            #expect(taken?.statusCode == 409)
            #expect(taken?.errors?.map(\.field) == ["number"])

            let unknown = await problem {
                _ = try await store.createDraft(request(.general, number: "800/10", text: text, corrects: UUID()),
                                                by: announcer)
            }
            #expect(unknown?.errors?.map(\.field) == ["correctsAnnouncementId"])

            let correction = try await store.publish(
                try await store.createDraft(request(.general, number: "800/10", text: "Ralat: " + text,
                                                    corrects: first.announcementId), by: announcer).draftId,
                by: announcer, correlationId: nil)
            #expect(correction.sequence == 2, "numbers have no gaps: the refused publication used none")
            let listed = try await store.announcements(period: nil, formation: nil, kind: nil, before: .max, limit: 10)
            #expect(listed.map(\.sequence) == [2, 1])
            #expect(listed[1].correctedBy == [correction.announcementId])
            #expect(listed[0].correctsAnnouncementId == first.announcementId)
            #expect(try await store.announcements(period: nil, formation: nil, kind: .skdResults, before: .max,
                                                  limit: 10).isEmpty)
            #expect(try await log.store.treeSize() == 2)
        }
    }

    @Test func draftsAreValidatedAndNeedTheirResults() async throws {
        try await TransparencyLogHarness.run { log in
            let store = store(log)
            let invalid = await problem {
                _ = try await store.createDraft(AnnouncementDraftRequest(
                    kind: .skdResults, number: " ", title: "", text: String(repeating: "x", count: 20_001)),
                    by: announcer)
            }
            #expect(invalid?.statusCode == 422)
            #expect(Set(invalid?.errors?.map(\.field) ?? []) == ["number", "title", "text", "formationId"])
            let noText = await problem {
                _ = try await store.createDraft(request(.general), by: announcer)
            }
            #expect(noText?.errors?.map(\.field) == ["text"])

            _ = try await publishedAdministration(log)
            let notRanked = await problem {
                _ = try await store.createDraft(request(.skdResults, formation: fixture.formation), by: announcer)
            }
            #expect(notRanked?.statusCode == 409)
            let unknownFormation = await problem {
                _ = try await store.createDraft(request(.skdResults, formation: UUID()), by: announcer)
            }
            #expect(unknownFormation?.errors?.map(\.field) == ["formationId"])
            let noObjectionRound = await problem {
                _ = try await store.createDraft(
                    request(.administrativeResultsAfterObjection, formation: fixture.formation), by: announcer)
            }
            #expect(noObjectionRound?.statusCode == 409)
            #expect(try await store.drafts().isEmpty)
        }
    }
}
