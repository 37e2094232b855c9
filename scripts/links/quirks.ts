/**
 * What particular sites do that no standard says, in one place (as lychee's quirks/mod.rs): each rule names
 * the site or vendor it is for. Generic policy (status codes, redirects, soft-dead heuristics) stays in
 * probe.ts, judge.ts and softDead.ts.
 */

/** GitHub draws its line anchors (`#L10`, `#L10C2-L20`) with script: they are never in the HTML, so not checkable. */
export function isScriptDrawnFragment(url: URL, id: string): boolean {
  return url.hostname === 'github.com' && /^L\d+(C\d+)?(-L\d+(C\d+)?)?$/.test(id);
}

/** The ids that answer `#id`: GitHub renders Markdown headings with `id="user-content-…"` and finds them by script. */
export function idsAnswering(fragment: string): readonly string[] {
  return [fragment, `user-content-${fragment}`];
}

/** Cloudflare marks a bot challenge (whatever its status) with this response header. */
export const BOT_CHALLENGE_HEADER = 'cf-mitigated';

/**
 * A site that will not answer a robot, told by a vendor's own signal: LinkedIn's 999, or a Cloudflare challenge.
 * The reason to report, or null.
 */
export function botWall(status: number, challenged: boolean): string | null {
  if (status === 999) return 'refuses automated checks (999)';
  if (challenged) return `bot challenge (${status}, ${BOT_CHALLENGE_HEADER})`;
  return null;
}
