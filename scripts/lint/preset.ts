import type {Pluggable, Preset} from 'unified';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkLintNoLiteralUrls from 'remark-lint-no-literal-urls';
import remarkMdx from 'remark-mdx';
import remarkMessageControl from 'remark-message-control';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkValidateLinks from 'remark-validate-links';
import remarkPageLimits from './pageLimits';
import {RULES, type RuleId} from './rules/index';
import {RULE_SOURCE} from './shared';

/** Rules that `lint ignore` / `lint disable` comments cannot switch off: they run after message control. */
const UNSILENCEABLE: readonly RuleId[] = ['allowed-markup', 'file-references'];

function ruleEntries(unsilenceable: boolean): Pluggable[] {
  return Object.entries(RULES)
    .filter(([id]) => UNSILENCEABLE.includes(id as RuleId) === unsilenceable)
    .map(([, rule]): Pluggable => [rule, 'error']);
}

/**
 * Everything `npm run lint:md` checks, in one preset that `.remarkrc.mjs` loads.
 *
 * Parsing matches Docusaurus: frontmatter, GFM, MDX (so `.md` is MDX and a JSX error
 * stops here with its line) and directives (`:::tip[…]` admonitions).
 */
const preset: Preset = {
  plugins: [
    // First: a page too deep or too large for the parser fails before it is parsed.
    remarkPageLimits,
    [remarkFrontmatter, ['yaml']],
    remarkGfm,
    remarkMdx,
    remarkDirective,
    remarkPresetLintRecommended,
    remarkPresetLintConsistent,
    // Replaced by our `no-bare-urls`, which also rejects `<https://…>` and says how to fix it.
    [remarkLintNoLiteralUrls, false],
    // Links between our pages and to their headings. `repository: false`: no Git remote is
    // needed, so it runs the same in a fresh clone, a fork, CI and a temp folder.
    [remarkValidateLinks, {repository: false}],
    ...ruleEntries(false),
    // `{/* lint ignore no-bare-urls */}` before a node silences our rules too, as it does remark-lint's.
    [remarkMessageControl, {name: 'lint', source: RULE_SOURCE}],
    ...ruleEntries(true),
  ],
};

export default preset;
