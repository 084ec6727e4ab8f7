// Keeps the address's hash and the app's view (and the current scenario's candidates) in
// step, so a reload or a copied address reopens the same picture. The view writes the
// hash with replaceState, never pushState: a changed layer or tab is not a step the Back
// button should walk through.
import type { AppState } from './app.svelte.ts';
import type { ScenariosState } from './scenarios.svelte.ts';
import type { ShareState } from './share.svelte.ts';
import { DEFAULT_VIEW, decodeView, encodeView } from './view-codec.ts';
import { shareText } from '../i18n/share.ts';

/** Choices made in quick succession (arrow keys through a select, a drag) write the hash once. */
const WRITE_DELAY_MS = 150;
/** The default view with no candidates keeps a clean address. */
const DEFAULT_HASH = encodeView(DEFAULT_VIEW);

/** Applies the view a hash describes, defaults filling the rest; a damaged link shows a notice. */
function applyHash(app: AppState, scenarios: ScenariosState, share: ShareState, hash: string): void {
  const { view, candidates, problems } = decodeView(hash);
  for (const problem of problems) console.warn(problem);
  share.problems = problems;
  // A failed recomputation is already shown by the state, as for the year selector.
  app.applyView({ ...DEFAULT_VIEW, ...view }).catch(() => undefined);
  // A link without candidates leaves the stored scenario open: the receiver's own work stays.
  if (candidates && candidates.length > 0) {
    const name = shareText(app.lang).sharedScenario;
    share.linkCandidates = candidates;
    share.scenarioName = name;
    void scenarios.openShared(name, candidates);
  } else share.linkCandidates = null;
}

/** Applies the address's view now and owns the hash for the calling component's life.
 *  Call during component set-up, after `app.open` and `scenarios.follow`, so the link's
 *  year queues behind the package and its candidates replace the restored scenario. */
export function syncViewWithUrl(app: AppState, scenarios: ScenariosState, share: ShareState): void {
  applyHash(app, scenarios, share, location.hash);
  // Until the link's candidates are open, app.candidates is not yet what the link says:
  // writing it then would drop them from the address.
  let restored = $state(false);
  void scenarios.settled().finally(() => (restored = true));

  $effect(() => {
    if (!restored) return;
    const view = app.viewState();
    const candidates = app.candidates;
    // Encoded when written, not per change: a drag frame should not pay for a deflate.
    const timer = setTimeout(() => {
      const encoded = encodeView(view, candidates);
      const hash = encoded === DEFAULT_HASH ? '' : encoded;
      // The query (`?data=`) stays as it is: the package is not part of the view.
      if (location.hash !== hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  // An address edited or pasted in the same tab changes only the hash: no reload.
  $effect(() => {
    const onHashChange = () => applyHash(app, scenarios, share, location.hash);
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  });
}
