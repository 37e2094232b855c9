/**
 * One GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`), escaped
 * as the runner expects: `%`, CR and LF in the message; also `:` and `,` in the properties.
 * Shared by the Markdown lint reporter and the link checker's report.
 */
export interface AnnotationPlace {
  file: string;
  line: number;
  column: number;
  title: string;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(level: 'error' | 'warning', {file, line, column, title}: AnnotationPlace, message: string): string {
  return `::${level} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(title)}::${escapeData(message)}`;
}
