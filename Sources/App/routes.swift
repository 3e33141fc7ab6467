import Agreements
import Capacity
import Insights
import Participation
import Projects
import Directory
import Platform
import Vapor

func routes(_ app: Application) throws {
    let pages = PlatformRoom.pages(app)
    try PlatformRoom.routes(app, pages: pages)
    try DirectoryRoom.routes(app, pages: pages)
    try AgreementsRoom.routes(app, pages: pages)
    try ProjectsRoom.routes(app, pages: pages)
    try ParticipationRoom.routes(app, pages: pages)
    try CapacityRoom.routes(app, pages: pages)
    try InsightsRoom.routes(app, pages: pages)
    try app.register(collection: HomeController())
    try pages.register(collection: HomePageController())
}
