// The internal pdfmake modules printer.ts builds on (pdfmake ships types for its public API only). pdfmake is
// pinned to one version in package.json for this reason.
declare module 'pdfmake/js/LayoutBuilder' {
  export default class LayoutBuilder {
    constructor(pageSize: unknown, pageMargins: unknown, svgMeasure: unknown);
    registerTableLayouts(layouts: unknown): void;
    layoutDocument(
      content: unknown,
      pdfDocument: unknown,
      styles: unknown,
      defaultStyle: unknown,
      background: unknown,
      header: unknown,
      footer: unknown,
      watermark: unknown,
      pageBreakBefore: unknown,
    ): unknown[];
  }
}
declare module 'pdfmake/js/PDFDocument' {
  export default class PDFDocument {
    constructor(fonts: unknown, images: unknown, patterns: unknown, attachments: unknown, options: unknown, virtualfs: unknown, localAccessPolicy: unknown);
  }
}
declare module 'pdfmake/js/PageSize' {
  export function normalizePageSize(pageSize: unknown, orientation: unknown): { width: number; height: number };
  export function normalizePageMargin(margin: unknown): unknown;
}
declare module 'pdfmake/js/Renderer' {
  export default class Renderer {
    constructor(pdfDocument: unknown, progressCallback: unknown);
    renderPages(pages: unknown[]): void;
    renderLine(line: unknown, x: number, y: number): void;
  }
}
declare module 'pdfmake/js/SVGMeasure' {
  export default class SVGMeasure {}
}
declare module 'pdfmake/js/helpers/tools' {
  export function convertToDynamicContent(content: unknown): unknown;
}
declare module 'pdfmake/js/tableLayouts' {
  export const tableLayouts: Record<string, unknown>;
}
declare module 'pdfmake/js/TextInlines' {
  export default class TextInlines {
    measure(array: unknown[], styleContextStack: unknown): unknown[];
    widthOfText(text: string, inline: unknown): number;
  }
}
declare module 'pdfmake/js/StyleContextStack' {
  const StyleContextStack: unknown;
  export default StyleContextStack;
}
