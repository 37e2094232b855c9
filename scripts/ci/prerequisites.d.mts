// Types of prerequisites.mjs (plain JavaScript, since .ci/install runs it before `npm ci`).
export declare const ROOT: string;
export declare const PREREQUISITES_FILE: string;
export declare function commandWords(text: string): string[][];
export declare function npmScriptsRun(text: string): string[];
export declare function installCalls(text: string): string[][];
export interface PrerequisiteMap {
  scripts: Record<string, string[]>;
}
export interface Project {
  prerequisites: PrerequisiteMap;
  packageScripts: Record<string, string>;
}
export declare function readProject(root?: string): Project;
export declare function profilesFor(project: Project, script: string): string[];
