import MDXComponents from '@theme-original/MDXComponents';
import CodeBlock from '@theme/CodeBlock';
import ResourceList from '@site/src/components/ResourceList';
import ResourceCard from '@site/src/components/ResourceCard';
import Diagram from '@site/src/components/Diagram';
import ProgressCheck from '@site/src/components/ProgressCheck';
import SectionProgress from '@site/src/components/SectionProgress';
import ModuleProgress from '@site/src/components/ModuleProgress';
import ExerciseList from '@site/src/components/ExerciseList';
import WhatsNext from '@site/src/components/WhatsNext';

// The stock map, plus what authors use in Markdown without imports. The remark plugins emit the
// first six: fences become <CodeBlock>s highlighted at build time (src/remark/codeBlocks.ts;
// `@theme/CodeBlock` is our swizzle, so the stock `code` element brings no Prism either).
export default {
  ...MDXComponents,
  CodeBlock,
  ResourceList,
  ResourceCard,
  Diagram,
  ProgressCheck,
  SectionProgress,
  ModuleProgress,
  ExerciseList,
  WhatsNext,
};
