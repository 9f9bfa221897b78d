public import ConveneStore

extension FeedServer {
    /// A server for what the database holds, following its changes while it runs, with people's own pages.
    public init(store: Store, settings: ServerSettings) {
        self.init(source: StoreFeedSource(store: store), settings: settings, pageStore: store)
    }
}

extension FeedSubscriptions {
    /// Private feed links for the stakeholders in the database.
    public init(store: Store) {
        self.init(store: store, source: StoreFeedSource(store: store))
    }
}
