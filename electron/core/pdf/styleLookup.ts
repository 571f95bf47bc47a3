// pdfmake looks up about twenty style properties for every inline (TextInlines.measure), each through
// StyleContextStack.getStyleProperty: a closure, a push and pop of the inline, and a new Set per named style
// for every property. For the 183 sheets of a full Ausbildungsnachweis, whose hyphenated words are many inlines,
// that was a fifth of the time (node --cpu-prof), much of it garbage collection. The same lookup without the
// allocations: the inline's own value, else the stack from the top (named styles with their `extends`, and
// style objects), else the default style. Same results; pdfmake is pinned (printer.ts).
import StyleContextStackModule from 'pdfmake/js/StyleContextStack';

type Style = Record<string, unknown> & { extends?: string | string[] };
interface Stack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: (string | Record<string, unknown>)[];
}

const unwrap = <T>(m: T): T => ((m as { __esModule?: boolean; default?: T }).__esModule ? (m as { default: T }).default : m);
const isValue = (v: unknown) => v !== undefined && v !== null;

function fromStyle(stack: Stack, name: string, property: string, visited: Set<string> | null): unknown {
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    if (seen.has(parents[i]!)) continue;
    const v = fromStyle(stack, parents[i]!, property, seen);
    if (isValue(v)) return v;
  }
  return undefined;
}

/** The property as pdfmake's getProperty finds it, with `extra` (an inline and its named styles) on top. */
function lookup(stack: Stack, property: string, item: Record<string, unknown> | null): unknown {
  if (item) {
    // autopush: the item itself on top, below it its named styles (last one first).
    if (isValue(item[property])) return item[property];
    const names = item.style === undefined || item.style === null || item.style === '' ? [] : Array.isArray(item.style) ? (item.style as string[]) : [item.style as string];
    for (let i = names.length - 1; i >= 0; i--) {
      const v = typeof names[i] === 'string' ? fromStyle(stack, names[i]!, property, null) : (names[i] as unknown as Record<string, unknown>)[property];
      if (isValue(v)) return v;
    }
  }
  const o = stack.styleOverrides;
  for (let i = o.length - 1; i >= 0; i--) {
    const entry = o[i]!;
    const v = typeof entry === 'string' ? fromStyle(stack, entry, property, null) : entry[property];
    if (isValue(v)) return v;
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

let installed = false;
/** pdfmake's own two functions, kept when ours are installed (tests compare both). */
export const pdfmakeStyleLookup: { getStyleProperty?: (item: unknown, stack: Stack | null, property: string, defaultValue: unknown) => unknown; getProperty?: (this: unknown, property: string) => unknown } = {};

export function installStyleLookup() {
  if (installed || process.env.WERKBRUECKE_PDF_STYLE_LOOKUP === 'pdfmake') return;
  installed = true;
  const S = unwrap(StyleContextStackModule) as unknown as {
    getStyleProperty(item: unknown, stack: Stack | null, property: string, defaultValue: unknown): unknown;
    prototype: { getProperty(this: Stack, property: string): unknown };
  };
  pdfmakeStyleLookup.getStyleProperty = S.getStyleProperty;
  pdfmakeStyleLookup.getProperty = S.prototype.getProperty as (this: unknown, property: string) => unknown;
  S.prototype.getProperty = function (this: Stack, property: string) {
    return lookup(this, property, null);
  };
  S.getStyleProperty = (item, stack, property, defaultValue) => {
    const it = item as Record<string, unknown> | string;
    // As pdfmake: also a string's own property ("x".bold is String.prototype.bold).
    const own = (it as unknown as Record<string, unknown>)[property];
    if (isValue(own)) return own;
    if (!stack) return defaultValue;
    // autopush leaves strings and sections off the stack.
    const top = typeof it === 'string' || typeof it.section !== 'undefined' ? null : it;
    const v = lookup(stack, property, top);
    return isValue(v) ? v : defaultValue;
  };
}
