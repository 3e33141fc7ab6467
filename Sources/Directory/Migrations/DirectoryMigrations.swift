import Fluent
import SQLKit

/// The Directory room's migrations, in order. Append only.
enum DirectoryMigrations {
    static func all(wilayasCSV: String) -> [any Migration] {
        [CreateReferenceData(wilayasCSV: wilayasCSV), CreateOrganizations(), CreatePeople(), CreateMemberships(),
         CreateOrganizationChanges(), CreatePersonTerms(), AddOrganizationVerification(), AddPersonSex()]
    }
}
