package documenten

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// The dataset holds a document's metadata, not its file. The download serves
// a file generated deterministically from the metadata, valid for its
// formaat where that is cheap to make: a one-page PDF showing the title and
// the main attributes for application/pdf, a placeholder picture for
// image/jpeg and image/png (carrying the title as a comment or text chunk),
// and UTF-8 text with the same lines for every other format. When the stored
// bestandsomvang is larger than that file (and at most maxContent) the file
// is padded to exactly that size inside the format's own structure: an
// unreferenced filler stream in the PDF (the cross-reference table stays
// exact), COM segments in the JPEG, a tEXt chunk in the PNG, trailing lines
// in text. Otherwise the file keeps its natural size. The rendered
// bestandsomvang is always the size of the served file.

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
		beschrijving: e.Beschrijving, formaat: strings.ToLower(e.Formaat), bestandsnaam: e.Bestandsnaam, status: e.Status,
		vertrouwelijkheid: e.Vertrouwelijkheid.String(), creatiedatum: e.Creatiedatum, versie: max(e.Versie, 1),
		target: e.Bestandsomvang,
	}
}

// part is a piece of a generated file: literal bytes, n filler bytes, or n
// bytes computed when written (a checksum over filler).
type part struct {
	data []byte
	fill int64
	lazy func() []byte
	n    int64
}

func (p part) size() int64 { return int64(len(p.data)) + p.fill + p.n }

// content is a generated file.
type content struct{ parts []part }

func (c *content) size() int64 {
	var n int64
	for _, p := range c.parts {
		n += p.size()
	}
	return n
}

// fillChunk is the repeating filler written as padding. Every filler run
// starts at its beginning.
var fillChunk = bytes.Repeat([]byte("Deze regel vult het gesimuleerde document aan tot zijn bestandsomvang.\n"), 512)

// writeFill writes n filler bytes to w.
func writeFill(w io.Writer, n int64) (int64, error) {
	var done int64
	for done < n {
		chunk := fillChunk[:min(int64(len(fillChunk)), n-done)]
		k, err := w.Write(chunk)
		done += int64(k)
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// WriteTo writes the whole file.
func (c *content) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, p := range c.parts {
		b := p.data
		if p.lazy != nil {
			b = p.lazy()
		}
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
		if p.fill > 0 {
			k, err := writeFill(w, p.fill)
			n += k
			if err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// extra is the padding needed to grow a file of natural size to the stored
// size, or 0 when the stored size is smaller (or above maxContent).
func (m docMeta) extra(natural int64) int64 {
	if m.target > natural && m.target <= maxContent {
		return m.target - natural
	}
	return 0
}

// contentOf generates the file of a document.
func contentOf(m docMeta) *content {
	switch m.formaat {
	case "application/pdf":
		natural := pdfContent(m, 0).size()
		return pdfContent(m, m.extra(natural))
	case "image/jpeg", "image/jpg":
		return jpegContent(m)
	case "image/png":
		return pngContent(m)
	}
	text := []byte(strings.Join(m.lines(), "\n") + "\n")
	return &content{parts: []part{{data: text, fill: m.extra(int64(len(text)))}}}
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
// the lengths of the other parts do not depend on it.
func pdfContent(m docMeta, pad int64) *content {
	const maxLines = 50
	lines := m.lines()
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
	return &content{parts: []part{{data: prefix, fill: pad}, {data: s.Bytes()}}}
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

// latin1 encodes s as ISO 8859-1 ('?' for other characters), as PNG text
// chunks require.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r <= 0xff {
			out = append(out, byte(r))
		} else {
			out = append(out, '?')
		}
	}
	return out
}

// palette holds the colours of the placeholder pictures; a document's
// identificatie picks one.
var palette = []color.RGBA{
	{0x1f, 0x4e, 0x79, 0xff}, {0x2e, 0x7d, 0x32, 0xff}, {0xc6, 0x28, 0x28, 0xff}, {0x6a, 0x1b, 0x9a, 0xff},
	{0xef, 0x6c, 0x00, 0xff}, {0x00, 0x83, 0x8f, 0xff}, {0x5d, 0x40, 0x37, 0xff}, {0x45, 0x5a, 0x64, 0xff},
}

var pictures sync.Map // "jpeg/3" → encoded picture

// picture returns the encoded placeholder picture of a format and colour: a
// 320×240 frame in the colour with a lighter band, encoded once.
func picture(format string, m docMeta) []byte {
	h := fnv.New32a()
	_, _ = h.Write([]byte(m.identificatie))
	c := int(h.Sum32() % uint32(len(palette)))
	key := fmt.Sprintf("%s/%d", format, c)
	if b, ok := pictures.Load(key); ok {
		return b.([]byte)
	}
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	base, light := palette[c], color.RGBA{0xf5, 0xf5, 0xf5, 0xff}
	for y := 0; y < 240; y++ {
		for x := 0; x < 320; x++ {
			col := base
			if y >= 90 && y < 150 && x >= 20 && x < 300 {
				col = light
			}
			img.SetRGBA(x, y, col)
		}
	}
	var buf bytes.Buffer
	if format == "png" {
		_ = png.Encode(&buf, img)
	} else {
		_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	}
	b, _ := pictures.LoadOrStore(key, buf.Bytes())
	return b.([]byte)
}

// jpegContent is the placeholder picture with the document's title and
// identificatie in a COM segment after SOI, padded with filler COM
// segments (4 to 65537 bytes each).
func jpegContent(m docMeta) *content {
	const maxSeg = 4 + 65533
	pic := picture("jpeg", m)
	text := []byte(m.identificatie + " - " + m.titel)
	if len(text) > 65533 {
		text = text[:65533]
	}
	com := segment(0xfe, int64(len(text)))
	parts := []part{{data: pic[:2]}, {data: append(com, text...)}}
	extra := m.extra(int64(len(pic)) + int64(len(com)+len(text)))
	var segs []int64
	if extra >= 4 {
		for left := extra; left > 0; {
			n := min(left, maxSeg)
			if rest := left - n; rest > 0 && rest < 4 {
				n -= 4 - rest // leave room for a minimal last segment
			}
			segs = append(segs, n)
			left -= n
		}
	}
	for _, n := range segs {
		parts = append(parts, part{data: segment(0xfe, n-4), fill: n - 4})
	}
	parts = append(parts, part{data: pic[2:]})
	return &content{parts: parts}
}

// segment is a JPEG marker segment header for n bytes of data.
func segment(marker byte, n int64) []byte {
	return []byte{0xff, marker, byte((n + 2) >> 8), byte(n + 2)}
}

// pngContent is the placeholder picture with tEXt chunks before IEND: the
// title, and a filler comment when padding is needed (at least 20 bytes).
func pngContent(m docMeta) *content {
	pic := picture("png", m)
	iend := len(pic) - 12
	title := chunk("tEXt", append([]byte("Title\x00"), latin1(m.identificatie+" - "+m.titel)...))
	parts := []part{{data: pic[:iend]}, {data: title}}
	const keyword = "Comment\x00"
	if extra := m.extra(int64(len(pic) + len(title))); extra >= 12+int64(len(keyword)) {
		n := extra - 12 - int64(len(keyword))
		head := make([]byte, 8, 8+len(keyword))
		binary.BigEndian.PutUint32(head, uint32(n)+uint32(len(keyword)))
		copy(head[4:], "tEXt")
		head = append(head, keyword...)
		parts = append(parts, part{data: head, fill: n}, part{n: 4, lazy: func() []byte {
			crc := crc32.NewIEEE()
			_, _ = crc.Write(head[4:])
			_, _ = writeFill(crc, n)
			return binary.BigEndian.AppendUint32(nil, crc.Sum32())
		}})
	}
	parts = append(parts, part{data: pic[iend:]})
	return &content{parts: parts}
}

// chunk encodes a PNG chunk.
func chunk(typ string, body []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:]))
}
