/// A rendered message and its recipient: what a transport hands over.
public struct Envelope: Sendable, Hashable {
    /// Without angle brackets; names the file a folder transport writes.
    public var messageID: String
    /// The address the server delivers to (RCPT TO).
    public var recipient: String
    /// The whole RFC 5322 message, exactly as it goes out every time.
    public var bytes: [UInt8]

    public init(messageID: String, recipient: String, bytes: [UInt8]) {
        self.messageID = messageID
        self.recipient = recipient
        self.bytes = bytes
    }
}
