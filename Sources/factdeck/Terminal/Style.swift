import Foundation
import Glibc
import TerminalKit

/// ANSI styling that is only on when stdout is a terminal, NO_COLOR is unset and TERM is not dumb.
struct Style: Sendable {
    let enabled: Bool

    static func forStdout() -> Style {
        let env = ProcessInfo.processInfo.environment
        let on = isatty(STDOUT_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        return Style(enabled: on)
    }

    /// The same rules for stderr (where `quiz --json` talks to the learner).
    static func forStderr() -> Style {
        let env = ProcessInfo.processInfo.environment
        return Style(enabled: isatty(STDERR_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb")
    }

    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func blue(_ s: String) -> String { wrap(s, "34") }
}

/// Terminal width: the tty's own, else $COLUMNS, else 80.
func terminalWidth() -> Int {
    var ws = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
    return 80
}

/// "45s", "10m", "3h", "4d", "2.1mo", "1.3y": how Anki labels its answer buttons.
func shortDuration(_ seconds: TimeInterval) -> String {
    let s = max(0, seconds)
    if s < 60 { return "\(Int(s.rounded()))s" }
    if s < 3600 { return "\(Int((s / 60).rounded()))m" }
    if s < 86_400 { return "\(Int((s / 3600).rounded()))h" }
    let days = s / 86_400
    if days < 30 { return "\(Int(days.rounded()))d" }
    if days < 365 { return String(format: "%.1fmo", days / 30) }
    return String(format: "%.1fy", days / 365)
}
