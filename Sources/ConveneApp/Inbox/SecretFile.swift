import Foundation

/// A secret (a password) kept in a file only its owner can read.
public enum SecretFile {
    /// The file's first line. Refuses a file that its group or others can read or write, as
    /// ssh does with keys: a secret anyone on the machine can read is no secret.
    public static func read(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw AppError("\(path): cannot read the password file (\(String(cString: strerror(errno))))") }
        guard info.st_mode & 0o077 == 0 else {
            throw AppError("\(path): others can read this password file (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 600 \(path)`")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw AppError("\(path): cannot read the password file") }
        let text = String(decoding: data, as: UTF8.self)
        let secret = String(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? "")
        guard !secret.isEmpty else { throw AppError("\(path): the password file is empty") }
        return secret
    }
}
