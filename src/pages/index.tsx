import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import {formatMinutes} from '@site/src/browser/studyTime';
import ModuleSummary from '@site/src/components/ModuleSummary';
import styles from './index.module.css';

function SectionGrid(): ReactNode {
  const {sections} = useSectionIndex();
  return (
    <ol className={styles.grid}>
      {sections.map((section, index) => (
        <li key={section.key} className={clsx('card', styles.sectionCard)}>
          <span className={styles.number}>Section {index + 1}</span>
          <Link to={section.permalink} className={styles.sectionTitle}>
            {section.title}
          </Link>
          <span className={styles.sectionMeta}>
            {section.topics.length} topics · about {formatMinutes(section.minutes)}
          </span>
        </li>
      ))}
    </ol>
  );
}

export default function Home(): ReactNode {
  return (
    <Layout
      title="Module 4: Containerization and Orchestration"
      description="Learn containers, Kubernetes and the cloud-native platform around them: a free, self-paced DevOps module with curated resources, self-checks and progress tracking without an account."
    >
      <header className={styles.hero}>
        <div className="container">
          <ModuleSummary
            variant="hero"
            lead="From a single container to production Kubernetes: images, orchestration, service meshes, observability and delivery."
          />
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs">
              Start the module
            </Link>
            <Link className="button button--secondary button--lg" to="/print">
              Read it on one page
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">What you will study</Heading>
        <SectionGrid />
        <Heading as="h2">How it works</Heading>
        <ul className={styles.how}>
          <li>
            <strong>Learn each topic in order.</strong> Every topic explains the idea, lists what you need to know, and
            points to three vetted resources.
          </li>
          <li>
            <strong>Check yourself.</strong> Each section ends with questions whose answers link back to the topic.
          </li>
          <li>
            <strong>Track progress without an account.</strong> Mark topics learned; your progress stays in this browser.
          </li>
          <li>
            <strong>Read anywhere.</strong> Light or dark, phone or desktop, online or offline after your first visit.
          </li>
        </ul>
      </main>
    </Layout>
  );
}
