import Fluent

/// A person may say their sex (`f`, `m`) on their profile, so that labels about them agree with it
/// (خبيرة / خبير, experte / expert); nobody has to, and existing profiles have not.
struct AddPersonSex: AsyncMigration {
    var name: String { "directory.008.add-person-sex" }

    func prepare(on database: any Database) async throws {
        try await database.schema("people").field("sex", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").deleteField("sex").update()
    }
}
