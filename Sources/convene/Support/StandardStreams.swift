@preconcurrency import Glibc

/// Standard output and error, written through C's streams so that a write that fails (a full disk,
/// `> /dev/full`, a closed file) never crashes the process and never goes unnoticed: at exit, a
/// stream that could not be written makes the exit status 1, whatever the command did.
enum StandardStreams {
    /// Registers the check that runs when the process exits; call once, first thing in `main`.
    static func install() {
        atexit {
            // Output still buffered is written now, while the exit status can still change.
            if fflush(Glibc.stdout) == 0, ferror(Glibc.stdout) == 0, ferror(Glibc.stderr) == 0 { return }
            if ferror(Glibc.stderr) == 0 { fputs("error: cannot write to standard output\n", Glibc.stderr) }
            _exit(1)
        }
    }
}

/// Writes text to standard error as it is (no newline added).
func writeError(_ text: String) {
    fputs(text, Glibc.stderr)
}

/// Writes a line to standard error.
func printError(_ line: String) {
    writeError(line + "\n")
}

/// Writes bytes to standard output, after anything `print` wrote before them.
func writeStandardOutput(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, Glibc.stdout) }
}
