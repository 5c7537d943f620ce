// XML in and out through fast-xml-parser (a real parser, never regexes). RGW prefixes every document
// with the XML declaration and emits no whitespace between elements.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { GatewayError } from '../errors.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** Render `{ Root: {...} }` as a document. Arrays repeat the element; `@xmlns` etc. become attributes. */
export function renderXml(doc: Record<string, unknown>): string {
  return DECLARATION + builder.build(doc);
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

/** Parse a request body; anything that is not well-formed XML is RGW's MalformedXML. */
export function parseXml(text: string): Record<string, unknown> {
  if (!text.trim() || XMLValidator.validate(text) !== true) throw new GatewayError('MalformedXML');
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch {
    throw new GatewayError('MalformedXML');
  }
}

/** The element as an array, whether the parser produced one node or many. */
export function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
