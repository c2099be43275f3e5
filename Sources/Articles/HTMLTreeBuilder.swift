import CLibXML2

/// libxml2 must set up its globals once before threads parse side by side. Its encoding
/// errors ("input conversion failed", found by fuzzing a page with a wrong charset) go to
/// stderr whatever the parse options say; a handler that drops them, the default for every
/// thread's libxml2 state, keeps the library from printing.
private let libxml2Ready: Bool = {
    xmlInitParser()
    xmlThrDefSetStructuredErrorFunc(nil) { _, _ in }
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    return true
}()

/// Reads HTML bytes with libxml2's HTML parser (error recovery on, network off, no error
/// output) and copies the result into an `HTMLTree`. This is the only file that touches
/// libxml2: everything after it is Swift over values.
enum HTMLTreeBuilder {
    /// The attributes the reader uses; the rest are dropped to keep the tree small.
    static let keptAttributes: Set<String> = [
        "id", "class", "role", "hidden", "aria-hidden", "aria-modal", "style", "itemprop", "itemtype", "rel",
        "href", "lang", "name", "property", "content", "charset", "http-equiv", "type", "datatable", "summary",
        "colspan", "rowspan", "datetime",
    ]
    /// Elements whose content is never text a reader sees.
    static let skippedElements: Set<String> = ["style", "template", "noscript", "svg", "object", "embed", "iframe", "canvas"]

    /// Parses a document. `encoding` is an iconv/libxml2 encoding name (see `HTMLCharset`);
    /// it overrides whatever the page itself declares. Nil when libxml2 cannot read the bytes.
    static func parse(_ bytes: [UInt8], encoding: String) -> HTMLTree? {
        _ = libxml2Ready
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, Int32(options))
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let rootElement = xmlDocGetRootElement(doc) else { return nil }
        return copyTree(rootElement)
    }

    private static func copyTree(_ rootElement: xmlNodePtr) -> HTMLTree {
        var tree = HTMLTree()
        var names: [UnsafeRawPointer: String] = [:]
        func name(_ p: UnsafePointer<xmlChar>?) -> String {
            guard let p else { return "" }
            if let known = names[UnsafeRawPointer(p)] { return known }
            let s = String(cString: p).lowercased()
            names[UnsafeRawPointer(p)] = s
            return s
        }
        // libxml2 may give a root that is not <html> (a fragment); then it goes under ours.
        var stack: [(xmlNodePtr, Int)] = []
        if name(rootElement.pointee.name) == "html" {
            tree.nodes[tree.root].attributes = attributes(of: rootElement)
            var c = rootElement.pointee.children
            var kids: [xmlNodePtr] = []
            while let k = c { kids.append(k); c = k.pointee.next }
            for k in kids.reversed() { stack.append((k, tree.root)) }
        } else {
            stack.append((rootElement, tree.root))
        }
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                tree.append("#text", text: HTML5EntityDecoder.decode(String(cString: content)), to: parent)
            case XML_ELEMENT_NODE:
                let tag = name(node.pointee.name)
                if skippedElements.contains(tag) { continue }
                let attrs = attributes(of: node)
                if tag == "script" {
                    // Only structured data (JSON-LD) is kept from scripts: it names the headline.
                    guard attrs["type"]?.lowercased().contains("ld+json") == true else { continue }
                    tree.append("script", text: scriptText(node), attributes: attrs, to: parent)
                    continue
                }
                let i = tree.append(tag, attributes: attrs, to: parent)
                var kids: [xmlNodePtr] = []
                var c = node.pointee.children
                while let k = c { kids.append(k); c = k.pointee.next }
                for k in kids.reversed() { stack.append((k, i)) }
            default:
                continue  // comments, processing instructions, doctype
            }
        }
        return tree
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var out: [String: String] = [:]
        var a = node.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            guard let n = attr.pointee.name else { continue }
            let key = String(cString: n).lowercased()
            guard keptAttributes.contains(key) else { continue }
            var value = ""
            var v = attr.pointee.children
            while let t = v {
                if let c = t.pointee.content { value += String(cString: c) }
                v = t.pointee.next
            }
            out[key] = HTML5EntityDecoder.decode(value)
        }
        return out
    }

    private static func scriptText(_ node: xmlNodePtr) -> String {
        var s = ""
        var c = node.pointee.children
        while let t = c {
            if let content = t.pointee.content { s += String(cString: content) }
            c = t.pointee.next
        }
        return s
    }
}
