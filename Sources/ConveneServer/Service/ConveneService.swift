import ConveneApp
import ConveneMail
public import ConveneStore
import Logging
import ServiceLifecycle

/// `convene serve --config`: the HTTP server and the workers the config asks for, as services of one
/// group. SIGTERM or SIGINT stops the workers first (each finishes what it has in hand), then the server.
public struct ConveneService: Sendable {
    let store: Store
    let config: ServiceConfig
    let logger: Logger
    let operations = Operations()
    /// How long the delivery worker waits between runs.
    var deliveryEvery: Duration = .seconds(2)

    /// The service for `config`, on the database already opened from it.
    public init(config: ServiceConfig, store: Store) {
        self.store = store
        self.config = config
        self.logger = FeedServer.standardLogger()
    }

    /// Runs until SIGTERM or SIGINT; `onListening` gets the HTTP port once connections are accepted.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var settings = ServerSettings(host: config.http.host, port: config.http.port)
        if let baseURL = config.http.baseURL { settings.links = try FeedLinks(baseURL: baseURL) }
        settings.allowPrivateAddresses = config.calendars?.allowPrivateAddresses ?? false
        let server = FeedServer(store: store, settings: settings, logger: logger, operations: operations)
        let operations = operations
        operations.set("http", state: "starting")
        let http = try server.services { port in
            operations.set("http", state: "running")
            await onListening(port)
        }
        // Services stop in reverse order: the workers before the server, so `/healthz` answers to the end.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = http.map { .init(service: $0) }
        if let smtp = config.smtp {
            services.append(.init(service: DeliveryWorker(store: store, smtp: smtp, every: deliveryEvery,
                                                          operations: operations, logger: logger)))
        }
        if let imap = config.imap {
            services.append(.init(service: MailboxWorker(
                store: store, address: try MailboxAddress(imap.url),
                credentials: MailboxCredentials(user: imap.user, password: imap.password.value),
                every: .seconds(imap.every), operations: operations, logger: logger)))
        }
        if let calendars = config.calendars {
            services.append(.init(service: CalendarWorker(store: store, settings: calendars, operations: operations, logger: logger)))
        }
        if let digest = config.digest {
            services.append(.init(service: DigestWorker(store: store, to: digest.to, every: .seconds(digest.every),
                                                        operations: operations, logger: logger)))
        }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        // A worker that outlives the grace period is cancelled: the process exits within 10 s of SIGTERM.
        configuration.maximumGracefulShutdownDuration = .seconds(9)
        try await ServiceGroup(configuration: configuration).run()
    }
}
