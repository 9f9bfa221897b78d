public import ConveneApp

/// The secret in a private feed's URL: the same kind of token as a page's, kept in its own table.
public typealias PrivateFeedToken = SecretToken
