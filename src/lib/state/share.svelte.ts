// What the share link told the user: the problems of a link that could not be read in
// full, and the candidates a link brought. Shown as notices over the map (LinkNotices).
import type { Cell } from '../engine/types.ts';
import type { AppState } from './app.svelte.ts';
import { encodeView } from './view-codec.ts';

export class ShareState {
  /** Problems of the last link opened: each a message naming the part and what was expected. */
  problems = $state.raw<string[]>([]);
  /** The candidate cells the last link opened (shown as proposals), or null. */
  linkCandidates = $state.raw<Cell[] | null>(null);
  /** The scenario they were opened as. */
  scenarioName = $state('');

  dismissProblems(): void {
    this.problems = [];
  }

  dismissCandidates(): void {
    this.linkCandidates = null;
  }
}

/** The full address that reopens what is on screen now: this page, its `?data=`, and every
 *  field of the view written out (so the link keeps its meaning if the defaults change). */
export function shareUrl(app: AppState): string {
  return `${location.origin}${location.pathname}${location.search}${encodeView(app.viewState(), app.candidates)}`;
}
