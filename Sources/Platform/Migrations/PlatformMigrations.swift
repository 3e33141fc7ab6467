import Fluent
import Vapor

/// The Platform room's migrations, in order. Append only; never edit one that has landed.
public enum PlatformMigrations {
    public static let all: [any Migration] = [
        CreateUsers(),
        CreateAuthTables(),
        CreateOutbox(),
        CreateAuditLog(),
        SessionRecord.migration,
        CreateWorkflowAndNotifications(),
        AddWorkflowStepSequence(),
        CreateSessions(),
        CreateThrottleCounters(),
        CreateAccountTokens(),
        AddOutboxSecrets(),
        CreateFormSubmissions(),
        CreateAttachments(),
        AddMustChangePassword(),
    ]
}
