import {useEffect, useRef, useState, type ComponentProps, type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import MDXContent from '@theme/MDXContent';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import ModuleSummary from '@site/src/components/ModuleSummary';
import CodeBlock, {type Props as CodeBlockProps} from '@site/src/theme/CodeBlock';
import type {MdxComponents, MdxContent} from '@site/src/print/sections';
import styles from './print.module.css';

type SectionMap = ReadonlyMap<string, MdxContent>;

// The sections are compiled into the server bundle only (src/plugins/printEdition.ts defines the
// flag): the browser keeps their server-rendered HTML instead of hydrating it.
const serverSections: SectionMap | null =
  process.env.PRINT_EDITION_SERVER === 'true'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require the bundler drops from the browser build
      (require('@site/src/print/sections') as {sectionContent: SectionMap}).sectionContent
    : null;

/**
 * The edition is for reading and printing: its sections are static HTML, so controls that need
 * React are left out of them (progress is tracked on the section pages; code is selectable).
 */
const staticParts: MdxComponents = {
  ProgressCheck: () => null,
  SectionProgress: () => null,
  CodeBlock: (props) => <CodeBlock {...(props as unknown as CodeBlockProps)} copyable={false} />,
} as MdxComponents;

/**
 * A section's headings move one level down under its own h2. Topic and exercise anchors stay as
 * they are (self-check answers and other exercises link to them); other repeated headings, such
 * as every exercise's "Goal", get the section as prefix.
 */
function headingComponents(sectionKey: string, keptIds: ReadonlySet<string>): MdxComponents {
  const shifted = (as: 'h3' | 'h4' | 'h5') =>
    function ShiftedHeading({id, ...props}: ComponentProps<'h2'>) {
      const anchor = id === undefined || keptIds.has(id) ? id : `${sectionKey}--${id}`;
      return <Heading as={as} id={anchor} {...props} />;
    };
  return {...staticParts, h2: shifted('h3'), h3: shifted('h4'), h4: shifted('h5')} as MdxComponents;
}

function PrintButton(): ReactNode {
  const isBrowser = useIsBrowser();
  return (
    <button type="button" className="button button--primary" disabled={!isBrowser} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}

function SectionArticles({content}: {content: SectionMap}): ReactNode {
  const {sections} = useSectionIndex();
  return sections.map((section, index) => {
    const Content = content.get(section.key);
    const keptIds = new Set([...section.topics, ...section.exercises].map((item) => item.id));
    return (
      <article key={section.key} className={styles.section} aria-labelledby={section.key}>
        <Heading as="h2" id={section.key}>
          {index + 1}. {section.title}
        </Heading>
        <p className={styles.meta}>
          Online: <Link to={section.permalink}>{section.label}</Link>
        </p>
        <div className="markdown">
          <MDXContent>{Content ? <Content components={headingComponents(section.key, keptIds)} /> : null}</MDXContent>
        </div>
      </article>
    );
  });
}

/**
 * Server: the eleven sections. Browser, on a page load: the same element with the server's HTML
 * left in place (React does not hydrate inside `dangerouslySetInnerHTML`). Browser, after a
 * client-side navigation, there is no server HTML: the sections' chunk loads and renders.
 */
function Sections(): ReactNode {
  const island = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<SectionMap | null>(null);
  useEffect(() => {
    if (island.current && island.current.childElementCount === 0) {
      void import('@site/src/print/sections').then((m) => setLoaded(m.sectionContent));
    }
  }, []);
  const content = serverSections ?? loaded;
  if (content) {
    return (
      <div>
        <SectionArticles content={content} />
      </div>
    );
  }
  return <div ref={island} dangerouslySetInnerHTML={{__html: ''}} suppressHydrationWarning />;
}

export default function PrintEdition(): ReactNode {
  const {sections} = useSectionIndex();
  return (
    <Layout
      title="One-page edition"
      description="The whole Containerization and Orchestration module on one page: every section, topic, point and resource, ready to print or save as PDF."
    >
      <main className={styles.page}>
        <div className="container">
          <header className={styles.header}>
            <ModuleSummary
              variant="plain"
              edition="One-page edition"
              lead="The whole module on one page:"
              after="Print it or save it as PDF; links show their full address on paper, and self-check answers, hints and solutions are printed open."
            />
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
          <Sections />
        </div>
      </main>
    </Layout>
  );
}
