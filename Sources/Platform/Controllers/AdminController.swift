import Fluent
import Vapor

/// Staff pages: the mail outbox and people's roles.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.adminOutbox.pathComponents, use: outbox)
        routes.get(SiteURL.adminUsers.pathComponents, use: users)
        routes.post(SiteURL.adminUsers.pathComponents + [":userID", "roles"], use: changeRole)
    }

    @Sendable func outbox(req: Request) async throws -> Response {
        try req.require(.readOutbox)
        let pageRequest = try PageQuery(from: req)
        let query = OutboxMessage.query(on: req.db).sort(\.$createdAt, .descending)
        let total = try await query.count()
        // One-time links are never shown here: staff must not be able to reset someone's password.
        let hidden = req.t("admin.outbox.secret_hidden")
        let rows = try await query.range(pageRequest.range).all().map {
            OutboxRow(recipient: $0.recipient, subject: $0.subject,
                      body: $0.body.replacingOccurrences(of: OutboxMessage.secretMarker, with: hidden),
                      status: $0.status.rawValue,
                      attempts: $0.attempts, lastError: $0.lastError, createdAt: ($0.createdAt ?? Date()).iso8601)
        }
        let context = OutboxContext(
            page: try await PageMeta.make(for: req, titleKey: "admin.outbox.title"), messages: rows,
            pagination: PaginationView(request: pageRequest, total: total, path: req.url.path))
        return try await req.render("platform/admin-outbox", context)
    }

    @Sendable func users(req: Request) async throws -> Response {
        try req.require(.manageUsers)
        let pageRequest = try PageQuery(from: req)
        let text = try SearchText.read(req)
        let search: String? = text.isEmpty ? nil : text
        let role = req.query[String.self, at: "role"].flatMap(Role.init(rawValue:))
        let query = User.query(on: req.db).filter(\.$erasedAt == nil).sort(\.$email)
        if let search {
            // Addresses are stored in lower case; names as typed.
            query.group(.or) { $0.filter(\.$email ~~ search.lowercased()).filter(\.$displayName ~~ search) }
        }
        if let role {
            query.join(UserRole.self, on: \UserRole.$user.$id == \User.$id).filter(UserRole.self, \.$role == role)
        }
        let total = try await query.count()
        let users = try await query.with(\.$roleAssignments).range(pageRequest.range).all()
        let context = UsersContext(
            page: try await PageMeta.make(for: req, titleKey: "admin.users.title"),
            users: try users.map {
                UserRow(id: try $0.requireID().uuidString, name: $0.displayName, email: $0.email,
                        roles: $0.roleAssignments.map(\.role.rawValue).sorted())
            },
            allRoles: Role.allCases.map(\.rawValue), q: search ?? "", role: role?.rawValue ?? "", total: total,
            pagination: PaginationView(request: pageRequest, total: total, path: req.url.path,
                                       query: ["q": search ?? "", "role": role?.rawValue ?? ""].filter { !$0.value.isEmpty }),
            message: req.query[String.self, at: "changed"] == "1" ? req.t("admin.users.changed") : nil)
        return try await req.render("platform/admin-users", context)
    }

    @Sendable func changeRole(req: Request) async throws -> Response {
        let admin = try req.require(.manageUsers)
        guard let userID = req.parameters.get("userID", as: UUID.self),
              let user = try await User.find(userID, on: req.db) else { throw PlatformError.notFound }
        let form = try req.form(RoleForm.self)
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            throw ValidationFailure([FieldError("role", "validation.invalid_choice")])
        }
        let grant = form.change != "revoke"
        let done = { () async throws -> Response in
            try await RoleChange.apply(grant: grant, role: role, userID: userID, actor: AuditActor(admin), on: req.db,
                                       now: req.now)
            return req.seeOther(SiteURL.adminUsers.path(in: req.language) + "?changed=1")
        }
        guard !grant else { return try await done() }
        // Taking a role away is confirmed first.
        let roleName = req.t("role." + role.rawValue)
        return try await req.confirming(Confirmation(
            action: req.t("admin.users.revoke"), subject: user.displayName + " — " + roleName,
            lines: [req.t("admin.users.revoke_explain", user.displayName, roleName)],
            back: SiteURL.adminUsers.path(in: req.language), hidden: ["role": role.rawValue, "change": "revoke"]),
            confirmed: form.confirmed == StepForm.yes, act: done)
    }
}
