import MDXComponents from '@theme-original/MDXComponents';
import ResourceList from '@site/src/components/ResourceList';
import ResourceCard from '@site/src/components/ResourceCard';
import Diagram from '@site/src/components/Diagram';
import TopicProgress from '@site/src/components/TopicProgress';
import SectionProgress from '@site/src/components/SectionProgress';
import ModuleProgress from '@site/src/components/ModuleProgress';
import WhatsNext from '@site/src/components/WhatsNext';

// Authors use these in Markdown without imports; the remark plugins emit the first five.
export default {
  ...MDXComponents,
  ResourceList,
  ResourceCard,
  Diagram,
  TopicProgress,
  SectionProgress,
  ModuleProgress,
  WhatsNext,
};
