import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {FIXTURES, lintFixture} from './lint-fixture';
import {RULES, type RuleId} from './rules/index';

/** A failing fixture's expected messages: [line, rule, words the message contains]. */
type Expected = [line: number, rule: string, contains: string][];

interface RuleCase {
  pass: string[];
  fail: Record<string, Expected>;
}

const c = (id: RuleId) => `curriculum:${id}`;

const CASES: Record<RuleId, RuleCase> = {
  'resource-item': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [27, c('resource-item'), 'Resource "Docker run reference" has no description after "-"'],
        [28, c('resource-item'), 'Resource link text "here" does not say where it goes'],
        [29, c('resource-item'), 'Resource link has empty text'],
        [30, c('resource-item'), 'Description of resource "OCI Runtime Spec" must start with a capital letter'],
        [31, c('resource-item'), 'Resource "Docker networking" has no description after "-"'],
      ],
    },
  },
  'https-links': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [17, c('https-links'), 'Link "http://opencontainers.org/" uses http://. Use "https://opencontainers.org/"'],
        [29, c('https-links'), 'Link "http://docs.docker.com/reference/cli/docker/container/run/" uses http://'],
      ],
    },
  },
  'no-duplicate-resource': {
    pass: ['pass/01-page.md', 'pass/02-page.md'],
    fail: {
      'fail/01-page.md': [
        [27, c('no-duplicate-resource'), 'is also listed at this page:28 (topic "Running Containers"), 02-page.md:27'],
        [28, c('no-duplicate-resource'), 'is also listed at this page:27 (topic "Running Containers"), 02-page.md:27'],
      ],
      'fail/02-page.md': [
        [27, c('no-duplicate-resource'), 'is also listed at 01-page.md:27 (topic "Running Containers"), 01-page.md:28'],
      ],
    },
  },
  frontmatter: {
    pass: ['pass/01-page.md', 'pass/index.md'],
    fail: {
      'fail/01-page.md': [
        [1, c('frontmatter'), 'Frontmatter has no `description`'],
        [4, c('frontmatter'), 'Frontmatter `sidebar_position` is "first". It must be a number'],
        [
          5,
          c('frontmatter'),
          'Frontmatter `study_minutes` is 900. It must be the study time in whole minutes, from 1 to 600',
        ],
        [6, c('frontmatter'), 'Only the overview (index.md) sets `slug`'],
        [7, c('frontmatter'), 'Unknown frontmatter key `sidebar_postion`'],
      ],
      'fail/02-yaml.md': [
        [2, c('frontmatter'), 'Frontmatter YAML: Nested mappings are not allowed in compact mappings. Fix the YAML'],
      ],
      'fail/03-none.md': [[1, c('frontmatter'), 'Page has no frontmatter']],
      // Refused before the page is parsed: Docusaurus would evaluate JavaScript frontmatter.
      'fail/04-language.md': [
        [1, c('frontmatter'), 'Frontmatter opens with "--- js": the word after `---` names a language'],
      ],
      'fail/index.md': [
        [1, c('frontmatter'), 'Frontmatter has no `description`'],
        [1, c('frontmatter'), 'Frontmatter has no `slug`'],
        [4, c('frontmatter'), 'The overview page must not set `study_minutes`'],
      ],
    },
  },
  'topic-structure': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [29, c('topic-structure'), 'Topic "Running Containers" has 7 points; the most is 6'],
        [38, c('topic-structure'), 'Topic "Running Containers" lists 6 resources; the agreed maximum is 5'],
        [40, c('topic-structure'), 'Topic "Building Images" has no `### Resources` list'],
        [48, c('topic-structure'), '"## Registries" is not a topic'],
      ],
    },
  },
  'heading-increment': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [9, c('heading-increment'), 'Do not use a `#` heading in the page'],
        [23, c('heading-increment'), 'Heading level skips from ## to ####. Use `###` here'],
      ],
    },
  },
  'exercise-files': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [52, c('exercise-files'), 'Step says "Change `site.conf`", but the page shows neither the file nor the change'],
      ],
    },
  },
  'exercise-structure': {
    pass: ['pass/01-page.md'],
    fail: {
      // The missing part is reported where it belongs: at the part that follows it.
      'fail/01-missing-part.md': [
        [44, c('exercise-structure'), 'Exercise "Run a web server in a container" has no `### Check your work`'],
      ],
      'fail/02-parts.md': [
        [31, c('exercise-structure'), '`### Goal` is empty'],
        [36, c('exercise-structure'), '`### What you need` must end with the time, exactly `- Time: about 45 minutes`'],
        [38, c('exercise-structure'), '`### Steps` has no numbered list'],
        [42, c('exercise-structure'), '"### Notes" is not a part of exercise "Run a web server in a container"'],
        [46, c('exercise-structure'), '`### Check your work` does not show what the command prints'],
        [54, c('exercise-structure'), '`### Solution` must be all inside its `<details>`'],
        [60, c('exercise-structure'), '`### Solution` has no code'],
        [
          67,
          c('exercise-structure'),
          '`### Hints` is out of order. The parts go Goal, What you need, Steps, Check your work, Hints, Solution, Clean up',
        ],
        [69, c('exercise-structure'), '`### Hints` must hold only `<details>` hints'],
        [71, c('exercise-structure'), '`### Hints` has a hint with no `<summary>`'],
        [77, c('exercise-structure'), '`### Clean up` has no `bash` block'],
      ],
      'fail/03-none.md': [
        [
          29,
          c('exercise-structure'),
          'Section page has no hands-on exercise. Add `## Hands-on: <Title>` before `## Check your understanding`',
        ],
      ],
      'fail/04-placement.md': [
        [29, c('exercise-structure'), 'Exercise heading "Hands-on run a web server" must read `## Hands-on: <Title>`'],
        [38, c('exercise-structure'), "gives 15 minutes, more than the page's whole `study_minutes` (10)"],
        [80, c('topic-structure'), '"## Summary" is not a topic'],
        [
          80,
          c('exercise-structure'),
          'must be the last `##` before `## Check your understanding`, after the topics. Move "Summary" above it',
        ],
      ],
      'fail/05-after.md': [
        [29, c('self-check'), '`## Check your understanding` must be the last `##` section of the page'],
        [
          52,
          c('exercise-structure'),
          'Exercise "Run a web server in a container" must come before `## Check your understanding`',
        ],
      ],
    },
  },
  'self-check': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [82, c('self-check'), 'The answer to question 1 does not link to the topic that explains it'],
        [92, 'remark-validate-links:missing-heading', 'Cannot find heading for `#running`'],
        [96, c('self-check'), 'Question 3 has no `<summary>` with the question'],
      ],
      'fail/02-missing.md': [[76, c('self-check'), 'Section page has no `## Check your understanding`']],
      'fail/03-too-few.md': [
        [80, c('self-check'), '`## Check your understanding` has 2 questions; a section needs at least 3'],
      ],
    },
  },
  'no-bare-urls': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [17, c('no-bare-urls'), 'Bare URL "https://hub.docker.com/" in the text'],
        [19, c('no-bare-urls'), 'Bare URL "www.opencontainers.org" in the text'],
        [21, c('no-bare-urls'), 'Bare URL "https://docs.docker.com/" in the text'],
      ],
    },
  },
  'descriptive-link-text': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [17, c('descriptive-link-text'), 'Link text "here" does not say where it goes'],
        [19, c('descriptive-link-text'), 'Link text "docs" does not say where it goes'],
        [19, c('descriptive-link-text'), 'Link to "https://docs.docker.com/engine/" has no text'],
      ],
    },
  },
  'no-placeholders': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [4, c('no-placeholders'), 'Frontmatter `description` is the placeholder "DESCRIPTION"'],
        [9, c('no-placeholders'), 'Scaffold placeholder "INTRODUCTION" left in the page'],
        [19, c('no-placeholders'), '"TODO" left in the page'],
        [21, c('no-placeholders'), '"FIXME" left in the page'],
      ],
    },
  },
  'allowed-markup': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [11, c('allowed-markup'), '"{replicas}" is a JavaScript expression, which is not allowed in a page'],
        [11, c('allowed-markup'), '"{labels.app}" is a JavaScript expression'],
        [13, c('allowed-markup'), '<script> is not allowed in a page. A page may use only <details>, <summary>'],
        [15, c('allowed-markup'), '"{`${alert(1)}`}" is a JavaScript expression'],
        [15, c('allowed-markup'), '"{/* a */ alert(2) /* b */}" is a JavaScript expression'],
        [17, c('allowed-markup'), '<details> has a spread {...{dangerouslySetInnerHTML'],
        [18, c('allowed-markup'), '<summary> has an event handler attribute "onClick"'],
        [24, c('allowed-markup'), '<details> does not take the attribute "open"'],
        [24, c('allowed-markup'), '<details> does not take the attribute "className"'],
        [31, c('allowed-markup'), '<Diagram> is not allowed in a page'],
        [33, c('allowed-markup'), 'Link to a javascript: URL is not allowed'],
        [33, c('allowed-markup'), 'Link to a javascript: URL is not allowed'],
        [33, c('allowed-markup'), 'Link to a javascript: URL is not allowed'],
        // After `{/* lint ignore allowed-markup */}`: the rule cannot be silenced.
        [36, c('allowed-markup'), '<iframe> is not allowed in a page'],
        [38, c('allowed-markup'), '":::danger" must not have {attributes}'],
      ],
      'fail/02-esm.md': [
        [9, c('allowed-markup'), '`import`/`export` is JavaScript and is not allowed in a page'],
        [11, c('allowed-markup'), '`import`/`export` is JavaScript and is not allowed in a page'],
      ],
    },
  },
  'file-references': {
    pass: ['pass/01-page.md'],
    fail: {
      'fail/01-page.md': [
        [18, c('file-references'), 'Reference "../../../../../../../../../etc/passwd" leads outside docs/ and static/'],
        [20, 'remark-validate-links:missing-file', 'Cannot find file `@site/package-lock.json`'],
        [20, c('file-references'), 'Reference "../../../../../package.json" leads outside docs/ and static/'],
        [20, c('file-references'), 'Reference "@site/package-lock.json" leads outside docs/ and static/'],
        [22, c('file-references'), 'Reference "/../package.json" leads outside docs/ and static/'],
        [22, c('file-references'), 'Reference "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json" leads outside'],
        [26, c('file-references'), 'Reference "../../../../../docusaurus.config.ts" leads outside'],
      ],
    },
  },
};

describe.each(Object.entries(CASES))('%s', (id, {pass, fail}) => {
  it.each(pass)('passes %s with no message from any rule', async (fixture) => {
    expect(await lintFixture(`${id}/${fixture}`)).toEqual([]);
  });

  it.each(Object.entries(fail))('fails %s at the expected lines, and only there', async (fixture, expected) => {
    const reported = await lintFixture(`${id}/${fixture}`);
    expect(reported).toEqual(
      expected.map(([line, rule, contains]) => ({line, rule, message: expect.stringContaining(contains) as string})),
    );
  });
});

describe('rule set', () => {
  it('has a fixture folder with pass/ and fail/ for every rule, and a case above', () => {
    for (const id of Object.keys(RULES)) {
      expect(existsSync(path.join(FIXTURES, id, 'pass')), id).toBe(true);
      expect(readdirSync(path.join(FIXTURES, id, 'fail')).length, id).toBeGreaterThan(0);
      expect(CASES).toHaveProperty(id);
    }
  });

  it('documents every rule in CONTRIBUTING.md with a bad and a good example', () => {
    const guide = readFileSync(path.join(__dirname, '../../CONTRIBUTING.md'), 'utf8');
    for (const id of Object.keys(RULES)) {
      const start = guide.indexOf(`### \`${id}\``);
      expect(start, `CONTRIBUTING.md has no "### \`${id}\`" section`).toBeGreaterThan(-1);
      const section = guide.slice(start, guide.indexOf('\n### `', start + 1));
      expect(section, id).toMatch(/Bad:/);
      expect(section, id).toMatch(/Good:/);
    }
  });
});
