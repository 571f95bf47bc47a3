// Letters of the scripts written right to left (Arabic for Arabic, Dari/Farsi and Pashto; Hebrew, Syriac, Thaana,
// N'Ko): the test our right-to-left layout (language/bidi.ts), its text map fix (language/pdfkitRtl.ts) and the
// printer (pdf/printer.ts) share.
export const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
