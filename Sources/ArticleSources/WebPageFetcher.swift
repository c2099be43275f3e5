import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A page as the server sent it.
public struct FetchedPage: Sendable {
    public var bytes: [UInt8]
    /// The address after redirects.
    public var url: URL
    /// Lower-case media type without parameters ("text/html").
    public var mediaType: String
    /// The charset the server declared, if any.
    public var charset: String?
}

/// Downloads one page over HTTP(S): redirects followed (up to `maxRedirects`), a time
/// limit for the whole exchange, a size cap checked both against `Content-Length` and
/// while the body arrives, and a typed error for everything that goes wrong.
public struct WebPageFetcher: Sendable {
    public var timeout: TimeInterval
    public var maxBytes: Int
    public var maxRedirects: Int

    public init(timeout: TimeInterval = 30, maxBytes: Int = 20 << 20, maxRedirects: Int = 10) {
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    public func fetch(_ url: URL) throws(ArticleSourceError) -> FetchedPage {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw .notAWebAddress
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = [
            "User-Agent": "factdeck (flashcards from articles)",
            "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        ]
        let exchange = Exchange(maxBytes: maxBytes, maxRedirects: maxRedirects)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let task = session.dataTask(with: request)
        task.resume()
        // The session's own limits should fire first; this wait is the backstop.
        if exchange.done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            throw .timedOut(seconds: Int(timeout))
        }
        return try exchange.result(timeout: Int(timeout))
    }
}

/// The delegate of one download: collects the body and stops the transfer as soon as the
/// answer is known to be unusable.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let maxBytes: Int
    private let maxRedirects: Int
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: ArticleSourceError?
    private var transportError: Error?
    private var redirects = 0

    init(maxBytes: Int, maxRedirects: Int) {
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    func result(timeout: Int) throws(ArticleSourceError) -> FetchedPage {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        if let error = transportError as? URLError {
            switch error.code {
            case .timedOut: throw .timedOut(seconds: timeout)
            case .httpTooManyRedirects, .redirectToNonExistentLocation: throw .tooManyRedirects(maxRedirects)
            default: throw .network(error.localizedDescription)
            }
        }
        if let error = transportError { throw .network(error.localizedDescription) }
        guard let response, let url = response.url else { throw .network("no answer from the server") }
        return FetchedPage(bytes: body, url: url, mediaType: Self.mediaType(response), charset: response.textEncodingName)
    }

    static func mediaType(_ response: HTTPURLResponse) -> String {
        let raw = (response.value(forHTTPHeaderField: "Content-Type") ?? response.mimeType ?? "")
        return raw.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// Media types factdeck reads; an empty type is sniffed from the content later.
    static let readable: Set<String> = ["text/html", "application/xhtml+xml", "application/pdf", "text/plain", "text/markdown", ""]

    private func fail(_ error: ArticleSourceError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            fail(.network("the answer is not HTTP"))
            completionHandler(.cancel)
            return
        }
        lock.lock()
        self.response = http
        lock.unlock()
        let type = Self.mediaType(http)
        if (300..<400).contains(http.statusCode) {
            // Only reached when a redirect was refused: too many of them.
            fail(.tooManyRedirects(maxRedirects))
        } else if http.statusCode >= 400 {
            fail(.httpStatus(http.statusCode, HTTPURLResponse.localizedString(forStatusCode: http.statusCode).capitalized))
        } else if !Self.readable.contains(type) {
            fail(.unsupportedType(type))
        } else if http.expectedContentLength > Int64(maxBytes) {
            fail(.tooLarge(limitBytes: maxBytes))
        } else {
            completionHandler(.allow)
            return
        }
        completionHandler(.cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        body.append(contentsOf: data)
        let over = body.count > maxBytes
        if over { body = [] }
        lock.unlock()
        if over {
            fail(.tooLarge(limitBytes: maxBytes))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirects += 1
        let allowed = redirects <= maxRedirects
        lock.unlock()
        if !allowed { fail(.tooManyRedirects(maxRedirects)) }
        completionHandler(allowed ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        if let error, failure == nil { transportError = error }
        lock.unlock()
        done.signal()
    }
}
