extension ArticleReader {
    /// Reads an article from the text poppler's `pdftotext -layout` printed for a PDF
    /// (running by the caller: this target does no IO). Headers, footers, page numbers,
    /// columns and hyphenation are dealt with first (`PDFLayoutText`); the result is read
    /// as plain text. Throws `.noTextLayer` when the PDF has no text (a scan).
    public static func read(pdfText: String, fileName: String? = nil) throws(ArticleError) -> Article {
        guard pdfText.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { throw .noTextLayer }
        let text = PDFLayoutText.clean(pdfText)
        guard !text.isEmpty else { throw .noTextLayer }
        return try read(bytes: Array(text.utf8), fileName: fileName, format: .pdf)
    }
}
