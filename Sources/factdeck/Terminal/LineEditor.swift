@preconcurrency import CReadline
import Foundation
import Glibc
import Synchronization

/// Reads the learner's lines: GNU readline on a terminal (editing, history, completion),
/// plain `readLine()` on a pipe, so scripts get no prompts or echoes (TOOLCHAIN.md §2).
protocol LineSource: AnyObject {
    /// Next line, or nil at end of input (Ctrl-D, EOF, or Ctrl-C on an empty line).
    func read(prompt: String) -> String?
    /// Adds a line to the history (commands only: answers would be given away on Up).
    func remember(_ line: String)
    /// Saves whatever must survive the process (history).
    func close()
}

/// Pipe / file input: one line per answer or command.
final class PlainLineSource: LineSource {
    func read(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    func remember(_ line: String) {}
    func close() {}
}

// readline calls its hooks synchronously on the readline() thread: plain globals are safe.
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var pendingMatches: [String] = []

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
        let prefix = text.map { String(cString: $0) } ?? ""
        pendingMatches = completionWords.filter { $0.hasPrefix(prefix) }
    }
    guard !pendingMatches.isEmpty else { return nil }
    return strdup(pendingMatches.removeFirst())
}

private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    rl_attempted_completion_over = 1  // never fall back to file names
    guard start == 0 else { return nil }  // only the command word completes
    return rl_completion_matches(text, completionGenerator)
}

/// Set by SIGINT/SIGTERM/SIGHUP; read only outside the signal handler.
let pendingSignal = Atomic<Int32>(0)

/// Reads one key for readline. Signals interrupt the read (no SA_RESTART) and are handled
/// here, in normal context, where touching readline's state is safe: Ctrl-C clears a
/// typed line, and on an empty line (or on SIGTERM/SIGHUP) ends input like Ctrl-D.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    var c: UInt8 = 0
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    while true {
        let n = Glibc.read(fd, &c, 1)
        if n == 1 { return Int32(c) }
        if n == 0 { return EOF }
        guard errno == EINTR else { return EOF }
        let sig = pendingSignal.exchange(0, ordering: .relaxed)
        if sig == 0 { continue }
        if sig != SIGINT || rl_end == 0 {
            quitRequested.store(true, ordering: .relaxed)
            _ = write(STDOUT_FILENO, "^C\n", 3)
            return EOF
        }
        _ = write(STDOUT_FILENO, "^C\n", 3)
        rl_replace_line("", 0)
        rl_on_new_line()
        rl_redisplay()
    }
}

/// Set when input ended because of Ctrl-C or a termination signal rather than Ctrl-D.
let quitRequested = Atomic<Bool>(false)

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal.
func installQuitSignals() {
    // A parent may have left them blocked (test runners, some IDEs): Ctrl-C must still work.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { s in pendingSignal.store(s, ordering: .relaxed) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0  // no SA_RESTART: the blocked read must wake up
        sigaction(sig, &sa, nil)
    }
}

/// Terminal input through GNU readline.
final class ReadlineSource: LineSource {
    private let historyPath: String?

    init(commands: [String], historyPath: String?) {
        self.historyPath = historyPath
        completionWords = commands
        rl_readline_name = UnsafePointer(strdup("factdeck"))
        rl_attempted_completion_function = attemptedCompletion
        // ':' starts our commands; keep it part of the word being completed.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_catch_signals = 0
        rl_getc_function = readKey
        using_history()
        stifle_history(1000)
        if let historyPath {
            if !FileManager.default.fileExists(atPath: historyPath) {
                _ = FileManager.default.createFile(atPath: historyPath, contents: nil)
            }
            _ = read_history(historyPath)
        }
        installQuitSignals()
    }

    func read(prompt: String) -> String? {
        guard !quitRequested.load(ordering: .relaxed) else { return nil }
        guard let raw = readline(prompt) else { return nil }
        let line = String(cString: raw)
        free(raw)
        return line
    }

    func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        add_history(trimmed)
        // Appended at once, so a killed session keeps its history too.
        if let historyPath { _ = append_history(1, historyPath) }
    }

    func close() {
        if let historyPath { _ = history_truncate_file(historyPath, 1000) }
    }
}
