import Foundation

/// Writes each message as `<Message-ID>.eml` in a folder, atomically: a message file is either whole or absent.
public struct FileTransport: Transport {
    public var directory: String

    /// Creates the folder if needed.
    public init(directory: String) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MailError("\(directory): cannot create the mail folder (\(error.localizedDescription))")
        }
    }

    /// The file a message goes to.
    public func path(of messageID: String) -> String {
        let name = String(messageID.map { $0 == "/" || $0 == "\\" ? "_" : $0 })
        return (directory as NSString).appendingPathComponent(name + ".eml")
    }

    public func send(_ message: Envelope, from sender: String) throws {
        let target = path(of: message.messageID)
        do {
            try Data(message.bytes).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw TransportFailure(permanent: false, "\(target): cannot write (\(error.localizedDescription))")
        }
    }
}
