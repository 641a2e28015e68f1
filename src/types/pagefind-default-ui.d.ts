// @pagefind/default-ui ships no type declarations; these cover the options and methods we use.
declare module '@pagefind/default-ui' {
  export interface PagefindUIOptions {
    element: string | HTMLElement;
    bundlePath?: string;
    pageSize?: number;
    resetStyles?: boolean;
    showImages?: boolean;
    showSubResults?: boolean;
    showEmptyFilters?: boolean;
    excerptLength?: number;
    autofocus?: boolean;
    debounceTimeoutMs?: number;
    sort?: Record<string, 'asc' | 'desc'>;
    processTerm?: (term: string) => string;
  }

  export class PagefindUI {
    constructor(options: PagefindUIOptions);
    triggerSearch(term: string): void;
    triggerFilters(filters: Record<string, string[]>): void;
    destroy(): void;
  }
}
