import type {ComponentProps, ComponentType, ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import MDXContent from '@theme/MDXContent';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useModuleOutline} from '@site/src/utils/moduleOutline';
import {formatMinutes, moduleTotals} from '@site/src/utils/studyTime';
import {sectionKeyFromPath} from '@site/src/content/sectionKey';
import styles from './print.module.css';

type MdxComponents = Record<string, ComponentType<Record<string, unknown>>>;
type MdxContent = ComponentType<{components?: MdxComponents}>;

// Every section page, compiled by the docs plugin with the same remark plugins as the docs.
// The bundler puts them in this page's chunk only, so no other page loads them.
const sectionContext = require.context('@site/docs', false, /^\.\/\d+[-_.][^/]*\.mdx?$/);
const sectionContent = new Map<string, MdxContent>(
  sectionContext.keys().map((id) => [sectionKeyFromPath(id), (sectionContext(id) as {default: MdxContent}).default]),
);

/**
 * A section's headings move one level down under its own h2. Topic anchors stay as they are
 * (self-check answers link to them); other repeated headings get the section as prefix.
 */
function headingComponents(sectionKey: string, topicIds: ReadonlySet<string>): MdxComponents {
  const shifted = (as: 'h3' | 'h4' | 'h5') =>
    function ShiftedHeading({id, ...props}: ComponentProps<'h2'>) {
      const anchor = id === undefined || topicIds.has(id) ? id : `${sectionKey}--${id}`;
      return <Heading as={as} id={anchor} {...props} />;
    };
  return {h2: shifted('h3'), h3: shifted('h4'), h4: shifted('h5')} as MdxComponents;
}

function PrintButton(): ReactNode {
  const isBrowser = useIsBrowser();
  return (
    <button type="button" className="button button--primary" disabled={!isBrowser} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}

export default function PrintEdition(): ReactNode {
  const {sections} = useModuleOutline();
  const {topics, minutes} = moduleTotals(sections);
  return (
    <Layout
      title="One-page edition"
      description="The whole Containerization and Orchestration module on one page: every section, topic, point and resource, ready to print or save as PDF."
    >
      <main className={styles.page}>
        <div className="container">
          <header className={styles.header}>
            <p className={styles.kicker}>DevOps engineering curriculum · Module 4 · One-page edition</p>
            <Heading as="h1">Containerization and Orchestration</Heading>
            <p>
              The whole module on one page: {sections.length} sections, {topics} topics, about {formatMinutes(minutes)} of
              study. Print it or save it as PDF; links show their full address on paper, and self-check answers are printed
              open.
            </p>
            <PrintButton />
          </header>
          <nav aria-labelledby="print-contents" className={styles.contents}>
            <Heading as="h2" id="print-contents">
              Contents
            </Heading>
            <ol>
              {sections.map((section) => (
                <li key={section.key}>
                  <a href={`#${section.key}`}>{section.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {sections.map((section, index) => {
            const Content = sectionContent.get(section.key);
            const topicIds = new Set(section.topics.map((t) => t.id));
            return (
              <article key={section.key} className={styles.section} aria-labelledby={section.key}>
                <Heading as="h2" id={section.key}>
                  {index + 1}. {section.title}
                </Heading>
                <p className={styles.meta}>
                  Online: <Link to={section.permalink}>{section.label}</Link>
                </p>
                <div className="markdown">
                  <MDXContent>{Content ? <Content components={headingComponents(section.key, topicIds)} /> : null}</MDXContent>
                </div>
              </article>
            );
          })}
        </div>
      </main>
    </Layout>
  );
}
