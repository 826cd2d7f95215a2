// Scenario and player text: Markdown rendered without ever executing HTML; links open safely in a new tab.
import Markdown, { type Components } from 'react-markdown';
import { remarkHtmlAsText } from './markdown-as-text.js';

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  // Remote images could track readers or break the layout: show their description instead.
  img: ({ alt }) => <span>[image: {alt || 'no description'}]</span>,
};

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="ttx-markdown">
      <Markdown remarkPlugins={[remarkHtmlAsText]} skipHtml={false} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
