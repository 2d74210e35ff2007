// The languages the product speaks: German first, then English. One type for
// the UI, the PDFs, the Electron dialogs and the domain's texts.
export type Language = 'de' | 'en';
