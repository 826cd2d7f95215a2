import { remarkHtmlAsText } from './markdown-as-text.js';

describe('remarkHtmlAsText', () => {
  it('turns every raw HTML node, however deep, into a text node with the same characters', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'html', value: '<script>alert(1)</script>' },
        { type: 'paragraph', children: [{ type: 'text', value: 'see ' }, { type: 'html', value: '<img src=x onerror=alert(1)>' }] },
      ],
    };
    remarkHtmlAsText()(tree);
    expect(tree.children[0]).toEqual({ type: 'text', value: '<script>alert(1)</script>' });
    expect(tree.children[1].children?.[1]).toEqual({ type: 'text', value: '<img src=x onerror=alert(1)>' });
  });
});
