import { lazy, type ComponentType, type ReactNode } from 'react';

/**
 * A page loaded on first visit: each page (and what only it uses — tables, charts, the PDF viewer)
 * becomes its own chunk, so the login and first-run pages load none of them (cold start,
 * docs/benchmarks.md). `name` is the page's named export. The Suspense boundary is in Shell.tsx;
 * route changes run in a transition (HashRouter), so the previous page stays until the next is in.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K): ComponentType {
  return lazy(async () => {
    const Page: () => ReactNode = (await load())[name];
    return { default: Page };
  });
}
