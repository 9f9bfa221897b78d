public import ConveneStore

extension FeedServer {
    /// A server for what the database holds, following its changes while it runs.
    public init(store: Store, settings: ServerSettings) {
        self.init(source: StoreFeedSource(store: store), settings: settings)
    }
}

extension FeedSubscriptions {
    /// Private feed links for the stakeholders in the database.
    public init(store: Store) {
        self.init(store: store, source: StoreFeedSource(store: store))
    }
}
