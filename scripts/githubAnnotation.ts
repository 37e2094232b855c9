// Moved to scripts/common/githubAnnotation.ts. scripts/links/ still imports this path; delete
// this file once its imports point at scripts/common/.
export * from './common/githubAnnotation';
