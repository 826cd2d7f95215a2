// A remark plugin that shows raw HTML in Markdown as the literal text it is, so nothing a scenario author or a
// player writes can become markup, and the reader still sees exactly what was sent.
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

function htmlToText(node: MarkdownNode): void {
  if (node.type === 'html') node.type = 'text';
  node.children?.forEach(htmlToText);
}

export function remarkHtmlAsText() {
  return (tree: MarkdownNode) => htmlToText(tree);
}
