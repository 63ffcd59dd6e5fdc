package documenten

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// The dataset holds a document's metadata, not its file. The download serves
// a file generated deterministically from the metadata: a one-page PDF for
// application/pdf and UTF-8 text for every other format, showing the title
// and the main attributes. When the stored bestandsomvang is at least the
// size of that file (and at most maxContent), the file is padded to exactly
// that size (PDF: with an unreferenced filler stream, keeping the
// cross-reference table exact); otherwise the file keeps its natural size.
// The rendered bestandsomvang is always the size of the served file.

// maxContent caps the padded size of a generated file.
const maxContent = 64 << 20

// docMeta is what a document's file is generated from, copied out of the
// store so the file can be written without holding the lock.
type docMeta struct {
	identificatie, bronorganisatie, titel, auteur, beschrijving string
	formaat, bestandsnaam, status, vertrouwelijkheid            string
	creatiedatum                                                data.Date
	versie                                                      int32
	target                                                      int64
}

func metaOf(e *data.EnkelvoudigInformatieObject) docMeta {
	return docMeta{
		identificatie: e.Identificatie, bronorganisatie: e.Bronorganisatie, titel: e.Titel, auteur: e.Auteur,
		beschrijving: e.Beschrijving, formaat: e.Formaat, bestandsnaam: e.Bestandsnaam, status: e.Status,
		vertrouwelijkheid: e.Vertrouwelijkheid.String(), creatiedatum: e.Creatiedatum, versie: max(e.Versie, 1),
		target: e.Bestandsomvang,
	}
}

// content is a generated file: prefix, pad filler bytes, suffix.
type content struct {
	prefix, suffix []byte
	pad            int64
}

func (c *content) size() int64 { return int64(len(c.prefix)) + c.pad + int64(len(c.suffix)) }

// fillChunk is the repeating filler written as padding.
var fillChunk = bytes.Repeat([]byte("Deze regel vult het gesimuleerde document aan tot zijn bestandsomvang.\n"), 512)

// WriteTo writes the whole file.
func (c *content) WriteTo(w io.Writer) (int64, error) {
	var n int64
	k, err := w.Write(c.prefix)
	n += int64(k)
	if err != nil {
		return n, err
	}
	for left := c.pad; left > 0; {
		chunk := fillChunk
		if int64(len(chunk)) > left {
			chunk = chunk[:left]
		}
		k, err := w.Write(chunk)
		n += int64(k)
		left -= int64(k)
		if err != nil {
			return n, err
		}
	}
	k, err = w.Write(c.suffix)
	return n + int64(k), err
}

// padding is the filler needed to reach the stored size from natural.
func (m docMeta) padding(natural int64) int64 {
	if m.target > natural && m.target <= maxContent {
		return m.target - natural
	}
	return 0
}

// contentOf generates the file of a document.
func contentOf(m docMeta) *content {
	lines := m.lines()
	if strings.EqualFold(m.formaat, "application/pdf") {
		natural := pdfContent(m, lines, 0).size()
		return pdfContent(m, lines, m.padding(natural))
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	c := &content{prefix: []byte(b.String())}
	c.pad = m.padding(c.size())
	return c
}

// contentSize is the size of the file served for a document.
func contentSize(e *data.EnkelvoudigInformatieObject) int64 { return contentOf(metaOf(e)).size() }

// lines are the text shown in the file.
func (m docMeta) lines() []string {
	out := []string{
		m.titel,
		"",
		"Identificatie: " + m.identificatie,
		"Bronorganisatie: " + m.bronorganisatie,
		"Auteur: " + m.auteur,
		"Creatiedatum: " + render.Date(m.creatiedatum),
		fmt.Sprintf("Versie: %d", m.versie),
		"Vertrouwelijkheidaanduiding: " + m.vertrouwelijkheid,
	}
	if m.status != "" {
		out = append(out, "Status: "+m.status)
	}
	if m.bestandsnaam != "" {
		out = append(out, "Bestandsnaam: "+m.bestandsnaam)
	}
	if m.beschrijving != "" {
		out = append(out, "")
		out = append(out, wrap(m.beschrijving, 85)...)
	}
	return out
}

// wrap breaks text into lines of at most width runes at spaces.
func wrap(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return out
}

// pdfContent builds a one-page PDF 1.4 whose object 8 is a filler stream of
// pad bytes. Numbers that depend on pad are written with a fixed width, so
// the prefix and suffix lengths do not depend on it.
func pdfContent(m docMeta, lines []string, pad int64) *content {
	const maxLines = 50
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	var page strings.Builder
	page.WriteString("BT\n/F2 16 Tf\n56 780 Td\n")
	page.WriteString(pdfString(lines[0]) + " Tj\n/F1 10 Tf\n14 TL\n0 -10 Td\n")
	for _, l := range lines[1:] {
		page.WriteString("T* " + pdfString(l) + " Tj\n")
	}
	page.WriteString("ET")
	stream := page.String()

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream))
	created := strings.ReplaceAll(render.Date(m.creatiedatum), "-", "")
	obj(fmt.Sprintf("<< /Title %s /Author %s /Subject %s /Producer (klantgraaf) /CreationDate (D:%s000000Z) >>",
		pdfString(m.titel), pdfString(m.auteur), pdfString(m.identificatie), created))
	offsets = append(offsets, b.Len())
	fmt.Fprintf(&b, "%d 0 obj\n<< /Length %010d >>\nstream\n", len(offsets), pad)
	prefix := b.Bytes()

	var s bytes.Buffer
	s.WriteString("\nendstream\nendobj\n")
	xref := int64(len(prefix)) + pad + int64(s.Len())
	fmt.Fprintf(&s, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&s, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&s, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%010d\n%%%%EOF\n", len(offsets)+1, xref)
	return &content{prefix: prefix, suffix: s.Bytes(), pad: pad}
}

// pdfString renders a PDF literal string in WinAnsiEncoding: Latin-1
// characters as octal escapes, others as '?'.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	b.WriteByte(')')
	return b.String()
}
