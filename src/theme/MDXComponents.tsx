import type {ComponentProps} from 'react';
import Head from '@docusaurus/Head';
import MDXA from '@theme/MDXComponents/A';
import MDXDetails from '@theme/MDXComponents/Details';
import MDXHeading from '@theme/MDXComponents/Heading';
import MDXUl from '@theme/MDXComponents/Ul';
import MDXLi from '@theme/MDXComponents/Li';
import MDXImg from '@theme/MDXComponents/Img';
import CodeInline from '@theme/CodeInline';
import Admonition from '@theme/Admonition';
import CodeBlock from '@site/src/components/CodeBlock';
import ResourceList from '@site/src/components/ResourceList';
import ResourceCard from '@site/src/components/ResourceCard';
import Diagram from '@site/src/components/Diagram';
import ProgressCheck from '@site/src/components/ProgressCheck';
import SectionProgress from '@site/src/components/SectionProgress';
import ModuleProgress from '@site/src/components/ModuleProgress';
import ExerciseList from '@site/src/components/ExerciseList';
import WhatsNext from '@site/src/components/WhatsNext';

type HeadingProps = ComponentProps<'h1'>;

// theme-classic's map (minus Mermaid), part by part rather than spread from
// @theme-original/MDXComponents: its `code` and `pre` import @theme/CodeBlock and with it Prism.
// Fences are <CodeBlock>s by now (src/remark/codeBlocks.ts, highlighted at build time), so
// `code` is inline code only and `pre` stays a plain <pre>.
const baseComponents = {
  Head,
  details: MDXDetails,
  Details: MDXDetails,
  code: CodeInline,
  CodeBlock,
  a: MDXA,
  ul: MDXUl,
  li: MDXLi,
  img: MDXImg,
  h1: (props: HeadingProps) => <MDXHeading as="h1" {...props} />,
  h2: (props: HeadingProps) => <MDXHeading as="h2" {...props} />,
  h3: (props: HeadingProps) => <MDXHeading as="h3" {...props} />,
  h4: (props: HeadingProps) => <MDXHeading as="h4" {...props} />,
  h5: (props: HeadingProps) => <MDXHeading as="h5" {...props} />,
  h6: (props: HeadingProps) => <MDXHeading as="h6" {...props} />,
  admonition: Admonition,
};

// Authors use these in Markdown without imports; the remark plugins emit the first five.
export default {
  ...baseComponents,
  ResourceList,
  ResourceCard,
  Diagram,
  ProgressCheck,
  SectionProgress,
  ModuleProgress,
  ExerciseList,
  WhatsNext,
};
