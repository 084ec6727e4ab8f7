// Keeps the address's hash and the app's view in step, so a reload or a copied address
// reopens the same view. The view writes the hash with replaceState, never pushState:
// a changed layer or tab is not a step the Back button should walk through.
import type { AppState } from './app.svelte.ts';
import { DEFAULT_VIEW, decodeView, encodeView } from './view-codec.ts';

/** Choices made in quick succession (arrow keys through a select) write the hash once. */
const WRITE_DELAY_MS = 150;
/** The default view keeps a clean address. */
const DEFAULT_HASH = encodeView(DEFAULT_VIEW);

/** Applies the view a hash describes, defaults filling the rest; a damaged link only warns. */
function applyHash(app: AppState, hash: string): void {
  const { view, problems } = decodeView(hash);
  for (const problem of problems) console.warn(problem);
  // A failed recomputation is already shown by the state, as for the year selector.
  app.applyView({ ...DEFAULT_VIEW, ...view }).catch(() => undefined);
}

/** Applies the address's view now and owns the hash for the calling component's life.
 *  Call during component set-up, after `app.open`, so the link's year queues behind the
 *  package and the first figures are already that year's. */
export function syncViewWithUrl(app: AppState): void {
  applyHash(app, location.hash);

  $effect(() => {
    const encoded = encodeView(app.viewState());
    const hash = encoded === DEFAULT_HASH ? '' : encoded;
    const timer = setTimeout(() => {
      // The query (`?data=`) stays as it is: the package is not part of the view.
      if (location.hash !== hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  // An address edited or pasted in the same tab changes only the hash: no reload.
  $effect(() => {
    const onHashChange = () => applyHash(app, location.hash);
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  });
}
