// Article text comes from anywhere (a scraped page, a remote API): before it reaches the terminal, every
// escape sequence, control character and bidi override goes, so text can neither drive the terminal
// (move the cursor, retitle the window, hide lines, write the clipboard via OSC 52) nor display other than it reads.

// Whole sequences first, so their parameters do not linger as visible junk:
// CSI (ESC [ or 8-bit 0x9B) params/intermediates then a final byte; OSC, DCS, SOS, PM, APC strings up to
// BEL or ST (ESC \ or 0x9C) or the end of the text; then any other two-character ESC sequence.
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// What is left of C0 (but tab and newline), DEL and C1.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates (Trojan Source); the marks LRM/RLM/ALM stay, text needs them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to write to a terminal; newlines kept, tabs as spaces. */
export function safeText(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '').replace(BIDI, '').replace(/\t/g, ' ');
}

/** One line safe for a terminal cell row: as safeText, with line breaks as spaces. */
export function safeLine(text: string): string {
  return safeText(text).replace(/[\n\u2028\u2029]+/g, ' ');
}
