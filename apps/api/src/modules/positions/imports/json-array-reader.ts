/**
 * Reads a JSON array as a stream of its items, so that a 100 MB upload never becomes one 100 MB `JSON.parse`:
 * the reader finds where each top-level item starts and ends (tracking strings and nesting), then parses items
 * one by one. An item that is not valid JSON is reported with its number and the reader goes on.
 */

export type JsonArrayItem = { item: number; value: unknown } | { item: number; error: string };

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;
}

export class JsonArrayFormatError extends Error {}

export class JsonArrayReader {
  private buffer = '';
  private started = false;
  private finished = false;
  private items = 0;
  /** Scan state of the item being read, kept across chunks. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanned = 0;
  private itemStart = -1;

  /** With `parse: false` the reader only counts and delimits items (the upload's row count). */
  constructor(private readonly options: { parse: boolean } = { parse: true }) {}

  /** Items completed by this text; with `final`, checks that the array was closed. */
  push(text: string, final = false): JsonArrayItem[] {
    this.buffer += text;
    const out: JsonArrayItem[] = [];
    const buffer = this.buffer;
    let position = this.scanned;
    if (!this.started) {
      while (position < buffer.length && isWhitespace(buffer.charCodeAt(position))) position++;
      if (position >= buffer.length) {
        if (final)
          throw new JsonArrayFormatError('Il file JSON è vuoto: serve un array di elementi [ {...}, … ].');
        this.compact(position);
        return out;
      }
      if (buffer.charCodeAt(position) !== OPEN_BRACKET) {
        throw new JsonArrayFormatError(
          'Il file JSON deve essere un array di elementi: [ { "action": "CREATE", "position": { … } }, … ].',
        );
      }
      this.started = true;
      position++;
    }
    while (position < buffer.length && !this.finished) {
      const code = buffer.charCodeAt(position);
      if (this.itemStart < 0) {
        // Between items: whitespace, commas, or the closing bracket.
        if (isWhitespace(code) || code === COMMA) {
          position++;
          continue;
        }
        if (code === CLOSE_BRACKET) {
          this.finished = true;
          position++;
          break;
        }
        this.itemStart = position;
        this.depth = 0;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
        position++;
        continue;
      }
      if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          // An object (or array) item ends with its own closing brace.
          this.emit(buffer.slice(this.itemStart, position + 1), out);
        } else if (this.depth < 0) {
          // The array's closing bracket right after a scalar item.
          this.emit(buffer.slice(this.itemStart, position), out);
          this.finished = true;
        }
      } else if (code === COMMA && this.depth === 0) {
        // A scalar item (a number, a string…) ends at the comma.
        this.emit(buffer.slice(this.itemStart, position), out);
      }
      position++;
    }
    if (final && !this.finished) {
      throw new JsonArrayFormatError('Il file JSON è troncato: manca la ] che chiude l’array.');
    }
    if (this.finished) {
      while (position < buffer.length && isWhitespace(buffer.charCodeAt(position))) position++;
      if (position < buffer.length) {
        throw new JsonArrayFormatError('Dopo la ] che chiude l’array ci sono altri caratteri.');
      }
    }
    this.compact(position);
    return out;
  }

  get itemsRead(): number {
    return this.items;
  }

  private emit(text: string, out: JsonArrayItem[]): void {
    this.items++;
    this.itemStart = -1;
    this.depth = 0;
    if (!this.options.parse) return;
    try {
      out.push({ item: this.items, value: JSON.parse(text) as unknown });
    } catch (error) {
      out.push({
        item: this.items,
        error: `JSON non valido (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }

  /** Drops what has been consumed, keeping the item in progress. */
  private compact(position: number): void {
    const keepFrom = this.itemStart >= 0 ? this.itemStart : position;
    this.buffer = this.buffer.slice(keepFrom);
    this.scanned = position - keepFrom;
    if (this.itemStart >= 0) this.itemStart = 0;
  }
}
