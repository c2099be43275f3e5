@preconcurrency import CReadline
import Foundation
import Glibc
import Synchronization

/// Reads the learner's lines: GNU readline on a terminal (editing, history, completion),
/// plain `readLine()` on a pipe, so scripts get no prompts or echoes (TOOLCHAIN.md §2).
protocol LineSource: AnyObject {
    /// Next line, or nil at end of input (Ctrl-D, EOF, or Ctrl-C on an empty line).
    func read(prompt: String) -> String?
    /// A line that starts out as `prefill`, for the learner to change (`:edit`); Enter
    /// keeps it. Without a terminal, an empty line keeps it.
    func read(prompt: String, prefill: String) -> String?
    /// Adds a line to the history (commands only: answers would be given away on Up).
    func remember(_ line: String)
    /// Saves whatever must survive the process (history).
    func close()
}

/// Pipe / file input: one line per answer or command. Reads the descriptor itself rather
/// than through stdio: a signal (a quiz's time limit, Ctrl-C, SIGTERM) must end the read,
/// and glibc's getline does not come back from an interrupted read.
final class PlainLineSource: LineSource {
    private var buffer: [UInt8] = []
    private var atEnd = false

    func read(prompt: String) -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            if atEnd || quitRequested.load(ordering: .relaxed) {
                guard !buffer.isEmpty, !quitRequested.load(ordering: .relaxed) else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if n > 0 {
                buffer += chunk[..<n]
            } else if n == 0 || errno != EINTR {
                atEnd = true
            } else if pendingSignal.exchange(0, ordering: .relaxed) != 0 {
                quitRequested.store(true, ordering: .relaxed)
            }
        }
    }

    func read(prompt: String, prefill: String) -> String? {
        read(prompt: prompt).map { $0.isEmpty ? prefill : $0 }
    }

    func remember(_ line: String) {}
    func close() {}
}

// readline calls its hooks synchronously on the readline() thread: plain globals are safe.
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var prefillText = ""

/// readline's startup hook: puts the text being edited on the line before the first key.
private func insertPrefill() -> Int32 {
    rl_insert_text(prefillText)
    return 0
}
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
/// typed line, and on an empty line (or on SIGTERM/SIGHUP) ends input like Ctrl-D; the
/// alarm of a time limit ends input whatever was typed.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    var c: UInt8 = 0
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    // readline takes one EOF on a non-empty line for Ctrl-D and asks again: answer at once.
    if quitRequested.load(ordering: .relaxed) { return EOF }
    while true {
        let n = Glibc.read(fd, &c, 1)
        if n == 1 { return Int32(c) }
        if n == 0 { return EOF }
        guard errno == EINTR else { return EOF }
        let sig = pendingSignal.exchange(0, ordering: .relaxed)
        if sig == 0 { continue }
        if sig == SIGALRM {
            quitRequested.store(true, ordering: .relaxed)
            return EOF
        }
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

/// Ends input once `seconds` have passed (a quiz's time limit): SIGALRM interrupts the
/// blocked read, readline's or a pipe's, which then reports the end of input.
func armInputDeadline(after seconds: TimeInterval) {
    // A parent may have left it blocked (test runners do), and a blocked alarm never ends the read.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGALRM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    var sa = sigaction()
    sa.__sigaction_handler.sa_handler = { s in pendingSignal.store(s, ordering: .relaxed) }
    sigemptyset(&sa.sa_mask)
    sa.sa_flags = 0  // no SA_RESTART: the blocked read must wake up
    sigaction(SIGALRM, &sa, nil)
    let whole = max(0, seconds.rounded(.down))
    var timer = itimerval()
    timer.it_value.tv_sec = Int(whole)
    timer.it_value.tv_usec = max(1, Int((seconds - whole) * 1_000_000))
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
}

/// Cancels `armInputDeadline` (before writing results: no interrupted fsync).
func disarmInputDeadline() {
    var off = itimerval()
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &off, nil)
}

/// Terminal input through GNU readline.
final class ReadlineSource: LineSource {
    private let historyPath: String?

    /// - echoToStderr: readline's prompt and echo go to stderr (stdout carries JSON).
    init(commands: [String], historyPath: String?, echoToStderr: Bool = false) {
        self.historyPath = historyPath
        completionWords = commands
        if echoToStderr { rl_outstream = fdopen(STDERR_FILENO, "w") }
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

    func read(prompt: String, prefill: String) -> String? {
        prefillText = prefill
        rl_startup_hook = insertPrefill
        // A field's text is not a command: Tab completes nothing there.
        let words = completionWords
        completionWords = []
        defer {
            rl_startup_hook = nil
            completionWords = words
        }
        return read(prompt: prompt)
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
