import Fluent
import Vapor

/// Queues e-mails; delivery happens later (``OutboxDelivery``), so a slow or broken mail system never
/// fails or slows the request that sent the message.
public enum Outbox {
    /// Queues a message. A `secret` (a one-time token) replaces ``OutboxMessage/secretMarker`` in `body` only
    /// when the message is sent; it is never shown in the outbox and is forgotten once sent or at `expiresAt`.
    public static func enqueue(
        to recipient: String, subject: String, body: String, kind: String, secret: (value: String, expiresAt: Date)? = nil,
        on db: any Database, at date: Date
    ) async throws {
        let message = OutboxMessage(recipient: recipient, subject: subject, body: body, kind: kind, at: date)
        message.secret = secret?.value
        message.secretExpiresAt = secret?.expiresAt
        try await message.create(on: db)
    }

    /// Forgets secrets whose link has expired (a message never sent keeps no live token).
    public static func forgetExpiredSecrets(on db: any Database, now: Date) async throws {
        try await OutboxMessage.query(on: db).filter(\.$secretExpiresAt <= now)
            .set(\.$secret, to: nil).set(\.$secretExpiresAt, to: nil).update()
    }
}
