import ArgumentParser
import ConveneCore
import ConveneSolver
import Foundation

/// `convene solve`: schedule an instance file and write the solution file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule a convene-instance file (version 1 or 2) and write a convene-solution file.",
        discussion: """
            Places sessions most-constrained first (choosing the people of pick groups with them), then \
            improves the schedule by local search on two threads until the time limit, or until it meets \
            the lower bound no schedule can beat. With --iterations instead of a time limit the result \
            depends only on the seed. Every unscheduled session gets a reason. The solution is version 2 \
            when it picks people, else the instance's version.
            """)

    @Option(name: .long, help: "The instance file (convene-instance/1 or /2).")
    var instance: String

    @Option(name: .shortAndLong, help: "Where to write the solution (convene-solution/1 or /2).")
    var output: String

    @Option(name: .long, help: "Seconds to search (default 10).")
    var timeLimit: Double?

    @Option(name: .long, help: "Moves per search thread instead of a time limit; the result is then reproducible.")
    var iterations: Int?

    @Option(name: .long, help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Search threads.")
    var workers: Int = 2

    @Flag(name: .long, help: "Only the one-pass greedy: most-constrained first, first free room and start.")
    var greedy = false

    func validate() throws {
        if timeLimit != nil && iterations != nil { throw usage("give either --time-limit or --iterations, not both") }
        if let t = timeLimit, !(t > 0) { throw usage("--time-limit must be a positive number of seconds") }
        if let n = iterations, n < 0 { throw usage("--iterations must not be negative") }
        if workers < 1 { throw usage("--workers must be at least 1") }
    }

    func run() throws {
        let problem = try readInstance(instance)
        let showProgress = isatty(STDERR_FILENO) != 0
        let options = SolveOptions(
            timeLimit: timeLimit.map { .milliseconds(Int64($0 * 1000)) }, iterations: iterations, seed: seed,
            workers: workers, greedyOnly: greedy, progress: showProgress ? printProgress : nil)
        let result = Solver.solve(problem, options: options, clock: ContinuousClock())
        if showProgress && !greedy { writeError("\n") }
        do {
            try JSONFormat.encode(result.solution).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            writeError("\(output): error: cannot write: \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        let s = result.stats
        print("placed \(s.placed)/\(s.sessions), unscheduled priority \(result.score.unscheduled), "
              + "soft \(result.score.soft), time \(seconds(s.totalTime)) s (first schedule \(seconds(s.constructionTime)) s, "
              + "\(s.iterations) moves)")
        print(result.score.described(against: s.lowerBound))
        print("lower bound: unscheduled priority \(s.lowerBound.unscheduled), soft \(s.lowerBound.soft)")
        if !result.validation.feasible {
            for line in result.validation.messages.prefix(20) { writeError("\(line)\n") }
        }
    }
}

/// Rewrites the progress line on the terminal.
@Sendable func printProgress(_ p: SolveProgress) {
    let line = "\r\(p.placed)/\(p.sessions) placed, unscheduled priority \(p.unscheduledPriority), "
        + "soft \(p.soft), \(p.iterations) moves, \(seconds(p.elapsed)) s"
    writeError(line)
}

/// Reads an instance file, printing its error and exiting 1 when it is unreadable.
func readInstance(_ path: String) throws -> Instance {
    try readJSON(Instance.self, path)
}

/// Reads a JSON file, printing its error and exiting 1 when it is unreadable.
func readJSON<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONFormat.decode(type, from: data, file: path)
    } catch let error as InstanceFileError {
        writeError("\(error)\n")
        throw ExitCode(1)
    } catch {
        writeError("\(path): error: cannot read: \(error.localizedDescription)\n")
        throw ExitCode(1)
    }
}

/// A usage error: printed, exit status 2.
func usage(_ message: String) -> ExitCode {
    writeError("error: \(message)\n")
    return ExitCode(2)
}

/// Seconds with two decimals.
func seconds(_ d: Duration) -> String {
    let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    return String(format: "%.2f", Double(ms) / 1000)
}
