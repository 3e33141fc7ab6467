import Fluent
import Platform
import Vapor

extension PeopleWebController {

    @Sendable func profileForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let person = try await Person.query(on: req.db).filter(\.$userID == user.id).first()
        let expertise = try await person?.id.asyncMap { try await PeopleService.expertise(of: [$0], on: req.db)[$0] } ?? []
        let values = [
            "display_name": person?.displayName ?? user.displayName, "kind": person?.kind.rawValue ?? "member",
            "sex": person?.sex?.rawValue ?? "",
            "title": person?.title ?? "", "bio": person?.bio ?? "", "wilaya_code": person?.wilayaCode ?? "",
            "availability": person?.availability.rawValue ?? "available", "contact_email": person?.contactEmail ?? "",
        ]
        let saved = req.query[String.self, at: "saved"] == "1" ? req.t("profile.saved") : nil
        return try await renderProfile(req, form: FormState(values: values, errors: [:], message: saved),
                                       languages: Set(person?.languageList ?? ["ar"]), expertise: Set(expertise),
                                       isPublic: person?.isPublic ?? false, personID: person?.id)
    }

    @Sendable func saveProfile(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.form(ProfileForm.self).input
        do {
            _ = try await PeopleService.saveOwnProfile(input, user: user, on: req.db, now: req.now)
            return req.seeOther(DirectorySiteURL.myProfile.path(in: req.language) + "?saved=1")
        } catch let failure as ValidationFailure {
            return try await renderProfile(
                req, form: FormState(posted: req, fieldErrors: failure.fieldErrors),
                languages: Set(input.languages ?? []), expertise: Set(input.expertise ?? []), isPublic: input.isPublic ?? false,
                personID: nil, status: .unprocessableEntity)
        }
    }

    private func renderProfile(
        _ req: Request, form: FormState, languages: Set<String>, expertise: Set<String>, isPublic: Bool, personID: UUID?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        // The kinds read as the person said they are (خبيرة ميدانية), once they have said it.
        let sex = form.values["sex"].flatMap(PersonSex.init(rawValue:))
        let context = ProfileContext(
            page: try await PageMeta.make(for: req, titleKey: "profile.title"), form: form,
            kinds: PersonProfileKind.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.kind." + $0.rawValue, for: sex),
                             selected: $0.rawValue == form.values["kind"])
            },
            sexes: ChoiceOption.cases(PersonSex.self, key: "person.sex", selected: form.values["sex"], req),
            availabilities: ChoiceOption.cases(Availability.self, key: "person.availability",
                                               selected: form.values["availability"], req),
            languages: ChoiceOption.languages(selected: languages, req),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: expertise), isPublic: isPublic,
            personID: personID?.uuidString)
        return try await req.render("directory/profile", context, status: status)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let export = try await PersonalData.export(for: user, sections: req.application.personalData.all,
                                                   reader: req.reader, req.service)
        let response = try await export.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: #"attachment; filename="shabaka-my-data.json""#)
        return response
    }

    @Sendable func eraseForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return try await req.render("directory/erase", FormPageContext(
            page: try await PageMeta.make(for: req, titleKey: "erase.title"), form: .empty))
    }

    @Sendable func erase(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard try req.form(EraseForm.self).confirm == user.email else {
            let form = FormState(values: [:], fieldErrors: [FieldError("confirm", "erase.confirm_mismatch")], on: req)
            return try await req.render("directory/erase", FormPageContext(
                page: try await PageMeta.make(for: req, titleKey: "erase.title"), form: form), status: .unprocessableEntity)
        }
        try await PersonalData.erase(user, sections: req.application.personalData.all, req.service)
        req.endSignedInSession()
        return req.seeOther(SiteURL.home.path(in: req.language) + "?erased=1")
    }
}
