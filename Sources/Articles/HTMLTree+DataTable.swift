extension HTMLTree {
    /// A table of data (headers, a caption, many rows or columns) rather than page layout.
    func isDataTable(_ table: Int) -> Bool {
        let a = nodes[table].attributes
        if a["role"] == "presentation" || a["datatable"] == "0" { return false }
        if let s = a["summary"], !s.isEmpty { return true }
        if let caption = first("caption", under: table), !nodes[caption].children.isEmpty { return true }
        if !all(["col", "colgroup", "tfoot", "thead", "th"], under: table).isEmpty { return true }
        if !all(["table"], under: table).isEmpty { return false }
        var rows = 0, columns = 0
        for tr in all(["tr"], under: table) {
            rows += Int(attribute("rowspan", of: tr) ?? "") ?? 1
            var inRow = 0
            for td in all(["td"], under: tr) { inRow += Int(attribute("colspan", of: td) ?? "") ?? 1 }
            columns = max(columns, inRow)
        }
        if rows == 1 || columns == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }
}
