// A SAX JSON reader that behaves like rapidjson's GenericReader as RGW runs it on policy text
// (rgw_iam_policy.cc: kParseCommentsFlag | kParseNumbersAsStringsFlag): it walks the UTF-8 bytes, reports
// errors at rapidjson's byte offsets with rapidjson's English messages (error/en.h), accepts /* */ and //
// comments, hands numbers over as their raw text, and lets the handler stop the parse (Termination).
// Why our own reader: RGW's error messages ("At character offset N, ...") and which documents it accepts
// both come from these details, and JSON.parse agrees with neither.

export type JsonErrorCode =
  | 'DocumentEmpty'
  | 'DocumentRootNotSingular'
  | 'ValueInvalid'
  | 'ObjectMissName'
  | 'ObjectMissColon'
  | 'ObjectMissCommaOrCurlyBracket'
  | 'ArrayMissCommaOrSquareBracket'
  | 'StringUnicodeEscapeInvalidHex'
  | 'StringUnicodeSurrogateInvalid'
  | 'StringEscapeInvalid'
  | 'StringMissQuotationMark'
  | 'StringInvalidEncoding'
  | 'NumberTooBig'
  | 'NumberMissFraction'
  | 'NumberMissExponent'
  | 'Termination'
  | 'UnspecificSyntaxError';

/** rapidjson's GetParseError_En texts. */
export const JSON_ERROR_MESSAGES: Record<JsonErrorCode, string> = {
  DocumentEmpty: 'The document is empty.',
  DocumentRootNotSingular: 'The document root must not be followed by other values.',
  ValueInvalid: 'Invalid value.',
  ObjectMissName: 'Missing a name for object member.',
  ObjectMissColon: 'Missing a colon after a name of object member.',
  ObjectMissCommaOrCurlyBracket: "Missing a comma or '}' after an object member.",
  ArrayMissCommaOrSquareBracket: "Missing a comma or ']' after an array element.",
  StringUnicodeEscapeInvalidHex: 'Incorrect hex digit after \\u escape in string.',
  StringUnicodeSurrogateInvalid: 'The surrogate pair in string is invalid.',
  StringEscapeInvalid: 'Invalid escape character in string.',
  StringMissQuotationMark: 'Missing a closing quotation mark in string.',
  StringInvalidEncoding: 'Invalid encoding in string.',
  NumberTooBig: 'Number too big to be stored in double.',
  NumberMissFraction: 'Miss fraction part in number.',
  NumberMissExponent: 'Miss exponent in number.',
  Termination: 'Terminate parsing due to Handler error.',
  UnspecificSyntaxError: 'Unspecific syntax error.',
};

/** The callbacks rapidjson's reader makes; returning false stops the parse with Termination. */
export interface JsonHandler {
  startObject(): boolean;
  endObject(): boolean;
  key(s: string): boolean;
  string(s: string): boolean;
  rawNumber(s: string): boolean;
  startArray(): boolean;
  endArray(): boolean;
  /** true, false and null: BaseReaderHandler::Default(), which RGW's parser leaves returning false. */
  literal(): boolean;
}

export interface JsonError {
  code: JsonErrorCode;
  offset: number;
}

class Stop {
  constructor(readonly error: JsonError) {}
}

const ESCAPES: Record<number, number> = {
  0x22: 0x22, // "
  0x5c: 0x5c, // backslash
  0x2f: 0x2f, // /
  0x62: 0x08, // b
  0x66: 0x0c, // f
  0x6e: 0x0a, // n
  0x72: 0x0d, // r
  0x74: 0x09, // t
};

const utf8 = new TextDecoder('utf-8');

/** Runs the handler over the text; returns the first error, or undefined when the whole text was read. */
export function readJson(text: string, handler: JsonHandler): JsonError | undefined {
  let bytes = new TextEncoder().encode(text);
  // rapidjson's StringStream stops at the first NUL byte, as if the text ended there.
  const nul = bytes.indexOf(0);
  if (nul >= 0) bytes = bytes.subarray(0, nul);
  try {
    new Reader(bytes, handler).document();
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.error;
    throw e;
  }
}

class Reader {
  private pos = 0;
  constructor(
    private readonly b: Uint8Array,
    private readonly h: JsonHandler,
  ) {}

  private peek(): number {
    return this.pos < this.b.length ? this.b[this.pos]! : 0;
  }
  private take(): number {
    const c = this.peek();
    if (this.pos < this.b.length) this.pos++;
    return c;
  }
  private consume(c: number): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }
  private fail(code: JsonErrorCode, offset = this.pos): never {
    throw new Stop({ code, offset });
  }
  private call(ok: boolean, offset = this.pos): void {
    if (!ok) this.fail('Termination', offset);
  }

  document(): void {
    this.skipWhitespaceAndComments();
    if (this.peek() === 0) this.fail('DocumentEmpty');
    this.value();
    this.skipWhitespaceAndComments();
    if (this.peek() !== 0) this.fail('DocumentRootNotSingular');
  }

  private skipWhitespace(): void {
    for (let c = this.peek(); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = this.peek()) this.pos++;
  }

  private skipWhitespaceAndComments(): void {
    this.skipWhitespace();
    while (this.consume(0x2f /* / */)) {
      if (this.consume(0x2a /* * */)) {
        for (;;) {
          if (this.peek() === 0) this.fail('UnspecificSyntaxError');
          else if (this.consume(0x2a)) {
            if (this.consume(0x2f)) break;
          } else this.take();
        }
      } else if (this.consume(0x2f)) {
        while (this.peek() !== 0 && this.take() !== 0x0a) {
          /* skip to end of line */
        }
      } else this.fail('UnspecificSyntaxError');
      this.skipWhitespace();
    }
  }

  private value(): void {
    switch (this.peek()) {
      case 0x6e: // n
        return this.literal([0x75, 0x6c, 0x6c]);
      case 0x74: // t
        return this.literal([0x72, 0x75, 0x65]);
      case 0x66: // f
        return this.literal([0x61, 0x6c, 0x73, 0x65]);
      case 0x22:
        return this.string(false);
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      default:
        return this.number();
    }
  }

  private literal(rest: number[]): void {
    this.take();
    for (const c of rest) if (!this.consume(c)) this.fail('ValueInvalid');
    this.call(this.h.literal());
  }

  private object(): void {
    this.take(); // {
    this.call(this.h.startObject());
    this.skipWhitespaceAndComments();
    if (this.consume(0x7d)) return this.call(this.h.endObject());
    for (;;) {
      if (this.peek() !== 0x22) this.fail('ObjectMissName');
      this.string(true);
      this.skipWhitespaceAndComments();
      if (!this.consume(0x3a)) this.fail('ObjectMissColon');
      this.skipWhitespaceAndComments();
      this.value();
      this.skipWhitespaceAndComments();
      if (this.consume(0x2c)) {
        this.skipWhitespaceAndComments();
      } else if (this.consume(0x7d)) {
        return this.call(this.h.endObject());
      } else this.fail('ObjectMissCommaOrCurlyBracket');
    }
  }

  private array(): void {
    this.take(); // [
    this.call(this.h.startArray());
    this.skipWhitespaceAndComments();
    if (this.consume(0x5d)) return this.call(this.h.endArray());
    for (;;) {
      this.value();
      this.skipWhitespaceAndComments();
      if (this.consume(0x2c)) this.skipWhitespaceAndComments();
      else if (this.consume(0x5d)) return this.call(this.h.endArray());
      else this.fail('ArrayMissCommaOrSquareBracket');
    }
  }

  private hex4(escapeOffset: number): number {
    let cp = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.peek();
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x41 + 10;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x61 + 10;
      else this.fail('StringUnicodeEscapeInvalidHex', escapeOffset);
      cp = cp * 16 + d;
      this.take();
    }
    return cp;
  }

  private string(isKey: boolean): void {
    this.take(); // opening quote
    const out: number[] = [];
    for (;;) {
      const c = this.peek();
      if (c === 0x5c) {
        const escapeOffset = this.pos;
        this.take();
        const e = this.peek();
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          this.take();
          out.push(simple);
        } else if (e === 0x75 /* u */) {
          this.take();
          let cp = this.hex4(escapeOffset);
          if (cp >= 0xd800 && cp <= 0xdbff) {
            if (!(this.consume(0x5c) && this.consume(0x75))) this.fail('StringUnicodeSurrogateInvalid', escapeOffset);
            const low = this.hex4(escapeOffset);
            if (low < 0xdc00 || low > 0xdfff) this.fail('StringUnicodeSurrogateInvalid', escapeOffset);
            cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          }
          pushUtf8(out, cp);
        } else this.fail('StringEscapeInvalid', escapeOffset);
      } else if (c === 0x22) {
        this.take();
        break;
      } else if (c < 0x20) {
        this.fail(c === 0 ? 'StringMissQuotationMark' : 'StringInvalidEncoding');
      } else {
        out.push(this.take());
      }
    }
    const s = utf8.decode(Uint8Array.from(out));
    this.call(isKey ? this.h.key(s) : this.h.string(s));
  }

  private isDigit(c: number): boolean {
    return c >= 0x30 && c <= 0x39;
  }

  private number(): void {
    const start = this.pos;
    this.consume(0x2d); // -
    let intDigits = 0;
    if (this.peek() === 0x30) {
      this.take();
      intDigits = 1;
    } else if (this.peek() >= 0x31 && this.peek() <= 0x39) {
      while (this.isDigit(this.peek())) {
        this.take();
        intDigits++;
      }
      // rapidjson accumulates a double and gives up past ~1.8e308 (about 309 digits).
      if (intDigits > 308) this.fail('NumberTooBig', start);
    } else this.fail('ValueInvalid');
    let fracDigits = 0;
    if (this.consume(0x2e)) {
      if (!this.isDigit(this.peek())) this.fail('NumberMissFraction');
      while (this.isDigit(this.peek())) {
        this.take();
        fracDigits++;
      }
    }
    if (this.consume(0x65) || this.consume(0x45)) {
      let minus = false;
      if (this.consume(0x2b)) minus = false;
      else if (this.consume(0x2d)) minus = true;
      if (!this.isDigit(this.peek())) this.fail('NumberMissExponent');
      let exp = 0;
      while (this.isDigit(this.peek())) {
        exp = exp * 10 + (this.take() - 0x30);
        if (!minus && exp > 308 + fracDigits) this.fail('NumberTooBig', start);
      }
    }
    const raw = utf8.decode(this.b.subarray(start, this.pos));
    this.call(this.h.rawNumber(raw), start);
  }
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
