/**
 * Where a workflow run happens (GITHUB_SERVER_URL, _REPOSITORY, _SHA, _RUN_ID), so that bot text can link the run
 * and the cited lines. Used by the link checker's and the exercise runner's tracking issues.
 */
export interface RunContext {
  serverUrl: string;
  repository: string;
  sha: string;
  runId: string;
}

export function runContextFrom(env: Record<string, string | undefined>): RunContext | null {
  const {GITHUB_SERVER_URL: serverUrl, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha, GITHUB_RUN_ID: runId} = env;
  if (!serverUrl || !repository || !sha || !runId) return null;
  // Only values of the shape GitHub gives become parts of links.
  if (
    !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(serverUrl) ||
    !/^[\w.-]+\/[\w.-]+$/.test(repository) ||
    !/^[0-9a-f]{40}$/.test(sha) ||
    !/^\d+$/.test(runId)
  )
    return null;
  return {serverUrl, repository, sha, runId};
}
