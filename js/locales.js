// Folio's locale files are pkg/locales/<tag>.json; this file is pkg/snippets/*/js/ (see README).
export const localeUrl = (tag) => new URL(`../../../locales/${tag}.json`, import.meta.url).href;
