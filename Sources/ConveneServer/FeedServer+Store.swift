public import ConveneStore

extension FeedServer {
    /// A server for every event the database holds, following its changes while it runs, with people's own pages.
    public init(store: Store, settings: ServerSettings) {
        self.init(store: store, settings: settings, logger: nil)
    }
}

extension FeedSubscriptions {
    /// Private feed links for the stakeholders in the database.
    public init(store: Store) {
        self.init(store: store, source: StoreFeedSource(store: store))
    }
}
